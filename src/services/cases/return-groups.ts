import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../domain/cases/model.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import { StringEnum } from '../../domain/typebox.js';
import type { CaseRow } from '../../db/repos/cases-repo.js';
import { ensureRmaSequence } from '../../db/repos/rma-repo.js';
import { orderLines, orders, returnCases, returnGroups, returnItems } from '../../db/schema/index.js';
import { batchedTransaction } from '../../db/write-batch.js';
import type { Executor } from '../../db/client.js';
import type { ServiceContext } from '../context.js';
import type { RefundRow } from '../../db/repos/refunds-repo.js';
import { executeRefund } from './refunds/execute-refund.js';
import { findShop } from '../shops/index.js';
import { ACTION_INPUTS, type ActionInput } from './action-inputs.js';
import { CaseItemInputSchema } from './case-input.js';
import { openCase } from './create-case.js';
import { runAction } from './perform-action.js';

/**
 * One return across several orders (issue 19 point 9): the buyer sends items of several orders of
 * one shop in ONE parcel. Each order gets its own case (its refund math stays exact and its own),
 * grouped under one code that the label carries and the warehouse scans. Created in one
 * transaction (all or nothing), with one batched write for every case; received, inspected and
 * marked shipped together.
 */

const strict = { additionalProperties: false } as const;

export const GROUP_CASE_TYPES = ['return_refund', 'exchange'] as const;

