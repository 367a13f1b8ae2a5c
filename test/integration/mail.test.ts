import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueMail } from '../../src/worker/jobs/mail.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

interface Delivered {
  from: string;
  to: string[];
  raw: string;
}

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
let smtp: SMTPServer;
const inbox: Delivered[] = [];
let refuse = false;

beforeAll(async () => {
  // A real SMTP server inside the test: Retour speaks SMTP to it through nodemailer.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error('mailbox full'), { responseCode: 452 }));
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Retour Test <returns@shop.test>' });
  shop = await createTestShop(t.ctx, 'mail');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function deliverMail() {
  while ((await dispatchOutbox(t.ctx)) > 0);
  await sendDueMail(t.ctx);
}

const parsed = async (i: number) => simpleParser(inbox[i]!.raw);

describe('e-mail to buyers over SMTP', () => {
  it('tells a Chinese buyer each step in Chinese, and an English buyer in English, with people’s words escaped', async () => {
    const order = await placeOrder(api, shop.keys.manager, {
      overrides: { customer: { externalId: 'mail-zh', name: '林<b>静</b>', email: 'lin.jing@example.cn' }, locale: 'zh-CN' },
    });
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    const id = created.body.id;
    await act(api, shop.keys.agent, id, 'approve');
    await deliverMail();
    expect(inbox.map((m) => m.to)).toEqual([['lin.jing@example.cn'], ['lin.jing@example.cn']]);
    const received = await parsed(0);
    expect(received.subject).toBe(`【Shop mail】已收到您的售后申请 ${created.body.rmaNumber}`);
    expect(received.from?.text).toContain('returns@shop.test');
    expect(received.html).toContain('林&lt;b&gt;静&lt;/b&gt;');
    expect(received.html).not.toContain('<b>静</b>');
    const approved = await parsed(1);
    expect(approved.subject).toContain('已同意');
    expect(approved.text).toMatch(/请在 .* 前寄出/);

    await act(api, shop.keys.agent, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: 'SF998877' });
    expect((await act(api, shop.keys.warehouse, id, 'receive')).body.status).toBe('received');
    await deliverMail();
    const templates = (await api('GET', `/api/v1/dev-mailbox?caseId=${id}`, { key: shop.keys.owner })).body.data.map((m: any) => [m.template, m.transport, m.status]);
    expect(templates[0]).toEqual(['goods_received', 'smtp', 'sent']);
    expect((await parsed(inbox.length - 1)).subject).toContain('已收到您退回的商品');

    const en = await placeOrder(api, shop.keys.manager, { shipped: false, overrides: { customer: { externalId: 'mail-en', name: 'Emma Clark', email: 'emma@example.com' }, locale: 'en' } });
    const refund = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: en.id, type: 'refund_only', items: [{ lineId: en.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    await act(api, shop.keys.agent, refund.body.id, 'approve');
    await deliverMail();
    const last = await parsed(inbox.length - 1);
    expect(last.subject).toMatch(/^Shop mail: CN¥[\d,]+\.\d\d refunded$/);
    expect(last.text).toContain(`to your original payment method`);
    // The link opens the portal on this return with the order number filled in (issue 13.5).
    expect(last.text).toContain(`/portal/mail/returns/${refund.body.id}?order=`);
  });

  it('retries when the SMTP server refuses, and sends once it accepts', async () => {
    refuse = true;
    const order = await placeOrder(api, shop.keys.manager);
    await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    const before = inbox.length;
    await deliverMail();
    let [m] = (await api('GET', '/api/v1/dev-mailbox?limit=1', { key: shop.keys.owner })).body.data;
    expect(m).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('mailbox full') });
    refuse = false;
    await sendDueMail(t.ctx);
    expect(inbox).toHaveLength(before);
    t.clock.advance(61_000);
    await sendDueMail(t.ctx);
    [m] = (await api('GET', '/api/v1/dev-mailbox?limit=1', { key: shop.keys.owner })).body.data;
    expect(m).toMatchObject({ status: 'sent', attempts: 2 });
    expect(inbox).toHaveLength(before + 1);
  });
});
