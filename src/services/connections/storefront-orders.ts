import { uuidv7 } from 'uuidv7';
import { AppError } from '../../domain/errors.js';
import { platformRefundsRepo } from '../../db/repos/platform-refunds-repo.js';
import { MappingError, type MappedOrder } from '../../integrations/storefront/mapped-order.js';
import type { ServiceContext } from '../context.js';
import { bulkWriteOrders, type PreparedOrder } from '../orders/index.js';
import { checkOrderInput } from '../orders/index.js';
import { getShop } from '../shops/index.js';
import type { OpenConnection, SyncItemError } from '../../integrations/connection-kind.js';

export interface StorefrontWrite {
  itemsIn: number;
  refundsIn: number;
  errors: SyncItemError[];
}

/**
 * Writes a page of a storefront's orders (a back-fill page, or one webhook's order): mapped and
 * checked one by one (a bad one is logged by the platform's id, the others go on), then written
 * in bulk (set-based inserts; docs/architecture.md, The write path), then the refunds the platform made itself in one
 * statement. Idempotent on the platform's ids: the same page written twice changes nothing.
 */
export async function writeStorefrontOrders(
  ctx: ServiceContext,
  connection: OpenConnection,
  channel: string,
  payloads: readonly unknown[],
  map: (payload: never) => MappedOrder,
): Promise<StorefrontWrite> {
  const shop = await getShop(ctx, connection.row.shopId);
  const errors: SyncItemError[] = [];
  const prepared: (PreparedOrder & { mapped: MappedOrder })[] = [];
  for (const payload of payloads) {
    const externalId = idOf(payload);
    try {
      const mapped = map(payload as never);
      prepared.push({ input: mapped.order, amounts: checkOrderInput(shop, mapped.order), mapped });
    } catch (err) {
      if (err instanceof MappingError || err instanceof AppError) errors.push({ externalId: (err instanceof MappingError ? err.externalId : null) ?? externalId, message: err.message });
      else throw err;
    }
  }
  if (prepared.length === 0) return { itemsIn: 0, refundsIn: 0, errors };
  const written = await bulkWriteOrders(ctx, shop, prepared);
  const rejected = new Set(written.rejected.map((r) => r.order.input.externalId));
  for (const r of written.rejected) errors.push({ externalId: r.order.input.externalId, message: `${r.code}: ${r.message}` });
  const refunds = prepared.filter((p) => !rejected.has(p.input.externalId)).flatMap((p) => p.mapped.refunds.map((r) => ({ ...r, id: uuidv7() })));
  const refundsIn = await platformRefundsRepo.insertMany(ctx.db, shop.id, connection.row.id, channel, refunds, ctx.clock.now());
  return { itemsIn: written.created + written.updated, refundsIn, errors };
}

const idOf = (payload: unknown): string | null => {
  const id = (payload as { id?: unknown } | null)?.id;
  return id === undefined || id === null ? null : String(id);
};
