import { addDays, localDay } from '../../domain/analytics/period.js';
import { alertDecision, isAlertLevel, TREND_DAYS, type AlertLevel } from '../../domain/analytics/quality-rate.js';
import { analyticsAlertsRepo as repo } from '../../db/repos/analytics-alerts-repo.js';
import type { ServiceContext } from '../context.js';
import { publish } from '../events.js';
import { currentPolicy } from '../policy/index.js';
import { foldPendingFacts } from './fold.js';
import { QUALITY_METRIC, qualityWindow } from './quality-rate.js';

export const QUALITY_ALERT_EVENT = 'analytics.quality_refund_rate';
const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

const TEXT: Record<Exclude<AlertLevel, 'ok'>, { en: string; 'zh-CN': string }> = {
  limit: { en: 'is over the limit', 'zh-CN': '已超过上限' },
  projected_limit: { en: 'is projected to pass the limit within 7 days', 'zh-CN': '预计 7 天内超过上限' },
  warn: { en: 'is over the warning threshold', 'zh-CN': '已超过预警线' },
  projected_warn: { en: 'is projected to pass the warning threshold within 7 days', 'zh-CN': '预计 7 天内超过预警线' },
};

export interface AlertOutcome {
  shopId: string;
  level: AlertLevel;
  rateBp: number | null;
  projectedBp: number | null;
  alerted: boolean;
}

/**
 * The worker's quality-refund-rate check (run it every few minutes; safe in several workers at
 * once): for each shop, today's rolling-window rate and its 7-day projection against the
 * policy's thresholds. When the level rises (ok → projected_warn → warn → projected_limit → limit)
 * it writes, in one transaction, an outbox event `analytics.quality_refund_rate` (webhooks) and
 * an e-mail to the shop's owners; falling back to ok re-arms the alert.
 */
export async function evaluateQualityRefundAlerts(ctx: ServiceContext): Promise<AlertOutcome[]> {
  const outcomes: AlertOutcome[] = [];
  for (const shop of await repo.activeShops(ctx.db)) outcomes.push(await evaluateShop(ctx, shop.id, shop.timezone));
  return outcomes;
}

export async function evaluateShop(ctx: ServiceContext, shopId: string, timezone: string): Promise<AlertOutcome> {
  const now = ctx.clock.now();
  const policy = (await currentPolicy(ctx.db, shopId, now)).document.qualityRefundRate;
  const to = localDay(now, timezone);
  await foldPendingFacts(ctx, shopId);
  const w = await qualityWindow(ctx, { shopId, from: addDays(to, -(TREND_DAYS - 1)), to }, policy);
  const rateBp = w.current.rateBp;
  const projectedBp = w.projection?.projectedBp ?? null;
  return ctx.db.transaction(async (tx) => {
    const previous = await repo.state(tx, shopId, QUALITY_METRIC, true);
    const last = previous && isAlertLevel(previous.alerted_level) ? previous.alerted_level : 'ok';
    const decision = alertDecision(last, w.level);
    if (decision.alert) {
      const data = {
        level: w.level,
        previousLevel: last,
        rateBp,
        projectedBp,
        slopeBpPerDay: w.projection?.slopeBpPerDay ?? null,
        window: { days: policy.windowDays, from: addDays(w.current.day, -(policy.windowDays - 1)), to: w.current.day, timezone },
        qualityRefundedCases: w.current.qualityRefundedCases,
        paidOrders: w.current.paidOrders,
        thresholds: { warnAtBp: policy.warnAtBp, limitBp: policy.limitBp },
        evaluatedAt: now.toISOString(),
      };
      // Through the outbox like every other event: the webhook dispatcher delivers it to the endpoints subscribed to it.
      await publish(tx, shopId, QUALITY_ALERT_EVENT, null, data, now);
      const outboxId = await repo.latestOutboxId(tx, shopId, QUALITY_ALERT_EVENT);
      const owners = await repo.owners(tx, shopId);
      if (owners.length > 0) {
        const locale = owners[0]!.locale === 'en' ? 'en' : 'zh-CN';
        const mail = renderMail(locale, await repo.shopName(tx, shopId), w.level as Exclude<AlertLevel, 'ok'>, rateBp, projectedBp, policy, ctx.config.publicUrl);
        await repo.insertMail(tx, {
          shopId,
          outboxId,
          template: QUALITY_ALERT_EVENT,
          locale,
          to: owners.map((o) => o.email).join(', '),
          ...mail,
          transport: ctx.config.smtpUrl ? 'smtp' : 'dev',
          createdAt: now,
        });
      }
    }
    await repo.saveState(tx, {
      shopId,
      metric: QUALITY_METRIC,
      level: w.level,
      rateBp,
      projectedBp,
      alertedLevel: decision.alertedLevel,
      alertedAt: decision.alert ? now : (previous?.alerted_at ?? null),
      evaluatedAt: now,
    });
    return { shopId, level: w.level, rateBp, projectedBp, alerted: decision.alert };
  });
}

function renderMail(
  locale: 'en' | 'zh-CN',
  shopName: string,
  level: Exclude<AlertLevel, 'ok'>,
  rateBp: number | null,
  projectedBp: number | null,
  policy: { windowDays: number; warnAtBp: number; limitBp: number },
  publicUrl: string,
) {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const lines =
    locale === 'en'
      ? [
          `The quality refund rate of ${shopName} ${TEXT[level].en}.`,
          `Rate over the last ${policy.windowDays} days: ${pct(rateBp)} (projected in 7 days: ${pct(projectedBp)}).`,
          `Thresholds: warning ${pct(policy.warnAtBp)}, limit ${pct(policy.limitBp)}.`,
          `Details: ${publicUrl}/console/analytics`,
        ]
      : [
          `${shopName} 的品质退款率${TEXT[level]['zh-CN']}。`,
          `近 ${policy.windowDays} 天品质退款率：${pct(rateBp)}（7 天后预计：${pct(projectedBp)}）。`,
          `阈值：预警 ${pct(policy.warnAtBp)}，上限 ${pct(policy.limitBp)}。`,
          `详情：${publicUrl}/console/analytics`,
        ];
  const subject = locale === 'en' ? `Quality refund rate ${TEXT[level].en}: ${pct(rateBp)}` : `品质退款率${TEXT[level]['zh-CN']}：${pct(rateBp)}`;
  return { subject, text: lines.join('\n'), html: lines.map((l) => `<p>${escape(l)}</p>`).join('\n') };
}
