import i18next from 'i18next';

/** The error shape of every Retour API (docs/api-guide.md, Errors). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** JSON in, JSON out; a non-2xx answer becomes an ApiError carrying the stable error code. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  // The server answers errors in the UI's language (not the browser's, which may differ).
  const headers: Record<string, string> = { accept: 'application/json', ...(i18next.language ? { 'accept-language': i18next.language } : {}), ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(url, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin', signal: options.signal });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http.error', e?.message ?? res.statusText, e?.details ?? {});
  }
  return data as T;
}
