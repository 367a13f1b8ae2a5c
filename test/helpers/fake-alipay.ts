import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A local Alipay open-platform gateway (POST /gateway.do) for alipay.trade.refund and
 * alipay.trade.fastpay.refund.query: it checks the app's RSA2 signature over the sorted
 * parameters, signs its answers with its own key as Alipay does, and refunds a trade once per
 * out_request_no (a repeat answers fund_change N). It counts refunds and calls per out_request_no.
 */
export interface FakeTrade {
  tradeNo: string;
  outTradeNo: string;
  totalFen: number;
  refundedFen: number;
  behaviour: 'succeed' | 'decline' | 'system_error';
}

const rsaPair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });

export class FakeAlipay {
  readonly appId = '2021000000000001';
  /** The app's keys (the merchant keeps the private one in the connection) and Alipay's. */
  readonly app = rsaPair();
  readonly alipay = rsaPair();
  readonly trades = new Map<string, FakeTrade>();
  /** Refunds per trade and out_request_no, with their amounts in fen. */
  readonly refunds = new Map<string, { fen: number; at: string }>();
  /** Refunds made per `{trade_no}/{out_request_no}` (must never exceed 1). */
  readonly refundsByKey = new Map<string, number>();
  /** Keyed `{trade_no or out_trade_no}/{out_request_no}`: Alipay's idempotency is per trade. */
  readonly calls: { method: string; key: string }[] = [];
  answerDelayMs = 0;
  /** Act on each call, then never answer: the caller's timeout ends the call whenever it fires. */
  withholdAnswers = false;
  onRefund: ((outRequestNo: string) => void) | null = null;
  private server: Server | null = null;
  private seq = 0;
  url = '';

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

  trade(totalFen: number, behaviour: FakeTrade['behaviour'] = 'succeed'): FakeTrade {
    const n = ++this.seq;
    const t: FakeTrade = { tradeNo: `2026110122001400${String(n).padStart(10, '0')}`, outTradeNo: `W${100000 + n}`, totalFen, refundedFen: 0, behaviour };
    this.trades.set(t.tradeNo, t);
    return t;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const params = new Map<string, string>([...url.searchParams, ...new URLSearchParams(Buffer.concat(chunks).toString())]);
    const method = params.get('method') ?? '';
    const responseKey = `${method.replaceAll('.', '_')}_response`;
    const answer = async (body: Record<string, unknown>) => {
      if (this.withholdAnswers) return void (await new Promise((r) => res.once('close', r)));
      if (this.answerDelayMs > 0) await new Promise((r) => setTimeout(r, this.answerDelayMs));
      const json = JSON.stringify(body);
      const sign = createSign('RSA-SHA256').update(json, 'utf8').sign(this.alipay.privateKey, 'base64');
      if (!res.destroyed) {
        res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
        res.end(`{"${responseKey}":${json},"sign":"${sign}"}`);
      }
    };
    if (url.pathname !== '/gateway.do') return void res.writeHead(404).end();
    const signString = [...params.keys()].filter((k) => k !== 'sign').sort().map((k) => `${k}=${params.get(k)}`).join('&');
    const signed = createVerify('RSA-SHA256').update(signString, 'utf8').verify(this.app.publicKey, params.get('sign') ?? '', 'base64');
    if (!signed || params.get('app_id') !== this.appId || params.get('sign_type') !== 'RSA2') {
      return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' });
    }
    const biz = JSON.parse(params.get('biz_content') ?? '{}') as Record<string, string>;
    const outRequestNo = biz.out_request_no ?? '';
    this.calls.push({ method, key: `${biz.trade_no ?? biz.out_trade_no}/${outRequestNo}` });
    const trade = [...this.trades.values()].find((t) => t.tradeNo === biz.trade_no || t.outTradeNo === biz.out_trade_no);
    if (!trade) return answer({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' });
    const key = `${trade.tradeNo}/${outRequestNo}`;
    const base = { trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo, out_request_no: outRequestNo };

    if (method === 'alipay.trade.fastpay.refund.query') {
      const made = this.refunds.get(key);
      return answer(made ? { code: '10000', msg: 'Success', ...base, refund_amount: fen(made.fen), total_amount: fen(trade.totalFen), refund_status: 'REFUND_SUCCESS', gmt_refund_pay: made.at } : { code: '10000', msg: 'Success', ...base });
    }
    if (method !== 'alipay.trade.refund') return answer({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.INVALID_METHOD' });
    if (this.refunds.has(key)) return answer({ code: '10000', msg: 'Success', ...base, fund_change: 'N', refund_fee: fen(trade.refundedFen) });
    if (trade.behaviour === 'decline') return answer({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' });
    if (trade.behaviour === 'system_error') return answer({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'aop.ACQ.SYSTEM_ERROR' });
    const amount = fenOf(biz.refund_amount ?? '');
    if (!(amount > 0) || trade.refundedFen + amount > trade.totalFen) return answer({ code: '40004', msg: 'Business Failed', sub_code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', sub_msg: '退款金额超限' });
    trade.refundedFen += amount;
    this.refunds.set(key, { fen: amount, at: '2026-11-01 12:00:00' });
    this.refundsByKey.set(key, (this.refundsByKey.get(key) ?? 0) + 1);
    this.onRefund?.(key);
    return answer({ code: '10000', msg: 'Success', ...base, fund_change: 'Y', refund_fee: fen(trade.refundedFen), buyer_logon_id: '159****5620' });
  }
}

/** "12.30" → 1230 exactly (no floating point); NaN when it is not a yuan amount. */
const fenOf = (yuan: string) => {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
};
const fen = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
