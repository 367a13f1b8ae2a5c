import type { Actor } from '../../domain/cases/model.js';
import { caseDetailFromRow, caseDetailQuery, type CaseDetailRows } from '../../db/repos/case-detail-repo.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import type { WriteBatch } from '../../db/write-batch.js';

/**
 * The rows of a case's reply, read in the round trip of the write that changed the case
 * (WriteBatch.readAfter) instead of one more after it (docs/architecture.md, The write path). Kept
 * against the very case row the use case returns, so `caseDetail` of that row finds them and no
 * other reader can: a later read of the case, or one for another viewer, reads afresh.
 */
const prefetched = new WeakMap<CaseRow, { staff: boolean; rows: CaseDetailRows }>();

const isStaff = (viewer: Actor) => viewer.kind !== 'buyer';

/** Reads `c`'s reply for `viewer` with the batch's write; `c` must be the row the use case returns as it is then. */
export function prefetchCaseDetail(batch: WriteBatch, c: CaseRow, viewer: Actor) {
  const staff = isStaff(viewer);
  batch.readAfter(caseDetailQuery(c.shopId, c.id, c.orderId, c.customerId, staff), (rows) => prefetched.set(c, { staff, rows: caseDetailFromRow(rows[0]) }));
}

/** The rows read with the write that left `c` as it is, once, when they were read for this kind of viewer. */
export function takePrefetchedDetail(c: CaseRow, viewer: Actor): CaseDetailRows | undefined {
  const found = prefetched.get(c);
  if (!found || found.staff !== isStaff(viewer)) return undefined;
  prefetched.delete(c);
  return found.rows;
}
