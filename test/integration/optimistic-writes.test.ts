import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { caseMessages, returnCases } from '../../src/db/schema/index.js';
import { batchedWrite, writeReruns } from '../../src/db/write-batch.js';
import { AppError, conflict } from '../../src/domain/errors.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * batchedWrite: a use case reads without a transaction and writes once, guarded by the versions
 * it read. These tests race it on purpose, through the real database, where HTTP cannot time it.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'optimistic');
  api = client(t.baseUrl);
});
afterAll(() => t?.close());

async function openCase() {
  const order = await placeOrder(api, shop.keys.owner);
  const opened = await api('POST', '/api/v1/returns', { key: shop.keys.owner, body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] } });
  expect(opened.status).toBe(201);
  return { id: opened.body.id as string, orderId: order.id as string };
}

const messagesOf = async (caseId: string) =>
  t.ctx.db.select().from(caseMessages).where(and(eq(caseMessages.shopId, shop.id), eq(caseMessages.caseId, caseId)));

describe('optimistic writes', () => {
  it('a write whose case moved on since it was read changes nothing, and the use case runs again on fresh reads', async () => {
    const { id } = await openCase();
    const rerunsBefore = { ...writeReruns };
    const seen: { version: number; optimistic: boolean }[] = [];
    const result = await batchedWrite(t.ctx.db, async (tx, batch) => {
      const c = (await casesRepo.findById(tx, shop.id, id))!;
      seen.push({ version: c.version, optimistic: batch.optimistic });
      // Another request moves the case between this run's read and its write (first run only).
      if (seen.length === 1) expect((await act(api, shop.keys.owner, id, 'approve')).status).toBe(200);
      batch.patchCase(shop.id, id, { buyerNote: `written at version ${c.version}` }, c.version);
      await casesRepo.insertMessage(tx, { shopId: shop.id, caseId: id, visibility: 'internal', authorKind: 'system', authorId: null, body: `run ${seen.length}`, evidenceIds: [], createdAt: new Date() });
      return c.version;
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.version).toBe(seen[0]!.version + 1);
    expect(result).toBe(seen[1]!.version);
    const [row] = await t.ctx.db.select().from(returnCases).where(and(eq(returnCases.shopId, shop.id), eq(returnCases.id, id)));
    // The approval stands, the losing run's message is not there, the second run's write is, once.
    expect(row!.status).toBe('approved');
    expect(row!.buyerNote).toBe(`written at version ${seen[1]!.version}`);
    expect(row!.version).toBe(seen[1]!.version + 1);
    expect((await messagesOf(id)).map((m) => m.body)).toEqual(['run 2']);
    // Counted for /metrics (retour_db_write_reruns_total): one optimistic rerun, no transaction's.
    expect(writeReruns).toEqual({ optimistic: rerunsBefore.optimistic + 1, transaction: rerunsBefore.transaction });
  });

  it('a use case that writes before its one write is refused before anything is sent, and runs in a transaction instead', async () => {
    const { id } = await openCase();
    const rerunsBefore = { ...writeReruns };
    const modes: boolean[] = [];
    await batchedWrite(t.ctx.db, async (tx, batch) => {
      modes.push(batch.optimistic);
      // A direct write (not batched) among the reads: outside a transaction it would commit alone.
      await tx.update(returnCases).set({ buyerNote: 'direct' }).where(and(eq(returnCases.shopId, shop.id), eq(returnCases.id, id)));
      return null;
    });
    expect(modes).toEqual([true, false]);
    const [row] = await t.ctx.db.select().from(returnCases).where(and(eq(returnCases.shopId, shop.id), eq(returnCases.id, id)));
    expect(row!.buyerNote).toBe('direct');
    // No other writer won: no rerun is counted.
    expect(writeReruns).toEqual(rerunsBefore);
  });

  it('a refusal on one read stands, read in one snapshot; on two reads the locked run decides', async () => {
    const { id } = await openCase();
    const refuseAfter = async (reads: number) => {
      const rerunsBefore = { ...writeReruns };
      const modes: boolean[] = [];
      const refused = await batchedWrite(t.ctx.db, async (tx, batch) => {
        modes.push(batch.optimistic);
        for (let i = 0; i < reads; i++) await casesRepo.findById(tx, shop.id, id);
        throw conflict('probe.refused', 'refused on what was read');
      }).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(AppError);
      return { modes, reruns: writeReruns.optimistic - rerunsBefore.optimistic };
    };
    expect(await refuseAfter(1)).toEqual({ modes: [true], reruns: 0 });
    expect(await refuseAfter(0)).toEqual({ modes: [true], reruns: 0 });
    expect(await refuseAfter(2)).toEqual({ modes: [true, false], reruns: 1 });
  });

  it('an error that is not a refusal gets the locked run, whatever was read', async () => {
    const { id } = await openCase();
    const modes: boolean[] = [];
    const failed = await batchedWrite(t.ctx.db, async (tx, batch) => {
      modes.push(batch.optimistic);
      await casesRepo.findById(tx, shop.id, id);
      throw new Error('not a refusal');
    }).catch((err: unknown) => err);
    expect((failed as Error).message).toBe('not a refusal');
    expect(modes).toEqual([true, false]);
  });
});
