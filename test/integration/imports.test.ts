import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'import-shop');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

function upload(csv: string, key = shop.keys.manager) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'orders.csv');
  return api('POST', '/api/v1/imports', { key, rawBody: form });
}

const HEADER = 'order_id,channel,placed_at,currency,customer_email,customer_name,sku,title,quantity,unit_price,line_discount,order_discount,shipping_fee,delivered_at,size,colour,custom_made';

describe('CSV order import', () => {
  it('a NUL in a cell is rejected naming its line and column, never with SQL or internal ids (issue 14.5)', async () => {
    const csv = [HEADER, 'N-1,web,2026-10-02 12:00,CNY,n@example.com,N,SKU-N,Thi\u0000ng,1,10.00,,,,,,,', 'N-2,web,2026-10-02 12:00,CNY,m@example.com,M,SKU-M,Fine,1,10.00,,,,,,,'].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body.orders).toEqual({ created: 1, updated: 0, rejected: 1 });
    expect(res.body.errors).toEqual([{ line: 2, orderId: 'N-1', code: 'import.cell_invalid', message: 'Line 2, column title: contains a NUL character' }]);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/insert|select|params|\$1/i);
    expect(text).not.toContain(shop.id);
  });

  it('imports good orders, rejects bad ones with their line numbers and writes nothing of them', async () => {
    const csv = [
      HEADER,
      'A-1,taobao,2026-10-01 10:00,CNY,a@example.cn,张三,TS-M,T恤 M,2,79.00,,10.00,0,2026-10-03 12:00,M,黑色,',
      'A-1,taobao,,,,,MUG,马克杯,1,49,,,,,,,',
      'A-2,web,2026-10-02T09:00:00Z,CNY,"b@example.com","Smith, Ann",NECK-1,"Engraved ""Ann"" necklace",1,369.00,20.00,,10.00,,,,true',
      'A-3,web,2026-10-02 11:00,CNY,c@example.com,C,SKU-3,Thing,1,12.345,,,,,,,',
      'A-4,web,2026-10-02 11:00,CNY,d@example.com,D,SKU-4,Thing,1,10.00,,,,,,,',
      'A-4,web,2026-10-02 11:00,CNY,d@example.com,D,SKU-5,Other,0,10.00,,,,,,,',
      'A-5,web,2026-10-02 12:00,CNY,e@example.com,E,SKU-6,Thing,1,10.00,,,,,,,',
      'A-5,web,2026-10-03 12:00,CNY,e@example.com,E,SKU-7,Other,1,10.00,,,,,,,',
      'A-6,web,not a date,CNY,f@example.com,F,SKU-8,Thing,1,10.00,,,,,,,',
      'A-7,web,2026-10-02 12:00,EUR,g@example.com,G,SKU-9,Thing,1,10.00,,,,,,,',
      'A-1,taobao,2026-10-01 10:00,CNY,a@example.cn,张三,TS-L,T恤 L,1,79.00,,,,,,,',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.rows).toBe(11);
    expect(s.orders).toEqual({ created: 2, updated: 0, rejected: 6 });
    expect(s.lines).toBe(3);
    expect(s.errors.map((e: any) => [e.line, e.orderId, e.code])).toEqual([
      [5, 'A-3', 'import.amount_invalid'],
      [7, 'A-4', 'import.quantity_invalid'],
      [9, 'A-5', 'import.order_columns_differ'],
      [10, 'A-6', 'import.time_invalid'],
      [11, 'A-7', 'order.currency_not_accepted'],
      [12, 'A-1', 'import.order_not_consecutive'],
    ]);
    const a1 = (await api('GET', '/api/v1/orders?number=A-1', { key: shop.keys.viewer })).body.data[0];
    const full = (await api('GET', `/api/v1/orders/${a1.id}`, { key: shop.keys.viewer })).body;
    expect(full.lines.map((l: any) => [l.sku, l.quantity, l.unitPriceMinor, l.paidMinor])).toEqual([
      // 1000 off shared over 15800 and 4900: 763.28 and 236.71, the left-over unit to the larger remainder.
      ['TS-M', 2, 7900, 15800 - 763],
      ['MUG', 1, 4900, 4900 - 237],
    ]);
    expect(full.status).toBe('delivered');
    expect(full.placedAt).toBe('2026-10-01T02:00:00.000Z'); // shop time zone Asia/Shanghai
    const a2 = (await api('GET', '/api/v1/orders?number=A-2', { key: shop.keys.viewer })).body.data[0];
    expect(a2.customer.name).toBe('Smith, Ann');
    expect(a2.amounts.totalMinor).toBe(36900 - 2000 + 1000);
    for (const rejected of ['A-3', 'A-4', 'A-5', 'A-6', 'A-7']) {
      expect((await api('GET', `/api/v1/orders?number=${rejected}`, { key: shop.keys.viewer })).body.data).toEqual([]);
    }
    const [counted] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from variants where sku in ('SKU-3','SKU-4','SKU-5','SKU-6','SKU-7','SKU-8','SKU-9')`);
    expect(counted?.n).toBe(0);
  });

  it('re-importing the same file updates the same orders', async () => {
    const csv = [HEADER, 'R-1,web,2026-10-05 10:00,CNY,r@example.com,R,R-SKU,Thing,1,10.00,,,,,,,'].join('\n');
    expect((await upload(csv)).body.orders).toEqual({ created: 1, updated: 0, rejected: 0 });
    const again = await upload(csv.replace(',,,,,,,', ',,,,2026-10-07 10:00,,,'));
    expect(again.body.orders).toEqual({ created: 0, updated: 1, rejected: 0 });
    const order = (await api('GET', '/api/v1/orders?number=R-1', { key: shop.keys.viewer })).body.data[0];
    expect(order.status).toBe('delivered');
  });

  it('refuses unknown and missing columns before reading any row', async () => {
    const unknown = await upload('order_id,placed_at,currency,sku,title,quantity,unit_price,colour_code\n');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('import.unknown_column');
    expect(unknown.body.error.details.columns).toEqual(['colour_code']);
    const missing = await upload('order_id,placed_at,currency,sku,title\n');
    expect(missing.body.error.code).toBe('import.missing_column');
  });

  it('stops where the file stops being CSV, keeping the orders completed before and not the one cut off', async () => {
    const csv = [
      HEADER,
      'M-1,web,2026-10-05 10:00,CNY,m@example.com,M,M-SKU,Thing,1,10.00,,,,,,,',
      'M-2,web,2026-10-05 10:00,CNY,m@example.com,M,M-SKU,Thing,1,10.00,,,,,,,',
      'M-3,web,"2026-10-05 10:00,CNY',
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body.aborted).toMatchObject({ line: 4 });
    expect(res.body.orders).toEqual({ created: 1, updated: 0, rejected: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 3, orderId: 'M-2', code: 'import.order_cut_off' })]);
    expect((await api('GET', '/api/v1/orders?number=M-2', { key: shop.keys.viewer })).body.data).toEqual([]);
  });

  it('needs a file and the imports permission', async () => {
    expect((await api('POST', '/api/v1/imports', { key: shop.keys.manager, body: {} })).body.error.code).toBe('import.file_required');
    expect((await upload(HEADER, shop.keys.agent)).status).toBe(403);
  });
});
