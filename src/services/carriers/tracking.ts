import { AppError, invalid, notFound, unauthenticated } from '../../domain/errors.js';
import { trackingEffects, type TrackingEffect, type TrackingStatus } from '../../domain/carriers/tracking.js';
import { normaliseTrackingNumber } from '../../domain/carriers/tracking-numbers.js';
import { carriersRepo, scanKey, type ParcelRow } from '../../db/repos/carriers-repo.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { connectionsRepo, type ConnectionRow } from '../../db/repos/connections-repo.js';
import { CarrierError, CarrierSignatureError, type TrackingUpdate } from '../../integrations/carriers/carrier.js';
import type { ServiceContext } from '../context.js';
import { loggedRun } from '../connections/index.js';
import type { SyncItemError } from '../../integrations/connection-kind.js';
import { connectionKind } from '../../integrations/kinds.js';
import { performAction } from '../cases/index.js';
import { carrierOfRow, POLL_EVERY_MS } from './carrier-connections.js';
import { recordPickupUpdate } from './pickups.js';

const SYSTEM = { kind: 'system', rule: 'carrier.tracking' } as const;
const FINAL: ReadonlySet<TrackingStatus> = new Set(['delivered', 'lost', 'returned_to_sender', 'intercepted']);

/**
 * Scans reported by a carrier, applied to the cases their parcels belong to (issue 17 point 5).
 * Per parcel, the scans not stored yet are taken oldest first; each one's effects are decided
 * by the pure `trackingEffects` from the parcel and the case as they are now, applied, and the
 * scans are stored with what they did. Every effect is guarded by the state it changes (an
 * approved case, a parcel not yet delivered, an interception still pending), so a callback
 * delivered twice — or retried after a crash between the effects and the insert — does
 * nothing twice.
 */
export async function recordTracking(ctx: ServiceContext, shopId: string, updates: TrackingUpdate[]): Promise<{ scansIn: number; effects: TrackingEffect[]; errors: SyncItemError[] }> {
  const numbers = [...new Set(updates.map((u) => normaliseTrackingNumber(u.trackingNumber)))];
  const parcels = await carriersRepo.parcelsByTracking(ctx.db, shopId, [...numbers, ...updates.map((u) => u.trackingNumber)]);
  const applied: TrackingEffect[] = [];
  const errors: SyncItemError[] = [];
  let scansIn = 0;
  for (const { parcel } of parcels) {
    const mine = updates
      .filter((u) => normaliseTrackingNumber(u.trackingNumber) === normaliseTrackingNumber(parcel.trackingNumber))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const known = await carriersRepo.knownScans(ctx.db, shopId, parcel.id);
    const fresh = mine.filter((u) => !known.has(scanKey(u)) && (known.add(scanKey(u)), true));
    if (fresh.length === 0) continue;
    let current: ParcelRow = parcel;
    const rows = [];
    for (const scan of fresh) {
      const c = await casesRepo.findById(ctx.db, shopId, parcel.caseId);
      if (!c) break;
      const effects = trackingEffects(
        { direction: current.direction, interception: current.interception, delivered: current.receiptReadyAt !== null },
        { status: c.status, type: c.type, refundOnlyKind: c.refundOnlyKind },
        scan.status,
      );
      for (const effect of effects) {
        try {
          current = await applyEffect(ctx, c.id, shopId, current, scan, effect);
          applied.push(effect);
        } catch (err) {
          // The case moved on meanwhile (a person acted first): the scan is still stored; nothing else to do.
          if (!(err instanceof AppError && (err.kind === 'conflict' || err.kind === 'unprocessable'))) throw err;
          errors.push({ externalId: parcel.trackingNumber, message: `${effect}: ${err.message}` });
        }
      }
      rows.push({
        shopId,
        caseId: parcel.caseId,
        shipmentId: parcel.id,
        carrier: scan.carrierCode || parcel.carrier,
        trackingNumber: parcel.trackingNumber,
        status: scan.status,
        code: scan.code,
        description: scan.description,
        location: scan.location,
        occurredAt: scan.occurredAt,
        effects,
        createdAt: ctx.clock.now(),
      });
    }
    scansIn += await carriersRepo.insertEvents(ctx.db, rows);
    const last = fresh.at(-1)!;
    // A parcel at its end (delivered, lost, sent back, its interception settled) is not polled again;
    // one still moving whose carrier just reported is polled an interval after this report.
    const settled = FINAL.has(last.status) || current.interception === 'succeeded' || current.interception === 'failed' || current.status !== 'in_transit';
    const nextPollAt = settled || !parcel.nextPollAt ? null : new Date(ctx.clock.now().getTime() + POLL_EVERY_MS);
    await carriersRepo.updateParcel(ctx.db, shopId, parcel.id, { trackingStatus: last.status, trackingAt: last.occurredAt, nextPollAt });
  }
  return { scansIn, effects: applied, errors };
}

