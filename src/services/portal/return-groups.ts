import { and, desc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { CONDITIONS } from '../../domain/policy/schema.js';
import { StringEnum } from '../../domain/typebox.js';
import { orders } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { createReturnGroup, returnGroupDetail } from '../returns/return-groups.js';
import { portalOrder, scopedOrder } from './order.js';
import { BUYER } from './returns.js';
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
