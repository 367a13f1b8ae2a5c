import { uuidv7 } from 'uuidv7';
import { refundForUnits } from '../domain/refunds/compute.js';
import { consoleDemoRepo, type DemoHistoryLine } from '../db/repos/console-demo-repo.js';
import type { ShopRow } from '../db/repos/shops-repo.js';
import type { ServiceContext } from '../services/context.js';
import { settledBreakdown, writeHistoricCases, type HistoricCase } from '../services/imports/historic-returns.js';
import { currentPolicy } from '../services/policy/policies.js';
import { Random } from './random.js';

/**
 * The demo shop's past: the returns its seller handled before moving to Retour, brought in as
 * completed cases (like an import of a marketplace's after-sales history). They follow how
 * returns really fall — apparel and shoes sent back for fit, more at the ends of the size range,
 * electronics for faults, discounted lines and a few serial returners more often — so that the
 * analytics pages have trends to show and the return-risk model something to learn on the first
 * start. The live cases (demo-cases) are seeded first and keep their orders.
 */

const DAY = 86_400_000;
/** Only orders delivered this long ago: their returns were requested and refunded before the live cases began. */
const HISTORY_BEFORE_DAYS = 16;
const SOURCE = 'seed.demo_history';

type Mix = readonly (readonly [string, number])[];

interface CategoryProfile {
  rate: number;
  reasons: Mix;
}

const PROFILES: Record<string, CategoryProfile> = {
  apparel: { rate: 0.2, reasons: [['wrong_size', 60], ['no_reason', 32], ['quality_issue', 5], ['not_as_described', 3]] },
  shoes: { rate: 0.22, reasons: [['wrong_size', 65], ['no_reason', 30], ['quality_issue', 5]] },
  electronics: { rate: 0.08, reasons: [['no_reason', 45], ['quality_issue', 25], ['damaged_in_transit', 20], ['not_as_described', 10]] },
  fresh: { rate: 0.04, reasons: [['damaged_in_transit', 70], ['quality_issue', 30]] },
  beauty: { rate: 0.03, reasons: [['quality_issue', 60], ['not_as_described', 40]] },
  digital: { rate: 0, reasons: [] },
};
const OTHER: CategoryProfile = { rate: 0.07, reasons: [['no_reason', 75], ['quality_issue', 15], ['not_as_described', 10]] };
const BUYER_FAULT = new Set(['no_reason', 'wrong_size', 'no_longer_needed']);
const EDGE_SIZES = new Set(['S', 'XL', '28', '34', '38', '43']);

export interface PlannedReturn {
  orderId: string;
  reasonCode: string;
  requestedAt: Date;
  refundedAt: Date;
  lines: { line: DemoHistoryLine; quantity: number }[];
}

