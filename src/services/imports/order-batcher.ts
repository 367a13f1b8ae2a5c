import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import { ORDER_TABLES, refreshPlannerStatistics } from '../../db/planner-statistics.js';
import { bulkWriteOrders, type BulkResult, type PreparedOrder } from '../orders/index.js';

export interface ImportIssue {
  /** Line of the source file (1 = header). */
  line: number;
  orderId?: string;
  code: string;
  message: string;
}

export interface ImportSummary {
  orders: { created: number; updated: number; rejected: number };
  lines: number;
  errors: ImportIssue[];
  /** Errors beyond the first MAX_ERRORS are counted, not listed. */
  errorsNotListed: number;
  durationMs: number;
}

const MAX_ERRORS = 1000;

/**
 * Collects checked orders into batches and writes them, one batch in flight while the next is
 * parsed, and keeps the import's summary. Shared by every order import.
 */
export class OrderBatcher {
  private batch: PreparedOrder[] = [];
  private batchLines = 0;
  private inFlight: Promise<void> | null = null;
  private readonly started = Date.now();
  readonly summary: ImportSummary = { orders: { created: 0, updated: 0, rejected: 0 }, lines: 0, errors: [], errorsNotListed: 0, durationMs: 0 };

  constructor(
    private readonly ctx: ServiceContext,
    private readonly shop: ShopRow,
    private readonly linesPerBatch = 5000,
  ) {}

  /** Records an order refused before writing (bad row, bad amounts). */
  reject(issue: ImportIssue) {
    this.summary.orders.rejected++;
    this.note(issue);
  }

  private note(issue: ImportIssue) {
    if (this.summary.errors.length < MAX_ERRORS) this.summary.errors.push(issue);
    else this.summary.errorsNotListed++;
  }

  async add(order: PreparedOrder) {
    this.batch.push(order);
    this.batchLines += order.input.lines.length;
    if (this.batchLines >= this.linesPerBatch) await this.flush();
  }

  private async flush() {
    const batch = this.batch;
    this.batch = [];
    this.batchLines = 0;
    await this.inFlight;
    this.inFlight =
      batch.length === 0
        ? null
        : bulkWriteOrders(this.ctx, this.shop, batch)
            .then((r) => this.record(r))
            // A growing import outruns autovacuum: keep the planner's picture of the tables current.
            .then(() => refreshPlannerStatistics(this.ctx.db, { tables: ORDER_TABLES }))
            .then(() => undefined);
  }

  private record(result: BulkResult) {
    this.summary.orders.created += result.created;
    this.summary.orders.updated += result.updated;
    this.summary.lines += result.lines;
    for (const r of result.rejected) {
      this.summary.orders.rejected++;
      this.note({ line: r.order.line ?? 0, orderId: r.order.input.externalId, code: r.code, message: r.message });
    }
  }

  async finish(): Promise<ImportSummary> {
    await this.flush();
    await this.inFlight;
    this.summary.durationMs = Date.now() - this.started;
    return this.summary;
  }
}
