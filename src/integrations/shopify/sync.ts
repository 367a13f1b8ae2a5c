import type { ServiceContext } from '../../services/context.js';
import type { OpenConnection, SyncOutcome } from '../connection-kind.js';
import { writeStorefrontOrders } from '../../services/connections/storefront-orders.js';
import { shopifyRest, type ShopifySettings } from './client.js';
import { mapShopifyOrder, type ShopifyOrder } from './mapping.js';

/**
 * Where a Shopify connection's sync stands. The back-fill walks every order by id (`since_id`)
 * a page at a time; once done, later runs ask for what changed since it began (`updated_at_min`),
 * oldest change first, so a run cut short resumes where it stopped.
 */
export interface ShopifyCursor {
  /** Back-fill: the last order id written. */
  sinceId?: string;
  /** When the back-fill began: changes from then on are picked up after it. */
  backfillStartedAt?: string;
  /** After the back-fill: the newest `updated_at` written. */
  updatedAtMin?: string;
}

const DEFAULT_PAGE_SIZE = 250;
const DEFAULT_MAX_PAGES = 100;

export async function syncShopify(ctx: ServiceContext, connection: OpenConnection): Promise<SyncOutcome> {
  const settings = connection.settings as unknown as ShopifySettings & { maxPagesPerRun?: number };
  const rest = shopifyRest(connection);
  const cursor = { ...((connection.row.cursor ?? {}) as ShopifyCursor) };
  const limit = settings.pageSize ?? DEFAULT_PAGE_SIZE;
  const backfill = cursor.updatedAtMin === undefined;
  if (backfill) cursor.backfillStartedAt ??= ctx.clock.now().toISOString();
  let request: { path: string; query: Record<string, string | number> } | null = backfill
    ? { path: 'orders', query: { status: 'any', limit, since_id: cursor.sinceId ?? '0' } }
    : { path: 'orders', query: { status: 'any', limit, updated_at_min: cursor.updatedAtMin!, order: 'updated_at asc' } };
  const outcome: SyncOutcome = { itemsIn: 0, itemsOut: 0, errors: [] };
  for (let pages = 0; request && pages < (settings.maxPagesPerRun ?? DEFAULT_MAX_PAGES); pages++) {
    const page: Awaited<ReturnType<typeof rest.get<{ orders: ShopifyOrder[] }>>> = await rest.get<{ orders: ShopifyOrder[] }>(request.path, request.query);
    const orders = page.body.orders ?? [];
    const written = await writeStorefrontOrders(ctx, connection, 'shopify', orders, mapShopifyOrder);
    outcome.itemsIn += written.itemsIn;
    outcome.errors.push(...written.errors);
    for (const o of orders) {
      if (backfill && (cursor.sinceId === undefined || BigInt(String(o.id)) > BigInt(cursor.sinceId))) cursor.sinceId = String(o.id);
      if (!backfill && o.updated_at && (!cursor.updatedAtMin || Date.parse(o.updated_at) > Date.parse(cursor.updatedAtMin))) cursor.updatedAtMin = new Date(o.updated_at).toISOString();
    }
    request = page.next;
  }
  if (backfill && !request) {
    // Back-fill complete: from now on, what changed since it began.
    outcome.cursor = { updatedAtMin: cursor.backfillStartedAt };
  } else {
    outcome.cursor = { ...cursor };
  }
  return outcome;
}
