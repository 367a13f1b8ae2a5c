import type { Actor } from '../../domain/cases/model.js';
import { localDay } from '../../domain/analytics/period.js';
import type { RequestedItem } from '../../domain/cases/facts.js';
import { can } from '../../domain/auth/permissions.js';
import { conflict, forbidden, notFound, unprocessable } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import { uuidv7 } from 'uuidv7';
import { casesRepo, type CaseRow, type ItemRow } from '../../db/repos/cases-repo.js';
import { returnItems } from '../../db/schema/index.js';
import { batchedTransaction, batchedWrite, type WriteBatch } from '../../db/write-batch.js';
import { ensureRmaSequence, formatRma } from '../../db/repos/rma-repo.js';
import { catalogRepo } from '../../db/repos/catalog-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import type { RefundRow } from '../../db/repos/refunds-repo.js';
import { findShop } from '../shops/index.js';
import { policyForOrder } from '../policy/index.js';
import { appendFacts, caseOpenedFact } from '../analytics/index.js';
import { actorColumns } from './case-transition.js';
import type { RequestVerdict, Ruling } from '../../domain/policy/verdict.js';
import { ruling } from '../../domain/policy/explain.js';
import { mailLocaleOf } from '../../domain/mail/templates.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { ActionContext } from './action-context.js';
import { payRefunds, runAction, toPay } from './perform-action.js';
import { replyOfOpenedCase } from './reply-prefetch.js';
import type { CaseDetailRows } from '../../db/repos/case-detail-repo.js';
import { recordCaseReply, type ReplyRecorder } from './reply-recorder.js';
import { syncDeadlines } from './deadlines.js';
import { caseSnapshot, publish } from '../events.js';
import type { ListHit } from '../../db/repos/customers-profile-repo.js';
import { loadBuyerContext, loadOrderContext, orderBuyerHistory, signalWindowsOf, type OrderContext } from './case-context.js';
import { buyerRiskSettings } from '../../domain/risk/settings.js';
import type { SignalWindows } from '../../db/repos/customers-profile-repo.js';
import type { CaseRequest, CreateCaseInput } from './case-input.js';
import { assertReturnable, goodsStayWithBuyer, judgeRequest, refundOnlyKindOf, refundWithOverride, withResolution, type CaseMoneyInput } from '../../domain/cases/case-money.js';


