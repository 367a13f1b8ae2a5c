import { and, desc, eq, gte } from 'drizzle-orm';
import { simulate, type PastCase } from '../../domain/policy/simulate.js';
import type { Policy } from '../../domain/policy/schema.js';
import { notFound } from '../../domain/errors.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { policiesRepo } from '../../db/repos/policies-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import { returnCases } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { loadBuyerContext, loadOrderContext } from '../returns/case-context.js';
import { goodsStayWithBuyer } from '../returns/case-money.js';
import { checkPolicyDocument } from './policies.js';

/** Simulations look at most at this many recent cases, so a big shop gets an answer in seconds. */
export const SIMULATION_CASE_LIMIT = 2000;

/**
 * What a draft policy would have done to the cases of the last `days` days: each is judged again
 * as it was requested, under the version that judged it and under the draft. Saves nothing.
 */
export async function simulatePolicy(ctx: ServiceContext, shopId: string, document: unknown, days: number) {
  const draft = checkPolicyDocument(document);
  const shop = await shopsRepo.findById(ctx.db, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  const cases = await ctx.db
    .select()
    .from(returnCases)
    .where(and(eq(returnCases.shopId, shopId), gte(returnCases.createdAt, since)))
    .orderBy(desc(returnCases.createdAt))
    .limit(SIMULATION_CASE_LIMIT + 1);
  const policies = new Map<string, Policy>();
  const past: PastCase[] = [];
  for (const c of cases.slice(0, SIMULATION_CASE_LIMIT)) {
    if (!policies.has(c.policyId)) policies.set(c.policyId, (await policiesRepo.byId(ctx.db, shopId, c.policyId))!.document);
    const { facts } = await loadOrderContext(ctx.db, shop, c.orderId, { lock: false, excludeCaseId: c.id });
    const buyer = await loadBuyerContext(ctx.db, shopId, c.customerId, c.createdAt, goodsStayWithBuyer(c.type, c.refundOnlyKind));
    const items = await casesRepo.itemsOf(ctx.db, shopId, c.id);
    past.push({
      caseId: c.id,
      rmaNumber: c.rmaNumber,
      requestedAt: c.createdAt,
      order: facts,
      customer: buyer.facts,
      request: {
        caseType: c.type,
        items: items.map((i) => ({ lineId: i.orderLineId, quantity: i.quantity, reasonCode: i.reasonCode, condition: i.condition })),
        method: c.refundMethod,
        returnShippingClaimMinor: c.returnShippingClaimMinor,
        keepGoods: goodsStayWithBuyer(c.type, c.refundOnlyKind),
      },
    });
  }
  const byCase = new Map(cases.map((c) => [c.id, c.policyId]));
  const result = simulate(draft, past, (pc) => policies.get(byCase.get(pc.caseId)!)!);
  return { days, truncated: cases.length > SIMULATION_CASE_LIMIT, ...result };
}
