import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Stripe from 'stripe';

/**
 * A local server speaking the part of Stripe's API Retour uses (POST /v1/refunds, GET
 * /v1/refunds/:id, GET /v1/refunds?charge=), with Stripe's idempotency: a repeated
 * Idempotency-Key gets the first answer back and refunds nothing more. It counts refunds and
 * calls per key, so tests can prove each refund was paid exactly once.
 */
export interface FakePayment {
  id: string; // pi_…
  charge: string; // ch_…
  amount: number;
  currency: string;
  refunded: number;
  /** What the next refunds of this payment do. */
  behaviour: 'succeed' | 'pending' | 'decline';
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
  failure_reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export class FakeStripe {
  readonly secretKey = 'sk_test_fake_0123456789';
  readonly webhookSecret = 'whsec_fake_0123456789abcdef';
  readonly payments = new Map<string, FakePayment>();
  readonly refunds = new Map<string, FakeRefund>();
  /** Refunds made per Idempotency-Key (must never exceed 1) and requests seen per key. */
  readonly refundsByKey = new Map<string, number>();
  readonly callsByKey = new Map<string, number>();
  /** Milliseconds to hold each POST /v1/refunds answer after the refund was made (timeouts, crash windows). */
  answerDelayMs = 0;
  /** Make each refund, then never answer: the caller's timeout ends the call whenever it fires. */
  withholdAnswers = false;
  /** Called once a refund is made, before it is answered (a crash test kills its worker here). */
  onRefund: ((refund: FakeRefund) => void) | null = null;
  private readonly answers = new Map<string, { status: number; body: unknown }>();
  private server: Server | null = null;
  private seq = 0;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  payment(amount: number, currency: string, behaviour: FakePayment['behaviour'] = 'succeed'): FakePayment {
    const n = ++this.seq;
    const p: FakePayment = { id: `pi_fake${n}`, charge: `ch_fake${n}`, amount, currency: currency.toLowerCase(), refunded: 0, behaviour };
    this.payments.set(p.id, p);
    return p;
  }

  refundsOf(paymentId: string): FakeRefund[] {
    return [...this.refunds.values()].filter((r) => r.payment_intent === paymentId);
  }

  /** A signed event as Stripe would POST it to a webhook endpoint: the body and its Stripe-Signature header. */
  signedEvent(type: string, object: unknown, secret = this.webhookSecret): { body: string; signature: string } {
    const body = JSON.stringify({ id: `evt_fake${++this.seq}`, object: 'event', type, api_version: '2026-11-18.endive', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, pending_webhooks: 1 });
    return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++this.seq}` });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname.startsWith('/v1/refunds/')) {
      const refund = this.refunds.get(url.pathname.slice('/v1/refunds/'.length));
      return refund ? send(200, refund) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such refund' } });
    }
    if (req.method === 'GET' && url.pathname === '/v1/refunds') {
      const charge = url.searchParams.get('charge');
      return send(200, { object: 'list', url: '/v1/refunds', has_more: false, data: [...this.refunds.values()].filter((r) => !charge || r.charge === charge) });
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/refunds') return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });

    const key = String(req.headers['idempotency-key'] ?? '');
    this.callsByKey.set(key, (this.callsByKey.get(key) ?? 0) + 1);
    const replay = key ? this.answers.get(key) : undefined;
    if (replay) {
      res.setHeader('idempotent-replayed', 'true');
      return send(replay.status, replay.body);
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString());
    const answer = this.refund(form, key);
    if (key) this.answers.set(key, answer);
    if (answer.status === 200) this.onRefund?.(answer.body as FakeRefund);
    if (this.withholdAnswers) return void (await new Promise((r) => res.once('close', r)));
    if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
    if (!res.destroyed) send(answer.status, answer.body);
  }

  private refund(form: URLSearchParams, key: string): { status: number; body: unknown } {
    const payment = [...this.payments.values()].find((p) => p.id === form.get('payment_intent') || p.charge === form.get('charge'));
    if (!payment) return { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent' } } };
    const amount = Number(form.get('amount') ?? payment.amount - payment.refunded);
    if (payment.behaviour === 'decline') return { status: 402, body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'The refund was declined by the card issuer.' } } };
    if (!Number.isInteger(amount) || amount <= 0 || payment.refunded + amount > payment.amount) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'amount_too_large', message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${payment.amount - payment.refunded})` } } };
    }
    payment.refunded += amount;
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    const refund: FakeRefund = {
      id: `re_fake${++this.seq}`,
      object: 'refund',
      amount,
      currency: payment.currency,
      charge: payment.charge,
      payment_intent: payment.id,
      status: payment.behaviour === 'pending' ? 'pending' : 'succeeded',
      failure_reason: null,
      metadata,
      created: Math.floor(Date.now() / 1000),
    };
    this.refunds.set(refund.id, refund);
    this.refundsByKey.set(key, (this.refundsByKey.get(key) ?? 0) + 1);
    return { status: 200, body: refund };
  }
}
