import { uuidv7 } from 'uuidv7';
import { TERMINAL_STATUSES, type CaseStatus } from '../../domain/cases/model.js';
import { marketplaceDeadline } from '../../domain/marketplaces/deadlines.js';
import { pushDecision } from '../../domain/marketplaces/decisions.js';
import { platformWins, retourStatus, statusRow, typeRow, type Platform } from '../../domain/marketplaces/mapping.js';
import { reasonCodeFor } from '../../domain/marketplaces/reasons.js';
import { AppError, unprocessable } from '../../domain/errors.js';
import { casesRepo, type CaseRow } from '../../db/repos/cases-repo.js';
import { marketplaceCasesRepo, type MarketplaceCaseRow } from '../../db/repos/marketplace-cases-repo.js';
import { caseMessages, marketplaceCases } from '../../db/schema/index.js';
import type { WriteBatch } from '../../db/write-batch.js';
import { MarketplaceAuthError, type MarketplaceAdapter, type MarketplaceCursor, type MarketplaceRecord } from '../../integrations/marketplaces/adapter.js';
import type { OpenConnection, SyncItemError, SyncOutcome } from '../../integrations/connection-kind.js';
import type { ServiceContext } from '../context.js';
import { syncDeadlines } from '../cases/index.js';
import { caseSnapshot, publish } from '../events.js';
import { bulkWriteOrders } from '../orders/index.js';
import type { OrderInput } from '../orders/index.js';
import { checkOrderInput } from '../orders/index.js';
import { currentPolicy, policyById } from '../policy/index.js';
import { createCase } from '../cases/index.js';
import { getShop } from '../shops/index.js';

/** The order channel each marketplace's orders are written under (services/orders/order-input.ts CHANNELS). */
export const MARKETPLACE_CHANNELS: Readonly<Record<Platform, string>> = { taobao: 'taobao', pinduoduo: 'pdd', jd: 'jd', douyin: 'douyin' };

export interface MarketplaceSyncSettings {
  pageSize?: number;
  maxPagesPerRun?: number;
  /** How far back the first run looks (default 72 h). */
  backfillHours?: number;
}

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_MAX_PAGES = 50;
const DEFAULT_BACKFILL_HOURS = 72;
/** The next window starts this long before the last one ended: a record changed as a page was read is read again (harmlessly). */
const OVERLAP_MS = 60_000;
const PUSH_BATCH = 100;

/**
 * One sync run of a marketplace connection (issue 17): first Retour's decisions not yet on the
 * platform are pushed, then what changed on the platform is pulled, window by window (modified
 * time, at most the platform's longest window) and page by page, and written. A run cut short by
 * the page limit stores where it stopped and resumes there. An expired token fails the run (the
 * connection shows the error and backs off); every other failure is logged by the record's id.
 */
export async function syncMarketplace(ctx: ServiceContext, connection: OpenConnection, adapter: MarketplaceAdapter & { maxWindowMs?: number }): Promise<SyncOutcome> {
  const settings = connection.settings as MarketplaceSyncSettings;
  const outcome: SyncOutcome = { itemsIn: 0, itemsOut: 0, errors: [] };
  await pushDecisions(ctx, connection, adapter, outcome);

  const now = ctx.clock.now();
  const saved = (connection.row.cursor ?? null) as MarketplaceCursor | null;
  let from = saved ? new Date(saved.modifiedFrom) : new Date(now.getTime() - (settings.backfillHours ?? DEFAULT_BACKFILL_HOURS) * 3600_000);
  const end = saved?.windowEnd ? new Date(saved.windowEnd) : now;
  let page = saved?.page ?? 1;
  const pageSize = settings.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxPages = settings.maxPagesPerRun ?? DEFAULT_MAX_PAGES;
  const maxWindow = adapter.maxWindowMs ?? Number.POSITIVE_INFINITY;
  let pages = 0;
  while (from < end) {
    const to = new Date(Math.min(end.getTime(), from.getTime() + maxWindow));
    for (;;) {
      if (pages >= maxPages) {
        outcome.cursor = { modifiedFrom: from.toISOString(), windowEnd: end.toISOString(), page };
        return outcome;
      }
      const pulled = await adapter.pullPage({ from, to }, page, pageSize);
      pages++;
      outcome.errors.push(...pulled.errors);
      const written = await writeRecords(ctx, connection, adapter.platform, pulled.records);
      outcome.itemsIn += written.changed;
      outcome.errors.push(...written.errors);
      if (!pulled.hasNext || pulled.records.length === 0) break;
      page++;
    }
    from = to;
    page = 1;
  }
  outcome.cursor = { modifiedFrom: new Date(Math.max(end.getTime() - OVERLAP_MS, 0)).toISOString() };
  return outcome;
}

