import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { FakeEasyPost } from '../helpers/fake-easypost.js';
import { FakeKuaidi100 } from '../helpers/fake-kuaidi100.js';
import { act, placeOrder } from '../helpers/returns.js';
import { pollDueParcels } from '../../src/worker/jobs/carrier-tracking.js';
import { POLL_EVERY_MS } from '../../src/services/carriers/carrier-connections.js';
import { performAction } from '../../src/services/cases/perform-action.js';

/**
 * Carriers (issue 17 points 5–8) over HTTP against local servers shaped like Kuaidi100 and
 * EasyPost: booking a pickup (and a drop-off code, a label), tracking callbacks signed as each
 * carrier signs them moving the case (picked up → in_transit, delivered → ready to receive,
 * exceptions → review), repeated callbacks changing nothing, interception followed to its
 * outcome both ways, typed tracking numbers checked against the carrier's format.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let kd: FakeKuaidi100;
let ep: FakeEasyPost;
let cn: TestShop;
let us: TestShop;
let kdConnection: string;
let epConnection: string;

const RETURN_ADDRESS_CN = { name: '退货组 王仓管', phone: '0571-88880000', addressZh: '浙江省杭州市余杭区文一西路969号 3号仓', postalCode: '311121' };
const RETURN_ADDRESS_US = { name: 'Returns desk', phone: '+1 213 555 0100', addressLatin: '100 Main St, Los Angeles, CA 90012, US', addressZh: '美国洛杉矶主街100号', postalCode: '90012' };

beforeAll(async () => {
  kd = await new FakeKuaidi100().start();
  ep = await new FakeEasyPost().start();
  t = await startTestApp();
  api = client(t.baseUrl);
  kd.deliverTo = t.baseUrl;
  cn = await createTestShop(t.ctx, 'carrier-cn');
  us = await createTestShop(t.ctx, 'carrier-us', 'USD');
  expect((await api('POST', '/api/v1/return-addresses', { key: cn.keys.owner, body: RETURN_ADDRESS_CN })).status).toBe(201);
  expect((await api('POST', '/api/v1/return-addresses', { key: us.keys.owner, body: RETURN_ADDRESS_US })).status).toBe(201);
  const k = await api('POST', '/api/v1/connections', {
    key: cn.keys.owner,
    body: { kind: 'kuaidi100', name: '快递100', credentials: { key: kd.key, customer: kd.customer, secret: kd.secret, salt: kd.salt }, settings: { baseUrl: kd.baseUrl, defaultCarrier: 'shunfeng' } },
  });
  expect(k.status).toBe(201);
  kdConnection = k.body.id;
  const e = await api('POST', '/api/v1/connections', { key: us.keys.owner, body: { kind: 'easypost', name: 'EasyPost', credentials: { apiKey: ep.apiKey, webhookSecret: ep.webhookSecret }, settings: { baseUrl: ep.baseUrl } } });
  expect(e.status).toBe(201);
  epConnection = e.body.id;
});
afterAll(async () => {
  await t?.close();
  await kd?.stop();
  await ep?.stop();
});

async function approvedReturn(shop: TestShop, options: { currency?: 'USD'; reason?: string } = {}) {
  const overrides =
    options.currency === 'USD'
      ? {
          channel: 'web',
          currency: 'USD',
          locale: 'en',
          shippingAddress: { name: 'Jane Doe', phone: '+1 310 555 0199', country: 'US', province: 'CA', city: 'Santa Monica', line1: '12 Ocean Ave', postalCode: '90401' },
          lines: [{ sku: 'TEE-M', title: 'Tee M', quantity: 1, unitPriceMinor: 2500 }],
          orderDiscountMinor: 0,
          shippingFeeMinor: 500,
          paymentMethod: 'card',
          shippingInsurance: false,
        }
      : {};
  const order = await placeOrder(api, shop.keys.owner, { overrides });
  const created = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: options.reason ?? (options.currency ? 'changed_mind' : 'no_reason') }] } });
  expect(created.status).toBe(201);
  expect((await act(api, shop.keys.owner, created.body.id, 'approve')).status).toBe(200);
  return created.body.id as string;
}

/** A refund-only case of a parcel still on its way, approved: the order's parcel is the one to intercept. */
async function approvedInterception(shop: TestShop, carrier: string, trackingNumber: string, currency?: 'USD') {
  const overrides: Record<string, unknown> = { shipments: [{ carrier, trackingNumber, shippedAt: '2026-10-30T03:00:00Z' }] };
  if (currency) Object.assign(overrides, { channel: 'web', currency, locale: 'en', lines: [{ sku: 'TEE-M', title: 'Tee M', quantity: 1, unitPriceMinor: 2500 }], orderDiscountMinor: 0, shippingFeeMinor: 500, paymentMethod: 'card', shippingInsurance: false });
  const order = await placeOrder(api, shop.keys.owner, { overrides });
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.owner,
    body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: currency ? 'changed_mind' : 'no_longer_needed' }] },
  });
  expect(created.status).toBe(201);
  expect(created.body.refundOnlyKind).toBe('in_transit');
  expect((await act(api, shop.keys.owner, created.body.id, 'approve')).status).toBe(200);
  return created.body.id as string;
}

