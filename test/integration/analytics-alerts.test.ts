import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { evaluateQualityRefundAlerts } from '../../src/services/analytics/alerts.js';
import { runAnalyticsJobs } from '../../src/worker/jobs/analytics.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'alerts');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
});
afterAll(() => t.close());

const outbox = () =>
  queryRows<{ event_type: string; payload: any }>(t.ctx.db, sql`select event_type, payload from outbox where shop_id = ${shop.id} and event_type = 'analytics.quality_refund_rate' order by created_at, id`);
const mails = () =>
  queryRows<{ to_address: string; subject: string; text: string; template: string; status: string; outbox_id: string }>(
    t.ctx.db,
    sql`select to_address, subject, text, template, status, outbox_id from mail_messages where shop_id = ${shop.id} order by created_at, id`,
  );

async function qualityRefund() {
  // Delivered, and the buyer keeps the faulty mug: refunded without the goods coming back.
  const order = await placeOrder(api, shop.keys.manager);
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await act(api, shop.keys.agent, created.body.id, 'approve')).body.status).toBe('completed');
}

describe('quality refund rate alerts', () => {
  it('stay quiet while the rate is under the thresholds', async () => {
    for (let i = 0; i < 3; i++) await placeOrder(api, shop.keys.manager);
    const [outcome] = (await evaluateQualityRefundAlerts(t.ctx)).filter((o) => o.shopId === shop.id);
    expect(outcome).toMatchObject({ level: 'ok', rateBp: 0, alerted: false });
    expect(await outbox()).toEqual([]);
  });

  it('alert once when the rate crosses the limit: a webhook event and an e-mail to the owner, in one transaction', async () => {
    await qualityRefund();
    const run = await runAnalyticsJobs(t.ctx);
    expect(run.folded).toBeGreaterThan(0);
    const outcome = run.alerts.find((o) => o.shopId === shop.id)!;
    // 1 quality refund over 4 paid orders in the 30-day window: 25 %, over the 1.5 % limit.
    expect(outcome).toMatchObject({ level: 'limit', rateBp: 2500, alerted: true });
    const events = await outbox();
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ type: 'analytics.quality_refund_rate', shopId: shop.id, data: { level: 'limit', rateBp: 2500, paidOrders: 4, qualityRefundedCases: 1, thresholds: { warnAtBp: 100, limitBp: 150 }, previousLevel: 'ok' } });
    const [mail] = await mails();
    expect(mail).toMatchObject({ to_address: shop.ownerEmail, template: 'analytics.quality_refund_rate', status: 'pending' });
    expect(mail!.subject).toMatch(/品质退款率.*25\.00%/);
    const api2 = await api('GET', '/api/v1/analytics/quality-refund-rate', { key: shop.keys.viewer });
    expect(api2.body).toMatchObject({ level: 'limit', lastAlert: { level: 'limit' } });

    // Evaluated again at the same level: nothing new.
    expect((await evaluateQualityRefundAlerts(t.ctx)).find((o) => o.shopId === shop.id)).toMatchObject({ level: 'limit', alerted: false });
    expect(await outbox()).toHaveLength(1);
  });

  it('re-arms when the rate is back to ok, and alerts on the next rise', async () => {
    for (let i = 0; i < 100; i++) await placeOrder(api, shop.keys.manager);
    expect((await evaluateQualityRefundAlerts(t.ctx)).find((o) => o.shopId === shop.id)).toMatchObject({ level: 'ok', alerted: false });
    await qualityRefund();
    // 2 over 105 paid orders: 1.90 %, over the limit again.
    expect((await evaluateQualityRefundAlerts(t.ctx)).find((o) => o.shopId === shop.id)).toMatchObject({ level: 'limit', rateBp: 190, alerted: true });
    expect(await outbox()).toHaveLength(2);
    expect(await mails()).toHaveLength(2);
  });
});
