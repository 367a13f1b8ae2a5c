import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeOrderAmounts } from '../../domain/orders/amounts.js';
import { sharedDataFile } from '../../../test/helpers/shared-data.js';
import { mapShopifyOrder, type ShopifyOrder } from './mapping.js';

const examples = JSON.parse(readFileSync(sharedDataFile('shopify/rest-2026-07/order.examples.json'), 'utf8')) as { example: string; response_body: Record<string, any> }[];
const orders: ShopifyOrder[] = examples.flatMap((e) => e.response_body.orders ?? (e.response_body.order ? [e.response_body.order] : [])).filter((o: ShopifyOrder) => o.currency && o.line_items?.length);
const bob = orders.find((o) => String(o.id) === '450789469' && o.refunds?.length)!;

const totalOf = (o: ShopifyOrder) => {
  const { order } = mapShopifyOrder(o);
  return computeOrderAmounts({ pricesIncludeTax: order.pricesIncludeTax!, lines: order.lines, shippingFeeMinor: order.shippingFeeMinor }).totalMinor;
};

describe('mapShopifyOrder on Shopify’s own examples', () => {
  it('every example order maps, and its lines, discounts, tax and shipping add up to Shopify’s total_price', () => {
    expect(orders.length).toBeGreaterThan(20);
    for (const o of orders) expect(totalOf(o), `order ${o.id}`).toBe(Math.round(Number((o as any).total_price) * 100));
  });

  it('tax-exclusive order #1001: discount allocations per line, tax on top, customer, the refund made in Shopify', () => {
    const { order, refunds } = mapShopifyOrder(bob);
    expect(order).toMatchObject({ channel: 'shopify', externalId: '450789469', number: '#1001', currency: 'USD', pricesIncludeTax: false, customer: { externalId: '207119551', email: 'bob.norman@mail.example.com', name: 'Bob Norman' } });
    expect(order.lines.map((l) => [l.externalId, l.unitPriceMinor, l.lineDiscountMinor, l.taxMinor])).toEqual([
      ['466157049', 19900, 334, 398],
      ['518995019', 19900, 333, 398],
      ['703073504', 19900, 333, 398],
    ]);
    expect(refunds).toEqual([
      expect.objectContaining({ externalId: '509562969', amountMinor: 20900, shippingMinor: 0, lines: [{ lineExternalId: '703073504', quantity: 1, amountMinor: 19964 }, { lineExternalId: '466157049', quantity: 1, amountMinor: 19965 }] }),
    ]);
  });

  it('tax-inclusive shops keep tax inside the price; shipping, fulfilments and delivery dates map; Retour’s own refunds are skipped', () => {
    const at = '2026-11-02T10:00:00+08:00';
    const o: ShopifyOrder = {
      ...bob,
      taxes_included: true,
      line_items: [{ id: 1, sku: 'A', name: 'A', quantity: 2, price: '50.00', discount_allocations: [{ amount: '10.00' }], tax_lines: [{ price: '15.00' }] }],
      shipping_lines: [{ price: '8.00', discounted_price: '6.00', tax_lines: [{ price: '1.00' }] }],
      fulfillments: [{ id: 9, status: 'success', shipment_status: 'delivered', tracking_company: 'SF', tracking_number: 'SF1', created_at: at, updated_at: '2026-11-04T09:00:00Z', line_items: [{ id: 1, quantity: 2 }] }],
      refunds: [{ id: 5, note: 'Refunded by Retour (retour:0190a6f0-0000-7000-8000-000000000001)', transactions: [{ kind: 'refund', amount: '10.00' }] }],
    };
    const { order, refunds } = mapShopifyOrder(o);
    expect(order.pricesIncludeTax).toBe(true);
    expect(order.shippingFeeMinor).toBe(600);
    expect(order.shipments).toEqual([{ carrier: 'SF', trackingNumber: 'SF1', status: 'delivered', shippedAt: '2026-11-02T02:00:00.000Z', deliveredAt: '2026-11-04T09:00:00.000Z', lines: [{ lineNo: 1, quantity: 2 }] }]);
    expect(computeOrderAmounts({ pricesIncludeTax: true, lines: order.lines, shippingFeeMinor: order.shippingFeeMinor }).totalMinor).toBe(9000 + 600);
    expect(refunds).toEqual([]);
  });
});