export const ReturnGroupRequestSchema = Type.Object(
  {
    type: Type.Optional(StringEnum(GROUP_CASE_TYPES, { description: 'Every case of the group; default return_refund' })),
    orders: Type.Array(
      Type.Object({ orderId: Type.String({ format: 'uuid' }), items: Type.Array(CaseItemInputSchema, { minItems: 1, maxItems: 100 }) }, strict),
      { minItems: 2, maxItems: 10, description: 'Two or more orders of this shop, each with the items coming back' },
    ),
    refundMethod: Type.Optional(StringEnum(['original', 'store_credit'] as const)),
    returnMethod: Type.Optional(StringEnum(['pickup', 'drop_off', 'self_ship'] as const, { description: 'One parcel for every case; default self_ship' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type ReturnGroupRequest = Static<typeof ReturnGroupRequestSchema>;

/** The code of a group: `G` + its first case's RMA number (unique per shop as the RMA is). */
export const groupCode = (firstRma: string) => `G${firstRma}`;

export type GroupRow = typeof returnGroups.$inferSelect;

/**
 * Opens the group and one case per order in one transaction: any order that refuses (not
 * eligible, units already claimed, another buyer's order) leaves nothing behind.
 */
export async function createReturnGroup(ctx: ServiceContext, shopId: string, input: ReturnGroupRequest, actor: Actor): Promise<{ group: GroupRow; cases: CaseRow[] }> {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const ids = input.orders.map((o) => o.orderId);
  if (new Set(ids).size !== ids.length) throw unprocessable('group.duplicate_order', 'Each order appears once in a group: put all its items in one entry');
  await assertOneBuyer(ctx.db, shop.id, ids);
  const rmaSequence = await ensureRmaSequence(ctx.db, shop.id);
  const writtenRefunds: RefundRow[] = [];
  const now = ctx.clock.now();
  const result = await batchedTransaction(ctx.db, async (tx, batch) => {
    writtenRefunds.length = 0; // a run aborted by a deadlock and run again wrote nothing
    const group: GroupRow = {
      shopId: shop.id,
      id: uuidv7(),
      code: '',
      customerId: null,
      caseCount: input.orders.length,
      createdByKind: actor.kind,
      createdById: actor.kind === 'staff' ? actor.id : null,
      createdAt: now,
    };
    // First in the batch: the cases refer to it. The row is read at the flush, so the code set below is stored.
    batch.insert(returnGroups, group);
    const cases: CaseRow[] = [];
    for (const o of input.orders) {
      const created = await openCase({
        tx,
        batch,
        ctx,
        shop,
        actor,
        rmaSequence,
        writtenRefunds,
        groupId: group.id,
        input: { orderId: o.orderId, type: input.type ?? 'return_refund', items: o.items, refundMethod: input.refundMethod, returnMethod: input.returnMethod ?? 'self_ship', note: input.note },
      });
      cases.push(created);
    }
    group.code = groupCode(cases[0]!.rmaNumber);
    group.customerId = cases[0]!.customerId;
    return { group, cases };
  });
  if (writtenRefunds.length === 0) return result;
  for (const refund of writtenRefunds) await executeRefund(ctx, shop.id, refund);
  return { group: result.group, cases: await groupCases(ctx.db, shop.id, result.group.id) };
}

/**
 * One parcel comes from one buyer: the orders share their customer, or the e-mail given with them.
 * Orders of another shop are not found here (and would not be found by the case either).
 */
async function assertOneBuyer(db: Executor, shopId: string, orderIds: string[]) {
  const rows = await db
    .select({ id: orders.id, customerId: orders.customerId, email: sql<string | null>`lower(trim(${orders.email}))` })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), inArray(orders.id, orderIds)));
  if (rows.length !== orderIds.length) throw notFound('order.not_found', 'An order of the group is not an order of this shop');
  const same = (key: 'customerId' | 'email') => rows[0]![key] !== null && rows.every((r) => r[key] === rows[0]![key]);
  if (!same('customerId') && !same('email')) throw unprocessable('group.several_buyers', 'The orders belong to different buyers: one parcel comes from one buyer');
}

/** A group by its id or its code (as typed or scanned); 404 otherwise. */
export async function findGroup(db: Executor, shopId: string, ref: string): Promise<GroupRow> {
  const code = ref.normalize('NFKC').trim().toUpperCase();
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [group] = await db
    .select()
    .from(returnGroups)
    .where(and(eq(returnGroups.shopId, shopId), isUuid ? or(eq(returnGroups.id, ref), eq(returnGroups.code, code)) : eq(returnGroups.code, code)))
    .limit(1);
  if (!group) throw notFound('group.not_found', 'No return group has this code');
  return group;
}

async function groupCases(db: Executor, shopId: string, groupId: string, lock = false): Promise<CaseRow[]> {
  const q = db.select().from(returnCases).where(and(eq(returnCases.shopId, shopId), eq(returnCases.groupId, groupId))).orderBy(asc(returnCases.rmaNumber));
  return lock ? q.for('update') : q;
}

/** The group with its cases and their items: what the warehouse sees after scanning the group's code. */
export async function returnGroupDetail(db: Executor, shopId: string, group: GroupRow) {
  const cases = await groupCases(db, shopId, group.id);
  const items = cases.length
    ? await db
        .select({
          id: returnItems.id,
          caseId: returnItems.caseId,
          sku: orderLines.sku,
          title: orderLines.title,
          quantity: returnItems.quantity,
          reasonCode: returnItems.reasonCode,
          condition: returnItems.condition,
          receivedQuantity: returnItems.receivedQuantity,
          acceptedQuantity: returnItems.acceptedQuantity,
          grade: returnItems.grade,
          orderNumber: orders.number,
        })
        .from(returnItems)
        .innerJoin(orderLines, and(eq(orderLines.shopId, returnItems.shopId), eq(orderLines.id, returnItems.orderLineId)))
        .innerJoin(orders, and(eq(orders.shopId, orderLines.shopId), eq(orders.id, orderLines.orderId)))
        .where(and(eq(returnItems.shopId, shopId), inArray(returnItems.caseId, cases.map((c) => c.id))))
        .orderBy(sql`${orders.number}`, asc(returnItems.id))
    : [];
  return {
    id: group.id,
    code: group.code,
    customerId: group.customerId,
    createdAt: group.createdAt.toISOString(),
    cases: cases.map((c) => {
      const own = items.filter((i) => i.caseId === c.id);
      return {
        id: c.id,
        rmaNumber: c.rmaNumber,
        orderId: c.orderId,
        orderNumber: own[0]?.orderNumber ?? '',
        type: c.type,
        status: c.status,
        currency: c.currency,
        refundMinor: c.amountOverrideMinor ?? c.breakdown.refundMinor,
        items: own.map(({ caseId: _caseId, orderNumber: _orderNumber, ...i }) => i),
      };
    }),
  };
}

export const GROUP_ACTIONS = ['approve', 'buyer_shipped', 'receive', 'inspect'] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

/** Inputs of the group actions: as a case's, with inspection results for the items of every case. */
export const GROUP_ACTION_INPUTS = {
  approve: ACTION_INPUTS.approve,
  buyer_shipped: ACTION_INPUTS.buyer_shipped,
  receive: Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict),
  inspect: ACTION_INPUTS.inspect,
} as const;

/**
 * An action on every case of the group, in one transaction: the one parcel shipped (one carrier
 * and tracking number for all), received, or inspected (the results name items of any case;
 * each case gets its own). Every case must allow the action, else nothing changes.
 */
export async function groupAction<A extends GroupAction>(ctx: ServiceContext, shopId: string, ref: string, action: A, actor: Actor, input: Static<(typeof GROUP_ACTION_INPUTS)[A]>) {
  const shop = await findShop(ctx, shopId);
  if (!shop) throw notFound('shop.not_found', 'No such shop');
  const group = await findGroup(ctx.db, shopId, ref);
  const writtenRefunds: RefundRow[] = [];
  await batchedTransaction(ctx.db, async (tx, batch) => {
    writtenRefunds.length = 0;
    const cases = await groupCases(tx, shopId, group.id, true);
    let itemsOf: ((c: CaseRow) => ActionInput<'inspect'>['items']) | null = null;
    if (action === 'inspect') {
      const all = input as ActionInput<'inspect'>;
      const rows = await tx.select({ id: returnItems.id, caseId: returnItems.caseId }).from(returnItems).where(and(eq(returnItems.shopId, shopId), inArray(returnItems.caseId, cases.map((c) => c.id))));
      const caseOf = new Map(rows.map((r) => [r.id, r.caseId]));
      const stranger = all.items.find((i) => !caseOf.has(i.itemId));
      if (stranger) throw unprocessable('group.item_not_in_group', 'An inspected item is not part of this group', { itemId: stranger.itemId });
      itemsOf = (c) => all.items.filter((i) => caseOf.get(i.itemId) === c.id);
    }
    for (const c of cases) {
      if (action === 'inspect' && itemsOf!(c).length === 0) throw unprocessable('case.inspection_incomplete', `Inspect every item of every case: ${c.rmaNumber} has none`, { caseId: c.id });
      const caseInput = action === 'inspect' ? { ...(input as ActionInput<'inspect'>), items: itemsOf!(c) } : input;
      await runAction({ tx, ctx, shop, c, action, actor, input: caseInput as never, now: ctx.clock.now(), writtenRefunds, batch });
    }
  });
  for (const refund of writtenRefunds) await executeRefund(ctx, shopId, refund);
  return returnGroupDetail(ctx.db, shopId, group);
}

/** The group a case belongs to, when it has one (for the case page and the portal). */
export async function groupOfCase(db: Executor, shopId: string, c: Pick<CaseRow, 'groupId'>) {
  if (!c.groupId) return null;
  const [group] = await db.select().from(returnGroups).where(and(eq(returnGroups.shopId, shopId), eq(returnGroups.id, c.groupId)));
  return group ?? null;
}
