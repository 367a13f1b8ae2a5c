import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { receiveStripeWebhook } from '../../../services/payments/stripe-webhook.js';
import { receiveStorefrontWebhook } from '../../../services/connections/storefront-webhooks.js';
import { receiveSmsReceipts } from '../../../services/notifications/sms-receipts.js';
import { receiveCarrierWebhook } from '../../../services/carriers/tracking.js';
import { errorResponses, Uuid } from '../../schemas/common.js';

const closed = { additionalProperties: false } as const;
const StorefrontReceived = Type.Object({ received: Type.Boolean(), topic: Type.String(), ordersWritten: Type.Integer() }, closed);
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const Received = Type.Object({ received: Type.Boolean(), eventId: Type.String(), refundsSettled: Type.Integer() }, closed);
/** The answer a platform expects of its callback, in the platform's own format: free-form by nature. */
const PlatformAnswer = (who: string) => ({
  description: `The answer ${who} expects, as it expects it`,
  content: {
    'application/json': { schema: Type.Record(Type.String(), Type.Unknown(), { description: `Free-form: the acknowledgement ${who} documents` }) },
    'text/xml': { schema: Type.String({ description: 'Free-form: the acknowledgement the platform documents (Twilio: an empty TwiML <Response/>)' }) },
  },
});

/**
 * Webhooks from connected platforms, at /hooks/{platform}/{connectionId}. They carry no Retour
 * credentials: each is authenticated by its platform's signature over the raw body, so the body
 * is kept as bytes here and parsed only after the signature was checked.
 */
export const hookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(
    '/stripe/:connectionId',
    {
      config: { public: true },
      schema: {
        tags: ['hooks'],
        summary: 'Stripe events (charge.refunded, refund.updated …) for a Stripe connection, verified with its signing secret',
        params: Type.Object({ connectionId: Uuid }),
        response: { 200: Received, ...errorResponses },
      },
    },
    async (req) => receiveStripeWebhook(app.ctx, req.params.connectionId, req.body as Buffer, req.headers['stripe-signature'] as string | undefined),
  );

  app.post(
    '/shopify/:connectionId',
    {
      config: { public: true },
      schema: {
        tags: ['hooks'],
        summary: 'Shopify webhooks (orders/create|updated|cancelled, refunds/create, fulfillments/create|update) for a Shopify connection, verified with X-Shopify-Hmac-Sha256',
        params: Type.Object({ connectionId: Uuid }),
        response: { 200: StorefrontReceived, ...errorResponses },
      },
    },
    async (req) =>
      receiveStorefrontWebhook(app.ctx, {
        platform: 'shopify',
        connectionId: req.params.connectionId,
        rawBody: req.body as Buffer,
        signature: header(req.headers['x-shopify-hmac-sha256']),
        topic: header(req.headers['x-shopify-topic']),
      }),
  );

  app.post(
    '/woocommerce/:connectionId',
    {
      config: { public: true },
      schema: {
        tags: ['hooks'],
        summary: 'WooCommerce webhooks (order.created, order.updated) for a WooCommerce connection, verified with X-WC-Webhook-Signature',
        params: Type.Object({ connectionId: Uuid }),
        response: { 200: StorefrontReceived, ...errorResponses },
      },
    },
    async (req) =>
      receiveStorefrontWebhook(app.ctx, {
        platform: 'woocommerce',
        connectionId: req.params.connectionId,
        rawBody: req.body as Buffer,
        signature: header(req.headers['x-wc-webhook-signature']),
        topic: header(req.headers['x-wc-webhook-topic']),
      }),
  );

  app.post(
    '/sms/:connectionId',
    {
      config: { public: true },
      schema: {
        tags: ['hooks'],
        summary: 'Delivery reports of an SMS connection: Aliyun SmsReport and Tencent status callbacks (JSON arrays, ?token=), Twilio status callbacks (X-Twilio-Signature)',
        params: Type.Object({ connectionId: Uuid }),
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: PlatformAnswer('the SMS provider'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await receiveSmsReceipts(app.ctx, req.params.connectionId, {
        rawBody: (req.body as Buffer | undefined) ?? Buffer.alloc(0),
        headers: req.headers,
        query: req.query,
        // Twilio signs the URL it called: Retour's public address and the path with its query.
        url: `${app.ctx.config.publicUrl}${req.url}`,
      });
      return reply.code(200).type(answer.contentType).send(answer.body);
    },
  );

  // Carriers (issue 17): Kuaidi100 subscription callbacks (form param + sign = MD5(param + salt)) and
  // EasyPost tracker events (X-Hmac-Signature), answered as each carrier expects.
  for (const kind of ['kuaidi100', 'easypost'] as const) {
    app.post(
      `/${kind}/:connectionId`,
      {
        config: { public: true },
        schema: {
          tags: ['hooks'],
          summary:
            kind === 'kuaidi100'
              ? 'Kuaidi100 tracking callbacks (form: param, sign = MD5(param + salt) upper case) for a Kuaidi100 connection'
              : 'EasyPost tracker.updated events for an EasyPost connection, verified with X-Hmac-Signature',
          params: Type.Object({ connectionId: Uuid }),
          response: { 200: PlatformAnswer('the carrier'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const answer = await receiveCarrierWebhook(app.ctx, { kind, connectionId: req.params.connectionId, rawBody: (req.body as Buffer | undefined) ?? Buffer.alloc(0), headers: req.headers });
        return reply.code(200).type(answer.contentType).send(answer.body);
      },
    );
  }
};
