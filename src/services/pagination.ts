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

/** Keyset cursor of lists sorted newest first by (createdAt, id). */
export interface TimeCursor {
  createdAt: Date;
  id: string;
}

export function decodeTimeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor<{ t?: unknown; i?: unknown }>(cursor);
  const createdAt = new Date(typeof c.t === 'string' ? c.t : NaN);
  if (Number.isNaN(createdAt.getTime()) || typeof c.i !== 'string' || !/^[0-9a-f-]{36}$/i.test(c.i)) {
    throw invalid('request.cursor_invalid', 'The cursor is not one this API issued');
  }
  return { createdAt, id: c.i };
}

/** One page from `limit + 1` rows read: the extra row only says whether there is a next page. */
export function timePage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.toISOString(), i: last.id }) : null };
}