const caseOf = async (shop: TestShop, id: string) => (await api('GET', `/api/v1/returns/${id}`, { key: shop.keys.viewer })).body;
const carrierOf = async (shop: TestShop, id: string) => (await api('GET', `/api/v1/returns/${id}/carrier`, { key: shop.keys.viewer })).body;
const window = () => {
  const start = new Date(t.clock.now().getTime() + 24 * 3_600_000);
  return { windowStart: start.toISOString(), windowEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
};

// First in the file: the poller claims due parcels across shops, so here only its own are due.
describe('tracking poller: a parcel whose callbacks never came', () => {
  const poll = () => pollDueParcels(t.ctx, 20, () => false, 0);

  it('asks the carrier once the parcel is due, and moves the case as a callback would; a delivered parcel is not asked again', async () => {
    const id = await approvedReturn(cn);
    const booked = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    expect(booked.status).toBe(201);
    const number = booked.body.trackingNumber as string;
    // The carrier has the parcel but its callback never reaches Retour.
    await kd.scan(number, '1', '顺丰速运 已收取快件', '2026-11-01 10:00:00', { push: false });
    expect(await poll()).toBe(0);
    expect(kd.queries).not.toContain(number);

    t.clock.advance(POLL_EVERY_MS + 1_000);
    let before = t.handle.traffic.snapshot().statements;
    expect(await poll()).toBe(1);
    const withNews = t.handle.traffic.snapshot().statements - before;
    expect(kd.queries.filter((q) => q === number)).toHaveLength(1);
    expect((await caseOf(cn, id)).status).toBe('in_transit');
    const view = await carrierOf(cn, id);
    expect(view.events).toHaveLength(1);
    expect(view.events[0]).toMatchObject({ status: 'picked_up', effects: ['mark_shipped'] });
    const shipped = (await caseOf(cn, id)).timeline.filter((e: { type: string }) => e.type === 'case.buyer_shipped');
    expect(shipped).toHaveLength(1);
    expect(shipped[0].actor.kind).toBe('system');
    // Claim, connection, run start and finish, parcel, known scans, case, the buyer_shipped transition (batched; its policy read may be cached), scans, parcel update.
    expect(withNews).toBeLessThanOrEqual(13);

    // Polled just now: not due again for an interval.
    expect(await poll()).toBe(0);
    t.clock.advance(POLL_EVERY_MS + 1_000);
    before = t.handle.traffic.snapshot().statements;
    expect(await poll()).toBe(1);
    expect(t.handle.traffic.snapshot().statements - before).toBeLessThanOrEqual(6);
    expect((await carrierOf(cn, id)).events).toHaveLength(1);

    await kd.scan(number, '3', '已签收，签收人：仓库', '2026-11-01 18:00:00', { push: false });
    t.clock.advance(POLL_EVERY_MS + 1_000);
    expect(await poll()).toBe(1);
    const ready = await api('GET', '/api/v1/queue?receiptReady=true', { key: cn.keys.warehouse });
    expect(ready.body.data.map((r: { id: string }) => r.id)).toContain(id);
    const asked = kd.queries.filter((q) => q === number).length;
    expect(asked).toBe(3);
    t.clock.advance(10 * POLL_EVERY_MS);
    expect(await poll()).toBe(0);
    expect(kd.queries.filter((q) => q === number)).toHaveLength(asked);
    // The run log shows the polls as syncs of the connection.
    const runs = await api('GET', `/api/v1/connections/${kdConnection}/runs`, { key: cn.keys.owner });
    expect(runs.body.data.filter((r: { trigger: string }) => r.trigger === 'sync').length).toBeGreaterThanOrEqual(3);
  });

  it('a parcel whose callbacks arrive is polled an interval after the last one; a closed case’s parcel is taken off', async () => {
    const id = await approvedReturn(cn);
    const number = (await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } })).body.trackingNumber as string;
    t.clock.advance(POLL_EVERY_MS - 60_000);
    await kd.scan(number, '1', '已揽收', '2026-11-02 10:00:00');
    const closedId = await approvedReturn(cn);
    const closedNumber = (await api('POST', `/api/v1/returns/${closedId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } })).body.trackingNumber as string;
    await performAction(t.ctx, cn.id, closedId, 'close', { kind: 'system', rule: 'test' }, {});
    expect((await caseOf(cn, closedId)).status).toBe('closed');
    t.clock.advance(120_000);
    // Due by its booking, but the callback just came: not asked.
    expect(await poll()).toBe(0);
    expect(kd.queries).not.toContain(number);
    t.clock.advance(POLL_EVERY_MS);
    expect(await poll()).toBe(2);
    expect(kd.queries).toContain(number);
    // The closed case's parcel was claimed and dropped without asking the carrier.
    expect(kd.queries).not.toContain(closedNumber);
    t.clock.advance(POLL_EVERY_MS + 1_000);
    expect(await poll()).toBe(1);
    expect(kd.queries).not.toContain(closedNumber);
  });
});

describe('Kuaidi100: pickup, tracking, delivery', () => {
  let caseId: string;
  let number: string;

  it('books a courier pickup with the window and addresses, and subscribes the number to Retour’s callback', async () => {
    caseId = await approvedReturn(cn);
    const bad = await api('POST', `/api/v1/returns/${caseId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('pickup.bad_window');
    const label = await api('POST', `/api/v1/returns/${caseId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'label' } });
    expect(label.body.error.code).toBe('carrier.method_unsupported');
    const booked = await api('POST', `/api/v1/returns/${caseId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    expect(booked.status).toBe(201);
    number = booked.body.trackingNumber;
    expect(booked.body).toMatchObject({ direction: 'return', carrierCode: 'shunfeng', carrier: '顺丰', connectionId: kdConnection, pickup: { confirmation: expect.any(String) } });
    expect(number).toMatch(/^SF\d{13}$/);
    const sent = kd.pickups.at(-1)!;
    expect(sent).toMatchObject({ kuaidicom: 'shunfeng', recManPrintAddr: RETURN_ADDRESS_CN.addressZh, sendManName: '王小明', sendManMobile: '13800138000', pickupStartTime: expect.stringMatching(/^\d\d:\d\d$/) });
    expect(kd.subscriptions.get(number)).toMatchObject({ company: 'shunfeng', callbackurl: `${t.config.publicUrl}/hooks/kuaidi100/${kdConnection}`, salt: kd.salt });
    expect((await caseOf(cn, caseId)).returnMethod).toBe('pickup');
    const again = await api('POST', `/api/v1/returns/${caseId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('carrier.already_booked');
  });

  it('refuses a callback whose sign does not match the salt', async () => {
    const forged = await kd.scan(number, '1', '顺丰速运 已收取快件', '2026-11-02 10:00:00', { sign: 'A'.repeat(32) });
    expect(forged!.status).toBe(401);
    expect((await caseOf(cn, caseId)).status).toBe('approved');
    expect((await carrierOf(cn, caseId)).events).toEqual([]);
  });

  it('the pickup scan moves the case to in_transit; a repeated callback changes nothing', async () => {
    const pushed = await kd.push(number);
    expect(pushed.status).toBe(200);
    expect(JSON.parse(pushed.body)).toEqual({ result: true, returnCode: '200', message: '成功' });
    expect((await caseOf(cn, caseId)).status).toBe('in_transit');
    const statementsBefore = t.handle.traffic.snapshot().statements;
    expect((await kd.push(number)).status).toBe(200);
    // A repeat: the connection, the run log (start, finish), the parcel and its known scans — nothing written for the case.
    expect(t.handle.traffic.snapshot().statements - statementsBefore).toBeLessThanOrEqual(6);
    const view = await carrierOf(cn, caseId);
    expect(view.events).toHaveLength(1);
    expect(view.events[0]).toMatchObject({ status: 'picked_up', code: '1', effects: ['mark_shipped'], trackingNumber: number });
    const shipped = (await caseOf(cn, caseId)).timeline.filter((e: { type: string }) => e.type === 'case.buyer_shipped');
    expect(shipped).toHaveLength(1);
    expect(shipped[0].actor.kind).toBe('system');
  });

  it('delivery to the return address makes the case ready to receive in the warehouse queue', async () => {
    await kd.scan(number, '0', '快件到达 杭州转运中心', '2026-11-02 18:00:00');
    const before = await api('GET', '/api/v1/queue?receiptReady=true', { key: cn.keys.warehouse });
    expect(before.body.data.map((r: { id: string }) => r.id)).not.toContain(caseId);
    await kd.scan(number, '3', '已签收，签收人：仓库', '2026-11-03 09:30:00');
    const ready = await api('GET', '/api/v1/queue?receiptReady=true', { key: cn.keys.warehouse });
    const row = ready.body.data.find((r: { id: string }) => r.id === caseId);
    expect(row.receiptReadyAt).toEqual(expect.any(String));
    const view = await carrierOf(cn, caseId);
    expect(view.events.map((e: { status: string }) => e.status)).toEqual(['picked_up', 'in_transit', 'delivered']);
    expect(view.parcels[0]).toMatchObject({ status: 'delivered', trackingStatus: 'delivered', deliveredAt: '2026-11-03T01:30:00.000Z' });
    // The real-time query finds nothing new.
    const refreshed = await api('POST', `/api/v1/returns/${caseId}/carrier/refresh`, { key: cn.keys.agent });
    expect(refreshed.body).toEqual({ scansIn: 0 });
    expect(kd.refused).toEqual([]);
    // The warehouse receives it as usual; the flag goes with the state.
    expect((await act(api, cn.keys.warehouse, caseId, 'receive')).status).toBe(200);
    const after = await api('GET', '/api/v1/queue?receiptReady=true', { key: cn.keys.warehouse });
    expect(after.body.data.map((r: { id: string }) => r.id)).not.toContain(caseId);
  });

  it('a parcel returned to sender flags the case for review', async () => {
    const id = await approvedReturn(cn);
    const booked = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    await kd.scan(booked.body.trackingNumber, '1', '已揽收', '2026-11-02 10:00:00');
    await kd.scan(booked.body.trackingNumber, '4', '退签', '2026-11-04 10:00:00');
    const c = await caseOf(cn, id);
    expect(c.needsReview).toBe(true);
    expect(c.timeline.some((e: { type: string }) => e.type === 'carrier.exception')).toBe(true);
  });
});

describe('Kuaidi100: pickup-order callbacks (商家寄件)', () => {
  let caseId: string;
  let number: string;
  const pickupOf = async () => (await carrierOf(cn, caseId)).parcels[0].pickup;
  const eventsOf = async () => (await caseOf(cn, caseId)).timeline.map((e: { type: string }) => e.type).filter((x: string) => x.startsWith('carrier.pickup_'));

  it('refuses a pickup callback whose sign does not match the salt', async () => {
    caseId = await approvedReturn(cn);
    const booked = await api('POST', `/api/v1/returns/${caseId}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    number = booked.body.trackingNumber;
    expect(kd.pickups.at(-1)).toMatchObject({ callBackUrl: `${t.config.publicUrl}/hooks/kuaidi100/${kdConnection}`, salt: kd.salt });
    const forged = await kd.pickupEvent(number, '1', { sign: 'B'.repeat(32) });
    expect(forged.status).toBe(401);
    expect((await pickupOf()).status).toBeUndefined();
  });

  it('accepted, then a courier assigned: the booking follows, the case gets an event each; a repeat or a late report changes nothing', async () => {
    const accepted = await kd.pickupEvent(number, '1');
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toEqual({ result: true, returnCode: '200', message: '成功' });
    expect(await pickupOf()).toMatchObject({ status: 'accepted', code: '1' });

    let before = t.handle.traffic.snapshot().statements;
    expect((await kd.pickupEvent(number, '2', { courierName: '李师傅', courierMobile: '13900001111' })).status).toBe(200);
    expect(t.handle.traffic.snapshot().statements - before).toBeLessThanOrEqual(6);
    expect(await pickupOf()).toMatchObject({ status: 'courier_assigned', courier: { name: '李师傅', phone: '13900001111' } });

    before = t.handle.traffic.snapshot().statements;
    expect((await kd.pickupEvent(number, '2', { courierName: '李师傅', courierMobile: '13900001111' })).status).toBe(200);
    expect((await kd.pickupEvent(number, '1')).status).toBe(200);
    expect(t.handle.traffic.snapshot().statements - before).toBeLessThanOrEqual(8);
    expect(await eventsOf()).toEqual(['carrier.pickup_accepted', 'carrier.pickup_courier_assigned']);
    expect((await caseOf(cn, caseId)).status).toBe('approved');
  });

  it('picked up: the case moves to in_transit by the carrier', async () => {
    expect((await kd.pickupEvent(number, '10')).status).toBe(200);
    const c = await caseOf(cn, caseId);
    expect(c.status).toBe('in_transit');
    const shipped = c.timeline.find((e: { type: string }) => e.type === 'case.buyer_shipped');
    expect(shipped.actor.kind).toBe('system');
    expect(await pickupOf()).toMatchObject({ status: 'picked_up', courier: { name: '李师傅' } });
    // A cancellation after the pickup is not believed.
    expect((await kd.pickupEvent(number, '99')).status).toBe(200);
    expect((await pickupOf()).status).toBe('picked_up');
    expect(await eventsOf()).toEqual(['carrier.pickup_accepted', 'carrier.pickup_courier_assigned', 'carrier.pickup_picked_up']);
  });

  it('cancelled by the carrier: the case is flagged, and a new pickup can be booked', async () => {
    const id = await approvedReturn(cn);
    const booked = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    expect((await kd.pickupEvent(booked.body.trackingNumber, '1')).status).toBe(200);
    expect((await kd.pickupEvent(booked.body.trackingNumber, '99', { message: '快递员无法上门' })).status).toBe(200);
    const c = await caseOf(cn, id);
    expect(c.status).toBe('approved');
    expect(c.needsReview).toBe(true);
    const cancelled = c.timeline.find((e: { type: string }) => e.type === 'carrier.pickup_cancelled');
    expect(cancelled.actor.kind).toBe('system');
    const parcel = (await carrierOf(cn, id)).parcels[0];
    expect(parcel).toMatchObject({ status: 'cancelled', pickup: { status: 'cancelled' } });
    const again = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: cn.keys.agent, body: { method: 'pickup', ...window() } });
    expect(again.status).toBe(201);
  });

  it('a callback for a pickup Retour did not book is answered and logged, and changes nothing', async () => {
    kd.pickups.push({ kuaidicom: 'shunfeng', kuaidinum: 'SF9999999999999', counter: 999, callBackUrl: `${t.config.publicUrl}/hooks/kuaidi100/${kdConnection}`, salt: kd.salt });
    expect((await kd.pickupEvent('SF9999999999999', '1')).status).toBe(200);
    const runs = await api('GET', `/api/v1/connections/${kdConnection}/runs`, { key: cn.keys.owner });
    expect(runs.body.data[0]).toMatchObject({ trigger: 'webhook', status: 'partial' });
  });
});

describe('Kuaidi100: interception', () => {
  it('asks Kuaidi100 to intercept; the carrier’s "intercepted" scan refunds per the policy', async () => {
    const id = await approvedInterception(cn, '顺丰速运', 'SF1000000000123');
    const requested = await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: cn.keys.agent, body: {} });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ direction: 'outbound', interception: 'requested', trackingNumber: 'SF1000000000123', carrierCode: 'shunfeng' });
    expect(kd.interceptions.at(-1)).toMatchObject({ kuaidicom: 'shunfeng', kuaidinum: 'SF1000000000123', interceptType: 'RETURN', recManInfo: { printAddr: RETURN_ADDRESS_CN.addressZh } });
    const twice = await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: cn.keys.agent, body: {} });
    expect(twice.body.error.code).toBe('interception.already_requested');
    await kd.scan('SF1000000000123', '0', '运输中', '2026-11-02 08:00:00');
    expect((await caseOf(cn, id)).status).toBe('approved');
    await kd.scan('SF1000000000123', '413', '快件已拦截，退回寄件人', '2026-11-02 12:00:00');
    const c = await caseOf(cn, id);
    expect(['refund_pending', 'completed']).toContain(c.status);
    expect(c.timeline.find((e: { type: string }) => e.type === 'case.intercepted').actor.kind).toBe('system');
    expect((await carrierOf(cn, id)).parcels[0].interception).toBe('succeeded');
    // What the tracking job recorded reads in the reader's language (issue 13.14), the carrier's words inside it.
    for (const [lang, words] of [['zh-CN', '快递已拦截包裹：'], ['en', 'The carrier stopped the parcel: ']] as const) {
      const read = (await api('GET', `/api/v1/returns/${id}`, { key: cn.keys.viewer, headers: { 'accept-language': lang } })).body;
      expect(read.timeline.find((e: { type: string }) => e.type === 'case.intercepted').explanation).toBe(`${words}顺丰速运 SF1000000000123: 快件已拦截，退回寄件人`);
    }
  });

  it('a delivered parcel means the interception failed: the case offers return after delivery', async () => {
    const id = await approvedInterception(cn, '顺丰速运', 'SF1000000000456');
    expect((await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: cn.keys.agent, body: {} })).status).toBe(201);
    await kd.scan('SF1000000000456', '3', '已签收', '2026-11-02 15:00:00');
    const c = await caseOf(cn, id);
    expect(c.status).toBe('approved');
    expect(c.timeline.some((e: { type: string }) => e.type === 'carrier.interception_failed')).toBe(true);
    expect((await carrierOf(cn, id)).parcels[0].interception).toBe('failed');
    // The buyer may now send the goods back; the manual "intercepted" click stays as a fallback only.
    const shipped = await act(api, cn.keys.agent, id, 'buyer_shipped', { carrier: '中通快递', trackingNumber: '73100000000001' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('in_transit');
  });

  it('a refund-only case that is not intercepting cannot ask for it', async () => {
    const id = await approvedReturn(cn);
    const refused = await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: cn.keys.agent, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('interception.not_applicable');
    expect((await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: cn.keys.viewer, body: {} })).status).toBe(403);
  });
});

