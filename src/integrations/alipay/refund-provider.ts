import type { AlipaySdk } from 'alipay-sdk';
import { toAlipayAmount } from '../../domain/payments/provider-amounts.js';
import type { OpenConnection } from '../connection-kind.js';
import type { RefundOutcome, RefundProvider, RefundRequest } from '../payments/provider.js';
import { lazyModule } from '../../lazy-module.js';

/** Loaded by the first Alipay refund of the process. */
const loadAlipaySdk = lazyModule(() => import('alipay-sdk'));

const DEFAULT_TIMEOUT_MS = 10_000;

/** Business refusals that a later attempt may get past (Alipay's own advice for these sub_codes is to retry). */
const RETRYABLE_SUB_CODES = new Set(['ACQ.SYSTEM_ERROR', 'ACQ.SELLER_BALANCE_NOT_ENOUGH', 'ACQ.REFUND_CHARGE_ERROR', 'ACQ.TRADE_HAS_CLOSE_PROCESSING', 'aop.ACQ.SYSTEM_ERROR']);

type AlipayAnswer = Record<string, string | undefined> & { code?: string; msg?: string; sub_code?: string; sub_msg?: string };

async function alipayClient(connection: OpenConnection): Promise<AlipaySdk> {
  const { AlipaySdk } = await loadAlipaySdk();
  const settings = connection.settings as { keyType?: 'PKCS1' | 'PKCS8'; baseUrl?: string; timeoutMs?: number };
  const privateKey = String(connection.credentials.privateKey);
  const keyType = privateKey.includes('BEGIN PRIVATE KEY') ? 'PKCS8' : privateKey.includes('BEGIN RSA PRIVATE KEY') ? 'PKCS1' : (settings.keyType ?? 'PKCS1');
  return new AlipaySdk({
    appId: String(connection.credentials.appId),
    privateKey,
    alipayPublicKey: String(connection.credentials.alipayPublicKey),
    keyType,
    signType: 'RSA2',
    camelcase: false,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(settings.baseUrl ? { gateway: new URL('gateway.do', settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`).toString() } : {}),
  });
}

/** The trade to refund: Alipay's trade_no when the order recorded it (paymentRef), else the shop's order number as out_trade_no. */
const tradeOf = (request: RefundRequest) => (request.payment.ref ? { trade_no: request.payment.ref } : { out_trade_no: request.payment.orderNumber });

const describe = (a: AlipayAnswer) => `Alipay ${a.code ?? '?'} ${a.sub_code ?? a.msg ?? ''}${a.sub_msg ? `: ${a.sub_msg}` : ''}`.trim();

/**
 * Refunds through alipay.trade.refund with out_request_no = the ledger row's idempotency key
 * (Alipay refunds a trade once per out_request_no, however often it is asked). An attempt after
 * one whose answer was lost (a timeout, a crash) first asks alipay.trade.fastpay.refund.query:
 * a refund Alipay made settles from the query, and only one it never saw is asked for again.
 */
export async function alipayRefundProvider(connection: OpenConnection): Promise<RefundProvider> {
  const alipay = await alipayClient(connection);

  async function call(method: string, bizContent: Record<string, unknown>): Promise<AlipayAnswer> {
    return (await alipay.exec(method, { bizContent }, { validateSign: true })) as unknown as AlipayAnswer;
  }

  async function query(request: RefundRequest): Promise<RefundOutcome | null> {
    const answer = await call('alipay.trade.fastpay.refund.query', { ...tradeOf(request), out_request_no: request.idempotencyKey, query_options: ['gmt_refund_pay'] });
    if (answer.code === '10000' && answer.refund_status === 'REFUND_SUCCESS') return { status: 'succeeded', providerRef: answer.trade_no ?? request.idempotencyKey };
    // 10000 without REFUND_SUCCESS: Alipay has no such refund (never received, or refused): ask for it.
    if (answer.code === '10000' || answer.code === '40004') return null;
    return { status: 'failed', message: describe(answer), retryable: true };
  }

  return {
    name: 'alipay',
    async refund(request) {
      const amount = toAlipayAmount(request.amountMinor, request.currency);
      if (!amount.ok) return { status: 'failed', message: amount.reason, retryable: false };
      try {
        if (request.attempt > 0) {
          const known = await query(request);
          if (known) return known;
        }
        const answer = await call('alipay.trade.refund', { ...tradeOf(request), refund_amount: amount.amount, out_request_no: request.idempotencyKey, refund_reason: '售后退款 Retour' });
        if (answer.code === '10000') {
          // fund_change N: this out_request_no was refunded before (a repeat): the query says whether money moved.
          if (answer.fund_change === 'Y') return { status: 'succeeded', providerRef: answer.trade_no ?? request.idempotencyKey };
          return (await query(request)) ?? { status: 'failed', message: 'Alipay accepted the refund but reports no money moved yet', retryable: true };
        }
        const retryable = answer.code !== '40004' || RETRYABLE_SUB_CODES.has(answer.sub_code ?? '');
        return { status: 'failed', message: describe(answer), retryable };
      } catch (err) {
        // Timeout, network, an answer whose signature does not verify: the outcome is unknown, so the next attempt queries first.
        return { status: 'failed', message: `Alipay: ${(err as Error).message.slice(0, 300)}`, retryable: true };
      }
    },
  };
}
