import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Every setting Retour reads from its environment, parsed and validated once.
 * Nothing else in the code base reads process.env.
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  /** PostgreSQL connection string; undefined means the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  /** A PostgreSQL replica the analytics reads go to; unset: they read the primary. */
  databaseReadUrl: string | undefined;
  dbPoolSize: number;
  /** Seconds a pooled PostgreSQL connection may sit idle before it is closed; 0 keeps it open. */
  dbIdleTimeoutS: number;
  /** PGlite's shared_buffers in MiB: inside WebAssembly the whole pool is resident from the start. */
  pgliteSharedBuffersMb: number;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  secretKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Hosts webhooks may reach even on private or loopback addresses (SSRF guard exceptions). */
  webhookAllowedHosts: readonly string[];
  webhookTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  idempotencyLockMs: number;
  uploadLimitBytes: number;
  sessionTtlHours: number;
  trustProxy: boolean;
  /** Origins (scheme://host[:port]) whose pages may call the API from a browser; empty: no CORS. */
  corsOrigins: string[];
  /** Run the background worker inside the `serve` process. */
  workerInProcess: boolean;
  /** Seed the demo shop when the database holds no shop yet. */
  seedDemo: boolean;
  /** Optional Redis for the shared rate-limit counters; unset keeps them in the database. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  /** Bearer token that opens GET /metrics on the main port; unset (and no metricsPort) means no /metrics. */
  metricsToken: string | undefined;
  /** Serve /metrics without a token on this port of its own (bound to HOST) instead of the main port. */
  metricsPort: number | undefined;
  /**
   * How long a refund's provider call is left to the process making it (the request that wrote the
   * refund, or the worker that claimed it) before a worker asks the provider again with the same
   * idempotency key: the recovery time after a crash mid-call.
   */
  refundCallLeaseMs: number;
  /** On SIGTERM: how long in-flight requests and the worker's current batches get before the process exits anyway. */
  shutdownGraceMs: number;
  /** Answer 503 + Retry-After instead of queueing once the event loop lags this much. */
  maxEventLoopDelayMs: number;
  /** ... or once this many queries wait for a pooled PostgreSQL connection. */
  maxPoolWaiting: number;
  /**
   * Check every reply against its route's response schema before it is serialised (an undeclared field
   * or a wrong type is a 500 instead of being dropped silently): on under NODE_ENV=test, off otherwise.
   */
  validateReplies: boolean;
  /** How far V8 lets the heap grow past what its last full collection kept before collecting again (%); 0: V8 decides. */
  heapGrowthPercent: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** PGlite's buffer pool by default: PostgreSQL's own 128 MiB was 128 MiB of resident memory before the first query. */
