import type { ServiceContext } from '../../services/context.js';
import type { OpenConnection, SyncOutcome } from '../connection-kind.js';
import { writeStorefrontOrders } from '../../services/connections/storefront-orders.js';
import { wooRest, type WooSettings } from './client.js';
import { mapWooOrder, type WooOrder } from './mapping.js';

/** Back-fill, then what changed: `modified_after` the newest change written, oldest first, a page at a time. */
export interface WooCursor {
  modifiedAfter?: string;
  /** A run cut short: the page to resume at for the same `modifiedAfter`. */
  page?: number;
}

export async function syncWoo(ctx: ServiceContext, connection: OpenConnection): Promise<SyncOutcome> {
  const settings = connection.settings as unknown as WooSettings;
  const rest = wooRest(connection);
  const cursor = (connection.row.cursor ?? {}) as WooCursor;
  const perPage = settings.pageSize ?? 100;
  const outcome: SyncOutcome = { itemsIn: 0, itemsOut: 0, errors: [] };
  let newest = cursor.modifiedAfter;
  let page = cursor.page ?? 1;
  for (let n = 0; n < (settings.maxPagesPerRun ?? 100); n++, page++) {
    const { body: orders, totalPages } = await rest.get<WooOrder[]>('orders', {
      per_page: perPage,
      page,
      orderby: 'modified',
      order: 'asc',
      ...(cursor.modifiedAfter ? { modified_after: cursor.modifiedAfter, dates_are_gmt: 'true' } : {}),
    });
    const written = await writeStorefrontOrders(ctx, connection, 'woocommerce', orders, mapWooOrder);
    outcome.itemsIn += written.itemsIn;
    outcome.errors.push(...written.errors);
    for (const o of orders) {
      const modified = o.date_modified_gmt ? `${o.date_modified_gmt.replace(/Z$/, '')}Z` : null;
      if (modified && (!newest || Date.parse(modified) > Date.parse(newest))) newest = new Date(modified).toISOString();
    }
    if (orders.length < perPage || (totalPages !== null && page >= totalPages)) {
      outcome.cursor = newest ? { modifiedAfter: newest } : {};
      return outcome;
    }
  }
  outcome.cursor = { ...(cursor.modifiedAfter ? { modifiedAfter: cursor.modifiedAfter } : {}), page };
  return outcome;
}
