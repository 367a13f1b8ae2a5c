import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueMail } from '../../src/worker/jobs/mail.js';
import { sendDueSms } from '../../src/worker/jobs/sms.js';
import { queueShipReminders } from '../../src/worker/jobs/ship-reminders.js';
import { queryRows } from '../../src/db/client.js';
import { sql } from 'drizzle-orm';
import { FakeAliyunSms, FakeTencentSms, FakeTwilio } from '../helpers/fake-sms.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 20 and 13.5 end to end: a case's notifications go through each SMS provider's local
 * server (speaking its documented request, signature and reply) or by e-mail, per the buyer's
 * contact, the shop's preference and the buyer's opt-outs; a failed send is retried once and
 * delivered once; delivery receipts land on the case timeline.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
const aliyun = new FakeAliyunSms();
const tencent = new FakeTencentSms();
const twilio = new FakeTwilio();
const TOKEN = 'receipt-token-0123456789';

beforeAll(async () => {
  await Promise.all([aliyun.start(), tencent.start(), twilio.start()]);
  t = await startTestApp();
  api = client(t.baseUrl);
});
afterAll(async () => {
  await t.close();
  await Promise.all([aliyun.stop(), tencent.stop(), twilio.stop()]);
});

async function deliver() {
  while ((await dispatchOutbox(t.ctx)) > 0);
  await sendDueMail(t.ctx);
  await sendDueSms(t.ctx);
}

async function connect(shop: TestShop, body: Record<string, unknown>) {
  const res = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function openCase(shop: TestShop, customer: Record<string, unknown>, locale: string, currency = 'CNY') {
  const order = await placeOrder(api, shop.keys.manager, { overrides: { customer, locale, currency, number: `N${Date.now()}${Math.floor(Math.random() * 1000)}` } });
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: currency === 'USD' ? 'changed_mind' : 'no_longer_needed' }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { order, id: created.body.id as string, rma: created.body.rmaNumber as string };
}

const outbox = async (shop: TestShop, caseId: string) => (await api('GET', `/api/v1/dev-outbox?caseId=${caseId}`, { key: shop.keys.owner })).body.data as any[];
const mailbox = async (shop: TestShop, caseId: string) => (await api('GET', `/api/v1/dev-mailbox?caseId=${caseId}`, { key: shop.keys.owner })).body.data as any[];
const timeline = async (shop: TestShop, caseId: string) => (await api('GET', `/api/v1/returns/${caseId}`, { key: shop.keys.owner })).body.timeline as any[];

