import { mailRepo, type MailRow } from '../../db/repos/mail-repo.js';
import type { ServiceContext } from '../context.js';
import { decodeTimeCursor, timePage } from '../pagination.js';

/** E-mails to buyers, newest first: the dev mailbox without SMTP, the send log with it. */
export async function listMail(ctx: ServiceContext, shopId: string, query: { caseId?: string; cursor?: string; limit?: number }): Promise<{ data: MailRow[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  return timePage(await mailRepo.list(ctx.db, shopId, query, decodeTimeCursor(query.cursor), limit + 1), limit);
}
