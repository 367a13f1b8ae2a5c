import { createHash, timingSafeEqual } from 'node:crypto';
import { kuaidi100PickupStatus } from '../../domain/carriers/pickup.js';
import { kuaidi100Status } from '../../domain/carriers/tracking.js';
import { CarrierError, CarrierSignatureError, type Carrier, type TrackingUpdate } from '../carriers/carrier.js';

/**
 * 快递100 (Kuaidi100), as its API documentation and official demos describe it:
 * - real-time query `poll/query.do`: form `customer`, `param`, `sign = MD5(param + key + customer)` upper case;
 * - subscription `poll`: form `schema=json`, `param` {company, number, key, parameters: {callbackurl, salt, resultv2}};
 *   the callback POSTs form `param` (JSON) and `sign = MD5(param + salt)` upper case, and expects
 *   `{"result":true,"returnCode":"200","message":"成功"}`;
 * - carrier detection `autonumber/auto?num=&key=`;
 * - 商家寄件 (courier pickup) `order/borderapi.do` method `bOrder`, and 订单拦截 `label/order?method=interceptOrder`,
 *   both signed `MD5(param + t + key + secret)` upper case; a pickup order's state changes are POSTed to its
 *   `callBackUrl` as form `taskId`, `param` ({kuaidicom, kuaidinum, status, message, data: {orderId, status,
 *   courierName, courierMobile, …}}) and `sign = MD5(param + salt)` upper case, the salt given with the order.
 */
export interface Kuaidi100Credentials {
  key: string;
  customer: string;
  /** 商家寄件 / interception secret. */
  secret?: string;
  /** Signs the subscription callbacks Kuaidi100 sends to Retour. */
  salt: string;
}

export interface Kuaidi100Settings {
  /** Only for a test server: every endpoint is called under this base instead of Kuaidi100's hosts. */
  baseUrl?: string;
  /** Carrier code for booked pickups (默认快递公司), e.g. `shunfeng`. */
  defaultCarrier?: string;
  timeoutMs?: number;
}

const md5Upper = (text: string) => createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();

/** The documented real-time query signature. */
export const querySign = (param: string, key: string, customer: string) => md5Upper(param + key + customer);
/** The signature of a subscription callback. */
export const callbackSign = (param: string, salt: string) => md5Upper(param + salt);
/** 商家寄件 and interception calls. */
export const orderSign = (param: string, t: string, key: string, secret: string) => md5Upper(param + t + key + secret);

const HOSTS = {
  poll: 'https://poll.kuaidi100.com/poll',
  query: 'https://poll.kuaidi100.com/poll/query.do',
  auto: 'https://www.kuaidi100.com/autonumber/auto',
  border: 'https://order.kuaidi100.com/order/borderapi.do',
  intercept: 'https://api.kuaidi100.com/label/order?method=interceptOrder',
} as const;
const PATHS = { poll: '/poll', query: '/poll/query.do', auto: '/autonumber/auto', border: '/order/borderapi.do', intercept: '/label/order?method=interceptOrder' } as const;

interface TraceRow {
  time?: string;
  ftime?: string;
  context?: string;
  status?: string;
  statusCode?: string;
  areaName?: string;
}

