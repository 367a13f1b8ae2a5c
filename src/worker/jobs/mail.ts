import type { Transporter } from 'nodemailer';
import { mailRepo, type MailRow } from '../../db/repos/mail-repo.js';
import type { ServiceContext } from '../../services/context.js';
import { lazyModule } from '../../lazy-module.js';

/** Loaded by the first message sent over SMTP: without SMTP_URL, never. */
const loadNodemailer = lazyModule(() => import('nodemailer'));

/** Waits after each failed SMTP attempt; after the last, the message is dead (and shown so). */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000, 12 * 3600_000];
const LEASE_MS = 60_000;

const transports = new Map<string, Transporter>();
async function transportFor(url: string): Promise<Transporter> {
  let t = transports.get(url);
  if (!t) {
    const { default: nodemailer } = await loadNodemailer();
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/**
 * Sends the e-mails whose time has come. Claimed with SKIP LOCKED and leased, so two workers
 * never send one message and a crashed worker's messages are sent by the next. Without SMTP the
 * message is only kept: the dev mailbox (`GET /api/v1/dev-mailbox`) shows it.
 */
export async function sendDueMail(ctx: ServiceContext, batch = 50): Promise<number> {
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await mailRepo.claimDue(tx, ctx.clock.now(), batch);
    const lease = new Date(ctx.clock.now().getTime() + LEASE_MS);
    for (const m of due) await mailRepo.update(tx, m, { nextAttemptAt: lease });
    return due;
  });
  for (const m of claimed) await send(ctx, m);
  return claimed.length;
}

async function send(ctx: ServiceContext, m: MailRow) {
  if (m.transport === 'dev' || !ctx.config.smtpUrl) {
    await mailRepo.update(ctx.db, m, { status: 'sent', transport: 'dev', sentAt: ctx.clock.now(), nextAttemptAt: null, attempts: m.attempts + 1 });
    return;
  }
  try {
    const info = await (await transportFor(ctx.config.smtpUrl)).sendMail({ from: ctx.config.mailFrom, to: m.toAddress, subject: m.subject, text: m.text, html: m.html, headers: { 'X-Retour-Mail-Id': m.id } });
    await mailRepo.update(ctx.db, m, { status: 'sent', sentAt: ctx.clock.now(), messageId: info.messageId ?? null, nextAttemptAt: null, attempts: m.attempts + 1, lastError: null });
  } catch (err) {
    const attempts = m.attempts + 1;
    const delay = RETRY_DELAYS_MS[attempts - 1];
    await mailRepo.update(ctx.db, m, {
      attempts,
      lastError: (err as Error).message.slice(0, 500),
      status: delay === undefined ? 'dead' : 'pending',
      nextAttemptAt: delay === undefined ? null : new Date(ctx.clock.now().getTime() + delay),
    });
  }
}