describe('buyer notifications by SMS and e-mail', () => {
  it('Aliyun: a Chinese buyer with only a phone gets each step by SMS with the seller’s template codes; a failed send is retried once and sent once; the receipt is recorded; opt-out is honoured', async () => {
    const shop = await createTestShop(t.ctx, 'sms-aliyun');
    const connectionId = await connect(shop, {
      kind: 'aliyun_sms',
      name: '阿里云短信',
      credentials: { accessKeyId: aliyun.accessKeyId, accessKeySecret: aliyun.accessKeySecret, callbackToken: TOKEN },
      settings: { signName: '小店', baseUrl: aliyun.url },
    });
    // The seller's templates: validated (an unknown variable is named), then saved with Aliyun's template codes.
    const bad = await api('PUT', '/api/v1/notification-templates/request_received/zh-CN/sms', { key: shop.keys.owner, body: { body: '退款 {refundAmount}', templateCode: 'SMS_1' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('notification.template_invalid');
    expect(bad.body.error.details.issues[0]).toMatchObject({ field: 'body', code: 'unknown_variable' });
    for (const [step, code] of [['request_received', 'SMS_100001'], ['approved', 'SMS_100002'], ['shop_message', 'SMS_100003'], ['ship_reminder', 'SMS_100004']]) {
      const saved = await api('PUT', `/api/v1/notification-templates/${step}/zh-CN/sms`, { key: shop.keys.owner, body: { body: '您的售后 {rmaNumber} 有更新：{caseUrl}', templateCode: code } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }

    const c = await openCase(shop, { externalId: 'sms-zh-1', name: '林静', phone: '138 0013 8000' }, 'zh-CN');
    expect((await act(api, shop.keys.agent, c.id, 'approve')).status).toBe(200);
    aliyun.failNext = 1;
    await deliver();
    // One of the two failed at Aliyun (flow control) and waits; nothing went by e-mail.
    expect(aliyun.rejected).toEqual(['failure']);
    expect(aliyun.sent).toHaveLength(1);
    expect(await mailbox(shop, c.id)).toEqual([]);
    let texts = await outbox(shop, c.id);
    expect(texts.map((m) => m.status).sort()).toEqual(['pending', 'sent']);
    expect(texts.find((m) => m.status === 'pending')).toMatchObject({ attempts: 1, lastError: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') });
    await sendDueSms(t.ctx); // not due yet
    expect(aliyun.sent).toHaveLength(1);
    t.clock.advance(61_000);
    await sendDueSms(t.ctx);
    await sendDueSms(t.ctx);
    expect(aliyun.sent).toHaveLength(2);
    texts = await outbox(shop, c.id);
    expect(texts.map((m) => [m.step, m.status, m.toPhone, m.transport]).sort()).toEqual([
      ['approved', 'sent', '+8613800138000', 'aliyun_sms'],
      ['request_received', 'sent', '+8613800138000', 'aliyun_sms'],
    ]);
    expect(texts.map((m) => m.attempts).sort()).toEqual([1, 2]);
    // What Aliyun got: the mainland number without +86, the step's template code, its variables by name.
    const approved = aliyun.sent.find((s) => s.templateCode === 'SMS_100002')!;
    expect(approved.to).toBe('13800138000');
    expect(approved.params).toEqual({ rmaNumber: c.rma, caseUrl: expect.stringMatching(new RegExp(`/portal/sms-aliyun/returns/${c.id}\\?order=N`)) });

    // Aliyun's SmsReport: a wrong token is refused; the right one settles the message and shows on the timeline.
    const report = JSON.stringify(aliyun.report(approved.id, true));
    expect((await api('POST', `/hooks/sms/${connectionId}?token=wrong-token-0000000000`, { rawBody: report, headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const ok = await api('POST', `/hooks/sms/${connectionId}?token=${TOKEN}`, { rawBody: report, headers: { 'content-type': 'application/json' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ code: 0, msg: '成功' });
    // A repeated report changes nothing.
    expect((await api('POST', `/hooks/sms/${connectionId}?token=${TOKEN}`, { rawBody: report, headers: { 'content-type': 'application/json' } })).status).toBe(200);
    expect((await outbox(shop, c.id)).find((m) => m.step === 'approved')).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    const events = (await timeline(shop, c.id)).filter((e) => e.type.startsWith('notification.'));
    expect(events.map((e) => [e.type, e.payload.step]).sort()).toEqual([
      ['notification.delivered', 'approved'],
      ['notification.sent', 'approved'],
      ['notification.sent', 'request_received'],
    ]);
    expect(events[0].payload.to).toBe('+86138****8000');

    // The buyer opts out of SMS from the portal (found by phone): the shop's next message is not texted.
    const session = await api('POST', '/portal/v1/sessions', { body: { shopSlug: 'sms-aliyun', orderNumber: (await api('GET', `/api/v1/orders/${c.order.id}`, { key: shop.keys.owner })).body.number, phone: '13800138000' } });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const portal = { authorization: `Bearer ${session.body.token}` };
    const out = await api('POST', '/portal/v1/notifications/sms/opt-out', { headers: portal });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.data).toEqual([{ channel: 'sms', address: '+86138****8000', optedOut: true }]);
    expect((await act(api, shop.keys.agent, c.id, 'message', { body: '请用顺丰寄回' })).status).toBe(200);
    await deliver();
    expect(aliyun.sent).toHaveLength(2);
    expect((await outbox(shop, c.id)).map((m) => m.step)).not.toContain('shop_message');
    // …and opts in again: the next one is.
    expect((await api('POST', '/portal/v1/notifications/sms/opt-in', { headers: portal })).body.data[0].optedOut).toBe(false);
    expect((await act(api, shop.keys.agent, c.id, 'message', { body: '收到请回复' })).status).toBe(200);
    await deliver();
    expect(aliyun.sent.map((s) => s.templateCode)).toContain('SMS_100003');

    // A day before the ship-back deadline the buyer is reminded, once however often the job runs.
    const [deadline] = await queryRows<{ dueAt: string | Date }>(t.ctx.db, sql`select due_at as "dueAt" from deadlines where case_id = ${c.id} and kind = 'buyer_ship' and status = 'pending'`);
    const before = t.clock.now();
    t.clock.set(new Date(new Date(deadline!.dueAt).getTime() - 12 * 3600_000));
    expect(await queueShipReminders(t.ctx)).toBe(1);
    expect(await queueShipReminders(t.ctx)).toBe(0);
    await deliver();
    const reminder = aliyun.sent.filter((s) => s.templateCode === 'SMS_100004');
    expect(reminder).toHaveLength(1);
    t.clock.set(before);
  });

  it('Tencent: with both contacts the shop’s preference picks SMS, positional parameters, a status callback, a message and an offer from the shop, and the daily cap', async () => {
    const shop = await createTestShop(t.ctx, 'sms-tencent');
    const connectionId = await connect(shop, {
      kind: 'tencent_sms',
      name: '腾讯云短信',
      credentials: { secretId: tencent.secretId, secretKey: tencent.secretKey, callbackToken: TOKEN },
      settings: { smsSdkAppId: '1400000001', signName: '小店', baseUrl: tencent.url },
    });
    expect((await api('PATCH', '/api/v1/notification-settings', { key: shop.keys.owner, body: { channelPreference: 'sms' } })).body).toEqual({ channelPreference: 'sms', smsDailyCap: 1000 });
    await api('PUT', '/api/v1/notification-templates/offer/zh-CN/sms', { key: shop.keys.owner, body: { body: '【{shopName}】{rmaNumber} 商家提出退款 {offerAmount}，请回复：{caseUrl}', templateCode: '2000003' } });
    await api('PUT', '/api/v1/notification-templates/request_received/zh-CN/sms', { key: shop.keys.owner, body: { body: '{rmaNumber} 已收到 {caseUrl}', templateCode: '2000001' } });

    const c = await openCase(shop, { externalId: 'sms-zh-2', name: '王芳', email: 'wang@example.cn', phone: '+86 139 0000 1234' }, 'zh-CN');
    expect((await act(api, shop.keys.agent, c.id, 'offer_partial', { amountMinor: 1500, message: '商品可留下' })).status).toBe(200);
    await deliver();
    expect(await mailbox(shop, c.id)).toEqual([]);
    expect(tencent.rejected).toEqual([]);
    expect(tencent.sent.map((s) => [s.to, s.templateCode])).toEqual([
      ['+8613900001234', '2000001'],
      ['+8613900001234', '2000003'],
    ]);
    expect(tencent.sent[1]!.params).toEqual(['Shop sms-tencent', c.rma, '¥15.00', expect.stringContaining(`/returns/${c.id}?order=`)]);

    // The editor's preview: the seller's draft filled from this real case, its problems beside it.
    const preview = await api('POST', '/api/v1/notification-templates/preview', {
      key: shop.keys.owner,
      body: { step: 'offer', locale: 'zh-CN', channel: 'sms', body: '{rmaNumber} 退款 {offerAmount} {caseUrl} https://x.cn', caseId: c.id },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rmaNumber: c.rma, text: expect.stringContaining(`${c.rma} 退款 ¥15.00`), segments: Math.ceil(preview.body.length / 67), issues: [{ code: 'too_many_links' }] });

    const report = JSON.stringify(tencent.report(tencent.sent[1]!.id, false));
    const ok = await api('POST', `/hooks/sms/${connectionId}?token=${TOKEN}`, { rawBody: report, headers: { 'content-type': 'application/json' } });
    expect(ok.body).toEqual({ result: 0, errmsg: 'OK' });
    expect((await outbox(shop, c.id)).find((m) => m.step === 'offer')).toMatchObject({ status: 'undelivered', lastError: expect.stringContaining('空号') });
    expect((await timeline(shop, c.id)).some((e) => e.type === 'notification.undelivered' && e.payload.step === 'offer')).toBe(true);

    // The daily cap: once reached, the next message waits for the shop's next day instead of going out.
    await api('PATCH', '/api/v1/notification-settings', { key: shop.keys.owner, body: { smsDailyCap: 2 } });
    expect((await act(api, shop.keys.agent, c.id, 'message', { body: '还在吗？' })).status).toBe(200);
    await deliver();
    expect(tencent.sent).toHaveLength(2);
    expect((await outbox(shop, c.id)).find((m) => m.step === 'shop_message')).toMatchObject({ status: 'pending', lastError: expect.stringContaining('daily cap') });
  });

  it('Twilio and e-mail: an English buyer with only an e-mail is mailed (shop messages too, linking to the case); one with only a phone is texted, and only a signed status callback counts', async () => {
    const shop = await createTestShop(t.ctx, 'sms-twilio', 'USD');
    const connectionId = await connect(shop, {
      kind: 'twilio',
      name: 'Twilio',
      credentials: { accountSid: twilio.accountSid, authToken: twilio.authToken },
      settings: { from: '+14155550100', baseUrl: twilio.url },
    });
    const mailed = await openCase(shop, { externalId: 'sms-en-1', name: 'Emma Clark', email: 'emma@example.com' }, 'en', 'USD');
    expect((await act(api, shop.keys.agent, mailed.id, 'message', { body: 'Please use the prepaid label.' })).status).toBe(200);
    expect((await act(api, shop.keys.agent, mailed.id, 'reject', { reason: 'Outside the return window', reasonCode: 'other' })).status).toBeLessThan(300);
    await deliver();
    expect(await outbox(shop, mailed.id)).toEqual([]);
    const mails = await mailbox(shop, mailed.id);
    expect(mails.map((m) => m.template).sort()).toEqual(['rejected', 'request_received', 'shop_message']);
    const message = mails.find((m) => m.template === 'shop_message');
    expect(message.subject).toBe(`Shop sms-twilio: a new message about return ${mailed.rma}`);
    expect(message.text).toContain('Please use the prepaid label.');
    expect(message.text).toContain(`/portal/sms-twilio/returns/${mailed.id}?order=`);
    expect(mails.find((m) => m.template === 'rejected').text).toContain('Outside the return window');

    const texted = await openCase(shop, { externalId: 'sms-en-2', name: 'Sam Lee', phone: '+1 (415) 555-2671' }, 'en', 'USD');
    await deliver();
    expect(twilio.sent).toHaveLength(1);
    expect(twilio.sent[0]).toMatchObject({ to: '+14155552671', body: expect.stringContaining(`we received return request ${texted.rma}`), statusCallback: `${t.config.publicUrl}/hooks/sms/${connectionId}` });
    const forged = twilio.statusCallback(twilio.sent[0]!.id, 'delivered', { forge: true });
    const path = new URL(forged.url).pathname;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await api('POST', path, { rawBody: forged.body, headers: { ...form, 'x-twilio-signature': forged.signature } })).status).toBe(401);
    const signed = twilio.statusCallback(twilio.sent[0]!.id, 'delivered');
    expect((await api('POST', path, { rawBody: signed.body, headers: { ...form, 'x-twilio-signature': signed.signature } })).status).toBe(200);
    expect((await outbox(shop, texted.id))[0]).toMatchObject({ status: 'delivered', transport: 'twilio' });
  });
});
