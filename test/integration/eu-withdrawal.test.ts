import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { euWithdrawalPreset, ukCancellationPreset } from '../../src/domain/policy/presets-eu.js';
import type { Policy } from '../../src/domain/policy/schema.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';
import { act } from '../helpers/returns.js';

/**
 * EU/UK statutory withdrawal over HTTP (docs/policy.md, "EU and UK statutory withdrawal"): the
 * window from the last parcel, working-day extension, the delivery refunded, exclusions, the
 * validator's floors and the refund deadline as an alert that waits for goods or proof of dispatch.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let eu: TestShop;
let uk: TestShop;

const manual = (p: Policy): Policy => ({
  ...structuredClone(p),
  // Orders in these tests were placed before the policy was saved: judge them by this version.
  judgeBy: 'current',
  automation: { ...p.automation, autoApprove: { ...p.automation.autoApprove, enabled: false } },
});

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  eu = await createTestShop(t.ctx, 'eu-shop', 'EUR');
  uk = await createTestShop(t.ctx, 'uk-shop', 'GBP');
  for (const [shop, zone, preset] of [
    [eu, 'Europe/Berlin', euWithdrawalPreset],
    [uk, 'Europe/London', ukCancellationPreset],
  ] as const) {
    expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { timezone: zone } })).status).toBe(200);
    const saved = await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document: manual(preset), note: 'statutory preset' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }
});
afterAll(() => t?.close());

/** An order in two parcels: the second arrives Saturday 17 Oct 2026, 23:30 Berlin time. */
async function twoParcelOrder(shop: TestShop, currency: string, secondDeliveredAt: string | null = '2026-10-17T21:30:00Z') {
  const body = orderBody({
    channel: 'web',
    currency,
    locale: 'en',
    placedAt: '2026-10-10T10:00:00Z',
    paidAt: '2026-10-10T10:01:00Z',
    shippingInsurance: false,
    shippingFeeMinor: 499,
    orderDiscountMinor: 0,
    lines: [
      { sku: 'SHIRT-M', title: 'Shirt M', quantity: 1, unitPriceMinor: 4000 },
      { sku: 'MUG', title: 'Mug', quantity: 1, unitPriceMinor: 1500 },
      { sku: 'HONEY', title: 'Fresh honeycomb', quantity: 1, unitPriceMinor: 900, returnFlags: { perishable: true } },
    ],
    shipments: [
      { carrier: 'DHL', trackingNumber: `DHL${Math.floor(Math.random() * 1e12)}`, shippedAt: '2026-10-12T08:00:00Z', deliveredAt: '2026-10-13T09:00:00Z', lines: [{ lineNo: 1, quantity: 1 }] },
      {
        carrier: 'DHL',
        trackingNumber: `DHL${Math.floor(Math.random() * 1e12)}`,
        shippedAt: '2026-10-15T08:00:00Z',
        deliveredAt: secondDeliveredAt ?? undefined,
        lines: [
          { lineNo: 2, quantity: 1 },
          { lineNo: 3, quantity: 1 },
        ],
      },
    ],
  });
  const res = await api('POST', '/api/v1/orders', { key: shop.keys.owner, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; lines: { id: string; sku: string }[] };
}

const preview = (shop: TestShop, orderId: string, items: unknown[]) =>
  api('POST', '/api/v1/returns/preview', { key: shop.keys.owner, body: { orderId, type: 'return_refund', items } });

describe('EU 14-day withdrawal over HTTP', () => {
  it('counts from the last parcel and, under the EU working-day rule, ends the Monday after a Saturday', async () => {
    const order = await twoParcelOrder(eu, 'EUR');
    const shirt = order.lines.find((l) => l.sku === 'SHIRT-M')!;
    // 14 days after the FIRST parcel (13 Oct) would end 27 Oct; the last parcel (17 Oct) moves it to Sat 31 Oct → Mon 2 Nov.
    t.clock.set('2026-11-02T22:59:00Z');
    const open = await preview(eu, order.id, [{ lineId: shirt.id, quantity: 1, reasonCode: 'withdrawal', condition: 'used' }]);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body.eligible).toBe(true);
    t.clock.set('2026-11-02T23:00:00Z');
    const closed = await preview(eu, order.id, [{ lineId: shirt.id, quantity: 1, reasonCode: 'withdrawal' }]);
    expect(closed.body.eligible).toBe(false);
    expect(closed.body.items[0].rule).toBe('window.no_reason_expired');
  });

  it('an order with a parcel still on its way has not started the period', async () => {
    const order = await twoParcelOrder(eu, 'EUR', null);
    t.clock.set('2026-11-20T10:00:00Z');
    const res = await preview(eu, order.id, [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'withdrawal' }]);
    // The order is not delivered until its last parcel is: a return is refused as before delivery.
    expect(res.body.eligible).toBe(false);
    expect(res.body.items[0].rule).toBe('case_type.not_delivered');
  });

  it('excludes perishable goods (art. 16(d)) but refunds the standard delivery when the rest of the order comes back', async () => {
    const order = await twoParcelOrder(eu, 'EUR');
    t.clock.set('2026-10-20T10:00:00Z');
    const honey = order.lines.find((l) => l.sku === 'HONEY')!;
    const excluded = await preview(eu, order.id, [{ lineId: honey.id, quantity: 1, reasonCode: 'withdrawal' }]);
    expect(excluded.body.eligible).toBe(false);
    expect(excluded.body.items[0].rule).toBe('exclusion.perishable');
    // Part of the order back: the delivery fee is only refunded with the whole order.
    const partial = await preview(eu, order.id, [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'withdrawal' }]);
    expect(partial.body.refund.outboundShippingMinor).toBe(0);
  });

  it('the whole order withdrawn: the delivery fee is refunded, the label deducted, used goods accepted', async () => {
    const body = orderBody({
      channel: 'web',
      currency: 'EUR',
      locale: 'en',
      shippingInsurance: false,
      shippingFeeMinor: 499,
      orderDiscountMinor: 0,
      lines: [{ sku: 'JACKET', title: 'Jacket', quantity: 1, unitPriceMinor: 12000 }],
      shipments: [{ carrier: 'DHL', trackingNumber: `DHL${Date.now()}`, shippedAt: '2026-10-12T08:00:00Z', deliveredAt: '2026-10-14T09:00:00Z' }],
    });
    const order = (await api('POST', '/api/v1/orders', { key: eu.keys.owner, body })).body;
    t.clock.set('2026-10-20T10:00:00Z');
    const res = await preview(eu, order.id, [{ lineId: order.lines[0].id, quantity: 1, reasonCode: 'withdrawal', condition: 'used' }]);
    expect(res.body.eligible).toBe(true);
    expect(res.body.refund).toMatchObject({ itemsMinor: 12000, outboundShippingMinor: 499, labelCostMinor: 495, refundMinor: 12000 + 499 - 495, restockingFeeMinor: 0 });
  });

  it('the validator refuses a shorter window, final sale and restocking fees under a statutory regime', async () => {
    const bad = { ...manual(euWithdrawalPreset), windows: { noReasonDays: 7, sellerFaultDays: 30, overrides: [] }, exclusions: { ...euWithdrawalPreset.exclusions, finalSale: true } };
    const res = await api('PUT', '/api/v1/policy', { key: eu.keys.owner, body: { document: bad } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('policy.invalid');
    expect(JSON.stringify(res.body.error.details)).toContain('/exclusions/finalSale');
    expect(JSON.stringify(res.body.error.details)).toContain('/windows/noReasonDays');
  });

  it('the refund deadline: withheld until proof of dispatch, then an alert 14 days from the notice, settled by the refund', async () => {
    const order = await twoParcelOrder(eu, 'EUR');
    t.clock.set('2026-10-20T10:00:00Z');
    const created = await api('POST', '/api/v1/returns', { key: eu.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'withdrawal' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const statutory = async () => ((await api('GET', `/api/v1/returns/${id}`, { key: eu.keys.owner })).body.deadlines as { kind: string; dueAt: string; status: string }[]).filter((d) => d.kind === 'statutory_refund');
    expect(await statutory()).toEqual([]);
    expect((await act(api, eu.keys.owner, id, 'approve')).status).toBe(200);
    expect(await statutory()).toEqual([]);
    t.clock.set('2026-10-22T10:00:00Z');
    expect((await act(api, eu.keys.owner, id, 'buyer_shipped', { carrier: 'DHL', trackingNumber: '1234567891' })).status).toBe(200);
    // Notice 20 Oct (Berlin) + 14 days = 3 Nov, a Tuesday: due at Berlin midnight ending it.
    expect(await statutory()).toMatchObject([{ dueAt: '2026-11-03T23:00:00.000Z', status: 'pending' }]);
    // It survives receipt (the clock spans states) and fires as an overdue alert.
    t.clock.set('2026-10-24T10:00:00Z');
    const received = await act(api, eu.keys.owner, id, 'receive');
    expect(received.status).toBe(200);
    expect(await statutory()).toMatchObject([{ status: 'pending' }]);
    t.clock.set('2026-11-04T00:00:00Z');
    await applyDueDeadlines(t.ctx);
    expect(await statutory()).toMatchObject([{ status: 'applied' }]);
    const detail = (await api('GET', `/api/v1/returns/${id}`, { key: eu.keys.owner })).body;
    expect(detail.timeline.some((e: { type: string; rule: string }) => e.type === 'deadline.overdue' && e.rule === 'deadline.statutory_refund')).toBe(true);
  });

  it('a refund in time cancels the statutory alert', async () => {
    const order = await twoParcelOrder(eu, 'EUR');
    t.clock.set('2026-10-20T10:00:00Z');
    const id = (await api('POST', '/api/v1/returns', { key: eu.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'withdrawal' }] } })).body.id;
    await act(api, eu.keys.owner, id, 'approve');
    await act(api, eu.keys.owner, id, 'buyer_shipped', { carrier: 'DHL', trackingNumber: '1234567892' });
    const received = (await act(api, eu.keys.owner, id, 'receive')).body;
    await act(api, eu.keys.owner, id, 'inspect', { items: received.items.map((i: { id: string }) => ({ itemId: i.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' })) });
    expect((await act(api, eu.keys.owner, id, 'refund')).status).toBe(200);
    const deadlines = (await api('GET', `/api/v1/returns/${id}`, { key: eu.keys.owner })).body.deadlines.filter((d: { kind: string }) => d.kind === 'statutory_refund');
    expect(deadlines).toMatchObject([{ status: 'cancelled' }]);
  });

  it('diminished value found at inspection is deducted from the refund', async () => {
    const order = await twoParcelOrder(eu, 'EUR');
    t.clock.set('2026-10-20T10:00:00Z');
    const shirt = order.lines.find((l) => l.sku === 'SHIRT-M')!;
    const id = (await api('POST', '/api/v1/returns', { key: eu.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: shirt.id, quantity: 1, reasonCode: 'withdrawal', condition: 'used' }] } })).body.id;
    await act(api, eu.keys.owner, id, 'approve');
    await act(api, eu.keys.owner, id, 'buyer_shipped', { carrier: 'DHL', trackingNumber: '1234567893' });
    const received = (await act(api, eu.keys.owner, id, 'receive')).body;
    const inspected = await act(api, eu.keys.owner, id, 'inspect', {
      items: received.items.map((i: { id: string }) => ({ itemId: i.id, acceptedQuantity: 1, grade: 'C', disposition: 'refurbish', note: 'Worn outside, deodorant marks: 10.00 diminished value' })),
    });
    expect(inspected.status).toBe(200);
    const computed = inspected.body.refundMinor as number;
    expect(computed).toBe(4000 - 495);
    const refunded = await act(api, eu.keys.owner, id, 'refund', { amountMinor: computed - 1000 });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.refunds.reduce((sum: number, r: { amountMinor: number }) => sum + r.amountMinor, 0)).toBe(computed - 1000);
  });
});

