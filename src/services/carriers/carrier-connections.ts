import { notFound, unprocessable } from '../../domain/errors.js';
import { connectionsRepo, type ConnectionRow } from '../../db/repos/connections-repo.js';
import type { Carrier } from '../../integrations/carriers/carrier.js';
import type { ServiceContext } from '../context.js';
import { openConnection } from '../connections/index.js';
import { connectionKind } from '../../integrations/kinds.js';

export interface OpenCarrier {
  row: ConnectionRow;
  carrier: Carrier;
}

export const carrierOfRow = (ctx: ServiceContext, row: ConnectionRow): Carrier => connectionKind(row.kind)!.carrier!(openConnection(ctx, row));

/**
 * How often the tracking poller asks the carrier about a parcel it follows (real-time query),
 * counted from the last report — so a parcel whose callbacks arrive is hardly ever polled.
 * Kuaidi100 asks for at least 30 minutes between queries of one number.
 */
export const POLL_EVERY_MS = 2 * 3_600_000;

/** The first poll of a parcel Retour starts following: an interval on, once its callbacks had their chance. */
export const firstPollAt = (ctx: ServiceContext) => new Date(ctx.clock.now().getTime() + POLL_EVERY_MS);

/** Where a carrier reports scans for this connection. */
export const carrierCallbackUrl = (ctx: ServiceContext, row: ConnectionRow) => `${ctx.config.publicUrl}/hooks/${row.kind}/${row.id}`;

/**
 * The carrier connection a booking or an interception goes through: the one named, else the
 * shop's first active carrier connection. None is a 422 the console explains (connect one, or
 * let the buyer type the tracking number).
 */
export async function chooseCarrier(ctx: ServiceContext, shopId: string, connectionId?: string): Promise<OpenCarrier> {
  if (connectionId) {
    const row = await connectionsRepo.byId(ctx.db, shopId, connectionId);
    if (!row || !connectionKind(row.kind)?.carrier) throw notFound('carrier.not_found', 'No such carrier connection');
    if (row.status === 'paused') throw unprocessable('carrier.paused', 'This carrier connection is paused');
    return { row, carrier: carrierOfRow(ctx, row) };
  }
  const row = (await connectionsRepo.list(ctx.db, shopId)).find((r) => r.status !== 'paused' && connectionKind(r.kind)?.carrier);
  if (!row) throw unprocessable('carrier.not_connected', 'No carrier is connected: connect Kuaidi100 or EasyPost in Settings → Connections, or let the buyer type the tracking number');
  return { row, carrier: carrierOfRow(ctx, row) };
}

/** The shop's active carrier connections (the portal offers pickup or drop-off only when one can book it). */
export async function carrierConnections(ctx: ServiceContext, shopId: string): Promise<OpenCarrier[]> {
  return (await connectionsRepo.list(ctx.db, shopId)).filter((r) => r.status !== 'paused' && connectionKind(r.kind)?.carrier).map((row) => ({ row, carrier: carrierOfRow(ctx, row) }));
}
