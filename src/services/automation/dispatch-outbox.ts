import { uuidv7 } from 'uuidv7';
import { mailTemplateFor } from '../../domain/mail/triggers.js';
import { mailLocaleOf, renderMail } from '../../domain/mail/templates.js';
import { mailRepo } from '../../db/repos/mail-repo.js';
import { outboxRepo, type OutboxRow } from '../../db/repos/outbox-repo.js';
import { webhooksRepo } from '../../db/repos/webhooks-repo.js';
import type { Tx } from '../../db/client.js';
import type { ServiceContext } from '../context.js';
import { takesEvent } from '../webhooks/endpoints.js';

/**
 * Fans recorded events out to what will carry them: one webhook delivery per subscribed
 * endpoint, and the buyer's e-mail when the event is a step they must hear of. Rows are claimed
 * with SKIP LOCKED and marked dispatched in the same transaction as what they produced, so each
 * event is fanned out exactly once, whatever crashes or how many workers run.
 */
export async function dispatchOutbox(ctx: ServiceContext, batch = 200): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await outboxRepo.claimUndispatched(tx, batch);
    if (rows.length === 0) return 0;
    const now = ctx.clock.now();
    const endpoints = await webhooksRepo.subscribers(tx, [...new Set(rows.map((r) => r.shopId))]);
    await webhooksRepo.insertDeliveries(
      tx,
      rows.flatMap((r) =>
        endpoints
          .filter((e) => e.shopId === r.shopId && takesEvent(e, r.eventType))
          .map((e) => ({ shopId: r.shopId, id: uuidv7(), endpointId: e.id, outboxId: r.id, eventType: r.eventType, payload: r.payload, status: 'pending' as const, nextAttemptAt: now, createdAt: now })),
      ),
    );
    await queueBuyerMail(ctx, tx, rows, now);
    await outboxRepo.markDispatched(tx, rows, now);
    return rows.length;
  });
}

async function queueBuyerMail(ctx: ServiceContext, tx: Tx, rows: OutboxRow[], now: Date) {
  const wanted = rows.flatMap((r) => {
    const data = (r.payload.data ?? {}) as Record<string, unknown> & { refund?: { amountMinor: number; compensationMinor: number; bonusMinor: number; method: string } };
    const template = r.caseId ? mailTemplateFor(r.eventType, data) : null;
    return template ? [{ row: r, template, data }] : [];
  });
  const contexts = new Map((await mailRepo.caseContexts(tx, [...new Set(wanted.map((w) => w.row.caseId!))])).map((c) => [c.caseId, c]));
  const transport = ctx.config.smtpUrl ? ('smtp' as const) : ('dev' as const);
  await mailRepo.insert(
    tx,
    wanted.flatMap(({ row, template, data }) => {
      const c = contexts.get(row.caseId!);
      if (!c?.email) return [];
      const locale = mailLocaleOf(c.locale);
      const refund = data.refund;
      const mail = renderMail(template, locale, {
        shopName: c.shopName,
        customerName: c.customerName,
        rmaNumber: c.rmaNumber,
        orderNumber: c.orderNumber,
        caseUrl: `${ctx.config.publicUrl}/portal/${encodeURIComponent(c.shopSlug)}?order=${encodeURIComponent(c.orderNumber)}`,
        currency: c.currency,
        refundMinor: refund ? refund.amountMinor + refund.compensationMinor + refund.bonusMinor : undefined,
        refundMethod: refund ? (refund.method === 'store_credit' ? 'store_credit' : 'original') : c.refundMethod,
        returnMethod: c.returnMethod,
        returnShippingPayer: c.returnShippingPayer,
        returnAddress: c.returnAddress,
        shipBy: c.shipBy,
        rejectionReason: c.rejectionReason,
        carrier: c.carrier,
        trackingNumber: c.trackingNumber,
        timeZone: c.timezone,
      });
      return [
        {
          shopId: row.shopId,
          id: uuidv7(),
          outboxId: row.id,
          caseId: row.caseId,
          template,
          locale,
          toAddress: c.email,
          ...mail,
          transport,
          status: 'pending' as const,
          nextAttemptAt: now,
          createdAt: now,
        },
      ];
    }),
  );
}
