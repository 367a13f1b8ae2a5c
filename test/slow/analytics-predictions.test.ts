import { sharedDataFile } from '../helpers/shared-data.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { importOnlineRetail } from '../../src/services/imports/online-retail/import.js';
import { trainModel, type TrainResult } from '../../src/services/analytics/predictions.js';
import { describeTraining } from '../../src/services/analytics/cli.js';
import { createApiKey } from '../../src/services/api-keys/api-keys.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let key: string;
let shopId: string;
let trained: TrainResult;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  // Three months of the real data (December 2010 to February 2011).
  const text = gunzipSync(readFileSync(sharedDataFile('online-retail/online-retail.csv.gz'))).toString('utf8');
  const rows = text.split('\n');
  const end = rows.findIndex((r) => r.includes(',2011-03-01 '));
  const file = join(mkdtempSync(join(tmpdir(), 'retail-')), 'three-months.csv.gz');
  writeFileSync(file, gzipSync(rows.slice(0, end).join('\n') + '\n'));
  await importOnlineRetail(t.ctx, file, 'retail-model');
  const [shop] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from shops where slug = 'retail-model'`);
  shopId = shop!.id;
  key = (await createApiKey(t.ctx, { shopId, name: 'test', role: 'viewer' })).key;
}, 600_000);
afterAll(() => t.close());

describe('return-risk model', () => {
  it('trains on the earlier lines, evaluates on the later ones, and stores a version', async () => {
    trained = await trainModel(t.ctx, shopId);
    expect(trained.version).toBe(1);
    expect(trained.metrics.rows.train).toBeGreaterThan(trained.metrics.rows.test);
    expect(trained.metrics.split.splitAt > trained.metrics.split.trainFrom).toBe(true);
    expect(trained.metrics.auc).toBeGreaterThan(0.6);
    expect(trained.metrics.calibration).toHaveLength(10);
    const printed = describeTraining(trained, 'retail-model');
    expect(printed).toMatch(/held-out AUC 0\.\d{4}/);
    expect(printed).toMatch(/reliability/);
    expect((await trainModel(t.ctx, shopId)).version).toBe(2);
    const models = await api('GET', '/api/v1/analytics/models', { key });
    expect(models.body.data.map((m: any) => m.version)).toEqual([2, 1]);
    expect(models.body.data[0].features.length).toBeGreaterThan(10);
  });

  it('scores an order line by line, each with the features that drive it', async () => {
    const [order] = await queryRows<{ id: string; lines: number }>(
      t.ctx.db,
      sql`select o.id, count(l.id)::int as lines from orders o join order_lines l on l.shop_id = o.shop_id and l.order_id = o.id
          where o.shop_id = ${shopId} and o.customer_id is not null group by o.id order by count(l.id) desc, o.id limit 1`,
    );
    const res = await api('GET', `/api/v1/analytics/predictions?orderId=${order!.id}&top=3`, { key });
    expect(res.status).toBe(200);
    expect(res.body.model.version).toBe(2);
    expect(res.body.lines).toHaveLength(order!.lines);
    for (const line of res.body.lines) {
      expect(line.probability).toBeGreaterThan(0);
      expect(line.probability).toBeLessThan(1);
      expect(line.topFeatures).toHaveLength(3);
      const sorted = [...line.topFeatures].sort((a: any, b: any) => Math.abs(b.contribution) - Math.abs(a.contribution));
      expect(line.topFeatures).toEqual(sorted);
      expect(line.topFeatures[0].label.en.length).toBeGreaterThan(0);
    }
    const one = await api('GET', `/api/v1/analytics/predictions?lineId=${res.body.lines[0].lineId}`, { key });
    expect(one.body.lines).toHaveLength(1);
    expect(one.body.lines[0].probability).toBe(res.body.lines[0].probability);
  });

  it('ranks SKUs by predicted return rate', async () => {
    const res = await api('GET', '/api/v1/analytics/predictions?limit=20&minLines=5', { key });
    expect(res.status).toBe(200);
    expect(res.body.skus).toHaveLength(20);
    const rates = res.body.skus.map((s: any) => s.predictedRate);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
    expect(res.body.model.auc).toBe(trained.metrics.auc);
    expect(res.body.nextCursor).not.toBeNull();
    const one = await api('GET', `/api/v1/analytics/predictions?sku=${encodeURIComponent(res.body.skus[0].sku)}`, { key });
    expect(one.body.skus.map((s: any) => s.sku)).toEqual([res.body.skus[0].sku]);
  });

  it('refuses to score nothing', async () => {
    expect((await api('GET', `/api/v1/analytics/predictions?orderId=00000000-0000-7000-8000-000000000000`, { key })).body.error.code).toBe('order.not_found');
  });
});
