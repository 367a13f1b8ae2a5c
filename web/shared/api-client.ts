import i18next from 'i18next';
import createClient from 'openapi-fetch';
import { ApiError, type ApiErrorBody } from './api.js';
import type { paths } from './api-schema.js';

export type { paths };

/** The JSON body of a reply, as the API's OpenAPI document declares it (web/shared/api-schema.d.ts, generated). */
export type Reply<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer T } }
      ? T
      : never
    : never
  : never;

/** The JSON body of a request, as the API's OpenAPI document declares it. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/**
 * A client typed by the API's paths (openapi-fetch): the same behaviour as requestJson — the UI's
 * language in Accept-Language (the server answers errors in it), cookies of this origin.
 */
export function apiClient(headers: Record<string, string> = {}) {
  const client = createClient<paths>({ headers: { accept: 'application/json', ...headers }, credentials: 'same-origin' });
  client.use({
    onRequest({ request }) {
      if (i18next.language) request.headers.set('accept-language', i18next.language);
      return request;
    },
  });
  return client;
}

/** The data of a call, or an ApiError with the stable error code of a non-2xx answer (as requestJson). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const e = (error as ApiErrorBody | undefined)?.error;
    throw new ApiError(response.status, e?.code ?? 'http.error', e?.message ?? response.statusText, e?.details ?? {});
  }
  return data as T;
}
