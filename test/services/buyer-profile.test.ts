import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import {
  buyerHistory,
  buyerHistoryOfOrderFromJson,
  buyerHistoryOfOrderSql,
  pastRequestProfiles,
  type SignalWindows,
} from '../../src/db/repos/customers-profile-repo.js';
import { caseEvents, customers, orderLines, orders, policies, refunds, returnCases, returnItems } from '../../src/db/schema/index.js';
import type { CaseStatus, CaseType, RefundOnlyKind, Resolution } from '../../src/domain/cases/model.js';
import type { Fault } from '../../src/domain/policy/schema.js';
import type { BuyerProfile } from '../../src/domain/risk/score.js';
import type { RefundBreakdown } from '../../src/domain/refunds/compute.js';
import { placeOrder, useServiceContext } from '../helpers/service-context.js';

// The buyer profile (what risk scoring and the policy's customer rules read) is SQL over orders,
// cases, items, refunds and events. Here it is checked against the same definitions worked out in
// TypeScript from the rows themselves, for random histories: live (buyerHistory), read with an
// order (buyerHistoryOfOrderSql, what a create reads) and as of each past case (pastRequestProfiles,
// the review-threshold simulation).

const t = useServiceContext();
const DAY = 86_400_000;

interface OrderSpec {
  placedDaysAgo: number;
  cancelled: boolean;
  /** Days after placing; null: not delivered. */
  deliveredAfterDays: number | null;
  lineQuantities: number[];
}
interface ItemSpec {
  line: number;
  quantity: number;
  received: number | null;
  accepted: number | null;
  defective: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
}
interface CaseSpec {
  order: number;
  /** Minutes before now: cases may share a minute, so the (created_at, id) order is exercised. */
  createdMinutesAgo: number;
  type: CaseType;
  refundOnlyKind: RefundOnlyKind | null;
  status: CaseStatus;
  resolution: Resolution | null;
  fault: Fault;
  refundedEarly: boolean;
  goodsNotReturnedEvent: boolean;
  items: ItemSpec[];
  refunds: { amount: number; status: 'pending' | 'succeeded' | 'failed' }[];
}
interface History {
  orders: OrderSpec[];
  cases: CaseSpec[];
  windows: SignalWindows;
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const orderArb: fc.Arbitrary<OrderSpec> = fc.record({
  placedDaysAgo: fc.integer({ min: 0, max: 90 }),
  cancelled: fc.boolean(),
  deliveredAfterDays: maybe(fc.integer({ min: 0, max: 10 })),
  lineQuantities: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
});
const itemArb: fc.Arbitrary<ItemSpec> = fc.record({
  line: fc.nat(),
  quantity: fc.integer({ min: 1, max: 3 }),
  received: maybe(fc.integer({ min: 0, max: 3 })),
  accepted: maybe(fc.integer({ min: 0, max: 3 })),
  defective: maybe(fc.integer({ min: 0, max: 2 })),
  grade: maybe(pick(['A', 'B', 'C', 'D'] as const)),
});
const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  order: fc.nat(),
  createdMinutesAgo: fc.oneof(fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.constantFrom(0, 90, 60 * 24 * 7)),
  type: pick(['refund_only', 'return_refund', 'exchange', 'reship', 'partial_refund', 'refused_delivery'] as const),
  refundOnlyKind: maybe(pick(['not_shipped', 'in_transit', 'delivered_keep'] as const)),
  status: pick(['requested', 'approved', 'rejected', 'not_returned', 'inspected', 'completed', 'cancelled', 'closed'] as const),
  resolution: maybe(pick(['refund', 'return', 'reject'] as const)),
  fault: pick(['seller', 'buyer', 'carrier'] as const),
  refundedEarly: fc.boolean(),
  goodsNotReturnedEvent: fc.boolean(),
  items: fc.array(itemArb, { maxLength: 3 }),
  refunds: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 5000 }), status: pick(['pending', 'succeeded', 'failed'] as const) }), { maxLength: 2 }),
});
const historyArb: fc.Arbitrary<History> = fc.record({
  orders: fc.array(orderArb, { minLength: 1, maxLength: 5 }),
  cases: fc.array(caseArb, { maxLength: 6 }),
  windows: fc.record({ velocityDays: fc.integer({ min: 1, max: 30 }), wardrobingDays: fc.integer({ min: 1, max: 30 }) }),
});

/** The rows a history became, with the ids and times the database holds. */
interface Stored {
  orders: { id: string; placedAt: Date; cancelled: boolean; deliveredAt: Date | null; lines: { id: string; quantity: number }[] }[];
  cases: { id: string; spec: CaseSpec; createdAt: Date; orderIndex: number; items: (ItemSpec & { lineId: string })[] }[];
}

