import { existsSync, readFileSync, writeFileSync, createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.js';
import { limitHeapGrowth } from './heap-growth.js';
import { isRole, ROLES } from './domain/auth/permissions.js';
import { AppError } from './domain/errors.js';
import { DatabaseLockedError, openDatabase, type DatabaseHandle } from './db/client.js';
import { migrate } from './db/migrate.js';
import { shopsRepo } from './db/repos/shops-repo.js';
import { createApiKey } from './services/api-keys/api-keys.js';
import { randomToken } from './services/auth/tokens.js';
import { systemClock, type ServiceContext } from './services/context.js';
import { createShop } from './services/shops/shops.js';
import { createStaff } from './services/staff/staff.js';
import { loggerOptions } from './observability/logger.js';
import { BackupError, backupDataDir, restoreDataDir } from './backup/backup.js';

// The server, the worker, the demo seed and the importers load only for the commands that run them:
// `create-shop` or `migrate` start in a fraction of the time the whole application takes to load.
const loadServer = () => import('./http/server.js');
const loadWorker = () => import('./worker/worker.js');
const loadDemo = () => import('./seed/demo.js');
const loadMetrics = async () => ({ ...(await import('./observability/metrics.js')), ...(await import('./observability/metrics-server.js')) });
const loadShutdown = () => import('./shutdown.js');

const USAGE = `Usage: retour <command> [options]

Commands:
  serve                        Run the HTTP server (and the worker, unless WORKER=off)
  worker                       Run only the background worker
  migrate                      Apply pending database migrations (safe to run concurrently)
  seed --demo [--orders N] [--seed S]
                               Create the demo shop with N orders (default 400, seed 42)
  import orders FILE --shop SLUG
                               Import orders from a CSV file (docs/import-format.md)
  import online-retail FILE [--shop SLUG]
                               Import the UCI Online Retail dataset (.csv or .csv.gz)
  analytics train [--shop SLUG]    Train the return-risk model (all shops without --shop); prints AUC and calibration
  analytics rebuild [--shop SLUG]  Recompute the analytics rollups from the raw data (all shops without --shop)
  create-shop --slug SLUG --name NAME --currency CUR [--timezone TZ] [--locale zh-CN|en]
  create-staff --shop SLUG --email EMAIL --name NAME --role ROLE [--password PW]
  create-api-key --shop SLUG --role ROLE [--name NAME] [--platform]
                               Prints the new key alone on its last line. --platform makes a
                               marketplace connector's key, the only kind that may send
                               X-Acting-As: platform (money still needs a role with refunds:issue)
  backup FILE                  Embedded database only: copy the database and every file under DATA_DIR
                               (uploads, secret key) into FILE; stop \`retour serve\` first
  restore FILE                 Restore a backup into an empty DATA_DIR (PostgreSQL: pg_dump/pg_restore)

Roles: ${ROLES.join(', ')}. Configuration comes from the environment (README).`;

const DEMO_LOGIN_FILE = 'demo-login.json';

interface Runtime {
  config: Config;
  handle: DatabaseHandle;
  ctx: ServiceContext;
}

async function open(config: Config): Promise<Runtime> {
  const handle = await openDatabase(config);
  await migrate(handle.db);
  return { config, handle, ctx: { db: handle.db, ...(handle.reader ? { readDb: handle.reader.db } : {}), clock: systemClock, config } };
}

async function shopBySlug(ctx: ServiceContext, slug: string | undefined) {
  if (!slug) throw new UsageError('--shop SLUG is required');
  const shop = await shopsRepo.findBySlug(ctx.db, slug);
  if (!shop) throw new UsageError(`No shop "${slug}" (create it with: retour create-shop --slug ${slug} ...)`);
  return shop;
}

class UsageError extends Error {}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

async function seedDemoShop(rt: Runtime, orders: number, seed: number, log: (msg: string) => void) {
  const { seedDemo, DEMO_STAFF } = await loadDemo();
  const result = await seedDemo(rt.ctx, { orders, seed });
  if (!result) {
    log('The demo shop exists already; nothing seeded.');
    return;
  }
  writeFileSync(join(rt.config.dataDir, DEMO_LOGIN_FILE), JSON.stringify({ email: DEMO_STAFF[0].email, password: result.password }, null, 2), {
    mode: 0o600,
  });
  const model = result.modelAuc === null ? 'no return-risk model (too little history)' : `a return-risk model (held-out AUC ${result.modelAuc.toFixed(2)})`;
  log(`Seeded demo shop "${result.shop.slug}": ${result.variants} variants, ${result.orders} orders, ${result.lines} order lines, ${result.pastReturns} past returns, ${model}.`);
}

async function demoBanner(config: Config): Promise<string | null> {
  const file = join(config.dataDir, DEMO_LOGIN_FILE);
  if (!existsSync(file)) return null;
  const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  const [zh, en] = (await loadDemo()).DEMO_SHOWCASE;
  return [
    `Demo shop ready: ${config.publicUrl}/`,
    `  Staff sign-in: ${email} / ${password} (also agent@, warehouse@ and viewer@demo.retour.local with the same password)`,
    `  Buyer portal: order ${zh.number} with ${zh.email}, or ${en.number} with ${en.email}`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ].join('\n');
}

async function serve(config: Config) {
  const started = Date.now();
  const rt = await open(config);
  const [{ buildApp }, { startWorker, jobsBesideRequests }, { DEMO_ORDERS, DEMO_SEED, refreshDemoShowcase }, { databaseMetrics, startMetricsServer }, { shutdownOnSignals }] = await Promise.all([
    loadServer(),
    loadWorker(),
    loadDemo(),
    loadMetrics(),
    loadShutdown(),
  ]);
  const app = await buildApp({ ctx: rt.ctx });
  if (config.seedDemo && (await shopsRepo.count(rt.ctx.db)) === 0) {
    await seedDemoShop(rt, DEMO_ORDERS, DEMO_SEED, (msg) => app.log.info(msg));
  } else if (config.seedDemo) {
    const moved = await refreshDemoShowcase(rt.ctx);
    if (moved.length > 0) app.log.info(`Demo orders ${moved.join(', ')} moved to a delivery a few days ago, so they can be returned again.`);
  }
  const jobs = jobsBesideRequests(config.workerInProcess, rt.handle.kind);
  const worker = jobs.length > 0 ? startWorker(rt.ctx, app.log as unknown as pino.Logger, jobs) : null;
  await app.listen({ host: config.host, port: config.port });
  const metricsServer = config.metricsPort === undefined ? null : await startMetricsServer(config.host, config.metricsPort, databaseMetrics(rt.ctx));
  if (metricsServer) app.log.info({ port: config.metricsPort }, 'metrics on their own port: GET /metrics');
  app.log.info(
    { database: rt.handle.kind, location: rt.handle.location, startupMs: Date.now() - started },
    rt.handle.kind === 'pglite'
      ? 'Retour is running on the embedded PGlite database: one process only, and writes are not fsynced, so a power cut or OS crash can lose the last seconds of writes (a process crash loses nothing). Back up with `retour backup FILE`; use DATABASE_URL with PostgreSQL in production'
      : 'Retour is running on PostgreSQL: durability is PostgreSQL\'s (fsync and backups as you configure them; docs/operations.md)',
  );
  const banner = await demoBanner(config);
  if (banner) app.log.info(`\n${banner}`);

  shutdownOnSignals({
    log: app.log,
    graceMs: config.shutdownGraceMs,
    drain: async (graceMs) => {
      // /readyz fails from now on; the server stops accepting and lets in-flight requests end.
      app.lifecycle.draining = true;
      metricsServer?.close();
      const [, workerDone] = await Promise.all([app.close(), worker ? worker.stop(graceMs) : true]);
      return workerDone;
    },
    release: () => rt.handle.close(),
  });
}

async function runWorker(config: Config) {
  const rt = await open(config);
  const [{ startWorker }, { databaseMetrics, startMetricsServer }, { shutdownOnSignals }] = await Promise.all([loadWorker(), loadMetrics(), loadShutdown()]);
  const log = pino(loggerOptions(config));
  const worker = startWorker(rt.ctx, log);
  const metricsServer = config.metricsPort === undefined ? null : await startMetricsServer(config.host, config.metricsPort, databaseMetrics(rt.ctx));
  shutdownOnSignals({
    log,
    graceMs: config.shutdownGraceMs,
    drain: (graceMs) => {
      metricsServer?.close();
      return worker.stop(graceMs);
    },
    release: () => rt.handle.close(),
  });
}

async function withRuntime(config: Config, fn: (rt: Runtime) => Promise<void>) {
  const rt = await open(config);
  try {
    await fn(rt);
  } finally {
    await rt.handle.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      shop: { type: 'string' },
      slug: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      platform: { type: 'boolean' },
      password: { type: 'string' },
      currency: { type: 'string' },
      timezone: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!command || values.help || command === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const say = (msg: string) => console.log(msg);

  switch (command) {
    case 'serve':
      limitHeapGrowth(config.heapGrowthPercent);
      return serve(config);
    case 'worker':
      limitHeapGrowth(config.heapGrowthPercent);
      return runWorker(config);
    case 'migrate': {
      const handle = await openDatabase(config);
      try {
        const report = await migrate(handle.db);
        say(report.applied.length ? `Applied ${report.applied.join(', ')}` : `Up to date (${report.alreadyApplied} migrations applied earlier)`);
      } finally {
        await handle.close();
      }
      return;
    }
    case 'seed': {
      if (!values.demo) throw new UsageError('seed needs --demo');
      const { DEMO_ORDERS, DEMO_SEED } = await loadDemo();
      return withRuntime(config, (rt) => seedDemoShop(rt, intOption(values.orders, 'orders', DEMO_ORDERS), intOption(values.seed, 'seed', DEMO_SEED), say));
    }
    case 'import': {
      const [kind, file] = positionals;
      if (!file || (kind !== 'orders' && kind !== 'online-retail')) throw new UsageError('import orders FILE --shop SLUG | import online-retail FILE');
      const path = resolve(file);
      if (!existsSync(path)) throw new UsageError(`No file ${path}`);
      return withRuntime(config, async (rt) => {
        if (kind === 'online-retail') {
          const { importOnlineRetail } = await import('./services/imports/online-retail/import.js');
          const report = await importOnlineRetail(rt.ctx, path, values.shop ?? 'online-retail');
          say(JSON.stringify(report, null, 2));
          return;
        }
        const shop = await shopBySlug(rt.ctx, values.shop);
        const { importOrdersCsv } = await import('./services/imports/orders-csv.js');
        const summary = await importOrdersCsv(rt.ctx, shop.id, createReadStream(path));
        for (const e of summary.errors) say(`line ${e.line}: ${e.code}: ${e.message}`);
        if (summary.errorsNotListed) say(`… and ${summary.errorsNotListed} more errors`);
        if (summary.aborted) say(`Stopped at line ${summary.aborted.line}: ${summary.aborted.message}`);
        say(
          `${summary.rows} rows: ${summary.orders.created} orders created, ${summary.orders.updated} updated, ${summary.orders.rejected} rejected; ` +
            `${summary.lines} lines in ${summary.durationMs} ms`,
        );
        if (summary.orders.rejected > 0 || summary.aborted) process.exitCode = 1;
      });
    }
    case 'analytics':
      return withRuntime(config, async (rt) => (await import('./services/analytics/cli.js')).analyticsCommand(rt.ctx, positionals, values.shop, say));
    case 'create-shop':
      return withRuntime(config, async (rt) => {
        if (!values.slug || !values.name || !values.currency) throw new UsageError('create-shop needs --slug, --name and --currency');
        const shop = await createShop(rt.ctx, {
          slug: values.slug,
          name: values.name,
          currency: values.currency,
          timezone: values.timezone,
          defaultLocale: values.locale === 'en' ? 'en' : 'zh-CN',
        });
        say(`Created shop ${shop.slug} (${shop.id})`);
      });
    case 'create-staff':
      return withRuntime(config, async (rt) => {
        const shop = await shopBySlug(rt.ctx, values.shop);
        if (!values.email || !values.name || !values.role) throw new UsageError('create-staff needs --email, --name and --role');
        if (!isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const password = values.password ?? randomToken(12);
        const staff = await createStaff(rt.ctx, { shopId: shop.id, email: values.email, name: values.name, role: values.role, password });
        say(`Created ${staff.role} ${staff.email} in ${shop.slug}${values.password ? '' : ` with password ${password}`}`);
      });
    case 'create-api-key':
      return withRuntime(config, async (rt) => {
        const shop = await shopBySlug(rt.ctx, values.shop);
        if (!values.role || !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const { key, row } = await createApiKey(rt.ctx, { shopId: shop.id, name: values.name ?? 'cli', role: values.role, platform: values.platform ?? false });
        say(`Created ${row.platform ? 'platform connector ' : ''}API key ${row.prefix} (${row.role}) for ${shop.slug}. It is shown once:`);
        say(key);
      });
    case 'backup':
    case 'restore': {
      const [file] = positionals;
      if (!file) throw new UsageError(`${command} FILE`);
      if (config.databaseUrl) throw new UsageError(`${command} is for the embedded database; on PostgreSQL use pg_dump / pg_restore (docs/operations.md)`);
      if (command === 'backup') {
        const r = await backupDataDir(config.dataDir, resolve(file));
        say(`Backed up ${config.dataDir} to ${resolve(file)}: the database (${r.databaseBytes} bytes) and ${r.files} files, ${r.bytes} bytes compressed`);
      } else {
        const r = await restoreDataDir(config.dataDir, resolve(file));
        say(`Restored ${resolve(file)} into ${config.dataDir}: the database and ${r.files} files`);
      }
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}"\n\n${USAGE}`);
  }
}

/** Entry point of the `retour` bin: runs the command and turns failures into exit codes. */
export function runCli(argv: string[]) {
  main(argv).catch((err: unknown) => {
    const parseError = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (err instanceof ConfigError || err instanceof UsageError || err instanceof DatabaseLockedError || err instanceof BackupError || parseError) {
      console.error((err as Error).message);
      process.exit(2);
    }
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  });
}