/** Which of these lines came back, why and when. Pure: the same lines, seed and clock give the same plan. */
export function planDemoHistory(lines: readonly DemoHistoryLine[], seed: number, now: Date): PlannedReturn[] {
  const r = new Random(seed * 104_729 + 3);
  const serial = new Map<string, boolean>();
  const byOrder = new Map<string, DemoHistoryLine[]>();
  for (const l of lines) {
    const list = byOrder.get(l.order_id);
    if (list) list.push(l);
    else byOrder.set(l.order_id, [l]);
  }
  const plan: PlannedReturn[] = [];
  for (const [orderId, orderLines] of byOrder) {
    const buyer = orderLines[0]!.customer_id ?? orderId;
    if (!serial.has(buyer)) serial.set(buyer, r.chance(0.1));
    let reasonCode: string | null = null;
    const returned: PlannedReturn['lines'] = [];
    for (const line of orderLines) {
      const profile = PROFILES[line.category ?? ''] ?? OTHER;
      // Custom-made, perishable and hygiene goods come back only for the seller's or carrier's fault.
      const noBuyerFault = line.custom_made || line.perishable || line.hygiene;
      const reasons = profile.reasons.filter(([code]) => !(noBuyerFault && BUYER_FAULT.has(code)));
      // One case per order, with one reason: a further line comes back only if that reason fits it.
      if (reasons.length === 0 || (reasonCode !== null && !reasons.some(([code]) => code === reasonCode))) continue;
      let p = profile.rate * (noBuyerFault ? 0.4 : 1);
      if (EDGE_SIZES.has(line.attributes.size ?? '')) p *= 1.6;
      if (line.line_discount_minor > 0) p *= 1.3;
      if (serial.get(buyer)) p *= 2.5;
      if (!r.chance(Math.min(p, 0.9))) continue;
      const reason = r.weighted(reasons);
      reasonCode ??= reason;
      returned.push({ line, quantity: line.quantity > 1 && r.chance(0.4) ? 1 : line.quantity });
    }
    if (!reasonCode) continue;
    const delivered = new Date(orderLines[0]!.delivered_at).getTime();
    const requestedAt = delivered + (0.5 + r.next() * 5.5) * DAY;
    const refundedAt = Math.min(requestedAt + (2 + r.next() * 7) * DAY, now.getTime() - DAY);
    plan.push({ orderId, reasonCode, requestedAt: new Date(requestedAt), refundedAt: new Date(refundedAt), lines: returned });
  }
  return plan;
}

/** Writes the demo shop's past returns (after its orders and live cases); returns how many cases. */
export async function seedDemoHistory(ctx: ServiceContext, shop: ShopRow, seed: number): Promise<number> {
  const now = ctx.clock.now();
  const policy = await currentPolicy(ctx.db, shop.id, now);
  const faultOf = new Map(policy.document.reasons.map((reason) => [reason.code, reason.fault]));
  const lines = await consoleDemoRepo.historyLines(ctx.db, shop.id, new Date(now.getTime() - HISTORY_BEFORE_DAYS * DAY));
  const cases: HistoricCase[] = planDemoHistory(lines, seed, now)
    .filter((p) => faultOf.has(p.reasonCode))
    .map((p) => {
      const shared = p.lines.map(({ line, quantity }) => ({
        lineId: line.line_id,
        quantity,
        shares: refundForUnits({ quantity: line.quantity, paidMinor: line.paid_minor, taxMinor: line.tax_minor, lineDiscountMinor: line.line_discount_minor, orderDiscountShareMinor: line.order_discount_share_minor, refundedQuantity: 0 }, quantity),
      }));
      const first = p.lines[0]!.line;
      const breakdown = settledBreakdown(first.currency, shared, first.total_minor);
      const units = shared.reduce((a, i) => a + i.quantity, 0);
      const fault = faultOf.get(p.reasonCode)!;
      return {
        id: uuidv7(),
        orderId: p.orderId,
        customerId: first.customer_id,
        currency: first.currency,
        policyId: policy.id,
        policyVersion: policy.version,
        reasonCode: p.reasonCode,
        fault,
        source: SOURCE,
        at: p.requestedAt,
        closedAt: p.refundedAt,
        condition: fault === 'buyer' ? 'unopened' : 'damaged',
        refundId: uuidv7(),
        idempotencyKey: `${SOURCE}:${p.orderId}`,
        providerRef: `${SOURCE}:${p.orderId}`,
        breakdown,
        items: shared.map((i) => ({ id: uuidv7(), lineId: i.lineId, quantity: i.quantity, amountMinor: i.shares.amountMinor })),
        events: [
          { id: uuidv7(), payload: { source: SOURCE, policyVersion: policy.version } },
          { id: uuidv7(), payload: { source: SOURCE, refundMinor: breakdown.refundMinor, units } },
        ],
      } satisfies HistoricCase;
    });
  if (cases.length === 0) return 0;
  await ctx.db.transaction((tx) => writeHistoricCases(tx, shop, cases));
  return cases.length;
}