/** Kuaidi100 times are Beijing time without a zone: "2026-12-01 10:00:00". */
function beijing(time: string | undefined): Date {
  const d = new Date(`${(time ?? '').replace(' ', 'T')}+08:00`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** The scans of a trace (a query answer or a callback's `lastResult`); the newest row carries the parcel's `state`. */
export function updatesOfTrace(com: string, nu: string, state: string | undefined, rows: TraceRow[]): TrackingUpdate[] {
  return rows.map((r, i) => {
    // resultv2 gives each row its own statusCode; without it only the newest row's state is known, the older ones were on the way.
    const code = r.statusCode ?? (i === 0 && state !== undefined ? state : '0');
    return {
      carrierCode: com,
      trackingNumber: nu,
      status: kuaidi100Status(code),
      code,
      description: (r.context ?? '').slice(0, 1000),
      location: r.areaName ?? null,
      occurredAt: beijing(r.ftime ?? r.time),
    };
  });
}

/** The callback's `param`, once its `sign = MD5(param + salt)` matched (both callbacks are signed so). */
function signedParam(rawBody: Buffer, salt: string): Record<string, unknown> {
  const form = new URLSearchParams(rawBody.toString('utf8'));
  const param = form.get('param');
  const sign = form.get('sign');
  if (!param || !sign) throw new CarrierSignatureError('The callback has no param or sign');
  const expected = Buffer.from(callbackSign(param, salt));
  const given = Buffer.from(sign.toUpperCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CarrierSignatureError('The callback’s sign does not match this connection’s salt');
  let body: unknown;
  try {
    body = JSON.parse(param);
  } catch {
    throw new CarrierError('The callback’s param is not JSON', 400);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CarrierError('The callback’s param is not a JSON object', 400);
  return body as Record<string, unknown>;
}

export function kuaidi100Carrier(credentials: Kuaidi100Credentials, settings: Kuaidi100Settings): Carrier {
  const url = (name: keyof typeof HOSTS) => (settings.baseUrl ? `${settings.baseUrl.replace(/\/+$/, '')}${PATHS[name]}` : HOSTS[name]);
  const post = async (name: keyof typeof HOSTS, form: Record<string, string>): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(url(name), { method: 'POST', body: new URLSearchParams(form), signal: AbortSignal.timeout(settings.timeoutMs ?? 30_000) });
    } catch (err) {
      throw new CarrierError(`Kuaidi100: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new CarrierError(`Kuaidi100 answered ${res.status}: ${text.slice(0, 200)}`, res.status);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CarrierError(`Kuaidi100 answered something that is not JSON: ${text.slice(0, 200)}`, res.status);
    }
  };
  /** Accepted answers carry `result: true` or `returnCode: "200"`; refusals say why in `message`. */
  const accepted = (answer: unknown): Record<string, unknown> => {
    const a = (answer ?? {}) as Record<string, unknown>;
    if (a.result === true || a.returnCode === '200' || a.status === '200') return a;
    throw new CarrierError(`Kuaidi100 refused: ${String(a.message ?? a.returnCode ?? 'no reason given')}`);
  };
  const signedOrder = async (name: 'border' | 'intercept', method: string | null, param: Record<string, unknown>) => {
    if (!credentials.secret) throw new CarrierError('Kuaidi100: this call needs the connection’s secret (授权secret)');
    const p = JSON.stringify(param);
    const t = String(Date.now());
    return accepted(await post(name, { ...(method ? { method } : {}), key: credentials.key, t, param: p, sign: orderSign(p, t, credentials.key, credentials.secret) }));
  };

  return {
    network: 'kuaidi100',
    capabilities: { pickup: true, dropOffCode: false, labels: false, interception: true },

    async detectCarrier(trackingNumber) {
      const answer = await post('auto', { key: credentials.key, num: trackingNumber });
      if (!Array.isArray(answer)) return [];
      return answer.map((x) => String((x as { comCode?: unknown }).comCode ?? '')).filter(Boolean);
    },

    async track(carrierCode, trackingNumber) {
      const param = JSON.stringify({ com: carrierCode, num: trackingNumber, resultv2: '1' });
      const a = accepted(await post('query', { customer: credentials.customer, param, sign: querySign(param, credentials.key, credentials.customer) }));
      return updatesOfTrace(String(a.com ?? carrierCode), String(a.nu ?? trackingNumber), a.state === undefined ? undefined : String(a.state), (a.data as TraceRow[] | undefined) ?? []);
    },

    async subscribe(carrierCode, trackingNumber, callbackUrl) {
      const param = JSON.stringify({ company: carrierCode, number: trackingNumber, key: credentials.key, parameters: { callbackurl: callbackUrl, salt: credentials.salt, resultv2: '1' } });
      accepted(await post('poll', { schema: 'json', param }));
      return {};
    },

    async bookReturn(booking) {
      if (booking.method !== 'pickup') throw new CarrierError(`Kuaidi100 books courier pickups only, not ${booking.method}`);
      const kuaidicom = booking.carrierCode ?? settings.defaultCarrier;
      if (!kuaidicom) throw new CarrierError('Kuaidi100: choose a carrier (or set the connection’s default carrier) for the pickup');
      const hhmm = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
      const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const data = (
        await signedOrder('border', 'bOrder', {
          kuaidicom,
          recManName: booking.to.name,
          recManMobile: booking.to.phone,
          recManPrintAddr: booking.to.line,
          sendManName: booking.from.name,
          sendManMobile: booking.from.phone,
          sendManPrintAddr: booking.from.line,
          callBackUrl: booking.callbackUrl,
          cargo: booking.reference,
          payment: 'SHIPPER',
          weight: (booking.weightGrams / 1000).toFixed(2),
          remark: booking.reference,
          salt: credentials.salt,
          ...(booking.window ? { dayType: day(booking.window.start), pickupStartTime: hhmm(booking.window.start), pickupEndTime: hhmm(booking.window.end) } : {}),
        })
      ).data as Record<string, unknown> | undefined;
      const trackingNumber = String(data?.kuaidinum ?? '');
      if (!trackingNumber) throw new CarrierError('Kuaidi100 booked the pickup without a tracking number');
      return {
        carrierCode: kuaidicom,
        trackingNumber,
        labelUrl: null,
        dropOffCode: null,
        pickupConfirmation: data?.orderId ? String(data.orderId) : null,
        refs: { taskId: String(data?.taskId ?? ''), orderId: String(data?.orderId ?? '') },
      };
    },

    async intercept(request) {
      const answer = await signedOrder('intercept', null, {
        kuaidicom: request.carrierCode,
        kuaidinum: request.trackingNumber,
        orderId: request.reference,
        interceptType: 'RETURN',
        interceptPayType: 'SHIPPER',
        reason: request.reason,
        recManInfo: { name: request.returnTo.name, mobile: request.returnTo.phone, printAddr: request.returnTo.line },
        callbackUrl: request.callbackUrl,
        salt: credentials.salt,
      });
      const data = answer.data as Record<string, unknown> | undefined;
      return { ref: data?.interceptId ? String(data.interceptId) : data?.taskId ? String(data.taskId) : null };
    },

    async readWebhook({ rawBody }) {
      const body = signedParam(rawBody, credentials.salt) as { lastResult?: { com?: string; nu?: string; state?: string; data?: TraceRow[] } };
      const last = body.lastResult;
      if (!last?.nu) return [];
      return updatesOfTrace(String(last.com ?? ''), String(last.nu), last.state === undefined ? undefined : String(last.state), last.data ?? []);
    },

    readPickupWebhook({ rawBody }) {
      const form = new URLSearchParams(rawBody.toString('utf8'));
      const body = signedParam(rawBody, credentials.salt);
      // A tracking callback carries the trace (lastResult); a pickup order's carries its state and data.
      if (body.lastResult !== undefined || (body.data === undefined && body.status === undefined)) return null;
      const data = (body.data && typeof body.data === 'object' ? body.data : {}) as Record<string, unknown>;
      const text = (...values: unknown[]) => {
        const v = values.find((x) => (typeof x === 'string' && x.trim()) || typeof x === 'number');
        return v === undefined ? null : String(v).trim().slice(0, 200);
      };
      const code = text(data.status, body.status) ?? '';
      const name = text(data.courierName);
      const phone = text(data.courierMobile);
      return {
        taskId: text(form.get('taskId'), body.taskId, data.taskId),
        orderId: text(data.orderId, body.orderId),
        trackingNumber: text(body.kuaidinum, data.kuaidinum),
        carrierCode: text(body.kuaidicom, data.kuaidicom),
        status: kuaidi100PickupStatus(code),
        code,
        message: text(body.message, data.message) ?? '',
        courier: name || phone ? { name, phone } : null,
      };
    },

    webhookAnswer: { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ result: true, returnCode: '200', message: '成功' }) },
  };
}