/** Refusals and return approvals Retour made since it last agreed with the platform, pushed as the platform's actions. */
async function pushDecisions(ctx: ServiceContext, connection: OpenConnection, adapter: MarketplaceAdapter, outcome: SyncOutcome) {
  const { shopId, id } = connection.row;
  const pending = await marketplaceCasesRepo.pendingPushes(ctx.db, shopId, id, PUSH_BATCH);
  for (const { link, c } of pending) {
    const decision = pushDecision(link.syncedStatus, c);
    const now = ctx.clock.now();
    if (decision.action === 'none') {
      await marketplaceCasesRepo.update(ctx.db, shopId, link.id, { syncedStatus: c.status, updatedAt: now });
      continue;
    }
    if (decision.action === 'blocked') {
      await marketplaceCasesRepo.update(ctx.db, shopId, link.id, { pushError: decision.message, updatedAt: now });
      outcome.errors.push({ externalId: link.externalId, message: decision.message });
      continue;
    }
    try {
      await adapter.push({ externalId: link.externalId, orderExternalId: link.orderExternalId, handle: link.handle }, decision);
      await marketplaceCasesRepo.update(ctx.db, shopId, link.id, { syncedStatus: c.status, pushError: null, updatedAt: now });
      outcome.itemsOut++;
    } catch (err) {
      if (err instanceof MarketplaceAuthError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      await marketplaceCasesRepo.update(ctx.db, shopId, link.id, { pushError: message.slice(0, 1000), updatedAt: now });
      outcome.errors.push({ externalId: link.externalId, message: `push ${decision.action}: ${message}` });
    }
  }
}

/**
 * Writes a page of records: known ones whose platform record did not change since are skipped
 * without a write (re-pulling never opens a second case, and costs one read per page); new ones
 * get their order (written in bulk when Retour does not have it) and a case opened by the
 * platform, with its link in the same transaction; then each changed record's state is applied.
 */
async function writeRecords(ctx: ServiceContext, connection: OpenConnection, platform: Platform, records: MarketplaceRecord[]): Promise<{ changed: number; errors: SyncItemError[] }> {
  const errors: SyncItemError[] = [];
  if (records.length === 0) return { changed: 0, errors };
  const { shopId } = connection.row;
  const known = await marketplaceCasesRepo.byExternalIds(ctx.db, shopId, connection.row.id, [...new Set(records.map((r) => r.externalId))]);
  const fresh = records.filter((r) => !known.has(r.externalId));
  const changed = records.filter((r) => {
    const link = known.get(r.externalId);
    return link && r.modifiedAt.getTime() > link.platformModifiedAt.getTime();
  });
  let count = 0;
  if (fresh.length) {
    const opened = await openCases(ctx, connection, platform, fresh, errors);
    for (const [record, link, applied] of opened) {
      known.set(record.externalId, link);
      if (applied) count++;
      else changed.push(record);
    }
  }
  for (const record of changed) {
    try {
      if (await applyRecord(ctx, platform, record, known.get(record.externalId)!)) count++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({ externalId: record.externalId, message: `${err.code}: ${err.message}` });
    }
  }
  return { changed: count, errors };
}

function orderOf(platform: Platform, records: MarketplaceRecord[]): OrderInput {
  const first = records[0]!;
  const lines = new Map<string, MarketplaceRecord>();
  for (const r of records) if (!lines.has(r.lineExternalId)) lines.set(r.lineExternalId, r);
  return {
    channel: MARKETPLACE_CHANNELS[platform] as OrderInput['channel'],
    externalId: first.orderExternalId,
    currency: 'CNY',
    pricesIncludeTax: true,
    locale: 'zh-CN',
    placedAt: first.order.placedAt.toISOString(),
    ...(first.order.paidAt ? { paidAt: first.order.paidAt.toISOString() } : {}),
    ...(first.order.shippedAt ? { shippedAt: first.order.shippedAt.toISOString() } : {}),
    ...(first.order.deliveredAt ? { deliveredAt: first.order.deliveredAt.toISOString() } : {}),
    customer: { externalId: `${platform}:${first.buyer.externalId}`.slice(0, 128), ...(first.buyer.name ? { name: first.buyer.name.slice(0, 200) } : {}), locale: 'zh-CN' },
    lines: [...lines.values()].map((r) => ({
      externalId: r.lineExternalId,
      sku: (r.item.sku || r.lineExternalId).slice(0, 100),
      title: (r.item.title || r.item.sku || r.lineExternalId).slice(0, 300),
      quantity: Math.max(1, r.item.quantity),
      unitPriceMinor: r.item.unitPriceMinor,
      // The platform's price less what the buyer did not pay (shop coupons, platform discounts on the line).
      ...(r.item.unitPriceMinor * Math.max(1, r.item.quantity) > r.item.paidMinor ? { lineDiscountMinor: r.item.unitPriceMinor * Math.max(1, r.item.quantity) - r.item.paidMinor } : {}),
    })),
  };
}

async function openCases(ctx: ServiceContext, connection: OpenConnection, platform: Platform, records: MarketplaceRecord[], errors: SyncItemError[]) {
  const { shopId } = connection.row;
  const channel = MARKETPLACE_CHANNELS[platform];
  const shop = await getShop(ctx, shopId);
  const byOrder = new Map<string, MarketplaceRecord[]>();
  for (const r of records) byOrder.set(r.orderExternalId, [...(byOrder.get(r.orderExternalId) ?? []), r]);
  let lines = await marketplaceCasesRepo.orderLines(ctx.db, shopId, channel, [...byOrder.keys()]);
  const missing = [...byOrder.entries()].filter(([orderId]) => !lines.has(orderId));
  if (missing.length) {
    const prepared = [];
    for (const [, recs] of missing) {
      const input = orderOf(platform, recs);
      try {
        prepared.push({ input, amounts: checkOrderInput(shop, input) });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        for (const r of recs) errors.push({ externalId: r.externalId, message: `order ${r.orderExternalId}: ${err.code}: ${err.message}` });
      }
    }
    if (prepared.length) {
      const written = await bulkWriteOrders(ctx, shop, prepared);
      for (const rejected of written.rejected) for (const r of byOrder.get(rejected.order.input.externalId) ?? []) errors.push({ externalId: r.externalId, message: `order: ${rejected.code}: ${rejected.message}` });
      lines = await marketplaceCasesRepo.orderLines(ctx.db, shopId, channel, [...byOrder.keys()]);
    }
  }
  const current = await currentPolicy(ctx.db, shopId, ctx.clock.now());
  const policy = current.document;
  /** [record, its link, whether the record's state was applied as the case was opened]. */
  const opened: [MarketplaceRecord, MarketplaceCaseRow, boolean][] = [];
  for (const record of records) {
    const order = lines.get(record.orderExternalId);
    if (!order) continue; // its order was refused above, and logged
    const line = order.lines.find((l) => l.externalId === record.lineExternalId) ?? (order.lines.length === 1 ? order.lines[0] : undefined);
    const typed = typeRow(platform, record.typeCode);
    const status = statusRow(platform, record.statusCode);
    if (!line) {
      errors.push({ externalId: record.externalId, message: `Line ${record.lineExternalId} is not on order ${record.orderExternalId} in Retour` });
      continue;
    }
    if (!typed || !typed.type) {
      errors.push({ externalId: record.externalId, message: typed ? `${platform} after-sales type ${record.typeCode} (${typed.meaning}) is not handled by Retour` : `Unknown ${platform} after-sales type ${record.typeCode}` });
      continue;
    }
    if (!status || !status.neutral) {
      errors.push({ externalId: record.externalId, message: status ? `${platform} status ${record.statusCode} (${status.meaning}) is not an after-sales state` : `Unknown ${platform} status ${record.statusCode}` });
      continue;
    }
    const reasonCode = reasonCodeFor(record.reason, typed.type, policy.reasons);
    if (!reasonCode) {
      errors.push({ externalId: record.externalId, message: 'The shop’s policy has no reason this case type allows' });
      continue;
    }
    const now = ctx.clock.now();
    let link: MarketplaceCaseRow | null = null;
    let applied = false;
    try {
      await createCase(
        ctx,
        shopId,
        {
          orderId: order.orderId,
          type: typed.type,
          ...(typed.type === 'refund_only' ? { refundOnlyKind: typed.refundOnlyKind ?? (record.order.shippedAt ? 'in_transit' : 'not_shipped') } : {}),
          items: [{ lineId: line.id, quantity: Math.max(1, record.returnQuantity), reasonCode, ...(record.reason ? { note: record.reason.slice(0, 2000) } : {}) }],
          ...(record.description || record.reason ? { note: [record.reason, record.description].filter(Boolean).join(' — ').slice(0, 2000) } : {}),
          overridePolicy: true,
        },
        { kind: 'platform' },
        {
          within: (batch, created) => {
            // Usually the platform's state is the one the case opens in: then the record is applied
            // here, in the case's own batch (the link stored as applied, the pending deadlines set to
            // the platform's), instead of a second transaction per record. Otherwise it is applied next.
            applied = created.policyId === current.id && retourStatus(status.neutral!, created.type, created.refundOnlyKind) === created.status;
            const deadline = applied ? marketplaceDeadline(platform, created, record.deadlineAt, record.modifiedAt, policy.marketplaceDeadlines) : null;
            if (deadline) for (const row of pendingOfBatch(batch, created.id)) Object.assign(row, { dueAt: deadline.dueAt, rule: deadline.rule });
            link = {
              shopId,
              id: uuidv7(),
              connectionId: connection.row.id,
              platform,
              externalId: record.externalId,
              orderExternalId: record.orderExternalId,
              caseId: created.id,
              platformStatus: record.statusCode,
              platformType: record.typeCode,
              // Not yet applied: the record's state is applied next, in its own transaction.
              platformModifiedAt: applied ? record.modifiedAt : new Date(0),
              platformDeadlineAt: applied ? record.deadlineAt : null,
              syncedStatus: created.status,
              handle: record.handle,
              pushError: null,
              createdAt: now,
              updatedAt: now,
            };
            batch.insert(marketplaceCases, link);
            const body = [record.description ?? record.reason, ...record.evidence.map((u) => `📎 ${u}`)].filter(Boolean).join('\n');
            if (body) batch.insert(caseMessages, { shopId, caseId: created.id, visibility: 'public', authorKind: 'platform', authorId: null, body: body.slice(0, 8000), evidenceIds: [], createdAt: now });
          },
        },
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({ externalId: record.externalId, message: `${err.code}: ${err.message}` });
      continue;
    }
    if (link) opened.push([record, link, applied]);
  }
  return opened;
}

/** The deadline rows the case's batch inserts (services/cases/deadlines.ts keeps them in the batch's memo until the flush). */
function pendingOfBatch(batch: WriteBatch, caseId: string): { dueAt: Date; rule: string | null }[] {
  return (batch.memo.get(`deadlines:pending:${caseId}`) as { dueAt: Date; rule: string | null }[] | undefined) ?? [];
}

/**
 * The platform's record as it now stands, applied to its case in one transaction: the platform's
 * state wins where it differs (an event `case.platform_status` records it), except a state that
 * only lags a decision Retour took and has not pushed yet; the platform's deadline (or the
 * policy's platform default) replaces Retour's clock for the current step. True when it changed anything.
 */
async function applyRecord(ctx: ServiceContext, platform: Platform, record: MarketplaceRecord, link: MarketplaceCaseRow): Promise<boolean> {
  const status = statusRow(platform, record.statusCode);
  if (!status?.neutral) throw unprocessable('marketplace.unknown_status', `Unknown or non-after-sales ${platform} status ${record.statusCode}`);
  return ctx.db.transaction(async (tx) => {
    const c = await casesRepo.findByIdForUpdate(tx, link.shopId, link.caseId);
    if (!c) return false;
    const now = ctx.clock.now();
    const target = retourStatus(status.neutral!, c.type, c.refundOnlyKind);
    const retourMoved = c.status !== link.syncedStatus;
    let after: CaseRow = c;
    if (platformWins(c.status, target, retourMoved)) {
      const closing = !TERMINAL_STATUSES.has(c.status) && TERMINAL_STATUSES.has(target);
      after = await casesRepo.update(tx, c.shopId, c.id, {
        status: target,
        updatedAt: now,
        ...(closing ? { closedAt: now } : {}),
        ...(status.neutral === 'refunded' && c.refundedMinor === 0 ? { refundedMinor: record.refundMinor } : {}),
        ...(record.fastRefund && !c.refundedEarly && !TERMINAL_STATUSES.has(target) ? { refundedEarly: true } : {}),
      });
      await casesRepo.insertEvent(tx, {
        shopId: c.shopId,
        caseId: c.id,
        type: 'case.platform_status',
        action: null,
        fromStatus: c.status,
        toStatus: target,
        actorKind: 'platform',
        actorId: null,
        actorRole: null,
        rule: `marketplace.${platform}.status`,
        payload: { platform, externalId: record.externalId, code: record.statusCode, meaning: status.meaning, confidence: status.confidence, refundMinor: record.refundMinor },
        createdAt: now,
      });
      await syncDeadlines(tx, after, { kind: 'platform' }, now);
      await publish(tx, c.shopId, 'return.status_changed', c.id, { case: caseSnapshot(after), from: c.status, to: target, action: null, actor: { kind: 'platform', role: null }, rule: `marketplace.${platform}.status` }, now);
    }
    const policy = await policyById(tx, c.shopId, c.policyId);
    const deadline = marketplaceDeadline(platform, after, record.deadlineAt, record.modifiedAt, policy.marketplaceDeadlines);
    if (deadline) await marketplaceCasesRepo.setPendingDeadline(tx, c.shopId, c.id, deadline.dueAt, deadline.rule);
    const synced: CaseStatus = after.status === target ? target : link.syncedStatus;
    await marketplaceCasesRepo.update(tx, link.shopId, link.id, {
      platformStatus: record.statusCode,
      platformType: record.typeCode,
      platformModifiedAt: record.modifiedAt,
      platformDeadlineAt: record.deadlineAt,
      syncedStatus: synced,
      handle: record.handle,
      updatedAt: now,
    });
    return true;
  });
}