interface Replacement {
  /** The index of the requested item it replaces. */
  itemIndex: number;
  variantId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

/**
 * Exchanges: every item is replaced unless it asks to be refunded, by a variant of the same
 * product (the same variant when none is named: a defective item replaced), in stock.
 */
async function resolveReplacements(tx: Tx, shop: ShopRow, ctx: OrderContext, input: CaseRequest): Promise<Replacement[]> {
  if (input.type !== 'exchange') {
    if (input.items.some((i) => i.replacementSku !== undefined)) throw unprocessable('case.replacement_not_exchange', 'Only exchanges name a replacement');
    if (input.items.some((i) => i.resolution === 'exchange')) {
      throw unprocessable('case.resolution_needs_exchange', 'Only an exchange case replaces items: use type exchange, whose other items may ask for a refund');
    }
    return [];
  }
  if (input.items.some((i) => i.resolution === 'refund' && i.replacementSku !== undefined)) {
    throw unprocessable('case.replacement_not_exchange', 'An item refunded in an exchange case names no replacement');
  }
  const exchanged = input.items.map((item, itemIndex) => ({ item, itemIndex })).filter((x) => x.item.resolution !== 'refund');
  if (exchanged.length === 0) throw unprocessable('case.exchange_without_replacement', 'An exchange replaces at least one item; to refund every item, use type return_refund');
  const skuOf = (x: (typeof exchanged)[number]) => x.item.replacementSku ?? ctx.facts.lines.find((l) => l.lineId === x.item.lineId)!.sku;
  const variants = await catalogRepo.variantsBySku(tx, shop.id, [...new Set(exchanged.map(skuOf))]);
  const wanted = new Map<string, number>();
  return exchanged.map((x) => {
    const sku = skuOf(x);
    const variant = variants.get(sku);
    const original = ctx.lineVariants.get(x.item.lineId)!;
    const line = ctx.facts.lines.find((l) => l.lineId === x.item.lineId)!;
    if (!variant || variant.productId !== original.productId) {
      throw unprocessable('exchange.not_same_product', `${sku} is not a variant of the same product as ${line.sku}`);
    }
    // Two items replaced by one variant draw on the same stock.
    const quantity = (wanted.get(variant.id) ?? 0) + x.item.quantity;
    wanted.set(variant.id, quantity);
    if (variant.stockOnHand < quantity) {
      throw conflict('exchange.out_of_stock', `${variant.sku} has ${variant.stockOnHand} in stock`, { sku: variant.sku, inStock: variant.stockOnHand });
    }
    return { itemIndex: x.itemIndex, variantId: variant.id, sku: variant.sku, quantity: x.item.quantity, unitPriceMinor: variant.priceMinor ?? line.unitPriceMinor };
  });
}

/**
 * Per shop, the signal windows of the policy that judged its last request: the next request reads
 * the buyer's history with them in the order's statement, and again apart only if its policy's differ.
 */
const lastSignalWindows = new Map<string, SignalWindows>();

/** Everything a request means before it is written: facts, verdict, money, risk. Shared by preview and create. */
export async function assessRequest(tx: Tx, ctx: ServiceContext, shop: ShopRow, input: CaseRequest, options: { lock: boolean; rmaSequence?: string }) {
  const now = ctx.clock.now();
  const windows = lastSignalWindows.get(shop.id) ?? signalWindowsOf(buyerRiskSettings({}));
  const orderCtx = await loadOrderContext(tx, shop, input.orderId, { ...options, withPolicies: true, withCustomer: true, buyerOfOrder: { now, windows } });
  const requested = input.items.map((i) => ({ lineId: i.lineId, quantity: i.quantity, reasonCode: i.reasonCode, condition: i.condition ?? 'unopened' }));
  for (const item of requested) {
    if (!orderCtx.facts.lines.some((l) => l.lineId === item.lineId)) throw unprocessable('case.line_not_in_order', 'An item names a line of another order', { lineId: item.lineId });
  }
  const refundOnlyKind = input.type === 'refund_only' ? (input.refundOnlyKind ?? refundOnlyKindOf(orderCtx.facts)) : null;
  const policyRow = await policyForOrder(tx, shop.id, orderCtx.order.placedAt, now, orderCtx.policies);
  const unknownReason = requested.find((i) => !policyRow.document.reasons.some((r) => r.code === i.reasonCode));
  if (unknownReason) {
    throw unprocessable('case.reason_unknown', `"${unknownReason.reasonCode}" is not a reason of the shop's policy`, {
      reasonCode: unknownReason.reasonCode,
      reasons: policyRow.document.reasons.map((r) => r.code),
    });
  }
  const settings = buyerRiskSettings(policyRow.document);
  lastSignalWindows.set(shop.id, signalWindowsOf(settings));
  const buyer = await loadBuyerContext(tx, shop.id, orderCtx.order.customerId, now, goodsStayWithBuyer(input.type, refundOnlyKind), {
    policy: policyRow.document,
    order: orderCtx.order,
    refundOnlyDelivered: refundOnlyKind === 'delivered_keep',
    history: orderBuyerHistory(orderCtx, settings),
  });
  const replacements = await resolveReplacements(tx, shop, orderCtx, input);
  const items: RequestedItem[] = requested.map((item, index) => withResolution(input.type, item, replacements.find((r) => r.itemIndex === index)));
  const moneyInput: CaseMoneyInput = {
    policy: policyRow.document,
    facts: orderCtx.facts,
    customer: buyer.facts,
    requestedAt: now,
    type: input.type,
    refundOnlyKind,
    items,
    method: input.refundMethod ?? 'original',
    returnShippingClaimMinor: input.returnShippingClaimMinor ?? 0,
  };
  const verdict = judgeRequest(moneyInput);
  // A partial refund asks for less than the whole: bounded by what the items would give back.
  const refund = refundWithOverride(verdict, moneyInput, input.requestedAmountMinor);
  return { now, refund, orderCtx, items, refundOnlyKind, policyRow, buyer, replacements, moneyInput, verdict };
}

/**
 * Opens a case for an order (a buyer in the portal, staff or a connector over the API). The
 * request is judged by the policy the order falls under; units already claimed by other cases
 * cannot be claimed again — the write holds only if the order's version is still the one read
 * (loadOrderContext), so two requests racing for the last unit cannot both win.
 */
export async function createCase(
  ctx: ServiceContext,
  shopId: string,
  input: CreateCaseInput,
  actor: Actor,
  options: {
    reply?: ReplyRecorder;
    /** Rows a connector writes with the case, in its transaction (issue 17: the marketplace record's link). */
    within?: (batch: WriteBatch, created: CaseRow) => void;
    /** Who the caller shows the case to: its reply is read in the write's round trip. */
    detailFor?: Actor;
  } = {},
) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  // A marketplace's own after-sales record is a fact, not a request Retour may refuse (issue 17).
  if (input.overridePolicy && actor.kind !== 'platform' && !(actor.kind === 'staff' && can(actor.role, 'cases:decide'))) {
    throw forbidden('case.override_forbidden', 'Only staff who decide cases may open one the policy refuses');
  }
  const rmaSequence = await ensureRmaSequence(ctx.db, shop.id);
  const writtenRefunds: RefundRow[] = [];
  // With an Idempotency-Key the reply is stored in the transaction that writes the case.
  const run = options.reply ? batchedTransaction : batchedWrite;
  const opened = await run(ctx.db, async (tx, batch) => {
    writtenRefunds.length = 0; // a run that lost a race and runs again wrote nothing
    const decided = await openCase({ tx, batch, ctx, shop, input, actor, rmaSequence, writtenRefunds });
    options.within?.(batch, decided);
    if (options.reply) batch.then((flushed) => recordCaseReply(flushed, options.reply!, decided));
    // A refund paid after the write changes the case again: its reply is read after that.
    else if (options.detailFor && batch.optimistic && !writtenRefunds.some(toPay)) replyOfOpenedCase(batch, decided, options.detailFor, orderReadOf(decided));
    return decided;
  });
  return payRefunds(ctx, shop.id, opened, writtenRefunds, options.reply, options.detailFor);
}

