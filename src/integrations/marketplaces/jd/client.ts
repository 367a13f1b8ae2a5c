import type { OpenConnection } from '../../connection-kind.js';
import { chinaTime, signJd } from '../signing.js';
import { form, signedCall, type Json, type PlatformAnswer, type TransportSettings } from '../transport.js';

export const JD_GATEWAY = 'https://api.jd.com/routerjson';

/**
 * JD open platform (京东开放平台, JOS) calls: form-encoded POST to routerjson with method,
 * app_key, access_token, timestamp in China time, v 2.0, format json, the business parameters
 * as one JSON string `360buy_param_json`, and the documented MD5 signature over all of them
 * (MD5(secret + sorted name+value + secret), upper-case, as TOP's).
 */
export function jdClient(connection: OpenConnection) {
  const settings = connection.settings as TransportSettings & { baseUrl?: string };
  const appKey = String(connection.credentials.appKey);
  const secret = String(connection.credentials.appSecret);
  const token = String(connection.credentials.accessToken);
  return async function call(method: string, params: Record<string, unknown>): Promise<Json> {
    return signedCall(
      'JD',
      () => {
        const all: Record<string, string> = { method, app_key: appKey, access_token: token, timestamp: chinaTime(new Date()), format: 'json', v: '2.0', sign_method: 'md5', '360buy_param_json': JSON.stringify(params) };
        all.sign = signJd(all, secret);
        return { url: settings.baseUrl ?? JD_GATEWAY, init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: form(all) } };
      },
      (status, body) => readJd(method, status, body),
      settings,
    );
  };
}

/**
 * JOS answers `{<method with _>_responce: {code: "0", …}}` (JD's spelling; some APIs answer
 * `_response`) or `{error_response: {code, zh_desc, en_desc}}`. Code 19 and descriptions naming
 * the access token are an expired authorisation; descriptions naming a call limit (调用次数 /
 * 频率 / limit) a rate limit; codes 1–17 and 66+ with "服务" the platform's own failure. The codes
 * come from SDK comments and ERP code, not JD's own error page: confidence U.
 */
function readJd(method: string, status: number, body: unknown): PlatformAnswer {
  const b = (body ?? {}) as Json;
  const e = b.error_response as { code?: string | number; zh_desc?: string; en_desc?: string } | undefined;
  if (e) {
    const code = String(e.code ?? '');
    const message = [e.zh_desc, e.en_desc].filter(Boolean).join(' / ');
    if (code === '19' || /access_?token/i.test(message)) return { ok: false, kind: 'auth', code, message };
    if (/limit|频率|调用次数|流控/i.test(message)) return { ok: false, kind: 'rate_limited', code, message };
    if (/服务不可用|unavailable|timeout|超时/i.test(message)) return { ok: false, kind: 'server', code, message };
    return { ok: false, kind: 'refused', code, message };
  }
  const base = method.replace(/\./g, '_');
  const data = (b[`${base}_responce`] ?? b[`${base}_response`]) as Json | undefined;
  if (!data || typeof data !== 'object') return { ok: false, kind: status >= 400 ? 'server' : 'refused', code: String(status), message: `no ${base}_responce in the answer` };
  if (data.code !== undefined && String(data.code) !== '0') return { ok: false, kind: 'refused', code: String(data.code), message: String(data.zh_desc ?? data.msg ?? 'refused') };
  return { ok: true, data };
}
