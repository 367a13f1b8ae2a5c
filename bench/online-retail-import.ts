import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { createPostgresDatabase, hotIndexes, postgresUnavailable, tempDir } from './lib/databases.js';
import { runIfMain } from './lib/main.js';
import type { ChildResult } from './lib/online-retail-child.js';
import { log, printFigure, type Benchmark, type Figure } from './lib/report.js';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/server.js';
import { perSecond } from './lib/timing.js';

const NAME = 'online-retail-import';
const FILE = process.env.BENCH_ONLINE_RETAIL_FILE ?? join(REPO_ROOT, '../shared/data/online-retail/online-retail.csv.gz');
const TARGET_S = 30;
/** Runs still going after this long are stopped (10× the PostgreSQL target; 3 min for PGlite). */
const LIMIT_S = {
  postgres: Number(process.env.BENCH_ONLINE_RETAIL_LIMIT_S ?? 300),
  pglite: Number(process.env.BENCH_ONLINE_RETAIL_PGLITE_LIMIT_S ?? 180),
} as const;

/** Runs the import in a child process on a fresh database; null when it did not finish within the limit. */
async function runChild(kind: 'pglite' | 'postgres'): Promise<ChildResult | null> {
  const temp = tempDir(NAME);
  const database = kind === 'postgres' ? await createPostgresDatabase(NAME) : null;
  try {
    const result = await new Promise<ChildResult | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/online-retail-child.ts', kind, database?.url ?? temp.dir, FILE], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, LIMIT_S[kind] * 1000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (timedOut) return resolve(null);
        const line = out.split('\n').find((l) => l.startsWith('RESULT '));
        if (code !== 0 || !line) return reject(new Error(`online-retail import (${kind}) exited with ${code}:\n${out}`));
        resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
      });
    });
    if (database) {
      if (!result) log(`PostgreSQL: stopped after ${LIMIT_S[kind]} s with ${await progress(database.url)} written`);
      log(`PostgreSQL: most-read indexes: ${await hotIndexes(database.url)}`);
    }
    return result;
  } finally {
    await database?.drop();
    temp.remove();
  }
}

/** What a stopped import had committed. */
async function progress(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ orders: number; lines: number }>(
      'select (select count(*)::int from orders) as orders, (select count(*)::int from order_lines) as lines',
    );
    return `${rows[0]?.orders} orders and ${rows[0]?.lines} order lines`;
  } finally {
    await client.end();
  }
}

function figuresOf(kind: 'pglite' | 'postgres', r: ChildResult): Figure[] {
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const { report, counts } = r;
  const s = r.ms / 1000;
  log(
    `${label}: ${report.rows} rows, ${report.invoices} invoices (${report.orderInvoices} order invoices, ${report.returns.invoices} return invoices, ` +
      `${report.invoicesWithoutMerchandise} without merchandise) in ${s.toFixed(1)} s (importing process CPU ${(r.cpuMs / 1000).toFixed(1)} s)`,
  );
  log(
    `${label}: orders created ${report.import.orders.created}, updated ${report.import.orders.updated}, rejected ${report.import.orders.rejected}; ` +
      `lines ${report.import.lines}; in the database: ${counts.orders} orders, ${counts.lines} order_lines, ${counts.customers} customers, ${counts.variants} variants`,
  );
  log(`${label}: rows by kind ${JSON.stringify(report.rowsByKind)}`);
  log(`${label}: returns ${JSON.stringify(report.returns)}`);
  if (report.import.errors.length > 0) log(`${label}: first error: ${JSON.stringify(report.import.errors[0])}`);
  return [
    {
      benchmark: NAME,
      name: `${label} duration`,
      value: s,
      unit: 's',
      ...(kind === 'postgres' ? { target: { op: '<', value: TARGET_S } } : {}),
      note: `${counts.orders} orders, ${counts.lines} lines; returns: ${report.returns.units} units, ${report.returns.attributableUnits} attributable`,
    },
    { benchmark: NAME, name: `${label} rows/s`, value: perSecond(report.rows, r.ms), unit: 'rows/s' },
  ];
}

export const onlineRetailImport: Benchmark = {
  name: NAME,
  title: 'the whole UCI Online Retail dataset through importOnlineRetail (fresh database, separate process)',
  async run() {
    if (!existsSync(FILE)) {
      const f: Figure = { benchmark: NAME, name: 'PostgreSQL duration', value: null, unit: 's', target: { op: '<', value: TARGET_S }, note: `no file ${FILE}` };
      printFigure(f);
      return [f];
    }
    const figures: Figure[] = [];
    for (const kind of ['postgres', 'pglite'] as const) {
      const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
      const why = kind === 'postgres' ? await postgresUnavailable() : null;
      let results: Figure[];
      if (why) {
        results = [{ benchmark: NAME, name: `${label} duration`, value: null, unit: 's', target: { op: '<', value: TARGET_S }, note: why }];
      } else {
        const r = await runChild(kind);
        results = r
          ? figuresOf(kind, r)
          : [
              {
                benchmark: NAME,
                name: `${label} duration`,
                value: LIMIT_S[kind],
                atLeast: true,
                unit: 's',
                ...(kind === 'postgres' ? { target: { op: '<', value: TARGET_S } } : {}),
                note: `stopped: not finished within ${LIMIT_S[kind]} s`,
              } satisfies Figure,
            ];
      }
      results.forEach(printFigure);
      figures.push(...results);
    }
    return figures;
  },
};

await runIfMain(import.meta.url, onlineRetailImport);
