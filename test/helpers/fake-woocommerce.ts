import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { signBase64HmacSha256 } from '../../src/integrations/storefront/signature.js';
import { sharedDataFile } from './shared-data.js';

type Json = Record<string, any>;

/**
 * A local server speaking WooCommerce REST v3 as Retour uses it: orders by pages
 * (`X-WP-TotalPages`), an order's refunds, refund creation. It starts with WooCommerce's
 * documentation orders (../shared/data/woocommerce) and makes more on demand; `faults` answers
 * the next requests with 429s or 5xx.
 */
export class FakeWoo {
  readonly consumerKey = 'ck_fake_0123456789';
  readonly consumerSecret = 'cs_fake_0123456789';
  readonly webhookSecret = 'woo-webhook-secret';
  readonly orders = new Map<string, Json>();
  readonly refunds = new Map<string, Json[]>();
  readonly faults: { status: number; retryAfter?: string }[] = [];
  readonly requests: string[] = [];
  readonly created: Json[] = [];
  /** Refunds created per Retour mark (must never exceed 1 per ledger row). */
  readonly refundsByMark = new Map<string, number>();
  /** Milliseconds to hold each refund creation's answer after the refund was made (a crash window). */
  answerDelayMs = 0;
  /** Called once a refund is made, before it is answered (a crash test kills its worker here). */
  onRefund: ((refund: Json) => void) | null = null;
  /** Awaited before the next answer listing an order's refunds, once (a slow call that outlives its lease). */
  onListRefunds: (() => Promise<void>) | null = null;
  /** Answer the next refund creation with a 502 after making it (a lost answer). */
  loseNextRefundAnswer = false;
  /** At most this many refunds a page (WooCommerce: 100). */
  maxPerPage = 100;
  private server: Server | null = null;
  private seq = 5000;
  url = '';

  constructor() {
    const examples = JSON.parse(readFileSync(sharedDataFile('woocommerce/orders.examples.json'), 'utf8')) as Json[];
    for (const o of examples.find((e) => Array.isArray(e.response_body))!.response_body as Json[]) this.orders.set(String(o.id), structuredClone(o));
  }

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** A paid USD order; `completed` (sent) or still `processing` (not shipped). */
  generate(status: 'processing' | 'completed' = 'completed'): Json {
    const id = ++this.seq;
    const now = new Date().toISOString().slice(0, 19);
    const order = {
      id,
      number: `W${id}`,
      status,
      currency: 'USD',
      date_created_gmt: now,
      date_modified_gmt: now,
      date_paid_gmt: now,
      date_completed_gmt: status === 'completed' ? now : null,
      shipping_total: '5.00',
      shipping_tax: '0.00',
      customer_id: 0,
      payment_method: 'stripe',
      transaction_id: `ch_${id}`,
      billing: { first_name: 'Wendy', last_name: 'Woo', email: `wendy${id}@example.com`, phone: '' },
      line_items: [
        { id: id * 10, name: 'Mug', product_id: 93, sku: 'MUG', quantity: 2, subtotal: '20.00', total: '18.00', total_tax: '1.80' },
        { id: id * 10 + 1, name: 'Cap', product_id: 94, sku: 'CAP', quantity: 1, subtotal: '15.00', total: '15.00', total_tax: '1.50' },
      ],
      refunds: [],
    };
    this.orders.set(String(id), order);
    return order;
  }

  /** Money the order took and has been refunded through the API, in cents. */
  totals(orderId: string) {
    const o = this.orders.get(orderId)!;
    const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
    const paid = (o.line_items as Json[]).reduce((a, l) => a + cents(l.total) + cents(l.total_tax), 0) + cents(o.shipping_total) + cents(o.shipping_tax);
    const refunded = (this.refunds.get(orderId) ?? []).reduce((a, r) => a + cents(r.amount), 0);
    return { paid, refunded };
  }

  webhook(topic: string, payload: unknown, secret = this.webhookSecret) {
    const body = JSON.stringify(payload);
    return { body, headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': topic, 'x-wc-webhook-signature': signBase64HmacSha256(secret, body) } };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url!, this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    // Plain HTTP: the client signs with OAuth 1.0a and names the consumer key.
    if (url.searchParams.get('oauth_consumer_key') !== this.consumerKey) return this.send(res, 401, { code: 'woocommerce_rest_cannot_view' });
    const fault = this.faults.shift();
    if (fault) return this.send(res, fault.status, { code: 'fault' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3\//, '');
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && path === 'orders') {
      const perPage = Number(url.searchParams.get('per_page') ?? 10);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = [...this.orders.values()].sort((a, b) => a.id - b.id);
      return this.send(res, 200, all.slice((page - 1) * perPage, page * perPage), { 'x-wp-total': String(all.length), 'x-wp-totalpages': String(Math.ceil(all.length / perPage)) });
    }
    if ((m = path.match(/^orders\/(\d+)\/refunds$/))) {
      if (!this.orders.has(m[1]!)) return this.send(res, 404, { code: 'woocommerce_rest_shop_order_invalid_id' });
      const list = this.refunds.get(m[1]!) ?? [];
      if (req.method === 'GET') {
        // Newest first, `per_page` (default 10, at most 100) a page, as WooCommerce lists them.
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 10), this.maxPerPage);
        const page = Number(url.searchParams.get('page') ?? 1);
        const newest = [...list].reverse().slice((page - 1) * perPage, page * perPage);
        const headers = { 'x-wp-total': String(list.length), 'x-wp-totalpages': String(Math.max(1, Math.ceil(list.length / perPage))) };
        // The list as it was when asked, answered after the hold.
        const hold = this.onListRefunds;
        this.onListRefunds = null;
        if (hold) await hold();
        return this.send(res, 200, structuredClone(newest), headers);
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
      const { paid, refunded } = this.totals(m[1]!);
      const cents = Math.round(Number(body.amount) * 100);
      if (!(cents > 0) || cents > paid - refunded) return this.send(res, 400, { code: 'woocommerce_rest_cannot_create_order_refund', message: 'Invalid refund amount.', data: { status: 400 } });
      const refund = {
        id: ++this.seq,
        amount: body.amount,
        reason: body.reason,
        refunded_payment: body.api_refund === true,
        line_items: body.line_items,
        meta_data: ((body.meta_data ?? []) as Json[]).map((d) => ({ id: ++this.seq, key: d.key, value: d.value })),
      };
      list.push(refund);
      this.refunds.set(m[1]!, list);
      this.created.push({ orderId: m[1], ...body });
      const mark = /retour:[0-9a-f-]+/.exec(String(body.reason))?.[0] ?? '';
      this.refundsByMark.set(mark, (this.refundsByMark.get(mark) ?? 0) + 1);
      this.onRefund?.(refund);
      if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
      if (res.destroyed) return;
      if (this.loseNextRefundAnswer) {
        this.loseNextRefundAnswer = false;
        return this.send(res, 502, { code: 'bad_gateway' });
      }
      return this.send(res, 201, refund);
    }
    return this.send(res, 404, { code: 'rest_no_route' });
  }
}