describe('typed tracking numbers', () => {
  it('checks a number typed for a known carrier against its format, and leaves other carriers alone', async () => {
    const id = await approvedReturn(cn);
    const bad = await act(api, cn.keys.agent, id, 'buyer_shipped', { carrier: '顺丰速运', trackingNumber: 'SF12' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'tracking.invalid_number', details: { carrier: 'shunfeng', example: 'SF1234567890123' } });
    const good = await act(api, cn.keys.agent, id, 'buyer_shipped', { carrier: '顺丰速运', trackingNumber: 'sf 1234 5678 90123' });
    expect(good.status).toBe(200);
    expect((await carrierOf(cn, id)).parcels[0]).toMatchObject({ trackingNumber: 'SF1234567890123', carrierCode: 'shunfeng' });
    const formats = await api('GET', '/api/v1/carriers/formats', { key: cn.keys.viewer });
    expect(formats.body.data.find((f: { code: string }) => f.code === 'UPS')).toMatchObject({ example: '1Z999AA10123456784', network: 'easypost' });
  });
});

describe('EasyPost: label, pickup, drop-off, tracking, interception', () => {
  const hook = () => `${t.baseUrl}/hooks/easypost/${epConnection}`;

  it('books a pickup: a bought return label (cheapest rate) and a pickup in the window', async () => {
    const id = await approvedReturn(us, { currency: 'USD' });
    const booked = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: us.keys.agent, body: { method: 'pickup', ...window() } });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ carrierCode: 'USPS', labelUrl: expect.stringMatching(/\.pdf$/), pickup: { confirmation: expect.stringMatching(/^WTC/) } });
    const shipment = [...ep.shipments.values()].at(-1)! as Record<string, any>;
    expect(shipment).toMatchObject({ is_return: true, to_address: { name: RETURN_ADDRESS_US.name, street1: RETURN_ADDRESS_US.addressLatin }, from_address: { name: 'Jane Doe', street1: expect.stringContaining('12 Ocean Ave') } });
    expect(ep.pickups.at(-1)).toMatchObject({ status: 'scheduled', shipment: { id: shipment.id } });
    const code = booked.body.trackingNumber as string;

    const forged = await ep.event(hook(), code, 'in_transit', 'Accepted at USPS Origin Facility', '2026-11-02T10:00:00Z', { statusDetail: 'arrived_at_origin', secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect((await caseOf(us, id)).status).toBe('approved');
    // The forged event was not stored, so the fake's tracker still holds it: the next delivery carries both scans.
    const accepted = await ep.event(hook(), code, 'out_for_delivery', 'Out for delivery', '2026-11-03T08:00:00Z');
    expect(accepted.status).toBe(200);
    expect((await caseOf(us, id)).status).toBe('in_transit');
    await ep.event(hook(), code, 'delivered', 'Delivered, front desk', '2026-11-03T15:00:00Z');
    await ep.event(hook(), code, 'delivered', 'Delivered, front desk', '2026-11-03T15:00:00Z'); // EasyPost retries: nothing twice
    const view = await carrierOf(us, id);
    expect(view.events.map((e: { status: string }) => e.status)).toEqual(['picked_up', 'out_for_delivery', 'delivered']);
    expect(view.events.filter((e: { effects: string[] }) => e.effects.includes('receipt_ready'))).toHaveLength(1);
    expect(view.parcels[0].receiptReadyAt).toEqual(expect.any(String));
  });

  it('gives a drop-off QR code where the carrier offers one', async () => {
    const id = await approvedReturn(us, { currency: 'USD' });
    const booked = await api('POST', `/api/v1/returns/${id}/carrier/booking`, { key: us.keys.agent, body: { method: 'drop_off' } });
    expect(booked.status).toBe(201);
    expect(booked.body.dropOffCode).toMatch(/-qr\.png$/);
    expect((await caseOf(us, id)).returnMethod).toBe('drop_off');
  });

  it('has no interception API: the request is manual, and the tracker’s return_to_sender confirms it', async () => {
    const id = await approvedInterception(us, 'USPS', '9400100000000000000017', 'USD');
    const requested = await api('POST', `/api/v1/returns/${id}/carrier/interception`, { key: us.keys.agent, body: {} });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ interception: 'manual', carrierCode: 'USPS' });
    expect([...ep.trackers.values()].some((x) => x.tracking_code === '9400100000000000000017')).toBe(true);
    await ep.event(hook(), '9400100000000000000017', 'return_to_sender', 'Return to sender per shipper request', '2026-11-02T12:00:00Z');
    expect(['refund_pending', 'completed']).toContain((await caseOf(us, id)).status);
  });
});
