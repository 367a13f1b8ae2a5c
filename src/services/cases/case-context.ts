import type { CustomerFacts, OrderFacts } from '../../domain/cases/facts.js';
import { assessRisk, type BuyerProfile, type RiskAssessment } from '../../domain/risk/score.js';
import { notFound } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { casesRepo, type OrderFactLine, type OrderReadOptions } from '../../db/repos/cases-repo.js';
import {
  buyerHistory,
  buyerHistoryFromJson,
  buyerHistoryOfOrderFromJson,
  buyerHistoryOfOrderSql,
  buyerHistorySql,
  type BuyerHistory,
  type ListHit,
  type RequestContacts,
  type SignalWindows,
} from '../../db/repos/customers-profile-repo.js';
import { normalizeEmail, normalizePhone } from '../../domain/orders/contact.js';
import { addressKeyOf } from '../../domain/risk/normalise.js';
import { buyerRiskSettings } from '../../domain/risk/settings.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { OrderRow } from '../../db/repos/orders-repo.js';
import type { CustomerRow } from '../../db/repos/customers-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import { batchOf } from '../../db/write-batch.js';
import type { KnownPolicies } from '../policy/index.js';

export interface OrderContext {
  order: OrderRow;
  facts: OrderFacts;
  /** Variant and product of each line, for exchanges and stock. */
  lineVariants: Map<string, { variantId: string; productId: string; attributes: Record<string, string> }>;
  /** The lines as read, with variant ids and flags (actions that move stock use them). */
  lines: OrderFactLine[];
  /** The RMA counter taken with the read, when asked for (creates). */
  rmaCounter: number | null;
  /** Refunds the case (`excludeCaseId`) has written so far. */
  caseRefunds: number;
  /** The shop's policy versions a request about this order may be judged by, when asked for (`withPolicies`). */
  policies: KnownPolicies | null;
  /** The order's buyer, when asked for (`withCustomer`); null for a guest order. */
  customer: CustomerRow | null | undefined;
  /** The buyer's history, when asked for (`buyer`). */
  buyerHistory: BuyerHistory | undefined;
  /** The order's buyer's history as read with `buyerOfOrder`, with the contacts and windows it was read with. */
  orderBuyer: { history: BuyerHistory; contacts: RequestContacts; windows: SignalWindows } | undefined;
}

/**
 * What the rules need to know of an order now: its lines with their return flags, the units
 * other cases hold, and what has been refunded. With `lock`, the use case will write on these
 * facts, so every claim and refund on the order is serialised (two cases racing for the last
 * unit, or a hundred refunds at once, see each other's effect): in a transaction the order row is
 * locked; in an optimistic use case (batchedWrite) its write holds only if the order's version is
 * still the one read. Either way the write bumps that version, so the other kind sees it too.
 */
export async function loadOrderContext(
  tx: Executor,
  shop: ShopRow,
  orderId: string,
  options: OrderReadOptions & {
    /** Read the buyer's history (default windows, no contacts) in the same statement. */
    buyer?: { customerId: string | null; now: Date };
    /** Read the history of the order's buyer with these windows, and the order's contacts, in the same statement (a create). */
    buyerOfOrder?: { now: Date; windows: SignalWindows };
  },
): Promise<OrderContext> {
  const batch = batchOf(tx);
  const { buyer, buyerOfOrder, ...rest } = options;
  const history = buyer ? buyerHistorySql(shop.id, buyer.customerId, buyer.now) : buyerOfOrder ? buyerHistoryOfOrderSql(shop.id, buyerOfOrder.now, buyerOfOrder.windows) : undefined;
  const found = await casesRepo.orderWithFacts(tx, shop.id, orderId, { ...rest, lock: options.lock && !batch?.optimistic, buyerHistory: history });
  if (!found) throw notFound('order.not_found', 'No such order');
  if (options.lock) batch?.guardOrder(shop.id, orderId, found.order.version);
  // Read along with the policies: an approval in the same use case takes it from here (returnAddressForApproval).
  if (found.defaultReturnAddress !== undefined) batch?.memo.set(`return-address:default:${shop.id}`, found.defaultReturnAddress);
  const { order, lines } = found;
  const facts: OrderFacts = {
    orderId: order.id,
    channel: order.channel,
    timeZone: shop.timezone,
    currency: order.currency,
    pricesIncludeTax: order.pricesIncludeTax,
    placedAt: order.placedAt,
    shippedAt: order.shippedAt,
    deliveredAt: order.deliveredAt,
    cancelledAt: order.cancelledAt,
    shippingFeeMinor: order.shippingFeeMinor,
    totalMinor: order.totalMinor,
    shippingInsurance: order.shippingInsurance,
    refundedMinor: found.refundedMinor,
    shippingRefundedMinor: found.shippingRefundedMinor,
    lines: lines.map((l) => ({
      lineId: l.id,
      lineNo: l.line_no,
      sku: l.sku,
      title: l.title,
      category: l.category,
      quantity: l.quantity,
      unitPriceMinor: Number(l.unit_price_minor),
      lineDiscountMinor: Number(l.line_discount_minor),
      orderDiscountShareMinor: Number(l.order_discount_share_minor),
      taxMinor: Number(l.tax_minor),
      paidMinor: Number(l.paid_minor),
      flags: { customMade: l.custom_made, perishable: l.perishable, digital: l.digital, hygiene: l.hygiene, finalSale: l.final_sale },
      claimedQuantity: Number(l.claimed),
      refundedQuantity: Number(l.refunded_quantity),
      refundedMinor: Number(l.refunded_minor),
    })),
  };
  const lineVariants = new Map(lines.map((l) => [l.id, { variantId: l.variant_id, productId: l.product_id, attributes: l.attributes }]));
  return {
    order,
    facts,
    lineVariants,
    lines,
    rmaCounter: found.rmaCounter,
    caseRefunds: found.caseRefunds,
    policies: found.policies,
    customer: found.customer,
    buyerHistory: buyer ? buyerHistoryFromJson(found.buyerHistory) : undefined,
    orderBuyer: buyerOfOrder ? { ...buyerHistoryOfOrderFromJson(found.buyerHistory), windows: buyerOfOrder.windows } : undefined,
  };
}

