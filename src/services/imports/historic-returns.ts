import { localDay } from '../../domain/analytics/period.js';
import type { RefundBreakdown, UnitsRefund } from '../../domain/refunds/compute.js';
import { analyticsImportRepo as repo, type ImportedCase } from '../../db/repos/analytics-import-repo.js';
import type { Tx } from '../../db/client.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import { formatRma, takeRmaCounters } from '../../db/repos/rma-repo.js';
import { recordImportedCases } from '../analytics/index.js';

/**
 * Returns a shop had before Retour (an import of its history, the demo shop's past): completed
 * cases with a settled refund, written set-based with their analytics in the caller's transaction.
 */
export type HistoricCase = Omit<ImportedCase, 'rmaNumber'>;

export interface SettledItem {
  lineId: string;
  quantity: number;
  shares: UnitsRefund;
}

/** The breakdown of a settled refund of whole units, nothing deducted and nothing added. */
export function settledBreakdown(currency: string, items: readonly SettledItem[], orderRemainingMinor: number): RefundBreakdown {
  const itemsMinor = items.reduce((a, i) => a + i.shares.amountMinor, 0);
  return {
    currency,
    items: items.map((i) => ({
      lineId: i.lineId,
      quantity: i.quantity,
      amountMinor: i.shares.amountMinor,
      taxMinor: i.shares.taxMinor,
      discountMinor: i.shares.discountMinor,
      restockingFeeMinor: 0,
      refundMinor: i.shares.amountMinor,
      resolution: 'refund' as const,
      replacementMinor: 0,
      differenceMinor: 0,
      buyerOwesMinor: 0,
    })),
    itemsMinor,
    taxMinor: items.reduce((a, i) => a + i.shares.taxMinor, 0),
    restockingFeeMinor: 0,
    labelCostMinor: 0,
    outboundShippingMinor: 0,
    exchangeDifferenceMinor: 0,
    buyerOwesMinor: 0,
    nettedMinor: 0,
    computedMinor: itemsMinor,
    orderRemainingMinor,
    refundMinor: itemsMinor,
    shippingRefundMinor: 0,
    bound: 'none',
    compensationMinor: 0,
    payoutMinor: itemsMinor,
    method: 'original',
    storeCreditBonusMinor: 0,
    storeCreditMinor: 0,
  };
}

/** Numbers the cases as a person creating them on their day would get, writes them and counts them in analytics. */
export async function writeHistoricCases(tx: Tx, shop: ShopRow, cases: readonly HistoricCase[]): Promise<ImportedCase[]> {
  const days = cases.map((c) => localDay(c.at, shop.timezone));
  // Counters in the order the cases were opened, as they would have been taken then.
  const counters = await takeRmaCounters(tx, shop.id, cases.length);
  const byTime = cases.map((_, i) => i).sort((x, y) => cases[x]!.at.getTime() - cases[y]!.at.getTime());
  const counterOf = new Map(byTime.map((caseIndex, k) => [caseIndex, counters[k]!]));
  const numbered: ImportedCase[] = cases.map((c, i) => ({ ...c, rmaNumber: formatRma(days[i]!, counterOf.get(i)!) }));
  await repo.insertCases(tx, shop.id, numbered);
  await recordImportedCases(tx, shop.id, numbered.map((c) => c.id));
  return numbered;
}
