import { zoneOffsetMs } from '../../domain/time.js';
import { notificationSettingsOf } from '../../domain/notifications/settings.js';
import { connectionsRepo, type ConnectionRow } from '../../db/repos/connections-repo.js';
import { notificationsRepo, type SmsRow } from '../../db/repos/notifications-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { timeline } from '../../services/notifications/sms-timeline.js';
import { openConnection } from '../../services/connections/connections.js';
import { connectionKind } from '../../integrations/kinds.js';
import { findShop } from '../../services/shops/shops.js';

/** Waits after each failed send; after the last, the message is dead (and the case says so). */
export const SMS_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
const LEASE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Where the provider reports delivery of a connection's messages. */
export const smsCallbackUrl = (publicUrl: string, connectionId: string) => `${publicUrl}/hooks/sms/${connectionId}`;

/** The start of the shop's day `now` is in. */
function dayStart(now: Date, timeZone: string): Date {
  const off = zoneOffsetMs(now.getTime(), timeZone);
  return new Date(Math.floor((now.getTime() + off) / DAY_MS) * DAY_MS - off);
}

/** The shop's SMS connection: the oldest active one (a shop normally has one). */
async function smsConnectionOf(ctx: ServiceContext, shopId: string): Promise<ConnectionRow | null> {
  return (await connectionsRepo.list(ctx.db, shopId)).filter((c) => c.status === 'active' && connectionKind(c.kind)?.sms).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0] ?? null;
}

/**
 * Sends the text messages whose time has come (issue 20 §4). Claimed with SKIP LOCKED and leased,
 * so two workers never send one message and a crashed worker's are sent by the next. Without an
 * SMS connection a message is only kept: the dev outbox shows it. A shop past its daily cap sends
 * nothing more until its next day; a failed send is retried with backoff, then given up on.
 */
export async function sendDueSms(ctx: ServiceContext, batch = 50): Promise<number> {
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await notificationsRepo.claimDueSms(tx, ctx.clock.now(), batch);
    const lease = new Date(ctx.clock.now().getTime() + LEASE_MS);
    for (const m of due) await notificationsRepo.updateSms(tx, m, { nextAttemptAt: lease });
    return due;
  });
  const byShop = new Map<string, SmsRow[]>();
  for (const m of claimed) byShop.set(m.shopId, [...(byShop.get(m.shopId) ?? []), m]);
  for (const [shopId, messages] of byShop) await sendForShop(ctx, shopId, messages);
  return claimed.length;
}

async function sendForShop(ctx: ServiceContext, shopId: string, messages: SmsRow[]) {
  const shop = await findShop(ctx, shopId);
  const now = ctx.clock.now();
  const today = dayStart(now, shop?.timezone ?? 'Asia/Shanghai');
  const cap = notificationSettingsOf((await notificationsRepo.settings(ctx.db, shopId)) ?? undefined).smsDailyCap;
  let sentToday = await notificationsRepo.smsSentSince(ctx.db, shopId, today);
  const connection = await smsConnectionOf(ctx, shopId);
  const provider = connection ? connectionKind(connection.kind)!.sms!(openConnection(ctx, connection)) : null;
  for (const m of messages) {
    if (sentToday >= cap) {
      await notificationsRepo.updateSms(ctx.db, m, { nextAttemptAt: new Date(today.getTime() + DAY_MS), lastError: `The shop’s daily cap of ${cap} text messages is reached; sent tomorrow` });
      continue;
    }
    const attempts = m.attempts + 1;
    if (!provider || !connection) {
      await notificationsRepo.updateSms(ctx.db, m, { status: 'sent', transport: 'dev', sentAt: ctx.clock.now(), nextAttemptAt: null, attempts, lastError: null });
      await timeline(ctx, m, 'notification.sent', { transport: 'dev' });
      sentToday++;
      continue;
    }
    try {
      const sent = await provider.send({
        to: m.toPhone,
        body: m.body,
        templateCode: m.templateCode,
        params: Object.fromEntries(m.templateParams.map((p) => [p.name, p.value])),
        paramOrder: m.templateParams.map((p) => p.name),
        reference: m.id,
        statusCallbackUrl: smsCallbackUrl(ctx.config.publicUrl, connection.id),
      });
      sentToday++;
      await notificationsRepo.updateSms(ctx.db, m, { status: 'sent', transport: connection.kind, connectionId: connection.id, providerMessageId: sent.providerMessageId, sentAt: ctx.clock.now(), nextAttemptAt: null, attempts, lastError: null });
      await timeline(ctx, m, 'notification.sent', { transport: connection.kind });
    } catch (err) {
      const delay = SMS_RETRY_DELAYS_MS[attempts - 1];
      const message = (err as Error).message.slice(0, 500);
      await notificationsRepo.updateSms(ctx.db, m, {
        attempts,
        lastError: message,
        transport: connection.kind,
        connectionId: connection.id,
        status: delay === undefined ? 'dead' : 'pending',
        nextAttemptAt: delay === undefined ? null : new Date(ctx.clock.now().getTime() + delay),
      });
      if (delay === undefined) await timeline(ctx, m, 'notification.failed', { transport: connection.kind, error: message });
    }
  }
}
