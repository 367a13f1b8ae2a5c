import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { easypostCarrier, type EasyPostCredentials, type EasyPostSettings } from './client.js';

/** An EasyPost account: return labels, drop-off QR codes, pickups and tracking for international shops. */
export const easypostKind: ConnectionKind = {
  kind: 'easypost',
  category: 'carrier',
  credentials: Type.Object(
    {
      apiKey: Type.String({ minLength: 1, maxLength: 500, description: 'Production or test API key (EZAK…, EZTK…)' }),
      webhookSecret: Type.String({ minLength: 1, maxLength: 500, description: 'The webhook’s secret: verifies X-Hmac-Signature on tracker.updated events' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      pickupCarrier: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Carrier for booked pickups (default: the first EasyPost offers)' })),
      pickupService: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of https://api.easypost.com/v2/' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
    },
    { additionalProperties: false },
  ),
  carrier: (c) => easypostCarrier(c.credentials as unknown as EasyPostCredentials, c.settings as EasyPostSettings),
};
