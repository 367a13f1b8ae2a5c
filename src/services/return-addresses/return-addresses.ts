import { notFound, unprocessable } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { returnAddressesRepo, type ReturnAddressRow } from '../../db/repos/return-addresses-repo.js';
import type { ReturnAddressSnapshot } from '../../db/schema/index.js';
import { batchOf } from '../../db/write-batch.js';
import type { ServiceContext } from '../context.js';
import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';

/**
 * The shop's return-address book (退货地址, issue 13). Exactly one address is the default while
 * the book is not empty: the first one added becomes it, choosing another moves it, and deleting
 * it hands it to the oldest address left. Approving a case copies the chosen address onto the
 * case (a snapshot), so editing or deleting an address never changes a case approved before.
 */

export interface ReturnAddressInput {
  name: string;
  phone: string;
  addressZh?: string | null;
  addressLatin?: string | null;
  postalCode?: string | null;
  warehouse?: string | null;
  isDefault?: boolean;
}

export const returnAddressView = (r: ReturnAddressRow) => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  addressZh: r.addressZh,
  addressLatin: r.addressLatin,
  postalCode: r.postalCode,
  warehouse: r.warehouse,
  isDefault: r.isDefault,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export const snapshotOf = (r: ReturnAddressRow): ReturnAddressSnapshot => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  addressZh: r.addressZh,
  addressLatin: r.addressLatin,
  postalCode: r.postalCode,
  warehouse: r.warehouse,
});

const clean = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null);

function checked(input: Partial<ReturnAddressInput>, current?: ReturnAddressRow) {
  const fields = {
    name: input.name?.trim(),
    phone: input.phone?.trim(),
    addressZh: clean(input.addressZh),
    addressLatin: clean(input.addressLatin),
    postalCode: clean(input.postalCode),
    warehouse: clean(input.warehouse),
  };
  if (fields.name === '') throw unprocessable('return_address.name_required', 'The recipient name is required');
  if (fields.phone === '') throw unprocessable('return_address.phone_required', 'The phone number is required');
  const zh = fields.addressZh === undefined ? (current?.addressZh ?? null) : fields.addressZh;
  const latin = fields.addressLatin === undefined ? (current?.addressLatin ?? null) : fields.addressLatin;
  if (!zh && !latin) throw unprocessable('return_address.address_required', 'Give the address in Chinese, in Latin letters, or both');
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export async function listReturnAddresses(ctx: ServiceContext, shopId: string) {
  return { data: (await returnAddressesRepo.list(ctx.db, shopId)).map(returnAddressView) };
}

export async function createReturnAddress(ctx: ServiceContext, shopId: string, input: ReturnAddressInput, reply?: KeyedReplyOf<ReturnType<typeof returnAddressView>>) {
  const fields = checked(input);
  const now = ctx.clock.now();
  return keyedTransaction(ctx.db, reply, async (tx) => {
    const book = await returnAddressesRepo.lockAll(tx, shopId);
    const isDefault = book.length === 0 || input.isDefault === true;
    const row = await returnAddressesRepo.insert(tx, { shopId, ...(fields as unknown as ReturnAddressInput), isDefault: false, createdAt: now, updatedAt: now });
    if (isDefault) return returnAddressView(await makeDefault(tx, shopId, row.id, now));
    return returnAddressView(row);
  });
}

export async function updateReturnAddress(ctx: ServiceContext, shopId: string, id: string, input: Partial<ReturnAddressInput>) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const book = await returnAddressesRepo.lockAll(tx, shopId);
    const current = book.find((r) => r.id === id);
    if (!current) throw notFound('return_address.not_found', 'No such return address');
    if (input.isDefault === false && current.isDefault) {
      throw unprocessable('return_address.default_required', 'A shop always has one default return address: make another address the default instead');
    }
    const row = await returnAddressesRepo.update(tx, shopId, id, { ...checked(input, current), updatedAt: now });
    return returnAddressView(input.isDefault === true && !row.isDefault ? await makeDefault(tx, shopId, id, now) : row);
  });
}

export async function deleteReturnAddress(ctx: ServiceContext, shopId: string, id: string) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const book = await returnAddressesRepo.lockAll(tx, shopId);
    const current = book.find((r) => r.id === id);
    if (!current) throw notFound('return_address.not_found', 'No such return address');
    await returnAddressesRepo.remove(tx, shopId, id);
    const heir = book.find((r) => r.id !== id);
    if (current.isDefault && heir) await makeDefault(tx, shopId, heir.id, now);
  });
}

async function makeDefault(tx: Executor, shopId: string, id: string, now: Date) {
  await returnAddressesRepo.clearDefault(tx, shopId, id);
  return returnAddressesRepo.update(tx, shopId, id, { isDefault: true, updatedAt: now });
}

/**
 * The address a case is approved with: the one named, else the shop's default; null when the
 * shop has none yet (the label then names the shop only).
 */
export async function returnAddressForApproval(db: Executor, shopId: string, returnAddressId: string | undefined): Promise<ReturnAddressSnapshot | null> {
  if (returnAddressId) {
    const row = await returnAddressesRepo.byId(db, shopId, returnAddressId);
    if (!row) throw unprocessable('return_address.not_found', 'No such return address in this shop', { returnAddressId });
    return snapshotOf(row);
  }
  // An action that read its case with its parts (perform-action) already has the default.
  const memo = batchOf(db)?.memo;
  const key = `return-address:default:${shopId}`;
  const fallback = memo?.has(key) ? (memo.get(key) as ReturnAddressRow | null) : await returnAddressesRepo.defaultOf(db, shopId);
  return fallback ? snapshotOf(fallback) : null;
}
