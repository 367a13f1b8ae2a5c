import { uuidv7 } from 'uuidv7';
import { refundForUnits } from '../../../domain/refunds/compute.js';
import { refreshPlannerStatistics } from '../../../db/planner-statistics.js';
import { analyticsImportRepo as repo, type ImportLine } from '../../../db/repos/analytics-import-repo.js';
import type { PolicyRow } from '../../../db/repos/policies-repo.js';
import type { ShopRow } from '../../../db/repos/shops-repo.js';
import type { ServiceContext } from '../../context.js';
import { settledBreakdown, writeHistoricCases, type HistoricCase, type SettledItem } from '../historic-returns.js';
import { checkPolicyDocument, currentPolicy, savePolicy } from '../../policy/index.js';
import type { Allocation } from '../../../integrations/online-retail/mapping.js';

/**
 * The dataset's returns as Retour cases: each `C` invoice becomes one completed return case
 * (type return_refund) per original order its units were attributed to, with the units accepted
 * back and a settled refund in the ledger (provider manual, method original), all dated at the
 * return invoice. The dataset gives no reason: the case says `not_recorded`, a reason added to
 * the shop's policy for it.
 */
export const IMPORT_REASON = {
  code: 'not_recorded',
  label: { 'zh-CN': '原因未记录（历史导入）', en: 'Reason not recorded (imported history)' },
  fault: 'buyer',
  quality: false,
  evidenceRequired: false,
} as const;

export interface ReturnInvoice {
  invoiceNo: string;
  at: Date;
  /** Units attributed to purchases, in file order, with how many units of the line were returned before. */
  allocations: (Allocation & { returnedBefore: number })[];
}

export interface ReturnCasesReport {
  created: number;
  existing: number;
  items: number;
  units: number;
  refundedMinor: number;
  /** Units attributed to a purchase whose order was not imported (a rejected order): not written. */
  unitsOfOrdersNotImported: number;
}

/** The shop's policy in force, with the import reason added as a new version when it lacks it. */
export async function policyWithImportReason(ctx: ServiceContext, shopId: string): Promise<PolicyRow> {
  const current = await currentPolicy(ctx.db, shopId, ctx.clock.now());
  if (current.document.reasons.some((r) => r.code === IMPORT_REASON.code)) return current;
  const document = checkPolicyDocument({ ...current.document, reasons: [...current.document.reasons, { ...IMPORT_REASON }] });
  return savePolicy(ctx, shopId, document, 'Reason for returns imported from history (Online Retail dataset)', undefined);
}

const BATCH_CASES = 2_000;
const CASE_TABLES = ['return_cases', 'return_items', 'case_events', 'refunds', 'refund_lines'];

/** Writes the return invoices' cases in batches, set-based, each batch with its rollups. */
export async function writeReturnCases(ctx: ServiceContext, shop: ShopRow, policy: PolicyRow, invoices: readonly ReturnInvoice[]): Promise<ReturnCasesReport> {
  const report: ReturnCasesReport = { created: 0, existing: 0, items: 0, units: 0, refundedMinor: 0, unitsOfOrdersNotImported: 0 };
  // One case per (return invoice, original order), in file order.
  const groups: { invoice: ReturnInvoice; original: string; allocations: ReturnInvoice['allocations'] }[] = [];
  for (const invoice of invoices) {
    const byOrder = new Map<string, ReturnInvoice['allocations']>();
    for (const a of invoice.allocations) {
      const list = byOrder.get(a.invoiceNo) ?? [];
      list.push(a);
      byOrder.set(a.invoiceNo, list);
    }
    for (const [original, allocations] of byOrder) groups.push({ invoice, original, allocations });
  }
  const refundedByOrder = new Map<string, number>();
  for (let start = 0; start < groups.length; start += BATCH_CASES) {
    const batch = groups.slice(start, start + BATCH_CASES);
    await ctx.db.transaction(async (tx) => {
      const lines = await repo.lines(tx, shop.id, 'web', [...new Set(batch.map((g) => g.original))]);
      const lineOf = new Map<string, ImportLine>(lines.map((l) => [`${l.externalId}\u0001${l.lineNo}`, l]));
      const keyOf = (g: (typeof batch)[number]) => `online-retail:${g.invoice.invoiceNo}:${g.original}`;
      const existing = await repo.existingRefundKeys(tx, shop.id, batch.map(keyOf));
      const cases: HistoricCase[] = [];
      for (const g of batch) {
        if (existing.has(keyOf(g))) {
          report.existing++;
          continue;
        }
        // Units of one line in one invoice become one item (two rows of a StockCode may take units of the same purchase).
        const perLine = new Map<number, { quantity: number; returnedBefore: number }>();
        for (const a of g.allocations) {
          const item = perLine.get(a.lineNo);
          if (item) item.quantity += a.quantity;
          else perLine.set(a.lineNo, { quantity: a.quantity, returnedBefore: a.returnedBefore });
        }
        const items: HistoricCase['items'] = [];
        const shared: SettledItem[] = [];
        let order: ImportLine | undefined;
        for (const [lineNo, { quantity, returnedBefore }] of perLine) {
          const line = lineOf.get(`${g.original}\u0001${lineNo}`);
          if (!line) {
            report.unitsOfOrdersNotImported += quantity;
            continue;
          }
          order = line;
          const shares = refundForUnits({ ...line, refundedQuantity: returnedBefore }, quantity);
          items.push({ id: uuidv7(), lineId: line.lineId, quantity, amountMinor: shares.amountMinor });
          shared.push({ lineId: line.lineId, quantity, shares });
        }
        if (!order || items.length === 0) continue;
        const itemsMinor = items.reduce((a, i) => a + i.amountMinor, 0);
        const refundedBefore = refundedByOrder.get(order.orderId) ?? 0;
        refundedByOrder.set(order.orderId, refundedBefore + itemsMinor);
        const breakdown = settledBreakdown(order.currency, shared, Math.max(0, order.totalMinor - refundedBefore));
        const source = { source: 'online-retail', returnInvoice: g.invoice.invoiceNo, orderInvoice: g.original };
        cases.push({
          id: uuidv7(),
          orderId: order.orderId,
          customerId: order.customerId,
          currency: order.currency,
          policyId: policy.id,
          policyVersion: policy.version,
          reasonCode: IMPORT_REASON.code,
          fault: IMPORT_REASON.fault,
          source: 'import.online_retail',
          at: g.invoice.at,
          closedAt: g.invoice.at,
          condition: 'unopened',
          refundId: uuidv7(),
          idempotencyKey: keyOf(g),
          providerRef: `online-retail:${g.invoice.invoiceNo}`,
          breakdown,
          items,
          events: [
            { id: uuidv7(), payload: { ...source, policyVersion: policy.version } },
            { id: uuidv7(), payload: { ...source, refundMinor: itemsMinor, units: items.reduce((a, i) => a + i.quantity, 0) } },
          ],
        });
      }
      const numbered = await writeHistoricCases(tx, shop, cases);
      report.created += numbered.length;
      for (const c of numbered) {
        report.items += c.items.length;
        report.units += c.items.reduce((a, i) => a + i.quantity, 0);
        report.refundedMinor += c.breakdown.refundMinor;
      }
    });
    // Foreign-key checks of the next batch plan against these statistics (see db/planner-statistics).
    await refreshPlannerStatistics(ctx.db, { tables: CASE_TABLES });
  }
  return report;
}
