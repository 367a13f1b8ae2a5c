import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'retour-config-'));

describe('loadConfig', () => {
  it('has working defaults and generates a secret kept under DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: 'localhost', databaseUrl: undefined, publicUrl: 'http://localhost:3000', workerInProcess: true, seedDemo: true, heapGrowthPercent: 50, pgliteSharedBuffersMb: 16, dbIdleTimeoutS: 300 });
    const file = join(dir, 'secret.key');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(config.secretKey);
    expect(loadConfig({ DATA_DIR: dir }).secretKey).toBe(config.secretKey);
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SECRET_KEY: 'short', WORKER: 'maybe', SMTP_URL: 'not a url', PGLITE_SHARED_BUFFERS_MB: '0', DB_IDLE_TIMEOUT_S: '-1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SECRET_KEY', 'WORKER', 'SMTP_URL', 'PGLITE_SHARED_BUFFERS_MB', 'DB_IDLE_TIMEOUT_S']) expect(message).toContain(name);
      expect((err as ConfigError).problems).toHaveLength(8);
    }
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://u:p@db:5432/retour',
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://returns.example.com/',
      SECRET_KEY: 'k'.repeat(40),
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      LOG_LEVEL: 'debug',
      WORKER: 'off',
      DEMO: 'off',
      TRUST_PROXY: 'true',
      BODY_LIMIT: '2048',
      HEAP_GROWTH_PERCENT: '0',
      PGLITE_SHARED_BUFFERS_MB: '64',
      DB_IDLE_TIMEOUT_S: '0',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/retour',
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://returns.example.com',
      secretKey: 'k'.repeat(40),
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      logLevel: 'debug',
      workerInProcess: false,
      seedDemo: false,
      trustProxy: true,
      bodyLimitBytes: 2048,
      heapGrowthPercent: 0,
      pgliteSharedBuffersMb: 64,
      dbIdleTimeoutS: 0,
    });
  });
});

describe('CORS_ORIGINS', () => {
  it('is empty by default and reads comma-separated origins; anything else is a configuration error', () => {
    const base = { SECRET_KEY: 'x'.repeat(32) };
    expect(loadConfig(base).corsOrigins).toEqual([]);
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173/' }).corsOrigins).toEqual(['https://shop.example.com', 'http://localhost:5173']);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://shop.example.com/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});
