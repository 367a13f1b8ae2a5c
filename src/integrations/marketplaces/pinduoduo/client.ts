import type { OpenConnection } from '../../connection-kind.js';
import { signPdd } from '../signing.js';
import { signedCall, type Json, type PlatformAnswer, type TransportSettings } from '../transport.js';

export const PDD_GATEWAY = 'https://gw-api.pinduoduo.com/api/router';

/**
 * Pinduoduo open platform calls: JSON POST to the router with type, client_id, access_token,
 * timestamp (Unix seconds), data_type JSON and the MD5 signature over every parameter.
 */
export function pddClient(connection: OpenConnection) {
  const settings = connection.settings as TransportSettings & { baseUrl?: string };
  const clientId = String(connection.credentials.clientId);
  const secret = String(connection.credentials.clientSecret);
  const token = String(connection.credentials.accessToken);
  return async function call(type: string, params: Record<string, string>): Promise<Json> {
    return signedCall(
      'Pinduoduo',
      () => {
        const all: Record<string, string> = { type, client_id: clientId, access_token: token, timestamp: String(Math.floor(Date.now() / 1000)), data_type: 'JSON', version: 'V1', ...params };
        all.sign = signPdd(all, secret);
        return { url: settings.baseUrl ?? PDD_GATEWAY, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(all) } };
      },
      (status, body) => readPdd(status, body),
      settings,
    );
  };
}

/**
 * PDD answers `{<name>_response: …}` or `{error_response: {error_code, error_msg, sub_code, sub_msg}}`.
 * 10019 (access_token expired) and 10020 (invalid) are an expired authorisation; 70031/70032 call
 * frequency limits; 50000 and above the platform's own failure. (Codes from the platform's error
 * list as SDKs reproduce it: confidence M.)
 */
function readPdd(status: number, body: unknown): PlatformAnswer {
  const b = (body ?? {}) as Json;
  const e = b.error_response as { error_code?: number | string; error_msg?: string; sub_code?: string; sub_msg?: string } | undefined;
  if (e) {
    const code = Number(e.error_code);
    const message = [e.error_msg, e.sub_msg].filter(Boolean).join(': ');
    if (code === 10019 || code === 10020) return { ok: false, kind: 'auth', code: String(code), message };
    if (code === 70031 || code === 70032) return { ok: false, kind: 'rate_limited', code: String(code), message };
    if (code >= 50000) return { ok: false, kind: 'server', code: String(code), message };
    return { ok: false, kind: 'refused', code: String(e.error_code), message };
  }
  const key = Object.keys(b).find((k) => k.endsWith('_response'));
  if (!key) return { ok: false, kind: status >= 400 ? 'server' : 'refused', code: String(status), message: 'no *_response in the answer' };
  return { ok: true, data: b[key] as Json };
}
