import { sharedDataFile } from '../helpers/shared-data.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { importOnlineRetail, type OnlineRetailReport } from '../../src/services/imports/online-retail/import.js';
import { rebuildAnalytics } from '../../src/services/analytics/rebuild.js';
import { createApiKey } from '../../src/services/api-keys/api-keys.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';

/**
 * The whole UCI Online Retail dataset (541,909 rows) through `retour import online-retail`, and
 * its return rates per SKU and per month computed here straight from the CSV — with this file's
 * own parsing, grouping and attribution (the README's rule), none of Retour's code — compared
 * with the analytics API: equal to the unit, and to the penny.
 */
const FILE = sharedDataFile('online-retail/online-retail.csv.gz');
const FEES = new Set(['POST', 'DOT', 'C2', 'M', 'm', 'D', 'S', 'B', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS']);

interface Figures {
  sold: number;
  soldValue: number;
  returned: number;
  returnedValue: number;
}
const blank = (): Figures => ({ sold: 0, soldValue: 0, returned: 0, returnedValue: 0 });

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 2;
          break;
        }
      }
      out.push(value);
    } else {
      const c = line.indexOf(',', i);
      const end = c === -1 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** The expected figures, from the file alone. */
function expectedFromCsv() {
  const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n');
  // An invoice is every row with its number, taken in the order invoices first appear.
  const invoices = new Map<string, string[][]>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = fields(line.replace(/\r$/, ''));
    const list = invoices.get(f[0]!);
    if (list) list.push(f);
    else invoices.set(f[0]!, [f]);
  }
  const bySku = new Map<string, Figures>();
  const byMonth = new Map<string, Figures>();
  const at = <K>(map: Map<K, Figures>, k: K) => map.get(k) ?? (map.set(k, blank()), map.get(k)!);
  const pence = (price: string) => Math.round(Number(price) * 100);
  // Purchases per (customer, StockCode), newest last, with units left to return.
  const purchases = new Map<string, { month: string; sku: string; price: number; left: number }[]>();
  let returnUnits = 0;
  let attributed = 0;
  let orders = 0;
  for (const [invoice, rows] of invoices) {
    const month = `${rows[0]![4]!.slice(0, 7)}-01`;
    if (invoice.startsWith('C')) {
      for (const [, code, , qty, , , customer] of rows) {
        const units = -Number(qty);
        if (FEES.has(code!) || !(units > 0)) continue;
        returnUnits += units;
        const list = customer ? purchases.get(`${customer}|${code}`) : undefined;
        let left = units;
        for (let i = (list?.length ?? 0) - 1; i >= 0 && left > 0; i--) {
          const p = list![i]!;
          const take = Math.min(p.left, left);
          if (take === 0) continue;
          p.left -= take;
          left -= take;
          attributed += take;
          for (const fig of [at(bySku, p.sku), at(byMonth, p.month)]) {
            fig.returned += take;
            fig.returnedValue += take * p.price;
          }
        }
      }
      continue;
    }
    let merchandise = 0;
    for (const [, code, , qty, , price, customer] of rows) {
      const units = Number(qty);
      if (FEES.has(code!) || !(units > 0) || !(Number(price) > 0) || !/^\d+(\.\d{1,2}0*)?$/.test(price!)) continue;
      merchandise++;
      for (const fig of [at(bySku, code!), at(byMonth, month)]) {
        fig.sold += units;
        fig.soldValue += units * pence(price!);
      }
      if (customer) {
        const key = `${customer}|${code}`;
        const list = purchases.get(key) ?? (purchases.set(key, []), purchases.get(key)!);
        list.push({ month, sku: code!, price: pence(price!), left: units });
      }
    }
    if (merchandise > 0) orders++;
  }
  return { bySku, byMonth, returnUnits, attributed, orders };
}

