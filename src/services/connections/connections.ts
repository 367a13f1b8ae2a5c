import { conflict, notFound, unprocessable } from '../../domain/errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { connectionsRepo, type ConnectionRow } from '../../db/repos/connections-repo.js';
import type { ServiceContext } from '../context.js';
import { compileValidator } from '../schema.js';
import { seal, unseal } from '../secrets/index.js';
import type { ConnectionKind, OpenConnection } from '../../integrations/connection-kind.js';
import { CONNECTION_KINDS, connectionKind } from '../../integrations/kinds.js';
import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';

/**
 * A shop's connections to outside systems (issue 16): saved with their credentials sealed, listed
 * without them, opened (unsealed) only by connector code. A new or re-activated connection syncs
 * at once (its next sync is now).
 */
const PURPOSE = 'connection credentials v1';

export interface ConnectionInput {
  kind: string;
  name: string;
  credentials: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface ConnectionPatch {
  name?: string;
  status?: 'active' | 'paused';
  credentials?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

const validators = new Map(
  CONNECTION_KINDS.map((k) => [k.kind, { credentials: compileValidator(k.credentials), settings: compileValidator(k.settings) }] as const),
);

function kindOf(kind: string): ConnectionKind {
  const found = connectionKind(kind);
  if (!found) throw unprocessable('connection.unknown_kind', `Unknown connection kind "${kind}"`, { kind, known: CONNECTION_KINDS.map((k) => k.kind) });
  return found;
}

function checked(kind: string, part: 'credentials' | 'settings', value: Record<string, unknown>) {
  const result = validators.get(kind)![part](value);
  if (!result.ok) throw unprocessable(`connection.invalid_${part}`, `The ${part} do not fit a ${kind} connection`, { issues: result.issues });
  return result.value as Record<string, unknown>;
}

export const connectionView = (r: ConnectionRow, kind = connectionKind(r.kind)) => ({
  id: r.id,
  kind: r.kind,
  category: kind?.category ?? null,
  name: r.name,
  status: r.status,
  settings: r.settings,
  lastSyncAt: r.lastSyncAt?.toISOString() ?? null,
  nextSyncAt: r.nextSyncAt?.toISOString() ?? null,
  lastError: r.lastError,
  lastErrorAt: r.lastErrorAt?.toISOString() ?? null,
  failures: r.failures,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listConnections(ctx: ServiceContext, shopId: string) {
  return { data: (await connectionsRepo.list(ctx.db, shopId)).map((r) => connectionView(r)) };
}

export async function getConnection(ctx: ServiceContext, shopId: string, id: string) {
  return connectionView(await existing(ctx, shopId, id));
}

async function existing(ctx: ServiceContext, shopId: string, id: string): Promise<ConnectionRow> {
  const row = await connectionsRepo.byId(ctx.db, shopId, id);
  if (!row) throw notFound('connection.not_found', 'No such connection');
  return row;
}

const nameTaken = (name: string) => conflict('connection.name_taken', `A connection of this kind is already named "${name}"`, { name });

export async function createConnection(ctx: ServiceContext, shopId: string, input: ConnectionInput, reply?: KeyedReplyOf<ReturnType<typeof connectionView>>) {
  const kind = kindOf(input.kind);
  const credentials = checked(kind.kind, 'credentials', input.credentials);
  const settings = checked(kind.kind, 'settings', input.settings ?? {});
  const now = ctx.clock.now();
  try {
    return await keyedTransaction(ctx.db, reply, async (tx) => {
      const row = await connectionsRepo.insert(tx, {
        shopId,
        kind: kind.kind,
        name: input.name.trim(),
        credentialsSealed: seal(ctx.config.secretKey, PURPOSE, JSON.stringify(credentials)),
        settings,
        nextSyncAt: kind.sync ? now : null,
        createdAt: now,
        updatedAt: now,
      });
      return connectionView(row, kind);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'connections_name_key')) throw nameTaken(input.name.trim());
    throw err;
  }
}

/** Credentials given replace the stored ones whole; settings given replace the settings whole. */
export async function updateConnection(ctx: ServiceContext, shopId: string, id: string, patch: ConnectionPatch) {
  const current = await existing(ctx, shopId, id);
  const kind = kindOf(current.kind);
  const now = ctx.clock.now();
  const resumed = patch.status === 'active' && current.status !== 'active';
  try {
    const row = await connectionsRepo.update(ctx.db, shopId, id, {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.credentials ? { credentialsSealed: seal(ctx.config.secretKey, PURPOSE, JSON.stringify(checked(kind.kind, 'credentials', patch.credentials))) } : {}),
      ...(patch.settings ? { settings: checked(kind.kind, 'settings', patch.settings) } : {}),
      // New credentials or a resume: try again now, forgetting the failures counted so far.
      ...((resumed || patch.credentials) && kind.sync ? { nextSyncAt: now, failures: 0 } : {}),
      updatedAt: now,
    });
    if (!row) throw notFound('connection.not_found', 'No such connection');
    return connectionView(row, kind);
  } catch (err) {
    if (isUniqueViolation(err, 'connections_name_key')) throw nameTaken(patch.name!.trim());
    throw err;
  }
}

export async function deleteConnection(ctx: ServiceContext, shopId: string, id: string) {
  if (!(await connectionsRepo.remove(ctx.db, shopId, id))) throw notFound('connection.not_found', 'No such connection');
}

export const runView = (r: Awaited<ReturnType<typeof connectionsRepo.runs>>[number]) => ({
  id: r.id,
  trigger: r.trigger,
  status: r.status,
  itemsIn: r.itemsIn,
  itemsOut: r.itemsOut,
  errors: r.errors,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** The connection's log, newest first, a page at a time. */
export async function listConnectionRuns(ctx: ServiceContext, shopId: string, id: string, limit: number, before?: number) {
  await existing(ctx, shopId, id);
  const rows = await connectionsRepo.runs(ctx.db, shopId, id, limit + 1, before);
  const page = rows.slice(0, limit);
  return { data: page.map(runView), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}

/** The connection with its credentials unsealed, for connector code only (never for a reply). */
export function openConnection(ctx: ServiceContext, row: ConnectionRow): OpenConnection {
  return { row, credentials: JSON.parse(unseal(ctx.config.secretKey, PURPOSE, row.credentialsSealed)) as Record<string, unknown>, settings: row.settings };
}
