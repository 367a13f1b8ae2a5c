import type { RequestedItem } from '../../domain/cases/facts.js';
import type { ItemCondition } from '../../domain/policy/schema.js';
import type { RefundBreakdown } from '../../domain/refunds/compute.js';
import type { Tx } from '../../db/client.js';
import { casesRepo, type CaseRow, type ItemRow } from '../../db/repos/cases-repo.js';
import { caseItems } from './case-items.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import { policyById } from '../policy/index.js';
import type { ServiceContext } from '../context.js';
import { createRefund } from './refunds/create-refund.js';
import { loadBuyerContext, loadOrderContext } from './case-context.js';
import { goodsStayWithBuyer, judgeRequest, refundWithOverride, withResolution, type CaseMoneyInput } from '../../domain/cases/case-money.js';

/** Inspection grades read as item conditions: the restocking fee follows what actually came back. */
const CONDITION_OF_GRADE: Record<NonNullable<ItemRow['grade']>, ItemCondition> = { A: 'unopened', B: 'opened', C: 'used', D: 'damaged' };

export interface CaseMoneyOptions {
  /** Use the quantities inspection accepted (after `inspect`), else the ones declared. */
  accepted: boolean;
  /** A lower amount a person set. */
  amountOverrideMinor?: number;
  /**
   * A partial-refund offer: the buyer keeps the goods and gets part of their money back, so an
   * exchange is valued as a return of its items (no replacement is sent once it is accepted).
   */
  instead?: 'refund';
}

/**
 * The case's money from fresh facts, under the policy version the case records, with the
 * request judged as of when it was made. Locks the order row first, so concurrent refunds of
 * one order (from this case or others) are computed one after another and can never exceed it.
 */
export async function computeCaseMoney(tx: Tx, ctx: ServiceContext, shop: ShopRow, c: CaseRow, options: CaseMoneyOptions) {
  const now = ctx.clock.now();
  // The buyer's history (what customer rules of the policy read) comes with the order's facts: one read.
  const orderCtx = await loadOrderContext(tx, shop, c.orderId, { lock: true, excludeCaseId: c.id, buyer: { customerId: c.customerId, now } });
  const items = await caseItems(tx, c);
  const policy = await policyById(tx, shop.id, c.policyId);
  const buyer = await loadBuyerContext(tx, shop.id, c.customerId, now, goodsStayWithBuyer(c.type, c.refundOnlyKind), { history: orderCtx.buyerHistory });
  const type = c.type === 'exchange' && options.instead === 'refund' ? 'return_refund' : c.type;
  // Exchange cases: an item with a replacement row is replaced, the others are refunded.
  const replacements = type === 'exchange' ? await casesRepo.exchangesOf(tx, shop.id, c.id) : [];
  const requested: RequestedItem[] = items
    .map((i) =>
      withResolution(
        type,
        {
          lineId: i.orderLineId,
          quantity: options.accepted ? (i.acceptedQuantity ?? i.quantity) : i.quantity,
          reasonCode: i.reasonCode,
          condition: options.accepted && i.grade ? CONDITION_OF_GRADE[i.grade] : i.condition,
        },
        replacements.find((r) => r.returnItemId === i.id),
      ),
    )
    .filter((i) => i.quantity > 0);
  const moneyInput: CaseMoneyInput = {
    policy,
    facts: orderCtx.facts,
    customer: buyer.facts,
    requestedAt: c.createdAt,
    type,
    refundOnlyKind: c.refundOnlyKind,
    items: requested,
    method: c.refundMethod,
    returnShippingClaimMinor: c.returnShippingClaimMinor,
  };
  if (requested.length === 0) {
    // Inspection accepted nothing: there is nothing to give back for goods.
    return { items, policy, lines: orderCtx.lines, channel: orderCtx.facts.channel, refundSequence: orderCtx.caseRefunds + 1, breakdown: emptyBreakdown(c, orderCtx.facts.totalMinor - orderCtx.facts.refundedMinor) };
  }
  const verdict = judgeRequest(moneyInput);
  return { items, policy, lines: orderCtx.lines, channel: orderCtx.facts.channel, refundSequence: orderCtx.caseRefunds + 1, breakdown: refundWithOverride(verdict, moneyInput, options.amountOverrideMinor) };
}

function emptyBreakdown(c: CaseRow, orderRemainingMinor: number): RefundBreakdown {
  return {
    currency: c.currency,
    items: [],
    itemsMinor: 0,
    taxMinor: 0,
    restockingFeeMinor: 0,
    labelCostMinor: 0,
    outboundShippingMinor: 0,
    exchangeDifferenceMinor: 0,
    buyerOwesMinor: 0,
    nettedMinor: 0,
    computedMinor: 0,
    orderRemainingMinor,
    refundMinor: 0,
    shippingRefundMinor: 0,
    bound: 'none',
    compensationMinor: 0,
    payoutMinor: 0,
    method: c.refundMethod,
    storeCreditBonusMinor: 0,
    storeCreditMinor: 0,
  };
}

/** Computes and writes the case's refund (pending) in the caller's transaction; null when nothing is owed. */
export async function refundCase(
  tx: Tx,
  ctx: ServiceContext,
  shop: ShopRow,
  c: CaseRow,
  kind: 'refund' | 'fast_refund' | 'exchange_difference',
  options: CaseMoneyOptions & { unitsConsumed: boolean },
) {
  const { breakdown, channel, refundSequence } = await computeCaseMoney(tx, ctx, shop, c, options);
  const refund = await createRefund(tx, shop, c, breakdown, { kind, sequence: refundSequence, unitsConsumed: options.unitsConsumed, channel }, ctx.clock.now(), ctx.config.refundCallLeaseMs);
  return { breakdown, refund };
}
