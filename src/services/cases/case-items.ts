import type { Executor } from '../../db/client.js';
import { casesRepo, type CaseRow, type ItemRow } from '../../db/repos/cases-repo.js';
import { batchOf } from '../../db/write-batch.js';

/**
 * A case's items as its use case found them, read once per batched use case (several steps of an
 * action read them; the batch's own item updates are not in this view).
 */
export async function caseItems(db: Executor, c: Pick<CaseRow, 'shopId' | 'id'>): Promise<ItemRow[]> {
  const batch = batchOf(db);
  if (!batch) return casesRepo.itemsOf(db, c.shopId, c.id);
  const key = `items:${c.id}`;
  let items = batch.memo.get(key) as ItemRow[] | undefined;
  if (!items) batch.memo.set(key, (items = await casesRepo.itemsOf(db, c.shopId, c.id)));
  return items;
}

/** Changes an item: batched, and applied to this use case's view at once, so later steps (the refund of an inspection) see it. */
export async function updateCaseItem(db: Executor, c: Pick<CaseRow, 'shopId' | 'id'>, itemId: string, patch: Partial<ItemRow>): Promise<void> {
  await casesRepo.updateItem(db, c.shopId, itemId, patch);
  const item = (await caseItems(db, c)).find((i) => i.id === itemId);
  if (item) Object.assign(item, patch);
}