describe('UK 14-day cancellation over HTTP', () => {
  it('no working-day extension; the refund is due 14 days from the evidence of return', async () => {
    const order = await twoParcelOrder(uk, 'GBP');
    // Last parcel 17 Oct 22:30 London → the period ends Sat 31 Oct 24:00 GMT (summer time ended 25 Oct) = 1 Nov 00:00Z.
    t.clock.set('2026-10-31T23:59:00Z');
    const open = await preview(uk, order.id, [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'cancellation' }]);
    expect(open.body.eligible).toBe(true);
    t.clock.set('2026-11-01T00:00:00Z');
    expect((await preview(uk, order.id, [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'cancellation' }])).body.eligible).toBe(false);

    t.clock.set('2026-10-20T10:00:00Z');
    const id = (await api('POST', '/api/v1/returns', { key: uk.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'cancellation' }] } })).body.id;
    await act(api, uk.keys.owner, id, 'approve');
    t.clock.set('2026-10-26T10:00:00Z');
    await act(api, uk.keys.owner, id, 'buyer_shipped', { carrier: 'RM', trackingNumber: 'RM-BACK-1' });
    const deadlines = (await api('GET', `/api/v1/returns/${id}`, { key: uk.keys.owner })).body.deadlines.filter((d: { kind: string }) => d.kind === 'statutory_refund');
    // Evidence on 26 Oct + 14 days = 9 Nov, ending at London midnight (GMT).
    expect(deadlines).toMatchObject([{ dueAt: '2026-11-10T00:00:00.000Z', status: 'pending' }]);
  });
});