/** Writes a history for a new customer of the shop; a second customer gets a copy of it, which must never count. */
async function store(history: History, template: { orderId: string; policyId: string }, now: Date): Promise<{ customerId: string; stored: Stored }> {
  const db = t.ctx.db;
  const shopId = t.shop.id;
  const [templateOrder] = await db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, template.orderId)));
  const [templateLine] = await db.select().from(orderLines).where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, template.orderId)));
  let result: { customerId: string; stored: Stored } | undefined;
  for (const owner of ['buyer', 'other'] as const) {
    const customerId = randomUUID();
    await db.insert(customers).values({ shopId, id: customerId, email: `${customerId}@example.com` });
    const stored: Stored = { orders: [], cases: [] };
    for (const spec of history.orders) {
      const id = randomUUID();
      const placedAt = new Date(now.getTime() - spec.placedDaysAgo * DAY);
      const deliveredAt = spec.deliveredAfterDays === null ? null : new Date(placedAt.getTime() + spec.deliveredAfterDays * DAY);
      await db.insert(orders).values({ ...templateOrder!, id, customerId, externalId: id, number: id, placedAt, deliveredAt, cancelledAt: spec.cancelled ? placedAt : null, version: 1 });
      const lines = spec.lineQuantities.map((quantity, i) => ({ ...templateLine!, id: randomUUID(), orderId: id, lineNo: i + 1, quantity }));
      await db.insert(orderLines).values(lines);
      stored.orders.push({ id, placedAt, cancelled: spec.cancelled, deliveredAt, lines: lines.map((l) => ({ id: l.id, quantity: l.quantity })) });
    }
    for (const spec of history.cases) {
      const orderIndex = spec.order % stored.orders.length;
      const order = stored.orders[orderIndex]!;
      const id = randomUUID();
      const createdAt = new Date(now.getTime() - spec.createdMinutesAgo * 60_000);
      await db.insert(returnCases).values({
        shopId,
        id,
        rmaNumber: `P${id}`,
        orderId: order.id,
        customerId,
        type: spec.type,
        refundOnlyKind: spec.refundOnlyKind,
        status: spec.status,
        currency: 'CNY',
        refundMethod: 'original',
        returnMethod: 'self_ship',
        fault: spec.fault,
        returnShippingPayer: 'buyer',
        policyId: template.policyId,
        policyVersion: 1,
        riskScore: 0,
        riskReasons: [],
        breakdown: {} as RefundBreakdown,
        resolution: spec.resolution,
        refundedEarly: spec.refundedEarly,
        createdByKind: 'buyer',
        createdAt,
      });
      const items = spec.items.map((item) => ({ ...item, lineId: order.lines[item.line % order.lines.length]!.id }));
      if (items.length) {
        await db.insert(returnItems).values(
          items.map((item) => ({
            shopId,
            caseId: id,
            orderLineId: item.lineId,
            quantity: item.quantity,
            reasonCode: 'no_longer_needed',
            condition: 'opened' as const,
            receivedQuantity: item.received,
            acceptedQuantity: item.accepted,
            defectiveQuantity: item.defective,
            grade: item.grade,
          })),
        );
      }
      if (spec.refunds.length) {
        await db.insert(refunds).values(
          spec.refunds.map((r) => ({
            shopId,
            caseId: id,
            orderId: order.id,
            kind: 'refund' as const,
            currency: 'CNY',
            amountMinor: r.amount,
            shippingMinor: 0,
            compensationMinor: 0,
            method: 'original' as const,
            provider: 'simulated',
            idempotencyKey: randomUUID(),
            status: r.status,
          })),
        );
      }
      // A case's other events must not count: only goods_not_returned does.
      await db.insert(caseEvents).values([
        { shopId, caseId: id, type: 'status_changed', action: 'approve', actorKind: 'staff' as const },
        ...(spec.goodsNotReturnedEvent ? [{ shopId, caseId: id, type: 'status_changed', action: 'goods_not_returned', actorKind: 'system' as const }] : []),
      ]);
      stored.cases.push({ id, spec, createdAt, orderIndex, items });
    }
    if (owner === 'buyer') result = { customerId, stored };
  }
  return result!;
}

const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/**
 * The profile by its definitions (BuyerProfile's doc comments; docs/risk.md), as of `asOf`, over
 * the cases that count (`cases`) and the orders that count (`orders`).
 */
