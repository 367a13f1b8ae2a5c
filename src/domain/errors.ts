/**
 * The one error type of Retour. Domain code and services throw it; the HTTP layer maps its
 * kind to a status exactly once (src/http/plugins/errors.ts). `code` is stable and documented:
 * clients branch on it, never on `message`.
 */
export type ErrorKind =
  | 'invalid' // 400: the request itself is malformed
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: valid, but not in the resource's current state
  | 'too_large' // 413
  | 'unsupported_media_type' // 415
  | 'unprocessable' // 422: well-formed, but breaks a business rule
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, details);
export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('unprocessable', code, message, details);
export const notFound = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('not_found', code, message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', code, message, details);
export const forbidden = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('forbidden', code, message, details);
export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);
