import { invalid } from '../domain/errors.js';

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends object>(cursor: string): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object') return value as T;
  } catch {
    // fall through
  }
  throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
}
