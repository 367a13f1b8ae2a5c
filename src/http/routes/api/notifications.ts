import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import { CHANNEL_PREFERENCES, CHANNELS } from '../../../domain/notifications/channels.js';
import { NOTIFICATION_STEPS } from '../../../domain/notifications/variables.js';
import {
  getNotificationSettings,
  listSms,
  listTemplates,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  TEMPLATE_LOCALES,
  updateNotificationSettings,
} from '../../../services/notifications/notifications.js';
import { closed, DateTime, errorResponses, Nullable, Page, PageQuery, Uuid } from '../../schemas/common.js';

const Step = StringEnum(NOTIFICATION_STEPS);
const Locale = StringEnum(TEMPLATE_LOCALES);
const Channel = StringEnum(CHANNELS);
const TemplateParams = Type.Object({ step: Step, locale: Locale, channel: Channel });

export const TemplateSchema = Type.Object({
  step: Step,
  locale: Locale,
  channel: Channel,
  custom: Type.Boolean({ description: 'The seller’s own wording (false: Retour’s default)' }),
  subject: Nullable(Type.String()),
  body: Type.String(),
  templateCode: Nullable(Type.String({ description: 'SMS on Aliyun/Tencent: the approved template code of this step' })),
  defaultSubject: Type.Optional(Nullable(Type.String())),
  defaultBody: Type.Optional(Type.String()),
  variables: Type.Array(Type.String()),
  updatedAt: Nullable(DateTime),
}, closed);

const TemplateInput = Type.Object(
  {
    subject: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    body: Type.String({ maxLength: 10_000 }),
    templateCode: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);

export const SettingsSchema = Type.Object(
  {
    channelPreference: StringEnum(CHANNEL_PREFERENCES, { description: 'When an order has both an e-mail address and a phone number' }),
    smsDailyCap: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Text messages the shop may send per day (its time zone)' }),
  },
  { additionalProperties: false },
);

export const SmsSchema = Type.Object({
  id: Uuid,
  caseId: Nullable(Uuid),
  step: Type.String(),
  locale: Type.String(),
  toPhone: Type.String(),
  body: Type.String(),
  templateCode: Nullable(Type.String()),
  templateParams: Type.Record(Type.String(), Type.String()),
  transport: Nullable(Type.String()),
  status: StringEnum(['pending', 'sent', 'delivered', 'undelivered', 'dead'] as const),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  providerMessageId: Nullable(Type.String()),
  sentAt: Nullable(DateTime),
  deliveredAt: Nullable(DateTime),
  createdAt: DateTime,
}, closed);

/** Buyer notifications (issue 20): the seller's templates, the channel settings, and the SMS outbox. */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notification-templates',
    {
      config: { permission: 'shop:read' },
      schema: { tags: ['notifications'], summary: 'Every step’s template per language and channel: the seller’s, or Retour’s default', response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }, closed), ...errorResponses } },
    },
    async (req) => listTemplates(app.ctx, req.principal!.shopId),
  );

  app.put(
    '/notification-templates/:step/:locale/:channel',
    {
      config: { permission: 'shop:manage' },
      schema: {
        tags: ['notifications'],
        summary: 'Save the seller’s template of a step (422 notification.template_invalid names unknown variables, length and link problems)',
        params: TemplateParams,
        body: TemplateInput,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (req) => saveTemplate(app.ctx, req.principal!.shopId, req.params.step, req.params.locale, req.params.channel, req.body),
  );

  app.delete(
    '/notification-templates/:step/:locale/:channel',
    { config: { permission: 'shop:manage' }, schema: { tags: ['notifications'], summary: 'Back to Retour’s default wording', params: TemplateParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      await resetTemplate(app.ctx, req.principal!.shopId, req.params.step, req.params.locale, req.params.channel);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notification-templates/preview',
    {
      config: { permission: 'shop:read' },
      schema: {
        tags: ['notifications'],
        summary: 'A template filled from a real case (the latest unless caseId is given), with its problems',
        body: Type.Object({ step: Step, locale: Locale, channel: Channel, ...TemplateInput.properties, caseId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            caseId: Uuid,
            rmaNumber: Type.String(),
            subject: Nullable(Type.String()),
            text: Type.String(),
            html: Nullable(Type.String()),
            length: Type.Integer(),
            segments: Nullable(Type.Integer()),
            params: Nullable(Type.Record(Type.String(), Type.String())),
            issues: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }, closed)),
          }, closed),
          ...errorResponses,
        },
      },
    },
    async (req) => previewTemplate(app.ctx, req.principal!.shopId, req.body),
  );

  app.get(
    '/notification-settings',
    { config: { permission: 'shop:read' }, schema: { tags: ['notifications'], summary: 'Which channel when a buyer has both, and the daily SMS cap', response: { 200: SettingsSchema, ...errorResponses } } },
    async (req) => getNotificationSettings(app.ctx, req.principal!.shopId),
  );

  app.patch(
    '/notification-settings',
    {
      config: { permission: 'shop:manage' },
      schema: { tags: ['notifications'], summary: 'Change the channel preference or the daily SMS cap', body: Type.Partial(SettingsSchema, { additionalProperties: false }), response: { 200: SettingsSchema, ...errorResponses } },
    },
    async (req) => updateNotificationSettings(app.ctx, req.principal!.shopId, req.body),
  );

  app.get(
    '/dev-outbox',
    {
      config: { permission: 'webhooks:manage' },
      schema: {
        tags: ['notifications'],
        summary: 'Text messages to buyers, newest first: what Retour would have sent without an SMS connection, and the send log with one',
        querystring: Type.Object({ ...PageQuery, caseId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Page(SmsSchema), ...errorResponses },
      },
    },
    async (req) => listSms(app.ctx, req.principal!.shopId, req.query),
  );
};
