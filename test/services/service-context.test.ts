import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { upsertOrder } from '../../src/services/orders/upsert-order.js';
import type { OrderInput } from '../../src/services/orders/order-input.js';
import { findShop } from '../../src/services/shops/shops.js';
import { orderBody } from '../helpers/orders.js';
import { placeOrder, useServiceContext, useSimulatedRefunds } from '../helpers/service-context.js';

// The helper's promises, checked on the driver in use: these tests run in order and each relies
// on the one before having been rolled back.
const t = useServiceContext();

const orderCount = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from orders where shop_id = ${t.shop.id}`))[0]!.n;
const transactionId = async () => (await queryRows<{ id: string }>(t.ctx.db, sql`select txid_current()::text as id`))[0]!.id;
let firstTransaction: string | undefined;

describe('service test context', () => {
  it('runs a test and the services it calls in one transaction', async () => {
    firstTransaction = await transactionId();
    await placeOrder(t.ctx, t.shop.id);
    await useSimulatedRefunds(t.ctx, t.shop.id);
    expect(await orderCount()).toBe(1);
    expect(await transactionId()).toBe(firstTransaction);
    expect((await findShop(t.ctx, t.shop.id))!.settings).toMatchObject({ refundProvider: 'simulated' });
  });

  it('rolls back what the test before wrote; the seeded shop stays, unchanged', async () => {
    expect(await transactionId()).not.toBe(firstTransaction);
    expect(await orderCount()).toBe(0);
    const shop = await findShop(t.ctx, t.shop.id);
    expect(shop).toBeDefined();
    expect(shop!.settings).not.toMatchObject({ refundProvider: 'simulated' });
    const staff = await queryRows<{ role: string }>(t.ctx.db, sql`select role from staff_users where shop_id = ${t.shop.id} order by role`);
    expect(staff.map((s) => s.role)).toEqual(['agent', 'manager', 'owner', 'viewer', 'warehouse']);
  });

  it("a service's own transaction is a savepoint: its failure undoes only its writes, the test's stay", async () => {
    const order = await placeOrder(t.ctx, t.shop.id);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`update orders set note = 'inside' where shop_id = ${t.shop.id} and id = ${order.id}`);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const [row] = await queryRows<{ note: string | null }>(t.ctx.db, sql`select note from orders where shop_id = ${t.shop.id} and id = ${order.id}`);
    expect(row!.note).toBeNull();
    expect(await orderCount()).toBe(1);
  });

  it('a statement that fails inside a service (a unique violation it maps) leaves the test transaction usable', async () => {
    const body = orderBody({ number: 'SAME-NUMBER' }) as unknown as OrderInput;
    await upsertOrder(t.ctx, t.shop.id, body);
    // Another order with the same number: the insert fails in the service's savepoint, which maps it to 409.
    await expect(upsertOrder(t.ctx, t.shop.id, { ...body, externalId: `${body.externalId}-other` })).rejects.toMatchObject({ code: 'order.number_taken' });
    expect(await orderCount()).toBe(1);
  });

  it('starts every test at the same time', () => {
    expect(t.clock.now().toISOString()).toBe('2026-11-01T08:00:00.000Z');
    t.clock.advance(3600_000);
  });

  it('(the clock moved by the test before is back)', () => {
    expect(t.clock.now().toISOString()).toBe('2026-11-01T08:00:00.000Z');
  });
});
