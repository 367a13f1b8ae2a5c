import { invalid } from '../../domain/errors.js';
import { localDayOf, MS_PER_DAY, startOfLocalDay } from '../../domain/policy/local-days.js';
import { careRepo } from '../../db/repos/care-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';

/** Days 'YYYY-MM-DD' of the shop's zone as the instants [from 00:00, the day after `to` 00:00). */
export function periodInstants(from: string, to: string, timeZone: string): { from: Date; to: Date } {
  const day = (d: string) => Math.round(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / MS_PER_DAY);
  return { from: new Date(startOfLocalDay(day(from), timeZone)), to: new Date(startOfLocalDay(day(to) + 1, timeZone)) };
}

/**
 * Care figures of a period (issue 19 §1, §3): compensation granted per currency and kind, and
 * exchange-first offers with the revenue they kept (the refund that became an exchange or store
 * credit instead of money leaving the shop). Default period: the last 30 days.
 */
export async function careAnalytics(ctx: ServiceContext, shopId: string, q: { from?: string; to?: string }) {
  const shop = await shopsRepo.findById(ctx.db, shopId);
  const tz = shop?.timezone ?? 'UTC';
  const today = localDayOf(ctx.clock.now().getTime(), tz);
  const asDay = (n: number) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  const to = q.to ?? asDay(today);
  const from = q.from ?? asDay(today - 29);
  if (from > to) throw invalid('analytics.period_invalid', '`from` is after `to`', { from, to });
  const period = periodInstants(from, to, tz);
  if (period.to.getTime() - period.from.getTime() > 731 * MS_PER_DAY) throw invalid('analytics.period_too_long', 'A period is at most two years');
  const { offers, granted } = await careRepo.careTotals(ctx.db, shopId, period.from, period.to);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    exchangeFirst: offers.map((o) => ({
      currency: o.currency,
      offers: o.offers,
      exchanges: o.exchanges,
      storeCredits: o.store_credits,
      refunds: o.refunds,
      keptMinor: Number(o.kept_minor),
      bonusMinor: Number(o.bonus_minor),
      acceptedBp: o.offers === 0 ? 0 : Math.round(((o.exchanges + o.store_credits) * 10_000) / o.offers),
    })),
    compensation: granted.map((g) => ({ currency: g.currency, kind: g.kind as 'coupon' | 'store_credit' | 'points', grants: g.grants, amountMinor: Number(g.amount_minor), points: Number(g.points) })),
  };
}
