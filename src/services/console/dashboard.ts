import { localDayOf, startOfLocalDay } from '../../domain/policy/local-days.js';
import { notFound } from '../../domain/errors.js';
import { consoleDashboardRepo } from '../../db/repos/console-dashboard-repo.js';
import { qualityRefundRate } from '../analytics/index.js';
import { consoleQueueRepo } from '../../db/repos/console-queue-repo.js';
import type { ServiceContext } from '../context.js';
import { currentPolicy } from '../policy/index.js';
import { findShop } from '../shops/index.js';

/** "Due soon" on the Today page: deadlines within this many hours. */
export const DUE_SOON_HOURS = 24;

/**
 * The console's Today page: open cases by state with what is overdue or due within 24 h, the
 * day's new requests and refunds (the shop's calendar day), and the quality refund rate: the
 * analytics measure itself (one definition, one query), its window ending today.
 */
export async function todayDashboard(ctx: ServiceContext, shopId: string) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const now = ctx.clock.now();
  const dayStart = new Date(startOfLocalDay(localDayOf(now.getTime(), shop.timezone), shop.timezone));
  const policy = (await currentPolicy(ctx.db, shopId, now)).document;
  const qualityCodes = policy.reasons.filter((r) => r.quality).map((r) => r.code);

  const [counts, requests, refunds, quality] = await Promise.all([
    consoleQueueRepo.openCounts(ctx.db, shopId, now, DUE_SOON_HOURS),
    consoleDashboardRepo.requestsSince(ctx.db, shopId, dayStart),
    consoleDashboardRepo.refundsSince(ctx.db, shopId, dayStart),
    qualityRefundRate(ctx, shopId, {}),
  ]);
  return {
    now: now.toISOString(),
    timezone: shop.timezone,
    currency: shop.currency,
    dayStart: dayStart.toISOString(),
    open: {
      total: counts.reduce((a, c) => a + c.open, 0),
      overdue: counts.reduce((a, c) => a + c.overdue, 0),
      dueSoon: counts.reduce((a, c) => a + c.due_soon, 0),
      dueSoonHours: DUE_SOON_HOURS,
      byStatus: counts.map((c) => ({ status: c.status, count: c.open, overdue: c.overdue, dueSoon: c.due_soon })),
    },
    today: {
      requests: requests.created,
      requestsWaiting: requests.waiting,
      refunds: refunds.paid.map((p) => ({ currency: p.currency, count: p.count, amountMinor: Number(p.amount_minor) })),
      refundsPending: refunds.pending.count,
      refundsAwaitingConfirmation: refunds.pending.manual,
      refundsFailed: refunds.pending.failed,
    },
    qualityRefundRate: {
      method: 'rolling_window' as const,
      definition: quality.definition,
      windowDays: quality.thresholds.windowDays,
      windowFrom: quality.current.windowFrom,
      windowTo: quality.current.windowTo,
      qualityCases: quality.current.qualityRefundedCases,
      paidOrders: quality.current.paidOrders,
      rateBp: quality.current.rateBp,
      warnAtBp: quality.thresholds.warnAtBp,
      limitBp: quality.thresholds.limitBp,
      level: quality.level,
      rebuildPending: quality.rebuildPending,
      qualityReasons: qualityCodes,
    },
  };
}
