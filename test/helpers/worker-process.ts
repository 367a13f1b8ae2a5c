import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestApp } from './app.js';

/**
 * `retour worker` in its own process on the test app's PostgreSQL database, as in production, for
 * the crash tests that kill it. A short call lease: a refund whose worker was killed mid-call is
 * asked again after 2 s, not a minute.
 */
export function startWorkerProcess(t: TestApp, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['bin/retour.js', 'worker'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, DATABASE_URL: t.handle.location, DATA_DIR: dataDir, SECRET_KEY: t.config.secretKey, LOG_LEVEL: 'silent', NODE_ENV: 'production', REFUND_CALL_LEASE_MS: '2000' },
    stdio: 'ignore',
  });
}

/** Resolves once the process has exited (at once if it already has). */
export const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
