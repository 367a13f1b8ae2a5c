import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { ROLES, type Role } from '../../src/domain/auth/permissions.js';
import type { Actor } from '../../src/domain/cases/model.js';
import { POLICY_PRESETS } from '../../src/domain/policy/presets.js';
import type { Policy } from '../../src/domain/policy/schema.js';
import { policiesRepo } from '../../src/db/repos/policies-repo.js';
import { ensureRmaSequence } from '../../src/db/repos/rma-repo.js';
import { staffRepo } from '../../src/db/repos/staff-repo.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { OrderInput } from '../../src/services/orders/order-input.js';
import { upsertOrder } from '../../src/services/orders/upsert-order.js';
import { createShop, forgetCachedShop, updateShop } from '../../src/services/shops/shops.js';
import { createCase } from '../../src/services/cases/create-case.js';
import type { CreateCaseInput } from '../../src/services/cases/case-input.js';
import { TestClock } from './clock.js';
import { createTestDatabase } from './db.js';
import { orderBody } from './orders.js';

/**
 * Service-level tests on a real database (PGlite, or PostgreSQL when DATABASE_URL is set), each
 * test inside a transaction that is rolled back when it ends.
 *
 * The file gets its own migrated copy of the template (test/helpers/db.ts) and one seeded shop,
 * committed once. Every test then runs in an outer transaction: `ctx.db` IS that transaction, so
 * the services' own `ctx.db.transaction(...)` become savepoints (drizzle nests a transaction on a
 * transaction as SAVEPOINT / RELEASE / ROLLBACK TO on both drivers): a use case that fails rolls
 * back its own writes and the test goes on, and whatever the test wrote is gone at its end.
 *
 * What a single transaction cannot show, and the HTTP / integration tests keep:
 * - concurrency (two sessions racing for a row lock): everything here runs on one connection;
 * - services that run nested transactions side by side (`Promise.all` of several
 *   `ctx.db.transaction`, e.g. applyDueDeadlines with more than one deadline due): savepoints on
 *   one connection must nest, so call such services with one item at a time;
 * - a statement that fails outside any service transaction aborts the whole test transaction.
 * Never use `handle.db` while a test runs: on PGlite the open test transaction holds the only
 * backend, and a query beside it waits forever.
 */

/** The start of every test's clock: orders placed by `placeOrder` are delivered two days before. */
export const TEST_START = '2026-11-01T08:00:00Z';

export interface SeededShop {
  id: string;
  slug: string;
  currency: string;
  /** One staff account per role (no password: nobody logs in here). */
  staff: Record<Role, string>;
}

export interface ServiceTest {
  /** This test's context: `db` is the test's transaction, rolled back at its end. */
  readonly ctx: ServiceContext;
  readonly clock: TestClock;
  /** The file's shop (committed before the tests; what a test changes of it is rolled back). */
  readonly shop: SeededShop;
  readonly kind: DatabaseHandle['kind'];
  readonly config: Config;
}

class Rollback extends Error {}

/**
 * Registers the hooks of a service test file and returns its (per-test) context. Call it once, at
 * the top of the file.
 */
