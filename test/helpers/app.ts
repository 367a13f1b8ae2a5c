import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { ROLES, type Role } from '../../src/domain/auth/permissions.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/http/server.js';
import { createApiKey } from '../../src/services/api-keys/api-keys.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createShop } from '../../src/services/shops/shops.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import { policiesRepo } from '../../src/db/repos/policies-repo.js';
import { createStaff } from '../../src/services/staff/staff.js';
import { TestClock } from './clock.js';
import { createTestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  baseUrl: string;
  ctx: ServiceContext;
  clock: TestClock;
  handle: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** Retour on its own database, listening on a free port: tests speak real HTTP to it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-data-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: 'test-secret-key-that-is-long-enough-0123', LOG_LEVEL: 'silent', ...env });
  const clock = new TestClock();
  const ctx: ServiceContext = { db: handle.db, clock, config };
  const app = await buildApp({ ctx, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    clock,
    handle,
    config,
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestShop {
  id: string;
  slug: string;
  keys: Record<Role, string>;
  /** A marketplace connector's key (manager role): the only kind that may send `X-Acting-As: platform`. */
  platformKey: string;
  ownerEmail: string;
  password: string;
}

/**
 * A shop with an owner account and one API key per role. Its policy is the preset for its
 * currency with automatic approval and fast refunds off, so tests decide each step themselves
 * (`automation: true` keeps the preset's automation).
 */
export async function createTestShop(ctx: ServiceContext, slug: string, currency = 'CNY', options: { automation?: boolean } = {}): Promise<TestShop> {
  const shop = await createShop(ctx, { slug, name: `Shop ${slug}`, currency, currencies: currency === 'CNY' ? ['CNY', 'USD'] : [currency] });
  if (!options.automation) {
    const preset = currency === 'CNY' ? POLICY_PRESETS.china_marketplace : POLICY_PRESETS.international;
    const manual = structuredClone(preset);
    manual.automation.autoApprove.enabled = false;
    manual.automation.fastRefund.enabled = false;
    // Version 1, in force for every order a test places, however far back its clock is set.
    await policiesRepo.insertVersion(ctx.db, { shopId: shop.id, version: 1, document: manual, note: 'tests: no automation', createdAt: new Date(0) });
  }
  const password = 'correct horse battery staple';
  const ownerEmail = `owner@${slug}.test`;
  await createStaff(ctx, { shopId: shop.id, email: ownerEmail, name: 'Owner', role: 'owner', password });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) keys[role] = (await createApiKey(ctx, { shopId: shop.id, name: role, role })).key;
  const platformKey = (await createApiKey(ctx, { shopId: shop.id, name: 'platform connector', role: 'manager', platform: true })).key;
  return { id: shop.id, slug, keys, platformKey, ownerEmail, password };
}

export interface ApiReply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for tests: JSON in, JSON out. */
export function client(baseUrl: string) {
  return async function call<T = any>(
    method: string,
    path: string,
    options: { key?: string; body?: unknown; rawBody?: string | Buffer | FormData; headers?: Record<string, string>; cookie?: string } = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | Uint8Array<ArrayBuffer> | FormData | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.rawBody !== undefined) {
      body = Buffer.isBuffer(options.rawBody) ? new Uint8Array(options.rawBody) : options.rawBody;
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (docs page, CSV)
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
}
