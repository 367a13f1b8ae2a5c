import type { OpenConnection } from '../../connection-kind.js';
import { chinaTime, signTop } from '../signing.js';
import { form, signedCall, type Json, type PlatformAnswer, type TransportSettings } from '../transport.js';

export const TOP_GATEWAY = 'https://eco.taobao.com/router/rest';

/**
 * Taobao/Tmall open platform (TOP) calls: form-encoded POST to the router with method, app_key,
 * session (the seller's authorisation), timestamp in China time, v 2.0, format json and the
 * documented signature (md5, or hmac). `node-taobao-topclient` was not used: its one release
 * depends on the deprecated `request` package.
 */
export function topClient(connection: OpenConnection) {
  const settings = connection.settings as TransportSettings & { baseUrl?: string; signMethod?: 'md5' | 'hmac' };
  const appKey = String(connection.credentials.appKey);
  const secret = String(connection.credentials.appSecret);
  const session = String(connection.credentials.sessionKey);
  return async function call(method: string, params: Record<string, string>): Promise<Json> {
    return signedCall(
      'Taobao',
      () => {
        const all: Record<string, string> = { method, app_key: appKey, session, timestamp: chinaTime(new Date()), format: 'json', v: '2.0', sign_method: settings.signMethod ?? 'md5', ...params };
        all.sign = signTop(all, secret, settings.signMethod ?? 'md5');
        return { url: settings.baseUrl ?? TOP_GATEWAY, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: form(all) } };
      },
      (status, body) => readTop(method, status, body),
      settings,
    );
  };
}

/**
 * TOP answers `{<method>_response: …}` or `{error_response: {code, msg, sub_code, sub_msg}}`.
 * Codes 26/27 (missing/invalid session) and sub-codes `isv.invalid-sessionkey…`/`…session-expired`
 * are an expired authorisation; 7 (App Call Limited) and `accesscontrol.limited…` a rate limit;
 * `isp.*` the platform's own failure (retried).
 */
function readTop(method: string, status: number, body: unknown): PlatformAnswer {
  const b = (body ?? {}) as Json;
  const e = b.error_response as { code?: number | string; msg?: string; sub_code?: string; sub_msg?: string } | undefined;
  if (e) {
    const code = String(e.code ?? '');
    const sub = e.sub_code ?? '';
    const message = [e.msg, e.sub_msg].filter(Boolean).join(': ');
    if (code === '26' || code === '27' || /session/i.test(sub)) return { ok: false, kind: 'auth', code: sub || code, message };
    if (code === '7' || /^accesscontrol\.limited/.test(sub)) return { ok: false, kind: 'rate_limited', code: sub || code, message };
    if (/^isp\./.test(sub)) return { ok: false, kind: 'server', code: sub, message };
    return { ok: false, kind: 'refused', code: sub || code, message };
  }
  const key = `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
  const data = b[key];
  if (!data || typeof data !== 'object') return { ok: false, kind: status >= 400 ? 'server' : 'refused', code: String(status), message: `no ${key} in the answer` };
  return { ok: true, data };
}