let t: TestApp;
let key: string;
let api: ReturnType<typeof client>;
let report: OnlineRetailReport;
const timings: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  const started = performance.now();
  report = await importOnlineRetail(t.ctx, FILE);
  timings.importMs = Math.round(performance.now() - started);
  const [shop] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from shops where slug = 'online-retail'`);
  key = (await createApiKey(t.ctx, { shopId: shop!.id, name: 'test', role: 'viewer' })).key;
}, 900_000);
afterAll(async () => {
  console.log(`online-retail analytics test on ${t.handle.kind}: ${JSON.stringify({ ...timings, import: report?.timings })}`);
  await t.close();
});

describe('the whole Online Retail dataset', () => {
  it('imports every order and writes the attributable returns as completed cases with settled refunds', async () => {
    const expected = expectedFromCsv();
    expect(report.rows).toBe(541_909);
    expect(report.import.orders).toEqual({ created: expected.orders, updated: 0, rejected: 0 });
    expect(report.rowsAfterTheirInvoice).toBe(0);
    expect(report.returns.units).toBe(expected.returnUnits);
    expect(report.returns.attributableUnits).toBe(expected.attributed);
    expect(report.returns.unattributableUnits).toBe(expected.returnUnits - expected.attributed);
    expect(report.returns.cases.units).toBe(expected.attributed);
    expect(report.returns.cases.unitsOfOrdersNotImported).toBe(0);
    const [ledger] = await queryRows<{ refunds: number; amount: number; pending: number }>(
      t.ctx.db,
      sql`select count(*)::int as refunds, sum(amount_minor)::bigint as amount, count(*) filter (where status <> 'succeeded')::int as pending
          from refunds r join shops s on s.id = r.shop_id where s.slug = 'online-retail'`,
    );
    expect(ledger).toEqual({ refunds: report.returns.cases.created, amount: report.returns.cases.refundedMinor, pending: 0 });
  });

  it('return rates per month and per SKU equal the ones computed from the CSV, to the unit', async () => {
    const started = performance.now();
    const expected = expectedFromCsv();
    const period = 'from=2010-12-01&to=2011-12-31';
    const months = await api('GET', `/api/v1/analytics/return-rate?${period}&groupBy=month`, { key });
    expect(months.status).toBe(200);
    const gotMonths = Object.fromEntries(
      months.body.groups.filter((g: any) => g.soldUnits > 0 || g.returnedUnits > 0).map((g: any) => [g.key, { sold: g.soldUnits, soldValue: g.soldValueMinor, returned: g.returnedUnits, returnedValue: g.returnedValueMinor }]),
    );
    expect(gotMonths).toEqual(Object.fromEntries(expected.byMonth));
    expect(Object.keys(gotMonths)).toHaveLength(13);

    const gotSkus: Record<string, Figures> = {};
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: { status: number; body: any } = await api('GET', `/api/v1/analytics/return-rate?${period}&groupBy=sku&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { key });
      expect(page.status).toBe(200);
      for (const g of page.body.groups) gotSkus[g.sku] = { sold: g.soldUnits, soldValue: g.soldValueMinor, returned: g.returnedUnits, returnedValue: g.returnedValueMinor };
      cursor = page.body.nextCursor;
      pages++;
    }
    expect(pages).toBeGreaterThan(3);
    expect(Object.keys(gotSkus).length).toBe(expected.bySku.size);
    for (const [sku, fig] of expected.bySku) expect(gotSkus[sku], sku).toEqual(fig);
    // The rate the API states is the ratio of those units.
    const top = await api('GET', `/api/v1/analytics/return-rate?${period}&groupBy=sku&sort=unitRate&minSoldUnits=500&limit=5`, { key });
    for (const g of top.body.groups) expect(g.unitRate).toBeCloseTo(expected.bySku.get(g.sku)!.returned / expected.bySku.get(g.sku)!.sold, 6);
    timings.compareMs = Math.round(performance.now() - started);
  });

  it('the cube the import wrote is the one a rebuild computes from the raw rows', async () => {
    const fingerprint = async () =>
      queryRows<{ table: string; rows: number; hash: string }>(
        t.ctx.db,
        sql`select 'rollups' as table, count(*)::int as rows, sum(hashtext(r::text))::text as hash from (
              select grain, level, channel, reason, variant_id, bucket, orders, sold_units, sold_value_minor, returned_units, returned_value_minor, paid_orders,
                     cases_requested, units_requested, refunds, refunded_units, refunded_minor, refunded_cases, refund_seconds, completed_cases
              from analytics_rollups where sold_units <> 0 or returned_units <> 0 or paid_orders <> 0 or cases_requested <> 0 or refunds <> 0 or refunded_cases <> 0) r
            union all
            select 'customers', count(*)::int, sum(hashtext(c::text))::text from (select customer_id, orders, sold_units, returned_units, cases_requested, refunded_minor from analytics_customer_totals) c
            union all
            select 'times', count(*)::int, sum(hashtext(x::text))::text from (select grain, level, channel, reason, variant_id, bucket, seconds, cases from analytics_refund_times where cases <> 0) x`,
      );
    const imported = await fingerprint();
    const started = performance.now();
    const [shop] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from shops where slug = 'online-retail'`);
    await rebuildAnalytics(t.ctx, shop!.id);
    timings.rebuildMs = Math.round(performance.now() - started);
    expect(await fingerprint()).toEqual(imported);
  });
});
