import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildIsCurrent } from '../../bin/build-is-current.js';
import { now, sleep } from './timing.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * What runs Retour: `bin/retour.js`, as `npm start` does (the compiled build while it is current,
 * else the TypeScript sources through tsx), unless BENCH_SERVER_ENTRY names another entry.
 */
export const BIN = process.env.BENCH_SERVER_ENTRY || 'bin/retour.js';

/** The entry and, for bin/retour.js, which code it runs: the compiled build or the sources through tsx. */
export function describeEntry(): string {
  if (BIN !== 'bin/retour.js') return BIN;
  return buildIsCurrent(REPO_ROOT) ? 'bin/retour.js → dist/ (the compiled build is current)' : 'bin/retour.js → src/ through tsx (dist/ is missing or older than src/: npm run build)';
}
const run = promisify(execFile);

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerEnv {
  /** Unset: the server runs on PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  port?: number;
  extra?: Record<string, string>;
}

/** The environment `retour` runs with: the caller's, minus anything Retour reads, plus ours. */
function retourEnv({ databaseUrl, dataDir, port, extra }: ServerEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'DB_POOL_SIZE', 'HOST', 'PORT', 'PUBLIC_URL', 'SECRET_KEY', 'TRUST_PROXY', 'SMTP_URL']) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port ?? 0),
    DEMO: 'off',
    WORKER: 'off',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });
  return env;
}

/** Runs `retour ARGS` to completion and returns its stdout. */
export async function retourCli(args: string[], env: ServerEnv): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: retourEnv(env), maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`retour ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Creates a shop and a manager API key with the CLI; returns the key. */
export async function createShopAndKey(env: ServerEnv, slug: string, currency = 'CNY'): Promise<string> {
  await retourCli(['create-shop', '--slug', slug, '--name', `Bench ${slug}`, '--currency', currency], env);
  const out = await retourCli(['create-api-key', '--shop', slug, '--role', 'manager', '--name', 'bench'], env);
  const key = out.trim().split('\n').at(-1)?.trim();
  if (!key || !key.startsWith('rtr_')) throw new Error(`create-api-key printed no key:\n${out}`);
  return key;
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  /** Polls GET /readyz every intervalMs; resolves with ms from spawn to the first 200. */
  waitReady(options?: { intervalMs?: number; timeoutMs?: number }): Promise<number>;
  /** What the server printed (last 64 KiB), for diagnostics. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
}

/** Spawns `node bin/retour.js serve` on a free port (or env.port). */
export async function startServer(env: ServerEnv, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = env.port ?? (await freePort());
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 65536) out = out.slice(-65536);
  };
  const spawnedAt = now();
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve'], { cwd: REPO_ROOT, env: retourEnv({ ...env, port }), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    child,
    port,
    baseUrl,
    spawnedAt,
    output: () => out,
    async waitReady({ intervalMs = 20, timeoutMs = 60_000 } = {}) {
      const deadline = spawnedAt + timeoutMs;
      for (;;) {
        if (hasExited) throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${out}`);
        try {
          const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
          await res.arrayBuffer();
          if (res.status === 200) return now() - spawnedAt;
        } catch {
          // not listening yet
        }
        if (now() > deadline) throw new Error(`The server was not ready after ${timeoutMs} ms:\n${out}`);
        await sleep(intervalMs);
      }
    },
    async stop() {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface RunningWorker {
  child: ChildProcess;
  /** SIGTERM (the worker finishes its batch and releases its leases), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Spawns `node bin/retour.js worker` (deadlines, outbox, webhooks, mail, refund retries). */
export function startWorkerProcess(env: ServerEnv): RunningWorker {
  const child = spawn(process.execPath, [BIN, 'worker'], { cwd: REPO_ROOT, env: { ...retourEnv(env), WORKER: 'on' }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