function referenceProfile(stored: Stored, asOf: Date, windows: SignalWindows, cases = stored.cases, placedOrders = stored.orders): BuyerProfile {
  const live = placedOrders.filter((o) => !o.cancelled);
  const open = cases.filter((c) => c.spec.status !== 'cancelled' && c.spec.status !== 'closed');
  const since = (days: number) => asOf.getTime() - days * DAY;
  return {
    orders: live.length,
    completedOrders: count(live, (o) => o.deliveredAt !== null),
    unitsBought: sum(live, (o) => sum(o.lines, (l) => l.quantity)),
    cases: cases.length,
    casesLast30Days: count(cases, (c) => c.createdAt.getTime() >= since(30)),
    unitsReturned: sum(
      open.filter((c) => ['return_refund', 'exchange', 'refused_delivery'].includes(c.spec.type)),
      (c) => sum(c.items, (i) => i.accepted ?? i.quantity),
    ),
    refundedMinor: sum(cases, (c) => sum(c.spec.refunds, (r) => (r.status === 'succeeded' ? r.amount : 0))),
    inspectionMismatches: sum(cases, (c) => count(c.items, (i) => i.accepted !== null && i.accepted < i.quantity)),
    disputesLost: count(cases, (c) => c.spec.resolution === 'reject'),
    keptGoodsClaims: count(open, (c) => c.spec.type === 'partial_refund' || c.spec.refundOnlyKind === 'delivered_keep'),
    goodsNotReturned: count(cases, (c) => c.spec.refundedEarly && c.spec.goodsNotReturnedEvent && !c.items.some((i) => (i.received ?? 0) > 0)),
    recentRequests: count(cases, (c) => c.createdAt.getTime() >= since(windows.velocityDays)),
    contradictedReasons: count(
      cases,
      (c) =>
        c.spec.fault === 'seller' &&
        c.items.some((i) => i.grade !== null) &&
        !c.items.some((i) => i.grade === null || i.grade === 'C' || i.grade === 'D' || (i.defective ?? 0) > 0),
    ),
    wardrobingReturns: count(cases, (c) => {
      const delivered = stored.orders[c.orderIndex]!.deliveredAt;
      return (
        c.spec.fault === 'buyer' &&
        (c.spec.type === 'return_refund' || c.spec.type === 'exchange') &&
        delivered !== null &&
        c.createdAt.getTime() <= delivered.getTime() + windows.wardrobingDays * DAY &&
        c.items.some((i) => i.grade === 'C' || i.grade === 'D')
      );
    }),
    sharedContactAccounts: 0,
  };
}

/** The (created_at, id) order the simulation reads "before this case" by. */
const before = (a: Stored['cases'][number], b: Stored['cases'][number]) => a.createdAt.getTime() < b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id);

describe('buyer profile', () => {
  it('counts what its definitions say, live, with an order and as of each past case, for random histories', async () => {
    const template = await placeOrder(t.ctx, t.shop.id);
    const [policy] = await t.ctx.db.select({ id: policies.id }).from(policies).where(eq(policies.shopId, t.shop.id));
    const now = t.clock.now();
    let checkedCases = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const { customerId, stored } = await store(history, { orderId: template.id, policyId: policy!.id }, now);

        const live = await buyerHistory(t.ctx.db, t.shop.id, customerId, now, { windows: history.windows });
        expect(live.profile).toEqual(referenceProfile(stored, now, history.windows));

        // What a create reads: the history of the order's buyer in the order's statement.
        const withOrder = await casesRepo.orderWithFacts(t.ctx.db, t.shop.id, stored.orders[0]!.id, { lock: false, buyerHistory: buyerHistoryOfOrderSql(t.shop.id, now, history.windows) });
        expect(buyerHistoryOfOrderFromJson(withOrder!.buyerHistory).history.profile).toEqual(live.profile);

        const from = new Date(now.getTime() - 61 * DAY);
        const past = new Map((await pastRequestProfiles(t.ctx.db, t.shop.id, from, now, history.windows)).map((p) => [p.caseId, p.profile]));
        for (const c of stored.cases) {
          const earlier = stored.cases.filter((o) => before(o, c));
          const placed = stored.orders.filter((o) => o.placedAt.getTime() <= c.createdAt.getTime());
          expect(past.get(c.id), `as of case ${c.id}`).toEqual(referenceProfile(stored, c.createdAt, history.windows, earlier, placed));
          checkedCases++;
        }
      }),
      { numRuns: 25 },
    );
    // The runs must have had cases to compare (not only empty histories).
    expect(checkedCases).toBeGreaterThan(25);
  });
});