export interface BuyerContext {
  profile: BuyerProfile;
  risk: RiskAssessment;
  /** Blocklist and allowlist entries the buyer matched. */
  lists: ListHit[];
  facts: CustomerFacts;
}

/** What identifies the buyer of an order beyond their customer row: the order's own e-mail, phones and address. */
export function orderContacts(order: Pick<OrderRow, 'email' | 'phone' | 'shippingAddress'> | undefined): RequestContacts {
  if (!order) return { emails: [], phones: [], addressKey: null };
  const phones = [order.phone, order.shippingAddress?.phone].map((p) => normalizePhone(p)).filter((p): p is string => !!p);
  const email = normalizeEmail(order.email);
  return { emails: email ? [email] : [], phones: [...new Set(phones)], addressKey: addressKeyOf(order.shippingAddress) };
}

/**
 * The buyer's history, risk (with the policy's signal weights) and list entries, in one statement;
 * a guest (no customer) has an empty history, though the order's contacts may still be listed.
 */
export async function loadBuyerContext(
  db: Executor,
  shopId: string,
  customerId: string | null,
  now: Date,
  keepsGoods: boolean,
  options: {
    policy?: Pick<Policy, 'buyerRisk'>;
    order?: Pick<OrderRow, 'email' | 'phone' | 'shippingAddress'>;
    refundOnlyDelivered?: boolean;
    /** Already read with the order (loadOrderContext's `buyer`: default windows, no contacts). */
    history?: BuyerHistory;
  } = {},
): Promise<BuyerContext> {
  const settings = buyerRiskSettings(options.policy ?? {});
  const { profile, tier, lists } = options.history ?? (await buyerHistory(db, shopId, customerId, now, { windows: settings, contacts: orderContacts(options.order) }));
  const risk = assessRisk(profile, { keepsGoods, refundOnlyDelivered: options.refundOnlyDelivered ?? false }, settings);
  const blocked = lists.find((l) => l.list === 'block') ?? null;
  const allowed = lists.find((l) => l.list === 'allow') ?? null;
  const entry = (l: ListHit | null) => (l ? { kind: l.kind, value: l.value, reason: l.reason } : null);
  return {
    profile,
    risk,
    lists,
    facts: {
      tier,
      riskScore: risk.score,
      completedOrders: profile.completedOrders,
      ...(lists.length ? { lists: { blocked: entry(blocked), allowed: entry(allowed), allowlistSkipsRisk: settings.allowlistSkipsRisk } } : {}),
    },
  };
}

/** The windows of the policy's signals a buyer's history is read with (the SQL depends on these only). */
export const signalWindowsOf = (settings: SignalWindows): SignalWindows => ({
  velocityDays: settings.velocityDays,
  wardrobingDays: settings.wardrobingDays,
  weights: { sharedContact: settings.weights?.sharedContact ?? 0 },
});

const sameWindows = (a: SignalWindows, b: SignalWindows) =>
  a.velocityDays === b.velocityDays && a.wardrobingDays === b.wardrobingDays && !!a.weights?.sharedContact === !!b.weights?.sharedContact;
const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * The history read with the order (`buyerOfOrder`) when it is the one `loadBuyerContext` would
 * read: the same windows as the policy that judges the request, and the same contacts as the
 * order's, normalised here; else undefined, and the caller reads it apart.
 */
export function orderBuyerHistory(orderCtx: OrderContext, settings: SignalWindows): BuyerHistory | undefined {
  const read = orderCtx.orderBuyer;
  if (!read || !sameWindows(read.windows, settings)) return undefined;
  const mine = orderContacts(orderCtx.order);
  const same = sameList(read.contacts.emails, mine.emails) && sameList(read.contacts.phones, mine.phones) && (read.contacts.addressKey ?? null) === mine.addressKey;
  return same ? read.history : undefined;
}
