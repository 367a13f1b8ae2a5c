/**
 * evaluate() throughput: calls per second for a 3-line order with a 2-item request under the
 * China marketplace preset (the portal evaluates on every form change, the API on every case).
 *
 *   npx tsx bench/policy-evaluate.ts
 *
 * Warm-up first (JIT, caches), then as many calls as fit in the measuring time. The orders vary
 * their delivery time a little so the per-day time-zone cache is exercised as in real traffic,
 * not a single entry.
 */
import type { OrderFacts } from '../src/domain/cases/facts.js';
import { runIfMain } from './lib/main.js';
import { printFigure, type Benchmark, type Figure } from './lib/report.js';
import { evaluate } from '../src/domain/policy/evaluate.js';
import { chinaMarketplacePreset } from '../src/domain/policy/presets.js';
import type { EvaluationRequest } from '../src/domain/policy/verdict.js';

const TARGET_PER_SECOND = 50_000;
const WARM_UP_MS = 500;
const MEASURE_MS = 2_000;
/** Distinct delivery days the orders spread over. */
const DELIVERY_DAYS = 30;

const NO_FLAGS = { customMade: false, perishable: false, digital: false, hygiene: false, finalSale: false };

function line(lineId: string, lineNo: number, quantity: number, unitPriceMinor: number, category: string) {
  return {
    lineId,
    lineNo,
    sku: lineId.toUpperCase(),
    title: lineId,
    category,
    quantity,
    unitPriceMinor,
    lineDiscountMinor: 0,
    orderDiscountShareMinor: 0,
    taxMinor: 0,
    paidMinor: quantity * unitPriceMinor,
    flags: NO_FLAGS,
    claimedQuantity: 0,
    refundedQuantity: 0,
    refundedMinor: 0,
  };
}

function orders(): OrderFacts[] {
  const base = Date.parse('2026-11-01T15:00:00+08:00');
  return Array.from({ length: DELIVERY_DAYS }, (_, i) => {
    const lines = [line('tee', 1, 2, 7_900, 'apparel'), line('mug', 2, 1, 4_900, 'home'), line('headset', 3, 1, 39_900, 'electronics')];
    return {
      orderId: `order-${i}`,
      channel: 'taobao',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      pricesIncludeTax: true,
      placedAt: new Date(base - (i + 3) * 86_400_000),
      shippedAt: new Date(base - (i + 2) * 86_400_000),
      deliveredAt: new Date(base - i * 86_400_000),
      cancelledAt: null,
      shippingFeeMinor: 1_000,
      totalMinor: lines.reduce((sum, l) => sum + l.paidMinor, 0) + 1_000,
      shippingInsurance: i % 2 === 0,
      lines,
      refundedMinor: 0,
      shippingRefundedMinor: 0,
    };
  });
}

const request: EvaluationRequest = {
  caseType: 'return_refund',
  items: [
    { lineId: 'tee', quantity: 1, reasonCode: 'wrong_size', condition: 'opened' },
    { lineId: 'headset', quantity: 1, reasonCode: 'quality_issue', condition: 'used' },
  ],
  method: 'original',
  returnShippingClaimMinor: 1_200,
};

async function measure(): Promise<Figure[]> {
  const facts = orders();
  const customer = { tier: null, riskScore: 15, completedOrders: 8 };
  const now = new Date('2026-11-05T10:00:00+08:00');
  let sink = 0;
  const loop = (ms: number) => {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    // Check the clock every 256 calls: reading it is not free.
    while (elapsed < ms) {
      for (let i = 0; i < 256; i++, calls++) sink += evaluate(chinaMarketplacePreset, facts[calls % facts.length]!, customer, now, request).request!.refund.refundMinor;
      elapsed = performance.now() - started;
    }
    return { calls, elapsed };
  };
  loop(WARM_UP_MS);
  const { calls, elapsed } = loop(MEASURE_MS);
  if (sink < 0) console.log(sink); // keeps the results alive for the optimiser
  const perSecond = Math.round((calls / elapsed) * 1000);
  return [{ benchmark: 'policy-evaluate', name: 'evaluate() calls/s (3-line order, 2-item request)', value: perSecond, unit: 'calls/s', target: { op: '>=', value: TARGET_PER_SECOND } }];
}

export const policyEvaluate: Benchmark = {
  name: 'policy-evaluate',
  title: 'evaluate(): the policy engine on a 3-line order with a 2-item request, in process',
  async run() {
    const figures = await measure();
    figures.forEach(printFigure);
    return figures;
  },
};

await runIfMain(import.meta.url, policyEvaluate);
