import type { LineFacts, OrderFacts } from '../../domain/cases/facts.js';
import { goodsStayWithBuyer } from '../../domain/cases/case-money.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy/schema.js';
import { simulate, type PastCase } from '../../domain/policy/simulate.js';
import { policiesRepo } from '../../db/repos/policies-repo.js';
import { policyHistoryRepo, type HistoryCase, type HistoryItem, type HistoryLine, type HistoryRefund } from '../../db/repos/policy-history-repo.js';
import { shopsRepo, type ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { checkPolicyDocument } from './policies.js';

/** Simulations look at most at this many recent cases, so a big shop gets an answer in seconds. */
export const SIMULATION_CASE_LIMIT = 2000;

type OrderRow = Awaited<ReturnType<typeof policyHistoryRepo.orders>>[number];

/** A case the replay could not judge (its history contradicts itself): reported, never fatal. */
export interface SkippedCase {
  caseId: string;
  rmaNumber: string;
  code: string;
  message: string;
}

/**
 * What a draft policy would have done to the cases of the last `days` days: each is judged again
 * with the facts as they stood when it was requested — the order's shipment and delivery then,
 * the units other cases held then, the refunds paid before it (never its own or later ones, which
 * is what made a line refunded over several cases fail) — under the version that judged it and
 * under the draft. Saves nothing.
 */
export async function simulatePolicy(ctx: ServiceContext, shopId: string, document: unknown, days: number) {
  const draft = checkPolicyDocument(document);
  const shop = await shopsRepo.findById(ctx.db, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  const cases = await policyHistoryRepo.cases(ctx.db, shopId, since, SIMULATION_CASE_LIMIT + 1);
  const replayed = cases.slice(0, SIMULATION_CASE_LIMIT);
  const orderIds = [...new Set(replayed.map((c) => c.orderId))];
  // One after another: PGlite and a transaction both have one connection.
  const orderRows = await policyHistoryRepo.orders(ctx.db, shopId, orderIds);
  const lines = await policyHistoryRepo.lines(ctx.db, shopId, orderIds);
  const items = await policyHistoryRepo.items(ctx.db, shopId, orderIds);
  const refunds = await policyHistoryRepo.refunds(ctx.db, shopId, orderIds);
  const policies = new Map<string, Policy>();
  for (const policyId of new Set(replayed.map((c) => c.policyId))) {
    const policy = await policiesRepo.byId(ctx.db, shopId, policyId);
    if (policy) policies.set(policyId, policy.document);
  }

  const history = new OrderHistory(orderRows, lines, items, refunds);
  const past: PastCase[] = [];
  const skipped: SkippedCase[] = [];
  for (const c of replayed) {
    const own = history.itemsOf(c.id);
    if (!policies.has(c.policyId) || own.length === 0) {
      skipped.push({ caseId: c.id, rmaNumber: c.rmaNumber, code: 'simulation.history_incomplete', message: 'The case has no items or no policy version' });
      continue;
    }
    past.push({
      caseId: c.id,
      rmaNumber: c.rmaNumber,
      requestedAt: c.createdAt,
      order: history.factsAt(shop, c),
      customer: { tier: c.tier, riskScore: c.riskScore, completedOrders: c.completedOrders },
      request: {
        caseType: c.type,
        items: own.map((i) => ({ lineId: i.lineId, quantity: i.quantity, reasonCode: i.reasonCode, condition: i.condition })),
        method: c.refundMethod,
        returnShippingClaimMinor: c.returnShippingClaimMinor,
        keepGoods: goodsStayWithBuyer(c.type, c.refundOnlyKind),
      },
    });
  }
  const byCase = new Map(replayed.map((c) => [c.id, c.policyId]));
  const result = simulate(draft, past, (pc) => policies.get(byCase.get(pc.caseId)!)!, (pc, err) => {
    if (!(err instanceof AppError)) throw err;
    skipped.push({ caseId: pc.caseId, rmaNumber: pc.rmaNumber, code: err.code, message: err.message });
  });
  return { days, truncated: cases.length > SIMULATION_CASE_LIMIT, ...result, skipped };
}

const RELEASED = new Set(['cancelled', 'closed']);
const before = (d: Date | null, t: Date) => d !== null && d.getTime() < t.getTime();

/** The orders of the replayed cases, able to say what each looked like at a given moment. */
class OrderHistory {
  private readonly orders: Map<string, OrderRow>;
  private readonly lines = new Map<string, HistoryLine[]>();
  private readonly items = new Map<string, HistoryItem[]>();
  private readonly itemsByCase = new Map<string, HistoryItem[]>();
  private readonly refunds = new Map<string, HistoryRefund[]>();

  constructor(orders: OrderRow[], lines: HistoryLine[], items: HistoryItem[], refunds: HistoryRefund[]) {
    this.orders = new Map(orders.map((o) => [o.id, o]));
    for (const l of lines) push(this.lines, l.orderId, l);
    for (const i of items) {
      push(this.items, i.orderId, i);
      push(this.itemsByCase, i.caseId, i);
    }
    for (const r of refunds) push(this.refunds, r.orderId, r);
  }

  itemsOf(caseId: string): HistoryItem[] {
    return this.itemsByCase.get(caseId) ?? [];
  }

  /** The order as it stood just before case `c` was requested. */
  factsAt(shop: ShopRow, c: HistoryCase): OrderFacts {
    const order = this.orders.get(c.orderId)!;
    const at = c.createdAt;
    const claimed = new Map<string, number>();
    for (const i of this.items.get(c.orderId) ?? []) {
      if (i.caseId === c.id || !before(i.caseCreatedAt, at)) continue;
      // A case let its units go when it was cancelled or closed; one closed at an unknown time counts as let go.
      const released = RELEASED.has(i.caseStatus) && (i.caseClosedAt === null || before(i.caseClosedAt, at));
      if (!released) claimed.set(i.lineId, (claimed.get(i.lineId) ?? 0) + i.quantity);
    }
    const refunded = new Map<string, { quantity: number; amountMinor: number }>();
    const counted = new Set<string>();
    let refundedMinor = 0;
    let shippingRefundedMinor = 0;
    for (const r of this.refunds.get(c.orderId) ?? []) {
      if (r.caseId === c.id || !before(r.createdAt, at)) continue;
      if (!counted.has(r.refundId)) {
        counted.add(r.refundId);
        refundedMinor += r.amountMinor;
        shippingRefundedMinor += r.shippingMinor;
      }
      if (r.lineId === null) continue;
      const sum = refunded.get(r.lineId) ?? { quantity: 0, amountMinor: 0 };
      refunded.set(r.lineId, { quantity: sum.quantity + r.lineQuantity, amountMinor: sum.amountMinor + r.lineAmountMinor });
    }
    return {
      orderId: order.id,
      channel: order.channel,
      timeZone: shop.timezone,
      currency: order.currency,
      pricesIncludeTax: order.pricesIncludeTax,
      placedAt: order.placedAt,
      // What happened after the request was not known to it (an order shipped after a refund-before-shipment request).
      shippedAt: before(order.shippedAt, at) ? order.shippedAt : null,
      deliveredAt: before(order.deliveredAt, at) ? order.deliveredAt : null,
      cancelledAt: before(order.cancelledAt, at) ? order.cancelledAt : null,
      shippingFeeMinor: Number(order.shippingFeeMinor),
      totalMinor: Number(order.totalMinor),
      shippingInsurance: order.shippingInsurance,
      refundedMinor,
      shippingRefundedMinor,
      lines: (this.lines.get(c.orderId) ?? []).map((l): LineFacts => {
        const done = refunded.get(l.id);
        return {
          lineId: l.id,
          lineNo: l.lineNo,
          sku: l.sku,
          title: l.title,
          category: l.category,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          lineDiscountMinor: l.lineDiscountMinor,
          orderDiscountShareMinor: l.orderDiscountShareMinor,
          taxMinor: l.taxMinor,
          paidMinor: l.paidMinor,
          flags: { customMade: l.customMade, perishable: l.perishable, digital: l.digital, hygiene: l.hygiene, finalSale: l.finalSale },
          claimedQuantity: claimed.get(l.id) ?? 0,
          // Never more than the line: a reship or a replacement refunded again must not break the replay.
          refundedQuantity: Math.min(l.quantity, done?.quantity ?? 0),
          refundedMinor: Math.min(l.paidMinor, done?.amountMinor ?? 0),
        };
      }),
    };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