export function useServiceContext(options: { start?: string; env?: Record<string, string>; currency?: string; automation?: boolean } = {}): ServiceTest {
  const start = options.start ?? TEST_START;
  const clock = new TestClock(start);
  let handle: DatabaseHandle | undefined;
  let dataDir: string | undefined;
  let config: Config | undefined;
  let shop: SeededShop | undefined;
  let txDb: Database | undefined;
  let finish: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    handle = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'retour-svc-'));
    config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SECRET_KEY: 'test-secret-key-that-is-long-enough-0123', LOG_LEVEL: 'silent', ...options.env });
    shop = await seedShop({ db: handle.db, clock, config }, 'svc', { currency: options.currency, automation: options.automation });
    // Committed: the RMA sequence outlives every test (a sequence made in a rolled-back test would
    // be gone while this process still remembers it as made).
    await ensureRmaSequence(handle.db, shop.id);
  });

  afterAll(async () => {
    await handle?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    clock.set(start);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let opened!: (tx: Database) => void;
    const ready = new Promise<Database>((r) => (opened = r));
    const done = handle!.db
      .transaction(async (tx) => {
        opened(tx as unknown as Database);
        await released;
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
    // The transaction failing to open would leave `ready` pending: race it against `done`.
    txDb = await Promise.race([ready, done.then(() => Promise.reject(new Error('the test transaction ended before the test began')))]);
    finish = async () => {
      release();
      await done;
    };
  });

  afterEach(async () => {
    txDb = undefined;
    await finish?.();
    finish = undefined;
    // A shop changed in the test (refund provider, settings) must not outlive it in the shop cache.
    if (shop) forgetCachedShop(shop.id);
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test of a file that called useServiceContext()`);
    return value;
  };
  const ctx: ServiceContext = {
    get db() {
      return need(txDb, 'ctx.db');
    },
    clock,
    get config() {
      return need(config, 'ctx.config');
    },
  };
  return {
    ctx,
    clock,
    get shop() {
      return need(shop, 'shop');
    },
    get kind() {
      return need(handle, 'the database').kind;
    },
    get config() {
      return need(config, 'config');
    },
  };
}

/**
 * A shop with one staff account per role and a policy in force for any order date: the preset for
 * its currency with automatic approval and fast refunds off (each test decides the steps) unless
 * `automation` is set, or the `policy` given. Inside a test it is rolled back with the rest.
 */
export async function seedShop(
  ctx: ServiceContext,
  slug: string,
  options: { currency?: string; automation?: boolean; policy?: Policy } = {},
): Promise<SeededShop> {
  const currency = options.currency ?? 'CNY';
  const row = await createShop(ctx, { slug, name: `Shop ${slug}`, currency, currencies: currency === 'CNY' ? ['CNY', 'USD'] : [currency] });
  const policy = options.policy ?? structuredClone(currency === 'CNY' ? POLICY_PRESETS.china_marketplace : POLICY_PRESETS.international);
  if (!options.automation && !options.policy) {
    policy.automation.autoApprove.enabled = false;
    policy.automation.fastRefund.enabled = false;
  }
  // Version 1, created at the epoch: in force for every order a test places.
  await policiesRepo.insertVersion(ctx.db, { shopId: row.id, version: 1, document: policy, note: 'service tests', createdAt: new Date(0) });
  const staff = {} as Record<Role, string>;
  for (const role of ROLES) {
    const s = await staffRepo.insert(ctx.db, { shopId: row.id, email: `${role}@${slug}.test`, name: role, role, passwordHash: 'none', locale: 'zh-CN', createdAt: ctx.clock.now() });
    staff[role] = s.id;
  }
  return { id: row.id, slug, currency, staff };
}

/** A staff actor of the shop with that role. */
export const staffActor = (shop: SeededShop, role: Role): Actor => ({ kind: 'staff', role, id: shop.staff[role] });
export const buyer: Actor = { kind: 'buyer' };
export const platform: Actor = { kind: 'platform' };

/** Refunds of the shop go through the simulated provider (it pays at once, into simulated_payouts). */
export const useSimulatedRefunds = (ctx: ServiceContext, shopId: string) => updateShop(ctx, shopId, { refundProvider: 'simulated' });

/**
 * An order of the shop (the Taobao order of test/helpers/orders.ts: 2 × T-shirt, 1 mug, 1 custom
 * necklace), paid on 2026-10-25 and, unless told otherwise, shipped on the 26th and delivered on
 * 2026-10-30 (two days before TEST_START). Written through the order service, as the API does.
 */
export async function placeOrder(ctx: ServiceContext, shopId: string, options: { shipped?: boolean; delivered?: boolean; overrides?: Record<string, unknown> } = {}) {
  const shipped = options.shipped ?? true;
  const delivered = shipped && (options.delivered ?? true);
  const body = orderBody({
    placedAt: '2026-10-25T02:00:00Z',
    paidAt: '2026-10-25T02:05:00Z',
    shipments: shipped
      ? [{ carrier: 'SF', trackingNumber: `SF${Math.floor(Math.random() * 1e12)}`, shippedAt: '2026-10-26T03:00:00Z', deliveredAt: delivered ? '2026-10-30T06:00:00Z' : undefined }]
      : undefined,
    ...options.overrides,
  });
  const { order } = await upsertOrder(ctx, shopId, body as unknown as OrderInput);
  return order;
}

/** Opens a case through the service, as an agent unless another actor is given. */
export function openCase(ctx: ServiceContext, shop: SeededShop, input: CreateCaseInput, actor: Actor = staffActor(shop, 'agent')) {
  return createCase(ctx, shop.id, input, actor);
}