async function applyEffect(ctx: ServiceContext, caseId: string, shopId: string, parcel: ParcelRow, scan: TrackingUpdate, effect: TrackingEffect): Promise<ParcelRow> {
  const now = ctx.clock.now();
  const scanFacts = { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber, status: scan.status, code: scan.code, description: scan.description, at: scan.occurredAt.toISOString() };
  switch (effect) {
    case 'mark_shipped':
      await performAction(ctx, shopId, caseId, 'buyer_shipped', SYSTEM, { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber });
      return parcel;
    case 'receipt_ready': {
      await carriersRepo.markReceiptReady(ctx.db, shopId, parcel.id, scan.occurredAt, now);
      await casesRepo.insertEvent(ctx.db, { shopId, caseId, type: 'carrier.delivered', actorKind: 'system', rule: 'carrier.tracking', payload: scanFacts, createdAt: now });
      return { ...parcel, status: 'delivered', deliveredAt: scan.occurredAt, receiptReadyAt: now };
    }
    case 'review': {
      await ctx.db.transaction(async (tx) => {
        await casesRepo.update(tx, shopId, caseId, { needsReview: true, updatedAt: now });
        await casesRepo.insertEvent(tx, { shopId, caseId, type: 'carrier.exception', actorKind: 'system', rule: 'carrier.tracking', payload: scanFacts, createdAt: now });
      });
      if (scan.status === 'lost') await carriersRepo.updateParcel(ctx.db, shopId, parcel.id, { status: 'lost' });
      return parcel;
    }
    case 'intercepted': {
      await carriersRepo.updateParcel(ctx.db, shopId, parcel.id, { interception: 'succeeded' });
      await performAction(ctx, shopId, caseId, 'intercepted', { kind: 'system', rule: 'carrier.interception' }, { note: `${parcel.carrier} ${parcel.trackingNumber}: ${scan.description}`.slice(0, 2000) });
      return { ...parcel, interception: 'succeeded' };
    }
    case 'interception_failed': {
      // The parcel reached the buyer: the refund-only case now asks for the goods back (resolution "return"
      // lets the buyer ship them; the refund follows receipt as for any return).
      await ctx.db.transaction(async (tx) => {
        await carriersRepo.updateParcel(tx, shopId, parcel.id, { interception: 'failed', status: 'delivered', deliveredAt: scan.occurredAt });
        await casesRepo.update(tx, shopId, caseId, { resolution: 'return', updatedAt: now });
        await casesRepo.insertEvent(tx, { shopId, caseId, type: 'carrier.interception_failed', actorKind: 'system', rule: 'carrier.interception', payload: scanFacts, createdAt: now });
      });
      return { ...parcel, interception: 'failed' };
    }
    default:
      return parcel;
  }
}

export interface CarrierHook {
  kind: string;
  connectionId: string;
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A carrier's webhook (Kuaidi100 subscription callback, EasyPost tracker event): authenticated
 * by the carrier's signature with the connection's secret before anything is read, logged as a
 * run of the connection, and answered as the carrier expects.
 */
export async function receiveCarrierWebhook(ctx: ServiceContext, hook: CarrierHook): Promise<{ contentType: string; body: string }> {
  const row = await connectionsRepo.byIdAnyShop(ctx.db, hook.connectionId);
  if (!row || row.kind !== hook.kind || !connectionKind(row.kind)?.carrier) throw notFound('connection.not_found', `No such ${hook.kind} connection`);
  const carrier = carrierOfRow(ctx, row);
  let updates: TrackingUpdate[];
  try {
    // A booked pickup's order callback (Kuaidi100 商家寄件) comes to the same address as tracking.
    const pickup = carrier.readPickupWebhook?.({ rawBody: hook.rawBody, headers: hook.headers }) ?? null;
    if (pickup) {
      if (row.status !== 'paused') await loggedRun(ctx, row, 'webhook', () => recordPickupUpdate(ctx, row, pickup));
      return carrier.webhookAnswer;
    }
    updates = await carrier.readWebhook({ rawBody: hook.rawBody, headers: hook.headers });
  } catch (err) {
    if (err instanceof CarrierSignatureError) throw unauthenticated('webhook.signature_invalid', `The carrier’s signature does not match this connection’s secret: ${err.message}`);
    if (err instanceof CarrierError) throw invalid('webhook.malformed', err.message);
    throw err;
  }
  if (row.status !== 'paused') await trackedRun(ctx, row, 'webhook', updates);
  return carrier.webhookAnswer;
}

export async function trackedRun(ctx: ServiceContext, row: ConnectionRow, trigger: 'webhook' | 'sync', updates: TrackingUpdate[]) {
  let result = { scansIn: 0, effects: [] as TrackingEffect[], errors: [] as SyncItemError[] };
  await loggedRun(ctx, row, trigger, async () => {
    result = await recordTracking(ctx, row.shopId, updates);
    return { itemsIn: result.scansIn, itemsOut: 0, errors: result.errors };
  });
  return result;
}

/** Asks the carrier now (real-time query) for every parcel of the case it tracks, and applies what is new. */
export async function refreshCaseTracking(ctx: ServiceContext, shopId: string, caseId: string) {
  const parcels = (await carriersRepo.parcelsOfCase(ctx.db, shopId, caseId)).filter((p) => p.connectionId && p.carrierCode);
  let scansIn = 0;
  for (const p of parcels) {
    const row = await connectionsRepo.byId(ctx.db, shopId, p.connectionId!);
    if (!row || !connectionKind(row.kind)?.carrier) continue;
    let updates: TrackingUpdate[];
    try {
      updates = await carrierOfRow(ctx, row).track(p.carrierCode!, p.trackingNumber);
    } catch (err) {
      if (err instanceof CarrierError) throw new AppError('unavailable', 'carrier.unavailable', err.message);
      throw err;
    }
    scansIn += (await trackedRun(ctx, row, 'sync', updates)).scansIn;
  }
  return { scansIn };
}
