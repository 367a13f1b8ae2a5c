import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { signBase64HmacSha256 } from '../../src/integrations/storefront/signature.js';
import { sharedDataFile } from './shared-data.js';

type Json = Record<string, any>;

/**
 * A local server speaking the part of Shopify's REST Admin API Retour uses: orders listed by
 * `since_id` / `updated_at_min` with Link-header pages, one order, its refunds, refunds/calculate
 * and refunds. It starts with Shopify's own example orders (../shared/data/shopify/rest-2026-07)
 * and makes more on demand; `faults` answers the next requests with 429s (Retry-After) or 5xx.
 */
export class FakeShopify {
  readonly accessToken = 'shpat_fake_0123456789';
  readonly apiSecretKey = 'shpss_fake_secret_0123456789';
  readonly orders = new Map<string, Json>();
  /** Answers to give before serving anything (consumed one per request). */
  readonly faults: { status: number; retryAfter?: string }[] = [];
  /** Refunds created per Retour mark (must never exceed 1 per ledger row). */
  readonly refundsByMark = new Map<string, number>();
  readonly requests: string[] = [];
  /** Answer the next refund creation with a 502 after making it (a lost answer). */
  loseNextRefundAnswer = false;
  /** Milliseconds to hold each refund creation's answer after the refund was made (a crash window). */
  answerDelayMs = 0;
  /** Called once a refund is made, before it is answered (a crash test kills its worker here). */
  onRefund: ((refund: Json) => void) | null = null;
  /** Awaited before the next refunds/calculate answer, once (a slow call that outlives its lease). */
  onCalculate: (() => Promise<void>) | null = null;
  private server: Server | null = null;
  private seq = 9_000_000_000;
  url = '';