export const PGLITE_SHARED_BUFFERS_MB = 16;
/** How long a pooled PostgreSQL connection stays open idle by default (node-postgres's own is 10 s). */
export const DB_IDLE_TIMEOUT_S = 300;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** One row per variable: the README's configuration table is written from these. */
export const CONFIG_VARIABLES = [
  ['DATABASE_URL', 'unset (embedded PGlite)', 'PostgreSQL URL (`postgres://user:pass@host:5432/db`). When unset, Retour runs on PGlite under `DATA_DIR/pglite`.'],
  ['DATABASE_READ_URL', 'unset (analytics read the primary)', 'PostgreSQL URL of a read replica (or a read-only role on the primary) that the analytics reports and dashboards read; rollup writes, model training and everything else stay on `DATABASE_URL`. Needs `DATABASE_URL`. Replica lag shows in the reports as seconds of delay.'],
  ['DB_POOL_SIZE', '10', 'PostgreSQL connections per process.'],
  [
    'DB_IDLE_TIMEOUT_S',
    String(DB_IDLE_TIMEOUT_S),
    "Seconds a pooled PostgreSQL connection may sit idle before it is closed (0: never). Its prepared statements and plans close with it, and a request on a new connection pays for them again (a create after 11 s idle: 29–48 ms on new connections, 18–39 ms on kept ones).",
  ],
  [
    'PGLITE_SHARED_BUFFERS_MB',
    String(PGLITE_SHARED_BUFFERS_MB),
    "PGlite's buffer pool (PostgreSQL's `shared_buffers`) in MiB. Inside WebAssembly the whole pool is held in memory from the start, so it adds its size to the process; the operating system still caches the data files beyond it.",
  ],
  ['DATA_DIR', './data', 'Embedded database, generated secret, uploaded files.'],
  ['HOST', 'localhost', 'Interface to listen on (`0.0.0.0` in containers).'],
  ['PORT', '3000', 'HTTP port.'],
  ['PUBLIC_URL', 'http://localhost:PORT', 'Address buyers and staff use; links in e-mails and labels.'],
  ['SECRET_KEY', 'generated into DATA_DIR/secret.key', 'At least 32 characters; signs buyer portal tokens.'],
  ['SMTP_URL', 'unset (dev mailbox)', '`smtp://user:pass@host:587` or `smtps://…`; when unset, mail is kept in the dev mailbox.'],
  ['MAIL_FROM', 'Retour <no-reply@localhost>', 'Sender of buyer e-mails.'],
  ['WEBHOOK_ALLOWED_HOSTS', 'unset (public addresses only)', 'Comma-separated host names or IPs webhooks may call although they are private or loopback (e.g. an ERP on the LAN).'],
  ['WEBHOOK_TIMEOUT_MS', '10000', 'How long a webhook receiver has to answer before the attempt counts as failed.'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent.'],
  ['BODY_LIMIT', '1048576', 'Largest JSON body in bytes (larger gets 413).'],
  ['IDEMPOTENCY_LOCK_MS', '60000', 'How long a request with an `Idempotency-Key` may run before a retry with the same key may take over (its process may have died).'],
  ['UPLOAD_LIMIT', '52428800', 'Largest uploaded file in bytes (CSV imports, evidence).'],
  ['SESSION_TTL_HOURS', '12', 'Staff session lifetime.'],
  ['TRUST_PROXY', 'false', 'Trust X-Forwarded-* headers (behind a reverse proxy).'],
  ['CORS_ORIGINS', 'unset (no cross-origin calls)', 'Comma-separated origins (`https://shop.example.com`) whose pages may call the portal and merchant APIs from the browser, e.g. a storefront embedding the return portal.'],
  ['WORKER', 'on', '`on`: `retour serve` also runs the background worker; `off`: run `retour worker` separately.'],
  ['DEMO', 'on', '`on`: seed the demo shop on first start of an empty database; `off`: never.'],
  ['REDIS_URL', 'unset (counters in the database)', '`redis://host:6379/0`: keep rate-limit and portal look-up counters in Redis instead of the `rate_limit_counters` table. Either way every process shares them.'],
  ['REDIS_KEY_PREFIX', 'retour:', 'Prefix of every Redis key Retour writes (several deployments may share one Redis).'],
  ['METRICS_TOKEN', 'unset', 'At least 16 characters: `GET /metrics` (Prometheus) on the main port answers to `Authorization: Bearer <token>`. Unset and no METRICS_PORT: no /metrics.'],
  ['METRICS_PORT', 'unset', 'Serve `/metrics` on this port of its own (bound to HOST, no token; keep it off the public network). `retour worker` serves its metrics here too.'],
  ['REFUND_CALL_LEASE_MS', '60000', "How long a refund's payment-rail call is left to the process making it before the worker asks the rail again with the same idempotency key (the recovery time after a crash mid-call)."],
  ['SHUTDOWN_GRACE_MS', '10000', 'On SIGTERM/SIGINT: stop accepting, let in-flight requests and the worker\'s current batches finish for up to this long, then exit (0 if all finished, 1 if the grace ran out).'],
  ['MAX_EVENT_LOOP_DELAY_MS', '1000', 'Overload guard: answer 503 with Retry-After (not queue) while the event loop lags more than this; 0 turns it off (the default under NODE_ENV=test).'],
  ['MAX_POOL_WAITING', '500', 'Overload guard: answer 503 with Retry-After while more queries than this wait for a PostgreSQL connection (a burst of a few hundred is normal: a query holds a connection for about a millisecond).'],
  ['HEAP_GROWTH_PERCENT', '50', '`retour serve` and `retour worker`: how far the JavaScript heap may grow past what the last full garbage collection kept, in percent, before the next one. Lower keeps resident memory closer to the live data for more collector time; 0 leaves it to V8, which lets the heap grow up to fourfold under load (docs/operations.md, Memory).'],
  ['NODE_ENV', 'development', 'development, production or test.'],
] as const;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${v}")`);
    return fallback;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${v}")`);
      return fallback;
    }
    return Number(v);
  };
  const bool = (name: string, fallback: boolean, yes = 'true', no = 'false'): boolean => {
    const v = str(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if ([yes, 'true', '1', 'on', 'yes'].includes(v)) return true;
    if ([no, 'false', '0', 'off', 'no'].includes(v)) return false;
    problems.push(`${name} must be ${yes} or ${no} (got "${v}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
        return undefined;
      }
      return v;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return undefined;
    }
  };

  const origins = (name: string): string[] =>
    (str(name) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .flatMap((o) => {
        try {
          const u = new URL(o);
          if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o.replace(/\/+$/, '')) return [u.origin];
        } catch {
          // reported below
        }
        problems.push(`${name}: "${o}" is not an origin (scheme://host[:port], nothing after)`);
        return [];
      });

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const port = int('PORT', 3000, 0, 65535);
  const dataDirRaw = str('DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);
  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const secretRaw = str('SECRET_KEY');
  if (secretRaw !== undefined && secretRaw.length < 32) {
    problems.push('SECRET_KEY must be at least 32 characters (or unset it to have one generated under DATA_DIR)');
  }

  const config: Omit<Config, 'secretKey'> = {
    nodeEnv,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: url('DATABASE_READ_URL', ['postgres:', 'postgresql:']),
    dbPoolSize: int('DB_POOL_SIZE', 10, 1, 500),
    dbIdleTimeoutS: int('DB_IDLE_TIMEOUT_S', DB_IDLE_TIMEOUT_S, 0, 86_400),
    pgliteSharedBuffersMb: int('PGLITE_SHARED_BUFFERS_MB', PGLITE_SHARED_BUFFERS_MB, 1, 4096),
    dataDir,
    host: str('HOST') ?? 'localhost',
    port,
    publicUrl,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'Retour <no-reply@localhost>',
    webhookAllowedHosts: (str('WEBHOOK_ALLOWED_HOSTS') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: int('BODY_LIMIT', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    idempotencyLockMs: int('IDEMPOTENCY_LOCK_MS', 60_000, 100, 3_600_000),
    uploadLimitBytes: int('UPLOAD_LIMIT', 50 * 1024 * 1024, 1024, 10 * 1024 * 1024 * 1024),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    trustProxy: bool('TRUST_PROXY', false),
    corsOrigins: origins('CORS_ORIGINS'),
    workerInProcess: bool('WORKER', true, 'on', 'off'),
    seedDemo: bool('DEMO', true, 'on', 'off'),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: str('REDIS_KEY_PREFIX') ?? 'retour:',
    refundCallLeaseMs: int('REFUND_CALL_LEASE_MS', 60_000, 1_000, 3_600_000),
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    // Off under NODE_ENV=test: a loaded CI machine (and PGlite, which runs on the event loop) lags past any threshold.
    maxEventLoopDelayMs: int('MAX_EVENT_LOOP_DELAY_MS', nodeEnv === 'test' ? 0 : 1_000, 0, 60_000),
    maxPoolWaiting: int('MAX_POOL_WAITING', 500, 0, 100_000),
    metricsToken: str('METRICS_TOKEN'),
    metricsPort: str('METRICS_PORT') === undefined ? undefined : int('METRICS_PORT', 0, 0, 65535),
    validateReplies: nodeEnv === 'test',
    heapGrowthPercent: int('HEAP_GROWTH_PERCENT', 50, 0, 1_000),
  };
  if (config.databaseReadUrl && !config.databaseUrl) problems.push('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas');
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...config, secretKey: secretRaw ?? loadOrCreateSecret(dataDir) });
}

/** A secret generated once and kept under DATA_DIR, so sessions and tokens survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
    throw new ConfigError([`${file} holds a secret shorter than 32 characters; delete it to have a new one generated`]);
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process starting at the same moment wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(dataDir);
    throw err;
  }
  chmodSync(file, 0o600);
  return secret;
}
