import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A local server shaped like Kuaidi100's API (快递100, api.kuaidi100.com docs and its official
 * demos): `POST /poll` (subscribe; form schema=json, param), `POST /poll/query.do` (real-time
 * query; form customer, param, sign = MD5(param + key + customer) upper case), `POST
 * /autonumber/auto` (carrier detection; key, num), `POST /order/borderapi.do` method bOrder
 * (商家寄件 pickup; sign = MD5(param + t + key + secret)) and `POST /label/order?method=interceptOrder`.
 * A wrong signature gets Kuaidi100's refusal (result false, returnCode 400). `scan()` adds a
 * scan to a number and pushes the whole trace, newest first, to the subscribed callback with
 * sign = MD5(param + salt), as Kuaidi100 does.
 */
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

interface Row {
  context: string;
  time: string;
  ftime: string;
  status: string;
  statusCode: string;
  areaName?: string;
}

export class FakeKuaidi100 {
  readonly key = 'kd100-key-0123';
  readonly customer = 'KD100CUSTOMER';
  readonly secret = 'kd100-secret-4567';
  readonly salt = 'retour-salt-89abcdef';
  readonly subscriptions = new Map<string, { company: string; callbackurl: string; salt: string }>();
  readonly pickups: Record<string, unknown>[] = [];
  readonly interceptions: Record<string, unknown>[] = [];
  readonly traces = new Map<string, Row[]>();
  readonly refused: string[] = [];
  /** Numbers asked about by real-time query, in order. */
  readonly queries: string[] = [];
  private server: Server | null = null;
  private counter = 0;
  /** Where callbacks really go: the test app's address replaces the callback URL's origin. */
  deliverTo = '';
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const url = new URL(req.url ?? '/', this.baseUrl);
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(body));
    };
    const refuse = (why: string) => {
      this.refused.push(`${url.pathname}: ${why}`);
      send({ result: false, returnCode: '400', message: why });
    };
    const param = form.get('param') ?? '';
    if (url.pathname === '/poll') {
      const p = JSON.parse(param) as { company: string; number: string; key: string; parameters: { callbackurl: string; salt: string } };
      if (p.key !== this.key) return refuse('key错误');
      this.subscriptions.set(p.number, { company: p.company, callbackurl: p.parameters.callbackurl, salt: p.parameters.salt });
      return send({ result: true, returnCode: '200', message: '提交成功' });
    }
    if (url.pathname === '/poll/query.do') {
      if (form.get('customer') !== this.customer || form.get('sign') !== md5(param + this.key + this.customer)) return refuse('sign验证失败');
      const p = JSON.parse(param) as { com: string; num: string };
      this.queries.push(p.num);
      const rows = this.traces.get(p.num);
      if (!rows) return send({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
      return send({ message: 'ok', nu: p.num, ischeck: rows[0]!.statusCode.startsWith('3') ? '1' : '0', com: p.com, status: '200', condition: 'F00', state: rows[0]!.statusCode, data: rows });
    }
    if (url.pathname === '/autonumber/auto') {
      if (form.get('key') !== this.key && url.searchParams.get('key') !== this.key) return refuse('key错误');
      const num = form.get('num') ?? url.searchParams.get('num') ?? '';
      const comCode = num.startsWith('SF') ? 'shunfeng' : num.startsWith('YT') ? 'yuantong' : num.startsWith('JT') ? 'jtexpress' : 'zhongtong';
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify([{ comCode, lengthPre: num.length, noCount: 1, noPre: num.slice(0, 4) }]));
    }
    if (url.pathname === '/order/borderapi.do' || (url.pathname === '/label/order' && url.searchParams.get('method') === 'interceptOrder')) {
      const t = form.get('t') ?? '';
      if (form.get('key') !== this.key || form.get('sign') !== md5(param + t + this.key + this.secret)) return refuse('签名错误');
      const p = JSON.parse(param) as Record<string, unknown>;
      this.counter += 1;
      if (url.pathname === '/label/order') {
        this.interceptions.push(p);
        return send({ result: true, returnCode: '200', message: 'success', data: { interceptId: `ICP${this.counter}` } });
      }
      if (form.get('method') !== 'bOrder') return refuse('method错误');
      const prefix = p.kuaidicom === 'shunfeng' ? 'SF' : 'YT';
      const kuaidinum = `${prefix}${String(1_000_000_000_000 + this.counter * 7919).slice(0, 13)}`;
      this.pickups.push({ ...p, kuaidinum, counter: this.counter });
      return send({ result: true, returnCode: '200', message: '提交成功', data: { taskId: `TASK${this.counter}`, orderId: `ORD${this.counter}`, kuaidinum } });
    }
    res.writeHead(404).end();
  }

  /**
   * A new scan of `number` (Kuaidi100 resultv2 code and text), then the whole trace pushed to its
   * subscriber. Returns the callback's HTTP status and body. `sign` overrides the signature.
   */
  async scan(number: string, statusCode: string, context: string, time: string, options: { sign?: string; push?: boolean } = {}) {
    const rows = this.traces.get(number) ?? [];
    rows.unshift({ context, time, ftime: time, status: STATUS_TEXT[statusCode[0]!] ?? '在途', statusCode, areaName: '浙江,杭州市' });
    this.traces.set(number, rows);
    if (options.push === false) return null;
    return this.push(number, options.sign);
  }

  /**
   * A state change of the pickup order booked for `kuaidinum` (商家寄件 callback): POSTs form
   * `taskId`, `param` ({kuaidicom, kuaidinum, status, message, data: {orderId, status, courierName,
   * courierMobile}}) and `sign = MD5(param + salt)` to the order's callBackUrl, as Kuaidi100 does.
   */
  async pickupEvent(kuaidinum: string, status: string, options: { courierName?: string; courierMobile?: string; message?: string; sign?: string } = {}) {
    const order = this.pickups.find((p) => p.kuaidinum === kuaidinum);
    if (!order) throw new Error(`no pickup booked for ${kuaidinum}`);
    const param = JSON.stringify({
      kuaidicom: order.kuaidicom,
      kuaidinum,
      status,
      message: options.message ?? PICKUP_TEXT[status] ?? '',
      data: { orderId: `ORD${order.counter}`, status, cancelMsg: status === '99' ? (options.message ?? '') : '', courierName: options.courierName ?? '', courierMobile: options.courierMobile ?? '', weight: '', freight: '' },
    });
    const target = new URL(String(order.callBackUrl));
    const res = await fetch(`${this.deliverTo}${target.pathname}${target.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ taskId: `TASK${order.counter}`, param, sign: options.sign ?? md5(param + String(order.salt)) }),
    });
    return { status: res.status, body: await res.text() };
  }

  /** Pushes the number's trace again (Kuaidi100 retries and re-pushes whole traces). */
  async push(number: string, sign?: string) {
    const sub = this.subscriptions.get(number);
    if (!sub) throw new Error(`nobody subscribed to ${number}`);
    const rows = this.traces.get(number) ?? [];
    const param = JSON.stringify({
      status: 'polling',
      billstatus: 'got',
      message: '',
      lastResult: { message: 'ok', state: rows[0]?.statusCode ?? '0', status: '200', condition: 'F00', ischeck: rows[0]?.statusCode.startsWith('3') ? '1' : '0', com: sub.company, nu: number, data: rows },
    });
    const target = new URL(sub.callbackurl);
    const res = await fetch(`${this.deliverTo}${target.pathname}${target.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ param, sign: sign ?? md5(param + sub.salt) }),
    });
    return { status: res.status, body: await res.text() };
  }
}

const PICKUP_TEXT: Record<string, string> = { '0': '下单成功', '1': '已接单', '2': '收件中', '10': '已取件', '9': '用户主动取消', '99': '订单已取消', '11': '揽货失败' };
const STATUS_TEXT: Record<string, string> = { '0': '在途', '1': '揽收', '2': '疑难', '3': '签收', '4': '退签', '5': '派件', '6': '退回', '7': '转投', '8': '清关' };
