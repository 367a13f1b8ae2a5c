import { describe, expect, it } from 'vitest';
import type { DemoHistoryLine } from '../db/repos/console-demo-repo.js';
import { planDemoHistory } from './demo-history.js';

const now = new Date('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const CATEGORIES = ['apparel', 'shoes', 'electronics', 'fresh', 'beauty', 'digital', 'home'] as const;

function lines(n: number): DemoHistoryLine[] {
  return Array.from({ length: n }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const attributes: Record<string, string> = category === 'apparel' ? { size: ['S', 'M', 'L', 'XL'][i % 4]! } : {};
    return {
      order_id: `o${Math.floor(i / 2)}`,
      customer_id: `c${i % 97}`,
      currency: 'CNY',
      total_minor: 50_000,
      delivered_at: new Date(now.getTime() - (20 + (i % 150)) * DAY),
      line_id: `l${i}`,
      quantity: 1 + (i % 3),
      paid_minor: 9_999 * (1 + (i % 3)),
      tax_minor: 0,
      line_discount_minor: i % 5 === 0 ? 500 : 0,
      order_discount_share_minor: 0,
      category,
      attributes,
      custom_made: i % 11 === 0,
      perishable: category === 'fresh',
      digital: category === 'digital',
      hygiene: category === 'beauty',
    };
  });
}

describe('the demo shop history plan', () => {
  const input = lines(4_000);
  const plan = planDemoHistory(input, 42, now);

  it('is the same for the same seed and differs for another', () => {
    expect(planDemoHistory(input, 42, now)).toEqual(plan);
    expect(planDemoHistory(input, 43, now)).not.toEqual(plan);
  });

  it('returns apparel more than electronics, and never digital goods', () => {
    const returned = plan.flatMap((p) => p.lines.map((l) => l.line.category));
    const rate = (c: string) => returned.filter((x) => x === c).length / input.filter((l) => l.category === c).length;
    expect(rate('apparel')).toBeGreaterThan(2 * rate('electronics'));
    expect(rate('digital')).toBe(0);
    expect(plan.length).toBeGreaterThan(200);
  });

  it('keeps to the rules: no buyer-fault reason for custom-made, perishable or hygiene goods; dates in order; whole units of the line', () => {
    for (const p of plan) {
      const delivered = new Date(p.lines[0]!.line.delivered_at).getTime();
      expect(p.requestedAt.getTime()).toBeGreaterThan(delivered);
      expect(p.requestedAt.getTime()).toBeLessThanOrEqual(delivered + 7 * DAY);
      expect(p.refundedAt.getTime()).toBeGreaterThan(p.requestedAt.getTime());
      expect(p.refundedAt.getTime()).toBeLessThan(now.getTime());
      for (const { line, quantity } of p.lines) {
        expect(line.order_id).toBe(p.orderId);
        expect(quantity).toBeGreaterThanOrEqual(1);
        expect(quantity).toBeLessThanOrEqual(line.quantity);
        if (line.custom_made || line.perishable || line.hygiene) expect(['no_reason', 'wrong_size', 'no_longer_needed']).not.toContain(p.reasonCode);
      }
    }
  });
});
