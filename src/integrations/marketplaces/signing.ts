import { createHash, createHmac } from 'node:crypto';

/**
 * The request signatures of the Chinese marketplaces' open platforms, each as its documentation
 * describes it. Parameters are sorted by name and concatenated as name+value (no separators);
 * `sign` itself and empty values are left out.
 */
const joined = (params: Record<string, string>) =>
  Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join('');

const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

/** Taobao TOP: md5 → MD5(secret + joined + secret); hmac → HMAC-MD5(secret, joined); upper-case hex. */
export function signTop(params: Record<string, string>, secret: string, method: 'md5' | 'hmac' = 'md5'): string {
  const text = joined(params);
  return method === 'hmac' ? createHmac('md5', secret).update(text, 'utf8').digest('hex').toUpperCase() : md5Upper(`${secret}${text}${secret}`);
}

/** Pinduoduo: MD5(client_secret + joined + client_secret), upper-case hex. */
export const signPdd = (params: Record<string, string>, secret: string) => md5Upper(`${secret}${joined(params)}${secret}`);

/** JD (京东开放平台 routerjson): MD5(app_secret + joined + app_secret), upper-case hex. */
export const signJd = (params: Record<string, string>, secret: string) => md5Upper(`${secret}${joined(params)}${secret}`);

/**
 * Douyin (抖店): over app_key, method, param_json, timestamp and v only, in that (sorted) order,
 * wrapped in the secret: HMAC-SHA256(secret, secret + "app_key…method…param_json…timestamp…v…" + secret), hex.
 */
export function signDouyin(p: { app_key: string; method: string; param_json: string; timestamp: string; v: string }, secret: string): string {
  const text = `${secret}app_key${p.app_key}method${p.method}param_json${p.param_json}timestamp${p.timestamp}v${p.v}${secret}`;
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Douyin signs `param_json` with its keys sorted (nested objects too), no spaces. */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sort(value));
}

/** "yyyy-MM-dd HH:mm:ss" in China time (UTC+8), as TOP and JD want their timestamps. */
export function chinaTime(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
}

/** Parses "yyyy-MM-dd HH:mm:ss" as China time (UTC+8). */
export function parseChinaTime(text: string | null | undefined): Date | null {
  if (!text) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}