  constructor(options: { sharedExamples?: boolean } = {}) {
    if (options.sharedExamples ?? true) {
      const examples = JSON.parse(readFileSync(sharedDataFile('shopify/rest-2026-07/order.examples.json'), 'utf8')) as Json[];
      for (const e of examples) {
        const body = e.response_body as Json;
        for (const o of (body.orders ?? (body.order ? [body.order] : [])) as Json[]) {
          if (o.currency && o.line_items?.length && !this.orders.has(String(o.id))) this.orders.set(String(o.id), structuredClone(o));
        }
      }
    }
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /**
   * A paid, delivered USD order, tax-exclusive: `lines` of `quantity` × 10.00 less 1.00 discount, 6% tax, 5.00 shipping.
   * `fulfilled: false`: paid but not shipped yet (no fulfilment).
   */
  generate(options: { lines?: number; quantity?: number; at?: Date; fulfilled?: boolean } = {}): Json {
    const id = ++this.seq;
    const at = (options.at ?? new Date()).toISOString();
    const quantity = options.quantity ?? 2;
    const fulfilled = options.fulfilled ?? true;
    const lineItems = Array.from({ length: options.lines ?? 2 }, (_, i) => ({
      id: id * 10 + i,
      variant_id: 700 + i,
      product_id: 600 + i,
      sku: `GEN-${i}`,
      name: `Generated item ${i}`,
      title: `Generated item ${i}`,
      quantity,
      price: '10.00',
      discount_allocations: [{ amount: '1.00' }],
      tax_lines: [{ price: (((quantity * 1000 - 100) * 0.06) / 100).toFixed(2) }],
    }));
    const order: Json = {
      id,
      name: `#G${id}`,
      currency: 'USD',
      taxes_included: false,
      email: `buyer${id}@example.com`,
      created_at: at,
      processed_at: at,
      updated_at: at,
      financial_status: 'paid',
      payment_gateway_names: ['bogus'],
      customer: { id: id + 1, email: `buyer${id}@example.com`, first_name: 'Gen', last_name: `Buyer ${id}` },
      line_items: lineItems,
      shipping_lines: [{ price: '5.00', discounted_price: '5.00', tax_lines: [] }],
      fulfillments: fulfilled
        ? [{ id: id + 2, status: 'success', shipment_status: 'delivered', tracking_company: 'UPS', tracking_number: `1Z${id}`, created_at: at, updated_at: at, line_items: lineItems.map((l) => ({ id: l.id, quantity })) }]
        : [],
      fulfillment_status: fulfilled ? 'fulfilled' : null,
      refunds: [],
    };
    this.orders.set(String(id), order);
    return order;
  }

  /** Money Shopify took for the order and has refunded, in cents. */
  totals(orderId: string) {
    const o = this.orders.get(orderId)!;
    const cents = (s: string) => Math.round(Number(s) * 100);
    const lines = (o.line_items as Json[]).reduce((a, l) => a + cents(l.price) * l.quantity - (l.discount_allocations ?? []).reduce((d: number, x: Json) => d + cents(x.amount), 0) + (l.tax_lines ?? []).reduce((d: number, x: Json) => d + cents(x.price), 0), 0);
    const shipping = (o.shipping_lines as Json[]).reduce((a, s) => a + cents(s.discounted_price ?? s.price), 0);
    const refunded = (o.refunds as Json[]).flatMap((r) => r.transactions ?? []).reduce((a: number, t: Json) => a + cents(t.amount), 0);
    return { paid: lines + shipping, refunded };
  }

  /** A refund made in Shopify's admin (not by Retour): `units` of the order's first line. */
  refundInAdmin(orderId: string, units: number, amount: string): Json {
    const o = this.orders.get(orderId)!;
    const line = o.line_items[0];
    const refund = {
      id: ++this.seq,
      order_id: o.id,
      note: 'customer changed mind (admin)',
      created_at: new Date().toISOString(),
      refund_line_items: [{ line_item_id: line.id, quantity: units, subtotal: Number(amount), total_tax: 0 }],
      transactions: [{ kind: 'refund', status: 'success', amount, parent_id: 1 }],
      order_adjustments: [],
    };
    o.refunds.push(refund);
    o.updated_at = new Date().toISOString();
    return refund;
  }

  /** A webhook as Shopify POSTs it: body and headers, signed with the app secret (or another). */
  webhook(topic: string, payload: unknown, secret = this.apiSecretKey) {
    const body = JSON.stringify(payload);
    return { body, headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': signBase64HmacSha256(secret, body), 'x-shopify-webhook-id': `wh-${++this.seq}` } };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url!, this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers['x-shopify-access-token'] !== this.accessToken) return this.send(res, 401, { errors: '[API] Invalid API key or access token' });
    const fault = this.faults.shift();
    if (fault) return this.send(res, fault.status, { errors: fault.status === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Internal Server Error' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    const path = url.pathname.replace(/^\/admin\/api\/[^/]+\//, '');
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && path === 'orders.json') return this.list(url, res);
    if (req.method === 'GET' && (m = path.match(/^orders\/(\d+)\.json$/))) {
      const o = this.orders.get(m[1]!);
      return o ? this.send(res, 200, { order: o }) : this.send(res, 404, { errors: 'Not Found' });
    }
    if ((m = path.match(/^orders\/(\d+)\/refunds(\/calculate)?\.json$/))) {
      const o = this.orders.get(m[1]!);
      if (!o) return this.send(res, 404, { errors: 'Not Found' });
      if (req.method === 'GET') return this.send(res, 200, { refunds: o.refunds });
      const body = JSON.parse(raw).refund as Json;
      const { paid, refunded } = this.totals(m[1]!);
      const left = ((paid - refunded) / 100).toFixed(2);
      if (m[2]) {
        const hold = this.onCalculate;
        this.onCalculate = null;
        if (hold) await hold();
        return this.send(res, 200, {
          refund: {
            currency: o.currency,
            shipping: body.shipping ?? {},
            refund_line_items: (body.refund_line_items ?? []).map((l: Json) => ({ ...l, location_id: l.restock_type === 'return' ? 487838322 : null })),
            transactions: [{ order_id: o.id, kind: 'suggested_refund', gateway: 'bogus', parent_id: 801038806, amount: left, maximum_refundable: left, currency: o.currency }],
          },
        });
      }
      const amount = (body.transactions ?? []).reduce((a: number, t: Json) => a + Math.round(Number(t.amount) * 100), 0);
      if (amount > paid - refunded) return this.send(res, 422, { errors: { base: ['Refund amount exceeds the refundable amount'] } });
      const refund = { id: ++this.seq, order_id: o.id, note: body.note ?? null, created_at: new Date().toISOString(), refund_line_items: body.refund_line_items ?? [], transactions: (body.transactions ?? []).map((t: Json) => ({ ...t, status: 'success' })), shipping: body.shipping ?? null, order_adjustments: [] };
      o.refunds.push(refund);
      const mark = /retour:[0-9a-f-]+/.exec(String(body.note))?.[0] ?? '';
      this.refundsByMark.set(mark, (this.refundsByMark.get(mark) ?? 0) + 1);
      this.onRefund?.(refund);
      if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
      if (res.destroyed) return;
      if (this.loseNextRefundAnswer) {
        this.loseNextRefundAnswer = false;
        return this.send(res, 502, { errors: 'Bad Gateway' });
      }
      return this.send(res, 201, { refund });
    }
    return this.send(res, 404, { errors: 'Not Found' });
  }

  /** By id ascending; a page's Link names the next with an opaque page_info, as Shopify does. */
  private list(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const token = q.get('page_info');
    const state = token ? (JSON.parse(Buffer.from(token, 'base64url').toString()) as { sinceId: string; updatedAtMin: string | null; offset: number }) : { sinceId: q.get('since_id') ?? '0', updatedAtMin: q.get('updated_at_min'), offset: 0 };
    const limit = Math.min(Number(q.get('limit') ?? 50), 250);
    const all = [...this.orders.values()]
      .filter((o) => BigInt(o.id) > BigInt(state.sinceId) && (!state.updatedAtMin || Date.parse(o.updated_at) >= Date.parse(state.updatedAtMin)))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const page = all.slice(state.offset, state.offset + limit);
    const headers: Record<string, string> = {};
    if (state.offset + limit < all.length) {
      const next = Buffer.from(JSON.stringify({ ...state, offset: state.offset + limit })).toString('base64url');
      headers.link = `<${this.url}${url.pathname}?limit=${limit}&page_info=${next}>; rel="next"`;
    }
    this.send(res, 200, { orders: page }, headers);
  }
}
