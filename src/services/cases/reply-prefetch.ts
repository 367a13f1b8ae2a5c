import type { Actor } from '../../domain/cases/model.js';
import { caseDetailFromRow, caseDetailQuery, type CaseDetailRows } from '../../db/repos/case-detail-repo.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import type { ReadAfter, WriteBatch, WrittenRows } from '../../db/write-batch.js';
import type { PgTable } from 'drizzle-orm/pg-core';
import { caseEvents, caseMessages, customers, deadlines, evidence, exchanges, orderLines, orders, refunds, returnItems, returnShipments } from '../../db/schema/index.js';

/**
 * The rows of a case's reply, read in the round trip of the write that changed the case
 * (WriteBatch.readAfter) instead of one more after it (docs/architecture.md, The write path). Kept
 * against the very case row the use case returns, so `caseDetail` of that row finds them and no
 * other reader can: a later read of the case, or one for another viewer, reads afresh.
 */
const prefetched = new WeakMap<CaseRow, { staff: boolean; rows: CaseDetailRows }>();

const isStaff = (viewer: Actor) => viewer.kind !== 'buyer';

/** The read of `c`'s reply for `viewer`, keeping its rows against `c`. */
function detailRead(c: CaseRow, staff: boolean): ReadAfter {
  return { query: caseDetailQuery(c.shopId, c.id, c.orderId, c.customerId, staff), use: (rows) => prefetched.set(c, { staff, rows: caseDetailFromRow(rows[0]) }) };
}

/** Reads `c`'s reply for `viewer` with the batch's write; `c` must be the row the use case returns as it is then. */
export function prefetchCaseDetail(batch: WriteBatch, c: CaseRow, viewer: Actor) {
  const { query, use } = detailRead(c, isStaff(viewer));
  batch.readAfter(query, use);
}

/** The rows read with the write that left `c` as it is, once, when they were read for this kind of viewer. */
export function takePrefetchedDetail(c: CaseRow, viewer: Actor): CaseDetailRows | undefined {
  const found = prefetched.get(c);
  if (!found || found.staff !== isStaff(viewer)) return undefined;
  prefetched.delete(c);
  return found.rows;
}

/** In the order a read of the case gives them (case-detail-repo: by creation time, then id). */
const byCreation = <T extends { createdAt: Date; id: string }>(rows: T[]) =>
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The reply of a case the batch opens, built from the rows the batch writes (a new case has no
 * others) and what the use case read of its order: no read after the write (issue 12). Where the
 * batch cannot tell a row as stored (one the database completes, a table changed by SQL), the
 * reply is read with the write as prefetchCaseDetail does.
 */
export function replyOfOpenedCase(batch: WriteBatch, c: CaseRow, viewer: Actor, read: Pick<CaseDetailRows, 'order' | 'lines' | 'customer'>) {
  const staff = isStaff(viewer);
  batch.replyFromWrite(
    (written) => {
      const rows = detailFromWrite(written, c, read, staff);
      if (rows) prefetched.set(c, { staff, rows });
      return rows !== null;
    },
    detailRead(c, staff),
  );
}

function detailFromWrite(written: WrittenRows, c: CaseRow, read: Pick<CaseDetailRows, 'order' | 'lines' | 'customer'>, staff: boolean): CaseDetailRows | null {
  // The order as read holds unless a write other than the version guard changed it.
  if ([orders, orderLines, customers].some((t) => written.touched(t))) return null;
  const ofCase = <T extends PgTable>(table: T) => written.of(table, (r) => (r as { caseId: string }).caseId === c.id);
  const items = ofCase(returnItems);
  const events = ofCase(caseEvents);
  const messages = ofCase(caseMessages);
  const evidenceRows = ofCase(evidence);
  const shipments = ofCase(returnShipments);
  const replacements = ofCase(exchanges);
  const refundRows = ofCase(refunds);
  const clocks = ofCase(deadlines);
  if (!items || !events || !messages || !evidenceRows || !shipments || !replacements || !refundRows || !clocks) return null;
  return {
    items: byCreation(items),
    events: byCreation(events),
    // Internal notes are for staff, as the read's filter has it.
    messages: byCreation(staff ? messages : messages.filter((m) => m.visibility === 'public')),
    evidence: byCreation(evidenceRows),
    shipments: byCreation(shipments),
    replacements: byCreation(replacements),
    refunds: byCreation(refundRows),
    deadlines: byCreation(clocks),
    order: read.order && { ...read.order, version: written.orderVersions.get(read.order.id) ?? read.order.version },
    lines: [...read.lines].sort((a, b) => a.lineNo - b.lineNo),
    customer: read.customer,
  };
}