export interface OpenCase {
  tx: Tx;
  batch: WriteBatch;
  ctx: ServiceContext;
  shop: ShopRow;
  input: CreateCaseInput;
  actor: Actor;
  rmaSequence: string;
  /** Refunds written (an automatic fast refund): paid by the caller after the commit. */
  writtenRefunds: RefundRow[];
  /** One return across several orders: the group the case belongs to (return-groups.ts). */
  groupId?: string;
}

/** Opens one case inside the caller's batched transaction: createCase for one order, a return group for several. */
export async function openCase({ tx, batch, ctx, shop, input, actor, rmaSequence, writtenRefunds, groupId }: OpenCase): Promise<CaseRow> {
  {
    const a = await assessRequest(tx, ctx, shop, input, { lock: true, rmaSequence });
    assertReturnable(a.orderCtx.facts, a.items);
    if (!a.verdict.eligible && !input.overridePolicy) {
      throw unprocessable('case.not_eligible', a.verdict.ruling.explanation.en, {
        rule: a.verdict.ruling.rule,
        explanation: a.verdict.ruling.explanation,
        items: a.verdict.items.map((i) => ({ lineId: i.lineId, eligible: i.eligible, rule: i.rule, explanation: i.explanation })),
      });
    }
    const rmaNumber = formatRma(localDay(a.now, shop.timezone), a.orderCtx.rmaCounter!);
    const fault = a.verdict.items.some((i) => i.fault !== 'buyer') ? (a.verdict.items.some((i) => i.fault === 'seller') ? 'seller' : 'carrier') : 'buyer';
    const created: CaseRow = {
      shopId: shop.id,
      id: uuidv7(),
      rmaNumber,
      orderId: input.orderId,
      customerId: a.orderCtx.order.customerId,
      type: input.type,
      refundOnlyKind: a.refundOnlyKind,
      status: 'requested',
      currency: a.orderCtx.order.currency,
      refundMethod: input.refundMethod ?? 'original',
      returnMethod: input.returnMethod ?? (goodsStayWithBuyer(input.type, a.refundOnlyKind) ? 'none' : 'self_ship'),
      fault,
      returnShippingPayer: a.verdict.returnShippingPaidBy,
      policyId: a.policyRow.id,
      policyVersion: a.policyRow.version,
      riskScore: a.buyer.risk.score,
      // A listed buyer's case says so beside its risk factors (0 points: lists decide, they do not score).
      riskReasons: [...a.buyer.risk.factors, ...listFactors(a.buyer.lists)],
      needsReview: a.verdict.automation.decision === 'review',
      breakdown: a.refund,
      amountOverrideMinor: input.requestedAmountMinor ?? null,
      returnShippingClaimMinor: input.returnShippingClaimMinor ?? 0,
      buyerNote: input.note ?? null,
      returnAddress: null,
      createdByKind: actor.kind,
      createdById: actor.kind === 'staff' ? actor.id : null,
      offerFrom: null,
      offerAmountMinor: null,
      resolution: null,
      refundedEarly: false,
      refundedMinor: 0,
      buyerPaidMinor: 0,
      refundFailure: null,
      rejectionReason: null,
      rejectionCode: null,
      evidenceRequest: null,
      version: 1,
      createdAt: a.now,
      updatedAt: a.now,
      closedAt: null,
      groupId: groupId ?? null,
    };
    batch.insertCase(created);
    const items: ItemRow[] = input.items.map((i) => ({
      shopId: shop.id,
      id: uuidv7(),
      caseId: created.id,
      orderLineId: i.lineId,
      quantity: i.quantity,
      reasonCode: i.reasonCode,
      condition: i.condition ?? 'unopened',
      buyerNote: i.note ?? null,
      receivedQuantity: null,
      acceptedQuantity: null,
      defectiveQuantity: null,
      grade: null,
      disposition: null,
      inspectionNote: null,
      createdAt: a.now,
    }));
    for (const item of items) batch.insert(returnItems, item);
    // What later steps of this use case would otherwise read back: the case has no rows yet.
    batch.memo.set(`items:${created.id}`, items);
    batch.memo.set(`deadlines:pending:${created.id}`, []);
    await casesRepo.insertExchanges(
      tx,
      a.replacements.map((r) => {
        const item = items[r.itemIndex]!;
        const returned = a.verdict.refund.items.find((i) => i.lineId === item.orderLineId && i.resolution === 'exchange')?.amountMinor ?? 0;
        return {
          shopId: shop.id,
          caseId: created.id,
          returnItemId: item.id,
          variantId: r.variantId,
          sku: r.sku,
          quantity: r.quantity,
          unitPriceMinor: r.unitPriceMinor,
          priceDifferenceMinor: r.unitPriceMinor * r.quantity - returned,
          createdAt: a.now,
        };
      }),
    );
    await casesRepo.insertEvent(tx, {
      shopId: shop.id,
      caseId: created.id,
      type: 'case.created',
      action: 'create',
      toStatus: 'requested',
      ...actorColumns(actor),
      payload: {
        policyVersion: a.policyRow.version,
        eligible: a.verdict.eligible,
        ruling: a.verdict.ruling,
        overridePolicy: input.overridePolicy === true && !a.verdict.eligible,
        refundMinor: a.refund.refundMinor,
        risk: { score: a.buyer.risk.score, factors: a.buyer.risk.factors },
        automation: a.verdict.automation,
      },
      createdAt: a.now,
    });
    await appendFacts(tx, [caseOpenedFact(created)]);
    await syncDeadlines(tx, created, actor, a.now);
    await publish(tx, shop.id, 'return.created', created.id, { case: caseSnapshot(created), items: items.map((i) => ({ id: i.id, lineId: i.orderLineId, quantity: i.quantity, reasonCode: i.reasonCode })), actor: { kind: actor.kind } }, a.now);
    await requestEvidence(tx, created, actor, a.verdict.automation.decisionRuling, a.policyRow.document, input, a.orderCtx.order.locale, a.now);
    const decided = await decideAutomatically({ tx, ctx, shop, c: created, actor, now: a.now, writtenRefunds, batch }, a.verdict.automation, a.policyRow.document);
    const { order, lines, customer } = a.orderCtx;
    orderReads.set(decided, { order, lines: lines.map((l) => ({ id: l.id, lineNo: l.line_no, sku: l.sku, title: l.title })), customer: customer ?? null });
    return decided;
  }
}

