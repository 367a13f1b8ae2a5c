import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/services/automation/dispatch-outbox.js';
import { createReturnAddress } from '../../src/services/return-addresses/return-addresses.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
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
