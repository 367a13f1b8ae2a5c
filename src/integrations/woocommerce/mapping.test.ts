import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeOrderAmounts } from '../../domain/orders/amounts.js';
import { sharedDataFile } from '../../../test/helpers/shared-data.js';
import { mapWooOrder, type WooOrder } from './mapping.js';

const examples = JSON.parse(readFileSync(sharedDataFile('woocommerce/orders.examples.json'), 'utf8')) as { section: string; response_body: unknown }[];
const listed = examples.find((e) => Array.isArray(e.response_body))!.response_body as WooOrder[];

describe('mapWooOrder on WooCommerce’s documentation examples', () => {
  it('maps each listed order: paid = total + tax per line, shipping with its tax, the sum is WooCommerce’s total', () => {
    for (const o of listed) {
      const { order } = mapWooOrder(o);
      const amounts = computeOrderAmounts({ pricesIncludeTax: order.pricesIncludeTax!, lines: order.lines, shippingFeeMinor: order.shippingFeeMinor });
      expect(amounts.totalMinor, `order ${o.id}`).toBe(Math.round(Number((o as any).total) * 100));
      expect(order).toMatchObject({ channel: 'woocommerce', externalId: String(o.id), number: String(o.number), pricesIncludeTax: false });
    }
  });

  it('order 723 keeps its two refunds made in WooCommerce (10.00 and 9.00); Retour’s own are skipped', () => {
    const o = listed.find((x) => String(x.id) === '723')!;
    expect(mapWooOrder(o).refunds.map((r) => [r.externalId, r.amountMinor])).toEqual([
      ['726', 1000],
      ['724', 900],
    ]);
    const own = { ...o, refunds: [{ id: 1, total: '-5.00', reason: 'Refunded by Retour (retour:0190a6f0-0000-7000-8000-000000000001)' }] };
    expect(mapWooOrder(own).refunds).toEqual([]);
  });
});