/** What openCase read of the case's order, kept against the case row it returns: its reply shows them. */
const orderReads = new WeakMap<CaseRow, Pick<CaseDetailRows, 'order' | 'lines' | 'customer'>>();
const orderReadOf = (c: CaseRow) => orderReads.get(c)!;

/** Blocklist and allowlist entries as lines beside the risk factors, so staff see why a case waits for them. */
function listFactors(lists: ListHit[]) {
  return lists.map((l) => {
    const text = ruling(l.list === 'block' ? 'automation.review_blocklist' : 'automation.allowlisted', { kind: l.kind, value: l.value, reason: l.reason }).explanation;
    return { code: l.list === 'block' ? 'blocklisted' : 'allowlisted', points: 0, ...text };
  });
}

/**
 * A request opened for the buyer (over the API, by staff or a connector) whose reason needs photos:
 * the buyer is asked for them in the case thread, in the order's language, where the portal shows
 * it. The portal itself asks before the buyer submits, so a buyer's own request gets no message.
 */
async function requestEvidence(tx: Tx, c: CaseRow, actor: Actor, decision: Ruling, policy: Policy, input: CreateCaseInput, orderLocale: string, now: Date) {
  if (decision.rule !== 'automation.evidence_required' || actor.kind === 'buyer') return;
  const reason = policy.reasons.find((r) => r.evidenceRequired && input.items.some((i) => i.reasonCode === r.code))!;
  const body = ruling('evidence.requested', { label: reason.label }).explanation[mailLocaleOf(orderLocale)];
  await casesRepo.insertMessage(tx, { shopId: c.shopId, caseId: c.id, visibility: 'public', authorKind: 'system', authorId: null, body, evidenceIds: [], createdAt: now });
}

/**
 * What the policy decides without a person, as the case is opened and in the same transaction:
 * approval of small, low-risk requests, and a fast refund (极速退款) at approval for trusted
 * buyers. Requests whose reason needs photos are never approved here: the policy's decision says
 * so (automation.evidence_required), and a person decides once the photos are in. Each decision is
 * an ordinary action by the system, naming its rule in the timeline.
 */
async function decideAutomatically(a: Omit<ActionContext, 'action' | 'input'>, automation: RequestVerdict['automation'], policy: Policy): Promise<CaseRow> {
  let c = a.c;
  // A marketplace decides its own cases' first step: Retour follows its state and pushes staff decisions.
  if (automation.decision !== 'approve' || a.actor.kind === 'platform') return c;
  c = await runAction({ ...a, c, action: 'approve', actor: { kind: 'system', rule: 'automation.auto_approve' }, input: { note: automation.decisionRuling.explanation.en }, reason: automation.decisionRuling.explanation });
  if (automation.fastRefund && c.status === 'approved' && policy.automation.fastRefund.trigger === 'approval') {
    c = await runAction({ ...a, c, action: 'fast_refund', actor: { kind: 'system', rule: 'automation.fast_refund' }, input: {} });
  }
  return c;
}
