import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { createReturnAddress } from '../../src/services/return-addresses/return-addresses.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { pdfText } from '../helpers/pdf-text.js';
import { portalOrder, portalToken } from '../helpers/portal.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Issue 13, point 1: a return-address book per shop (exactly one default), chosen on approval,
 * copied onto the case (later edits do not change it), shown to the buyer in the portal and in
 * the approval e-mail.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'addr-a');
  other = await createTestShop(t.ctx, 'addr-b');
});
afterAll(() => t.close());

const HANGZHOU = { name: '退货组 王仓管', phone: '0571-88880000', addressZh: '浙江省杭州市余杭区文一西路969号 3号仓', addressLatin: 'Warehouse 3, 969 Wenyi West Rd, Yuhang, Hangzhou, Zhejiang, China', postalCode: '311121', warehouse: '杭州仓' };
const SHANGHAI = { name: 'Returns desk', phone: '021-5555 0000', addressZh: '上海市浦东新区张江路88号', warehouse: '上海仓' };
const list = async (key = shop.keys.viewer) => (await api('GET', '/api/v1/return-addresses', { key })).body.data;

describe('the return-address book', () => {
  it("a new shop's first addresses, added at once, leave exactly one default", async () => {
    // An empty book has no rows to lock: the first additions race for the default.
    // Connections opened first, so the additions really run side by side.
    await Promise.all(Array.from({ length: 10 }, () => t.ctx.db.execute(sql`select pg_sleep(0.01)`)));
    for (let round = 0; round < 3; round++) {
      const fresh = await createTestShop(t.ctx, `addresses-race-${round}`);
      await Promise.all(Array.from({ length: 10 }, (_, i) => createReturnAddress(t.ctx, fresh.id, { ...SHANGHAI, name: `Returns desk ${i}` })));
      const book = (await api('GET', '/api/v1/return-addresses', { key: fresh.keys.owner })).body.data;
      expect(book).toHaveLength(10);
      expect(book.filter((a: any) => a.isDefault)).toHaveLength(1);
    }
  });

  it('keeps exactly one default: the first address, then the one chosen, then the heir of a deleted default', async () => {
    expect(await list()).toEqual([]);
    const first = await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: HANGZHOU });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ ...HANGZHOU, isDefault: true });
    const second = await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: SHANGHAI });
    expect(second.body).toMatchObject({ isDefault: false, addressLatin: null });

    const moved = await api('PATCH', `/api/v1/return-addresses/${second.body.id}`, { key: shop.keys.owner, body: { isDefault: true } });
    expect(moved.body.isDefault).toBe(true);
    expect((await list()).map((a: any) => [a.id, a.isDefault])).toEqual([[second.body.id, true], [first.body.id, false]]);

    const undefault = await api('PATCH', `/api/v1/return-addresses/${second.body.id}`, { key: shop.keys.owner, body: { isDefault: false } });
    expect(undefault.status).toBe(422);
    expect(undefault.body.error.code).toBe('return_address.default_required');

    expect((await api('DELETE', `/api/v1/return-addresses/${second.body.id}`, { key: shop.keys.owner })).status).toBe(204);
    expect((await list()).map((a: any) => [a.id, a.isDefault])).toEqual([[first.body.id, true]]);
  });

  it('refuses incomplete addresses, other shops and roles that may not manage the shop', async () => {
    const bad = await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { name: 'X', phone: '1' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('return_address.address_required');
    expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { ...SHANGHAI, name: '' } })).status).toBe(400);
    expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: { ...SHANGHAI, extra: 1 } })).status).toBe(400);
    expect((await api('POST', '/api/v1/return-addresses', { key: shop.keys.agent, body: SHANGHAI })).status).toBe(403);
    const [mine] = await list();
    expect((await api('PATCH', `/api/v1/return-addresses/${mine.id}`, { key: other.keys.owner, body: { phone: '1' } })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/return-addresses/${mine.id}`, { key: other.keys.owner })).status).toBe(404);
    expect(await list(other.keys.viewer)).toEqual([]);
  });
});

describe('approving with a return address', () => {
  it('stores the chosen address on the case (or the default) and mails it to the buyer', async () => {
    const [hangzhou] = await list();
    const shanghai = (await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: SHANGHAI })).body;

    const request = async () => {
      const order = await placeOrder(api, shop.keys.manager);
      const created = await api('POST', '/api/v1/returns', { key: shop.keys.agent, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    const byDefault = await request();
    expect((await act(api, shop.keys.agent, byDefault, 'approve')).status).toBe(200);
    const chosen = await request();
    const approved = await act(api, shop.keys.agent, chosen, 'approve', { returnAddressId: shanghai.id });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const foreign = (await api('POST', '/api/v1/return-addresses', { key: other.keys.owner, body: SHANGHAI })).body;
    const refused = await act(api, shop.keys.agent, await request(), 'approve', { returnAddressId: foreign.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('return_address.not_found');

    // Later edits of the book do not change the cases approved before.
    await api('PATCH', `/api/v1/return-addresses/${hangzhou.id}`, { key: shop.keys.owner, body: { addressZh: '浙江省杭州市滨江区新地址1号' } });
    await api('DELETE', `/api/v1/return-addresses/${shanghai.id}`, { key: shop.keys.owner });
    const first = (await api('GET', `/api/v1/returns/${byDefault}`, { key: shop.keys.viewer })).body;
    expect(first.returnAddress).toMatchObject({ id: hangzhou.id, addressZh: HANGZHOU.addressZh, name: HANGZHOU.name });
    const second = (await api('GET', `/api/v1/returns/${chosen}`, { key: shop.keys.viewer })).body;
    expect(second.returnAddress).toMatchObject({ id: shanghai.id, addressZh: SHANGHAI.addressZh, warehouse: '上海仓' });

    // The approval e-mail names the address (the order is in Chinese).
    while ((await dispatchOutbox(t.ctx)) > 0);
    const mails = (await api('GET', `/api/v1/dev-mailbox?caseId=${chosen}`, { key: shop.keys.owner })).body.data;
    const approval = mails.find((m: any) => m.template === 'approved');
    expect(approval.text).toContain(`退货地址：${SHANGHAI.name} ${SHANGHAI.phone}, ${SHANGHAI.addressZh}`);
  });
});

describe('the return address on paper', () => {
  it('prints the address the case was approved with on the label and on the packing slip, in the buyer’s language', async () => {
    const chengdu = { name: '售后组 陈师傅', phone: '028-6666 1234', addressZh: '四川省成都市高新区天府大道1700号 B座退货仓', addressLatin: 'Returns, Block B, 1700 Tianfu Ave, Chengdu, Sichuan, China', postalCode: '610041' };
    const address = (await api('POST', '/api/v1/return-addresses', { key: shop.keys.owner, body: chengdu })).body;
    const order = await portalOrder(t, api, shop);
    const headers = { authorization: `Bearer ${await portalToken(api, shop.slug, order)}` };
    const created = await api('POST', '/portal/v1/returns', {
      headers,
      body: { items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }], resolution: 'refund', returnMethod: 'drop_off' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await act(api, shop.keys.agent, created.body.id, 'approve', { returnAddressId: address.id })).status).toBe(200);

    const label = async (lang: string) => {
      const res = await fetch(`${t.baseUrl}/portal/v1/returns/${created.body.id}/label.pdf?lang=${lang}`, { headers });
      expect(res.status).toBe(200);
      return pdfText(Buffer.from(await res.arrayBuffer()));
    };
    const zh = await label('zh-CN');
    // The label's 退回至 block: the shop, the person and phone, both forms of the address, the postcode.
    const block = zh.slice(zh.indexOf('退回至'));
    // Nothing of it is cut off (pdfkit ends a text that does not fit with "…"), and the RMA line still follows it.
    const text = block.join('').replace(/\s+/g, ' ');
    expect(text).toContain(`${chengdu.name} ${chengdu.phone}`);
    expect(text).toContain(`${chengdu.addressZh}`);
    expect(text).toContain(`${chengdu.addressLatin} ${chengdu.postalCode}`);
    expect(text).toContain(`退货单号 ${created.body.rmaNumber}`);
    // The packing slip (inside the parcel) names it too, in the buyer's script, whole.
    expect(zh.join('').replace(/\s+/g, ' ')).toContain(`退回至: ${chengdu.name} ${chengdu.phone} · ${chengdu.addressZh} ${chengdu.postalCode}`);
    expect(zh.join('')).not.toContain('…');
    const en = (await label('en')).join('').replace(/\s+/g, ' ');
    expect(en).toContain(`Return to${'Shop addr-a'}`);
    expect(en).toContain(`${chengdu.addressLatin} ${chengdu.postalCode}`);
    expect(en).toContain(`Return to: ${chengdu.name} ${chengdu.phone} · ${chengdu.addressLatin} ${chengdu.postalCode}`);
    expect(en).not.toContain('…');
  });
});
