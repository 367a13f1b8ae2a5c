import { notificationsRepo, type SmsRow } from '../../db/repos/notifications-repo.js';
import type { ServiceContext } from '../context.js';

/** A number as the timeline shows it: enough to recognise, not enough to copy. */
export const maskedPhone = (e164: string) => (e164.length > 8 ? `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}` : '****');

/** A case event the case's timeline shows: which step went out to whom, and what became of it. */
export async function timeline(ctx: ServiceContext, m: SmsRow, type: string, extra: Record<string, unknown>) {
  if (!m.caseId) return;
  await notificationsRepo.caseEvent(ctx.db, {
    shopId: m.shopId,
    caseId: m.caseId,
    type,
    actorKind: 'system',
    payload: { channel: 'sms', step: m.step, to: maskedPhone(m.toPhone), messageId: m.id, ...extra },
    createdAt: ctx.clock.now(),
  });
}
