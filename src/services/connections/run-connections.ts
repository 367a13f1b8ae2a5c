import { connectionsRepo, type ConnectionRow } from '../../db/repos/connections-repo.js';
import type { ServiceContext } from '../context.js';
import type { SyncOutcome } from '../../integrations/connection-kind.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import { connectionView, openConnection } from './connections.js';
import { connectionKind } from '../../integrations/kinds.js';

const DEFAULT_SYNC_EVERY_MS = 5 * 60_000;

/** One minute after the first failure, doubling to at most an hour. */
export const backoffMs = (failures: number) => Math.min(60_000 * 2 ** Math.max(0, failures - 1), 3_600_000);

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Runs `work` for a connection and keeps its log: a run row with what came in and went out and
 * the items that failed; a failure that escapes `work` fails the run and is rethrown.
 */
export async function loggedRun(ctx: ServiceContext, row: ConnectionRow, trigger: 'sync' | 'webhook' | 'push', work: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  const run = await connectionsRepo.startRun(ctx.db, { shopId: row.shopId, connectionId: row.id, trigger, startedAt: ctx.clock.now() });
  try {
    const outcome = await work();
    await connectionsRepo.finishRun(ctx.db, row.shopId, run.id, {
      status: outcome.errors.length ? 'partial' : 'succeeded',
      itemsIn: outcome.itemsIn,
      itemsOut: outcome.itemsOut,
      errors: outcome.errors.slice(0, 100),
      finishedAt: ctx.clock.now(),
    });
    return outcome;
  } catch (err) {
    await connectionsRepo.finishRun(ctx.db, row.shopId, run.id, { status: 'failed', itemsIn: 0, itemsOut: 0, errors: [{ externalId: null, message: messageOf(err) }], finishedAt: ctx.clock.now() });
    throw err;
  }
}

/**
 * Syncs one connection now (the console's "sync now"): the same run the worker makes, logged
 * and scheduled the same way; its failure is recorded on the connection and returned.
 */
export async function syncConnectionNow(ctx: ServiceContext, row: ConnectionRow): Promise<{ outcome: SyncOutcome | null; error: string | null }> {
  try {
    return { outcome: await runSync(ctx, row), error: null };
  } catch (err) {
    return { outcome: null, error: messageOf(err) };
  }
}

/** "Sync now" from the console or the API: runs the connection's sync in the request and answers how it went. */
export async function syncConnection(ctx: ServiceContext, shopId: string, id: string) {
  const row = await connectionsRepo.byId(ctx.db, shopId, id);
  if (!row) throw notFound('connection.not_found', 'No such connection');
  if (!connectionKind(row.kind)?.sync) throw unprocessable('connection.no_sync', `A ${row.kind} connection has nothing to sync`);
  const { outcome, error } = await syncConnectionNow(ctx, row);
  const after = (await connectionsRepo.byId(ctx.db, shopId, id)) ?? row;
  return { connection: connectionView(after), itemsIn: outcome?.itemsIn ?? 0, errors: outcome?.errors.length ?? 0, error };
}

async function runSync(ctx: ServiceContext, row: ConnectionRow): Promise<SyncOutcome | null> {
  const kind = connectionKind(row.kind);
  if (!kind?.sync) {
    await connectionsRepo.update(ctx.db, row.shopId, row.id, { nextSyncAt: null });
    return null;
  }
  try {
    const outcome = await loggedRun(ctx, row, 'sync', () => kind.sync!(ctx, openConnection(ctx, row)));
    const now = ctx.clock.now();
    await connectionsRepo.update(ctx.db, row.shopId, row.id, {
      ...(outcome.cursor !== undefined ? { cursor: outcome.cursor } : {}),
      status: row.status === 'paused' ? 'paused' : 'active',
      failures: 0,
      lastSyncAt: now,
      lastError: null,
      lastErrorAt: null,
      nextSyncAt: new Date(now.getTime() + (kind.syncEveryMs ?? DEFAULT_SYNC_EVERY_MS)),
    });
    return outcome;
  } catch (err) {
    const now = ctx.clock.now();
    const failures = row.failures + 1;
    await connectionsRepo.update(ctx.db, row.shopId, row.id, {
      status: row.status === 'paused' ? 'paused' : 'error',
      failures,
      lastError: messageOf(err),
      lastErrorAt: now,
      nextSyncAt: new Date(now.getTime() + backoffMs(failures)),
    });
    throw err;
  }
}
