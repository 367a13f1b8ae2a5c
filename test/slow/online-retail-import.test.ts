import { gzipSync, gunzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { importOnlineRetail } from '../../src/services/imports/online-retail/import.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { sharedDataFile } from '../helpers/shared-data.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('Online Retail dataset', () => {
  it('imports the orders of the real data and reports its returns by the README rule', async () => {
    // The first 20,000 rows of the real file: enough for returns, fees, guests and adjustments.
    const text = gunzipSync(readFileSync(sharedDataFile('online-retail/online-retail.csv.gz'))).toString('utf8');
    const rows = text.split('\n').slice(0, 20_001);
    const dir = mkdtempSync(join(tmpdir(), 'retail-'));
    const file = join(dir, 'slice.csv.gz');
    writeFileSync(file, gzipSync(rows.join('\n') + '\n'));

    const report = await importOnlineRetail(t.ctx, file, 'retail-slice');

    // Independent count from the same rows: invoices, and merchandise lines by the documented rule.
    const data = rows.slice(1).filter(Boolean).map((r) => r.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
    const fee = new Set(['POST', 'DOT', 'C2', 'M', 'm', 'D', 'S', 'B', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS']);
    const merchandise = data.filter(([inv, code, , qty, , price]) => !inv!.startsWith('C') && !fee.has(code!) && Number(qty) > 0 && Number(price) > 0 && /^\d+(\.\d{1,2})?$/.test(price!));
    const returnUnits = data.filter(([inv, code, , qty]) => inv!.startsWith('C') && !fee.has(code!) && Number(qty) < 0).reduce((a, r) => a - Number(r[3]), 0);
    const orderInvoices = new Set(merchandise.map((r) => r[0]));

    expect(report.rows).toBe(20_000);
    expect(report.import.orders.created).toBe(orderInvoices.size);
    expect(report.import.lines).toBe(merchandise.length);
    expect(report.import.orders.rejected).toBe(0);
    expect(report.returns.units).toBe(returnUnits);
    expect(report.returns.attributableUnits + report.returns.unattributableUnits).toBe(returnUnits);
    expect(report.returns.attributableUnits).toBeGreaterThan(0);

    const [db] = await queryRows<{ orders: number; lines: number; units: number }>(
      t.ctx.db,
      sql`select count(distinct o.id)::int as orders, count(l.id)::int as lines, sum(l.quantity)::int as units
          from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
          join shops s on s.id = o.shop_id where s.slug = 'retail-slice'`,
    );
    expect(db).toEqual({ orders: orderInvoices.size, lines: merchandise.length, units: merchandise.reduce((a, r) => a + Number(r[3]), 0) });

    // Importing again changes nothing.
    const again = await importOnlineRetail(t.ctx, file, 'retail-slice');
    expect(again.import.orders).toEqual({ created: 0, updated: orderInvoices.size, rejected: 0 });
  });
});
