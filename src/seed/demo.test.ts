import { describe, expect, it } from 'vitest';
import { demoCatalogue } from './demo-catalogue.js';
import { buildDemoOrders, DEMO_SHOWCASE } from './demo.js';

const now = new Date('2026-11-22T12:00:00Z');

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(buildDemoOrders(42, 200, now)).toEqual(buildDemoOrders(42, 200, now));
    expect(buildDemoOrders(43, 200, now)).not.toEqual(buildDemoOrders(42, 200, now));
  });

  it('has the catalogue the demo promises: ~200 unique SKUs with every return flag represented', () => {
    const catalogue = demoCatalogue();
    expect(catalogue.length).toBeGreaterThanOrEqual(180);
    expect(new Set(catalogue.map((v) => v.sku)).size).toBe(catalogue.length);
    for (const flag of ['customMade', 'perishable', 'digital', 'hygiene', 'finalSale'] as const) {
      expect(catalogue.some((v) => v[flag])).toBe(true);
    }
    expect(catalogue.filter((v) => v.category === 'apparel' && v.attributes?.size && v.attributes.colour).length).toBeGreaterThan(40);
  });

  it('orders are realistic: within 180 days, paid after placed, shipped after paid, delivered after shipped and not in the future', () => {
    const orders = buildDemoOrders(42, 500, now);
    const channels = new Set(orders.map((o) => o.channel));
    expect([...channels].sort()).toEqual(['pdd', 'taobao', 'web']);
    expect(new Set(orders.map((o) => o.locale))).toEqual(new Set(['zh-CN', 'en']));
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(orders.length);
    for (const o of orders) {
      const placed = Date.parse(o.placedAt);
      expect(placed).toBeGreaterThanOrEqual(now.getTime() - 181 * 86_400_000);
      expect(Date.parse(o.paidAt!)).toBeGreaterThan(placed);
      for (const s of o.shipments ?? []) {
        expect(Date.parse(s.shippedAt!)).toBeGreaterThan(Date.parse(o.paidAt!));
        if (s.deliveredAt) {
          expect(Date.parse(s.deliveredAt)).toBeGreaterThan(Date.parse(s.shippedAt!));
          expect(Date.parse(s.deliveredAt)).toBeLessThanOrEqual(now.getTime());
        }
      }
      if (o.cancelledAt) expect(o.shipments).toBeUndefined();
    }
    const showcase = orders.filter((o) => DEMO_SHOWCASE.some((s) => s.number === o.externalId));
    expect(showcase).toHaveLength(2);
    for (const o of showcase) expect(Date.parse(o.shipments![0]!.deliveredAt!)).toBeGreaterThan(now.getTime() - 7 * 86_400_000);
  });
});
