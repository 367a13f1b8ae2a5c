import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { importOrdersCsv } from '../src/services/imports/orders-csv.js';
import { createShop } from '../src/services/shops/shops.js';
import { cpuMeter } from './lib/cpu.js';
import { hotIndexes, openRuntime, postgresUnavailable, tempDir } from './lib/databases.js';
import { DEFAULT_CSV, writeOrdersCsv } from './lib/orders-csv.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { runIfMain } from './lib/main.js';
import { perSecond, timed } from './lib/timing.js';

const NAME = 'csv-import';
const TARGETS = { postgres: 20_000, pglite: 5_000 } as const;

async function importOn(kind: 'pglite' | 'postgres', file: string, expectedLines: number): Promise<Figure[]> {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const rt = await openRuntime(kind, NAME);
  try {
    const shop = await createShop(rt.ctx, { slug: 'bench-csv', name: 'Bench CSV', currency: 'CNY' });
    const cpu = cpuMeter();
    const { result: summary, ms } = await timed(() => importOrdersCsv(rt.ctx, shop.id, createReadStream(file)));
    const used = cpu();
    const [count] = await queryRows<{ lines: number; orders: number }>(
      rt.ctx.db,
      sql`select (select count(*)::int from order_lines where shop_id = ${shop.id}) as lines,
                 (select count(*)::int from orders where shop_id = ${shop.id}) as orders`,
    );
    log(
      `${label}: ${summary.rows} rows read, ${summary.orders.created} orders created, ${summary.orders.rejected} rejected, ` +
        `${summary.lines} lines written in ${Math.round(ms)} ms (importer's own clock: ${summary.durationMs} ms)`,
    );
    log(`${label}: order_lines rows in the database: ${count?.lines} (expected ${expectedLines}); orders rows: ${count?.orders}`);
    log(
      `${label}: CPU during the import: this process ${Math.round(used.selfMs)} ms` +
        (kind === 'postgres' && used.postgresMs !== null ? `, PostgreSQL processes ${used.postgresMs} ms` : '') +
        ` (wall ${Math.round(ms)} ms)`,
    );
    if (rt.databaseUrl) {
      await rt.close();
      log(`${label}: most-read indexes: ${await hotIndexes(rt.databaseUrl)}`);
    }
    if (summary.errors.length > 0) log(`${label}: first error: line ${summary.errors[0]!.line} ${summary.errors[0]!.code}: ${summary.errors[0]!.message}`);
    if (summary.aborted) log(`${label}: aborted at line ${summary.aborted.line}: ${summary.aborted.message}`);
    const note = count?.lines === expectedLines ? `${count.lines} order_lines verified` : `order_lines = ${count?.lines}, expected ${expectedLines}`;
    return [
      { benchmark: NAME, name: `${label} lines/s`, value: perSecond(summary.rows, ms), unit: 'lines/s', target: { op: '>=', value: TARGETS[kind] }, note },
      { benchmark: NAME, name: `${label} orders/s`, value: perSecond(summary.orders.created, ms), unit: 'orders/s' },
      { benchmark: NAME, name: `${label} duration`, value: ms / 1000, unit: 's' },
    ];
  } finally {
    await rt.dispose();
  }
}

export const csvImport: Benchmark = {
  name: NAME,
  title: `CSV import of ${DEFAULT_CSV.lines.toLocaleString('en-US')} order lines (importOrdersCsv from a file stream)`,
  async run() {
    const temp = tempDir(NAME);
    const figures: Figure[] = [];
    try {
      const file = join(temp.dir, 'orders.csv');
      const { result: written, ms } = await timed(() => writeOrdersCsv(file));
      log(
        `generated ${file}: ${written.lines} lines, ${written.orders} orders, ${DEFAULT_CSV.skus} SKUs, ${DEFAULT_CSV.customers} customers ` +
          `(seed ${DEFAULT_CSV.seed}) in ${Math.round(ms)} ms`,
      );
      for (const kind of ['postgres', 'pglite'] as const) {
        const why = kind === 'postgres' ? await postgresUnavailable() : null;
        const results: Figure[] = why
          ? [{ benchmark: NAME, name: 'PostgreSQL lines/s', value: null, unit: 'lines/s', target: { op: '>=', value: TARGETS.postgres }, note: why }]
          : await importOn(kind, file, written.lines);
        results.forEach(printFigure);
        figures.push(...results);
      }
      return figures;
    } finally {
      temp.remove();
    }
  },
};

await runIfMain(import.meta.url, csvImport);
