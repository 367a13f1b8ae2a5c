import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import { listMail } from '../../../services/mail/mailbox.js';
import { closed, DateTime, errorResponses, Nullable, Page, PageQuery, Uuid } from '../../schemas/common.js';

export const MailSchema = Type.Object({
  id: Uuid,
  caseId: Nullable(Uuid),
  template: Type.String(),
  locale: Type.String(),
  toAddress: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
  transport: StringEnum(['smtp', 'dev'] as const),
  status: StringEnum(['pending', 'sent', 'dead'] as const),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  sentAt: Nullable(DateTime),
  createdAt: DateTime,
}, closed);

export const devMailboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dev-mailbox',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['mail'],
        summary: 'E-mails to buyers, newest first: everything Retour would have sent when SMTP_URL is unset, and the send log when it is set',
        querystring: Type.Object({ ...PageQuery, caseId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Page(MailSchema), ...errorResponses },
      },
    },
    async (req) => {
      const page = await listMail(app.ctx, req.principal!.shopId, req.query);
      return {
        data: page.data.map((m) => ({
          id: m.id,
          caseId: m.caseId,
          template: m.template,
          locale: m.locale,
          toAddress: m.toAddress,
          subject: m.subject,
          text: m.text,
          html: m.html,
          transport: m.transport,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          sentAt: m.sentAt ? m.sentAt.toISOString() : null,
          createdAt: m.createdAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
