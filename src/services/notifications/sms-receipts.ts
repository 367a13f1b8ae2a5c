import { invalid, notFound, unauthenticated } from '../../domain/errors.js';
import { connectionsRepo } from '../../db/repos/connections-repo.js';
import { notificationsRepo } from '../../db/repos/notifications-repo.js';
import { SmsCallbackRejected, type SmsCallback, type SmsReceiptBatch } from '../../integrations/sms/provider.js';
import type { ServiceContext } from '../context.js';
import { openConnection } from '../connections/index.js';
import { connectionKind } from '../../integrations/kinds.js';
import { loggedRun } from '../connections/index.js';
import { timeline } from './sms-timeline.js';

/**
 * A delivery report from an SMS provider (issue 20 §4): verified the provider's way (Twilio's
 * signature, a token in the URL for Aliyun and Tencent, who sign nothing) before anything is
 * read; each message it names is settled once, with a case event the timeline shows.
 */
export async function receiveSmsReceipts(ctx: ServiceContext, connectionId: string, callback: SmsCallback): Promise<SmsReceiptBatch['reply']> {
  const row = await connectionsRepo.byIdAnyShop(ctx.db, connectionId);
  const kind = row ? connectionKind(row.kind) : undefined;
  if (!row || !kind?.sms) throw notFound('connection.not_found', 'No such SMS connection');
  let batch: SmsReceiptBatch;
  try {
    batch = await kind.sms(openConnection(ctx, row)).receipts(callback);
  } catch (err) {
    if (err instanceof SmsCallbackRejected) throw unauthenticated('webhook.signature_invalid', err.message);
    if (err instanceof SyntaxError) throw invalid('webhook.malformed', 'The report is not in the provider’s format');
    throw err;
  }
  await loggedRun(ctx, row, 'webhook', async () => {
    let settled = 0;
    for (const r of batch.receipts) {
      for (const m of await notificationsRepo.settleSms(ctx.db, row.id, r.providerMessageId, r.delivered, r.error, ctx.clock.now())) {
        settled++;
        await timeline(ctx, m, r.delivered ? 'notification.delivered' : 'notification.undelivered', { transport: row.kind, ...(r.error ? { error: r.error } : {}) });
      }
    }
    return { itemsIn: batch.receipts.length, itemsOut: settled, errors: [] };
  });
  return batch.reply;
}
