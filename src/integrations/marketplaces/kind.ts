import { Type, type TObject, type TProperties } from 'typebox';
import type { Platform } from '../../domain/marketplaces/mapping.js';
import type { ConnectionKind, OpenConnection } from '../connection-kind.js';
import type { ServiceContext } from '../../services/context.js';
import type { MarketplaceAdapter } from './adapter.js';
import { marketplaceRefundProvider } from './refund-provider.js';

/** Settings every marketplace connection has besides its own. */
export const commonMarketplaceSettings = {
  baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: the gateway URL to call instead of the platform’s' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Records per page (default 50)' })),
  maxPagesPerRun: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Pages one run reads before it stops and resumes at the next (default 50)' })),
  backfillHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90, description: 'How far back the first sync looks (default 72 h)' })),
  retryBaseMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 60_000, description: 'First backoff after a rate limit or a 5xx, doubling (default 1000)' })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'How long one call may take (default 30 s)' })),
};

/** A marketplace connection kind: its credentials and settings, a sync run by the worker, and the channel's refunds. */
export function marketplaceKind(platform: Platform, credentials: TProperties, settings: TProperties, adapterOf: (connection: OpenConnection) => MarketplaceAdapter & { maxWindowMs?: number }): ConnectionKind {
  return {
    kind: platform,
    category: 'marketplace',
    credentials: Type.Object(credentials, { additionalProperties: false }) as TObject,
    settings: Type.Object({ ...commonMarketplaceSettings, ...settings }, { additionalProperties: false }) as TObject,
    // Loaded when first run: the sync opens cases, whose refunds reach back to the connection kinds (an import cycle).
    sync: async (ctx: ServiceContext, connection: OpenConnection) => (await import('../../services/marketplaces/sync-marketplace.js')).syncMarketplace(ctx, connection, adapterOf(connection)),
    syncEveryMs: 5 * 60_000,
    refundProvider: (connection: OpenConnection, ctx: ServiceContext) => marketplaceRefundProvider(platform, adapterOf(connection), ctx),
  };
}
