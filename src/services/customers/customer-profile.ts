import { and, count, eq, sql } from 'drizzle-orm';
import { notFound } from '../../domain/errors.js';
import { assessRisk } from '../../domain/risk/score.js';
import { buyerRiskSettings } from '../../domain/risk/settings.js';
import { currentPolicy } from '../policy/index.js';
import { buyerProfile } from '../../db/repos/customers-profile-repo.js';
import { customersRepo } from '../../db/repos/customers-repo.js';
import { refundsRepo } from '../../db/repos/refunds-repo.js';
import { returnCases } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

/** A buyer as after-sales staff see them: history, return rate, risk with its reasons, store credit. */
export async function customerProfile(ctx: ServiceContext, shopId: string, customerId: string) {
  const customer = await customersRepo.findById(ctx.db, shopId, customerId);
  if (!customer) throw notFound('customer.not_found', 'No such customer');
  const settings = buyerRiskSettings((await currentPolicy(ctx.db, shopId, ctx.clock.now())).document);
  const profile = await buyerProfile(ctx.db, shopId, customerId, ctx.clock.now(), settings);
  const risk = assessRisk(profile, { keepsGoods: false }, settings);
  const byStatus = await ctx.db
    .select({ status: returnCases.status, n: count() })
    .from(returnCases)
    .where(and(eq(returnCases.shopId, shopId), eq(returnCases.customerId, customerId)))
    .groupBy(returnCases.status)
    .orderBy(sql`2 desc`);
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    locale: customer.locale,
    country: customer.country,
    tier: customer.tier,
    createdAt: customer.createdAt.toISOString(),
    history: {
      ...profile,
      returnRateBp: profile.unitsBought === 0 ? 0 : Math.floor((profile.unitsReturned * 10_000) / profile.unitsBought),
      casesByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    },
    risk,
    storeCreditMinor: await refundsRepo.storeCreditBalance(ctx.db, shopId, customerId),
  };
}
