import { ApiError, requestJson } from '../../shared/api.js';

export { ApiError };

/** The session's CSRF token, sent as X-CSRF-Token on every write (set from the login or session reply). */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Params = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** `/api/v1/path?…`, repeating array parameters and leaving out empty ones. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const query = search.toString();
  return `/api/v1${path}${query ? `?${query}` : ''}`;
}

const write = (method: string) => <T>(path: string, body?: unknown, headers: Record<string, string> = {}) =>
  requestJson<T>(apiUrl(path), { method, body, headers: { ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers } });

export const api = {
  get: <T>(path: string, params?: Params, signal?: AbortSignal) => requestJson<T>(apiUrl(path, params), { signal }),
  post: write('POST'),
  put: write('PUT'),
  patch: write('PATCH'),
  delete: write('DELETE'),
  /** multipart/form-data (evidence uploads). */
  upload: <T>(path: string, form: FormData) => requestJson<T>(apiUrl(path), { method: 'POST', body: form, headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} }),
};

/** The stable error code of a failed call, or a generic one. */
export const errorCode = (err: unknown) => (err instanceof ApiError ? err.code : 'http.error');
