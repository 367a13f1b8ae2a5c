import type { TObject } from 'typebox';
import type { RefundProvider } from './payments/provider.js';
import type { SmsProvider } from './sms/provider.js';
import type { Carrier } from './carriers/carrier.js';
import type { ConnectionRow } from '../db/repos/connections-repo.js';
import type { ServiceContext } from '../services/context.js';

export type ConnectionCategory = 'storefront' | 'payment' | 'marketplace' | 'carrier' | 'sms';

/** A connection with its credentials unsealed: what connector code works with. */
export interface OpenConnection {
  row: ConnectionRow;
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export interface SyncItemError {
  /** The platform's id of the item that failed (an order id, a refund id), when there is one. */
  externalId: string | null;
  message: string;
}

/** What one sync run did; the cursor is stored only when the run returns one. */
export interface SyncOutcome {
  cursor?: Record<string, unknown> | null;
  itemsIn: number;
  itemsOut: number;
  errors: SyncItemError[];
}

/**
 * One kind of outside system a shop connects (a storefront, a payment rail, …): the shapes of
 * its credentials and settings, checked when a connection is saved, and what the worker runs.
 */
export interface ConnectionKind {
  kind: string;
  category: ConnectionCategory;
  /** Secret fields: validated, sealed at rest, never returned by the API. */
  credentials: TObject;
  /** Plain fields (API version, base URL for a self-hosted or test server, choices). */
  settings: TObject;
  /** Pulls what changed since `row.cursor` (the first run back-fills); run by the worker. */
  sync?: (ctx: ServiceContext, connection: OpenConnection) => Promise<SyncOutcome>;
  /** Time between successful syncs; failures back off from one minute to an hour. */
  syncEveryMs?: number;
  /**
   * Pays refunds of orders on the channels the shop routes to this connection (payment rails, storefronts).
   * A promise where making the provider loads its SDK (Stripe, Alipay).
   */
  refundProvider?: (connection: OpenConnection, ctx: ServiceContext) => RefundProvider | Promise<RefundProvider>;
  /** SMS providers: send a buyer's text messages and read their delivery reports (issue 20). */
  sms?: (connection: OpenConnection) => SmsProvider;
  /** Carriers: tracking, pickups, labels and interception (issue 17). */
  carrier?: (connection: OpenConnection) => Carrier;
}
