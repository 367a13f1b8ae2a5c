import { and, desc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { CONDITIONS } from '../../domain/policy/schema.js';
import { StringEnum } from '../../domain/typebox.js';
import { AppError } from '../../domain/errors.js';
import { orders, returnCases } from '../../db/schema/index.js';
import { getShop } from '../shops/index.js';
import type { ServiceContext } from '../context.js';
import { createReturnGroup, findGroup, returnGroupDetail, type GroupRow } from '../cases/index.js';
import { portalOrder, scopedOrder } from './order.js';
import { BUYER, labelAvailable, portalCaseView } from './returns.js';
import { portalNotFound } from './session.js';
import type { PortalScope } from './tokens.js';

/**
 * The portal side of one return across several orders (issue 19 point 9). The buyer proved one
 * order (its number and the e-mail or phone given with it); the other orders offered are the
 * same buyer's in this shop: the same customer record, or the same e-mail address. A buyer can
 * only group those: any other order id gets the portal's one not-found answer.
 */

const strict = { additionalProperties: false } as const;
/** How many of the buyer's recent orders the portal offers to combine. */
const MAX_ORDERS = 10;

/** The buyer's orders in this shop, newest first, the token's order included. */
async function buyerOrderIds(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>): Promise<{ id: string; number: string }[]> {
  const own = await scopedOrder(ctx, scope);
  const email = own.email?.trim().toLowerCase() || null;
  const same = [own.customerId ? eq(orders.customerId, own.customerId) : undefined, email ? sql`lower(trim(${orders.email})) = ${email}` : undefined].filter((x) => x !== undefined);
  const others = same.length
    ? await ctx.db
        .select({ id: orders.id, number: orders.number })
        .from(orders)
        .where(and(eq(orders.shopId, scope.shopId), ne(orders.id, own.id), isNotNull(orders.deliveredAt), or(...same)))
        .orderBy(desc(orders.placedAt))
        .limit(MAX_ORDERS - 1)
    : [];
  return [{ id: own.id, number: own.number }, ...others];
}

/** The orders a buyer may return together, each with its lines and what the policy says about them. */
export async function portalBuyerOrders(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>) {
  const list = await buyerOrderIds(ctx, scope);
  const views = [];
  for (const o of list) {
    const view = await portalOrder(ctx, { shopId: scope.shopId, orderId: o.id });
    views.push({
      orderId: o.id,
      number: view.order.number,
      currency: view.order.currency,
      placedAt: view.order.placedAt,
      deliveredAt: view.order.deliveredAt,
      lines: view.lines.map((l) => ({
        lineId: l.lineId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        paidMinor: l.paidMinor,
        returnableQuantity: l.returnableQuantity,
        eligible: l.eligible,
        explanation: l.explanation,
        allowedReasons: l.allowedReasons,
        noReasonUntil: l.noReasonUntil,
      })),
      reasons: view.reasons.map((r) => ({ code: r.code, label: r.label, evidenceRequired: r.evidenceRequired })),
    });
  }
  return { orders: views };
}

export const PortalGroupSchema = Type.Object(
  {
    orders: Type.Array(
      Type.Object(
        {
          orderId: Type.String({ format: 'uuid' }),
          items: Type.Array(
            Type.Object(
              {
                lineId: Type.String({ format: 'uuid' }),
                quantity: Type.Integer({ minimum: 1, maximum: 10000 }),
                reasonCode: Type.String({ minLength: 1, maxLength: 41 }),
                condition: Type.Optional(StringEnum(CONDITIONS)),
              },
              strict,
            ),
            { minItems: 1, maxItems: 50 },
          ),
        },
        strict,
      ),
      { minItems: 2, maxItems: MAX_ORDERS },
    ),
    refundMethod: Type.Optional(StringEnum(['original', 'store_credit'] as const)),
    returnMethod: Type.Optional(StringEnum(['pickup', 'drop_off'] as const, { description: 'One parcel for all: a courier pickup or a drop-off with one QR code' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

/** One return of several of the buyer's orders: all or nothing, only the buyer's own orders. */
export async function createPortalGroup(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>, body: Static<typeof PortalGroupSchema>) {
  const mine = new Set((await buyerOrderIds(ctx, scope)).map((o) => o.id));
  if (!body.orders.every((o) => mine.has(o.orderId))) throw portalNotFound();
  const { group } = await createReturnGroup(
    ctx,
    scope.shopId,
    { type: 'return_refund', orders: body.orders, refundMethod: body.refundMethod, returnMethod: body.returnMethod ?? 'drop_off', note: body.note },
    BUYER,
  );
  return returnGroupDetail(ctx.db, scope.shopId, group);
}

/**
 * A group the buyer may see: every order in it is the token's buyer's (the same customer record,
 * or the same e-mail), as createPortalGroup required. Any other group, or a wrong code, gets the
 * portal's one not-found answer.
 */
async function buyersGroup(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>, ref: string): Promise<GroupRow> {
  const group = await findGroup(ctx.db, scope.shopId, ref).catch(() => {
    throw portalNotFound();
  });
  const own = await scopedOrder(ctx, scope);
  const email = own.email?.trim().toLowerCase() || null;
  const rows = await ctx.db
    .select({ customerId: orders.customerId, email: sql<string | null>`lower(trim(${orders.email}))` })
    .from(returnCases)
    .innerJoin(orders, and(eq(orders.shopId, returnCases.shopId), eq(orders.id, returnCases.orderId)))
    .where(and(eq(returnCases.shopId, scope.shopId), eq(returnCases.groupId, group.id)));
  const mine = (r: { customerId: string | null; email: string | null }) => (own.customerId !== null && r.customerId === own.customerId) || (email !== null && r.email === email);
  if (rows.length === 0 || !rows.every(mine)) throw portalNotFound();
  return group;
}

/** The buyer's group by its code: every case of the parcel, each with its own order. */
export async function getPortalGroup(ctx: ServiceContext, scope: Pick<PortalScope, 'shopId' | 'orderId'>, ref: string) {
  const group = await buyersGroup(ctx, scope, ref);
  const detail = await returnGroupDetail(ctx.db, scope.shopId, group);
  return { ...detail, labelAvailable: await groupLabelCases(ctx, scope.shopId, group).then((cs) => cs.every(labelAvailable)) };
}

async function groupLabelCases(ctx: ServiceContext, shopId: string, group: GroupRow) {
  return ctx.db.select().from(returnCases).where(and(eq(returnCases.shopId, shopId), eq(returnCases.groupId, group.id))).orderBy(returnCases.rmaNumber);
}

/**
 * What the group's one label prints: the group's code (QR, barcode, big) and, on the packing
 * slip, each case with its order and items, so the warehouse sees every order in the parcel.
 * The return address and method are the first case's (one parcel goes to one place).
 */
export async function groupLabelData(ctx: ServiceContext, scope: PortalScope, ref: string) {
  const group = await buyersGroup(ctx, scope, ref);
  const cases = await groupLabelCases(ctx, scope.shopId, group);
  if (!cases.every(labelAvailable)) throw new AppError('conflict', 'portal.label_unavailable', 'This return has no label to print now');
  const shop = await getShop(ctx, scope.shopId);
  const views = [];
  for (const c of cases) views.push(await portalCaseView(ctx, { ...scope, orderId: c.orderId }, c));
  const first = await scopedOrder(ctx, { shopId: scope.shopId, orderId: cases[0]!.orderId });
  return {
    shop,
    order: { number: views.map((v) => v.orderNumber ?? '').join(', '), shippingAddress: first.shippingAddress },
    view: { rmaNumber: group.code, returnMethod: views[0]!.returnMethod, returnAddress: views[0]!.returnAddress, items: views.flatMap((v) => v.items) },
    cases: views.map((v) => ({ rmaNumber: v.rmaNumber, orderNumber: v.orderNumber ?? '', items: v.items })),
  };
}
