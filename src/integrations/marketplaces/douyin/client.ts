import type { OpenConnection } from '../../connection-kind.js';
import { signDouyin, sortedJson } from '../signing.js';
import { signedCall, type Json, type PlatformAnswer, type TransportSettings } from '../transport.js';

export const DOUYIN_GATEWAY = 'https://openapi-fxg.jinritemai.com';

/**
 * Douyin shop (抖店) open platform calls: POST to `<gateway>/<method with />` (afterSale.List →
 * /afterSale/List) with app_key, method, access_token, param_json (keys sorted), timestamp (Unix
 * seconds), v 2, sign_method hmac-sha256 and the documented signature in the query string; the
 * body is param_json itself.
 */
export function douyinClient(connection: OpenConnection) {
  const settings = connection.settings as TransportSettings & { baseUrl?: string };
  const appKey = String(connection.credentials.appKey);
  const secret = String(connection.credentials.appSecret);
  const token = String(connection.credentials.accessToken);
  return async function call(method: string, params: Record<string, unknown>): Promise<Json> {
    return signedCall(
      'Douyin',
      () => {
        const paramJson = sortedJson(params);
        const p = { app_key: appKey, method, param_json: paramJson, timestamp: String(Math.floor(Date.now() / 1000)), v: '2' };
        const query = new URLSearchParams({ ...p, access_token: token, sign_method: 'hmac-sha256', sign: signDouyin(p, secret) });
        const base = (settings.baseUrl ?? DOUYIN_GATEWAY).replace(/\/$/, '');
        return { url: `${base}/${method.replace(/\./g, '/')}?${query.toString()}`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: paramJson } };
      },
      (status, body) => readDouyin(status, body),
      settings,
    );
  };
}

/**
 * Douyin answers `{code, msg, sub_code, sub_msg, data}`; 10000 is success. Sub-codes naming the
 * access token (`isv.access-token-*`) and codes 30001/30002 are an expired authorisation;
 * sub-codes naming a limit (`*limit*`, 频率) a rate limit; code 20000 and `isp.*` the platform's
 * own failure. The codes come from SDK error lists, not Douyin's own page: confidence U.
 */
function readDouyin(status: number, body: unknown): PlatformAnswer {
  const b = (body ?? {}) as Json;
  if (b.code === undefined) return { ok: false, kind: status >= 400 ? 'server' : 'refused', code: String(status), message: 'no code in the answer' };
  const code = String(b.code);
  if (code === '10000') return { ok: true, data: (b.data ?? {}) as Json };
  const sub = String(b.sub_code ?? '');
  const message = [b.msg, b.sub_msg].filter(Boolean).join(': ');
  if (code === '30001' || code === '30002' || /access[-_]?token/i.test(sub)) return { ok: false, kind: 'auth', code: sub || code, message };
  if (/limit|频率/i.test(sub) || /limit|频率/i.test(message)) return { ok: false, kind: 'rate_limited', code: sub || code, message };
  if (code === '20000' || /^isp\./.test(sub)) return { ok: false, kind: 'server', code: sub || code, message };
  return { ok: false, kind: 'refused', code: sub || code, message };
}
