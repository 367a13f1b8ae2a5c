import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../../../domain/typebox.js';
import { CHANNELS } from '../../../domain/notifications/channels.js';
import { portalPreferences, setPortalOptOut } from '../../../services/notifications/notifications.js';
import { errorResponses } from '../../schemas/common.js';
import { scopeOf } from './auth.js';

const closed = { additionalProperties: false } as const;
const Preferences = Type.Object({
  data: Type.Array(Type.Object({ channel: StringEnum(CHANNELS), address: Type.String({ description: 'Masked: enough to recognise' }), optedOut: Type.Boolean() }, closed)),
}, closed);
const ChannelParams = Type.Object({ channel: StringEnum(CHANNELS) });

/** The buyer's say over how they hear about their returns (issue 20 §2): one click, recorded. */
export const portalNotificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/notifications', { schema: { tags: ['portal'], summary: 'The channels the buyer hears on about this order’s returns, and which they stopped', response: { 200: Preferences, ...errorResponses } } }, async (req) =>
    portalPreferences(app.ctx, scopeOf(req)),
  );
  app.post(
    '/notifications/:channel/opt-out',
    { schema: { tags: ['portal'], summary: 'No more messages on this channel to this contact', params: ChannelParams, response: { 200: Preferences, ...errorResponses } } },
    async (req) => setPortalOptOut(app.ctx, scopeOf(req), req.params.channel, true),
  );
  app.post(
    '/notifications/:channel/opt-in',
    { schema: { tags: ['portal'], summary: 'Messages on this channel again', params: ChannelParams, response: { 200: Preferences, ...errorResponses } } },
    async (req) => setPortalOptOut(app.ctx, scopeOf(req), req.params.channel, false),
  );
};
