import { sql, type SQL } from 'drizzle-orm';
import type { BuyerProfile, RiskSignalSettings } from '../../domain/risk/score.js';
import type { ListKind, ListName } from '../../domain/risk/normalise.js';
import { queryRows, type Executor } from '../client.js';
import { addressKeyExpression } from '../schema/orders.js';

/** A list entry a request matched (issue 19.5). */
export interface ListHit {
  list: ListName;
  kind: ListKind;
  value: string;
  reason: string | null;
}

/** What identifies the buyer of a request beyond the customer row: the order's own contacts and address key. */
export interface RequestContacts {
  emails: string[];
  /** Phones in their stored form (digits; mainland China without 86). */
  phones: string[];
  addressKey: string | null;
}

export type SignalWindows = Pick<RiskSignalSettings, 'velocityDays' | 'wardrobingDays'> & { weights?: Pick<RiskSignalSettings['weights'], 'sharedContact'> };
const DEFAULT_WINDOWS: SignalWindows = { velocityDays: 7, wardrobingDays: 7 };

/** An order's shipping address as one comparable key in SQL: the expression orders_address_key_idx indexes. */
export const addressKeySql = (o: string) => sql.raw(addressKeyExpression(o));

/** Other customers of the shop with an order to one of this customer's shipping addresses (the shared_contact signal). */
export const sharedAddressCustomersSql = (shopId: string, customer: SQL) =>
  sql`select o2.customer_id from orders o1 join orders o2 on o2.shop_id = o1.shop_id and o2.customer_id <> o1.customer_id and ${addressKeySql('o2')} = ${addressKeySql('o1')}
           where o1.shop_id = ${shopId} and o1.customer_id = ${customer} and o1.shipping_address is not null and o2.customer_id is not null`;

/**
 * The history of one buyer as SQL: `from` is two lateral sub-queries to put in a FROM clause, one
 * aggregate over the buyer's orders and one over their cases, and `columns` the profile's columns
 * read from them. `customer` is the customer id expression, `asOf` the moment the history is read
 * at; `past` says which cases (alias c) and orders (alias o) count (all, live; those before the
 * case, in a simulation, which reads each past case's buyer as they were then).
 *
 * One pass over each index range (FILTER per column) instead of a sub-query per column: the buyer
 * history a create reads plans to 32 nodes instead of 65, and runs in about 0.43 ms instead of
 * 0.50 (issue 12). test/services/buyer-profile.test.ts holds each column to its definition.
 */
function profileSql(shopId: string, customer: SQL, asOf: SQL, w: SignalWindows, past: { cases: SQL; orders: SQL }): { from: SQL; columns: SQL } {
  const from = sql`lateral (select count(*) as "orders", count(*) filter (where o.delivered_at is not null) as "completedOrders", coalesce(sum(ol.units), 0) as "unitsBought"
        from orders o left join lateral (select sum(l.quantity) as units from order_lines l where l.shop_id = o.shop_id and l.order_id = o.id) ol on true
        where o.shop_id = ${shopId} and o.customer_id = ${customer} and o.cancelled_at is null and ${past.orders}) as bp_orders,
      lateral (select count(*) as "cases",
          count(*) filter (where c.created_at >= ${asOf} - interval '30 days') as "casesLast30Days",
          coalesce(sum(ci.returned) filter (where c.status not in ('cancelled', 'closed') and c.type in ('return_refund', 'exchange', 'refused_delivery')), 0) as "unitsReturned",
          coalesce(sum(cr.refunded), 0) as "refundedMinor",
          coalesce(sum(ci.mismatches), 0) as "inspectionMismatches",
          count(*) filter (where c.resolution = 'reject') as "disputesLost",
          count(*) filter (where c.status not in ('cancelled', 'closed') and (c.type = 'partial_refund' or c.refund_only_kind = 'delivered_keep')) as "keptGoodsClaims",
          count(*) filter (where c.refunded_early and not coalesce(ci.any_received, false)
            and exists (select 1 from case_events e where e.shop_id = c.shop_id and e.case_id = c.id and e.action = 'goods_not_returned')) as "goodsNotReturned",
          count(*) filter (where c.created_at >= ${asOf} - make_interval(days => ${w.velocityDays})) as "recentRequests",
          count(*) filter (where c.fault = 'seller' and coalesce(ci.any_graded, false) and not coalesce(ci.any_flawed, false)) as "contradictedReasons",
          count(*) filter (where c.fault = 'buyer' and c.type in ('return_refund', 'exchange') and coalesce(ci.any_poor_grade, false)
            and exists (select 1 from orders o where o.shop_id = c.shop_id and o.id = c.order_id and o.delivered_at is not null
              and c.created_at <= o.delivered_at + make_interval(days => ${w.wardrobingDays}))) as "wardrobingReturns"
        from return_cases c
        left join lateral (select sum(coalesce(i.accepted_quantity, i.quantity)) as returned,
            count(*) filter (where i.accepted_quantity < i.quantity) as mismatches,
            bool_or(i.received_quantity > 0) as any_received,
            bool_or(i.grade is not null) as any_graded,
            bool_or(i.grade is null or i.grade in ('C', 'D') or coalesce(i.defective_quantity, 0) > 0) as any_flawed,
            bool_or(i.grade in ('C', 'D')) as any_poor_grade
          from return_items i where i.shop_id = c.shop_id and i.case_id = c.id) ci on true
        left join lateral (select sum(r.amount_minor) as refunded from refunds r where r.shop_id = c.shop_id and r.case_id = c.id and r.status = 'succeeded') cr on true
        where c.shop_id = ${shopId} and c.customer_id = ${customer} and ${past.cases}) as bp_cases`;
  // Off unless the policy weighs it. The address match is an index range on orders_address_key_idx (shop, key).
  const shared = w.weights?.sharedContact
    ? sql`(select count(*) from (
         select x.id from customers me join customers x on x.shop_id = me.shop_id and x.phone = me.phone and x.id <> me.id
           where me.shop_id = ${shopId} and me.id = ${customer} and me.phone is not null
         union
         ${sharedAddressCustomersSql(shopId, customer)}
       ) shared)`
    : sql`0`;
  return { from, columns: sql`bp_orders.*, bp_cases.*, ${shared} as "sharedContactAccounts"` };
}

/** Live history: every case and order of the buyer counts. */
const ALL_OF_THEM = { cases: sql`true`, orders: sql`true` };

const PROFILE_KEYS: (keyof BuyerProfile)[] = [
  'orders',
  'completedOrders',
  'unitsBought',
  'cases',
  'casesLast30Days',
  'unitsReturned',
  'refundedMinor',
  'inspectionMismatches',
  'disputesLost',
  'keptGoodsClaims',
  'goodsNotReturned',
  'recentRequests',
  'contradictedReasons',
  'wardrobingReturns',
  'sharedContactAccounts',
];

const toProfile = (row: Record<string, unknown> | undefined): BuyerProfile => Object.fromEntries(PROFILE_KEYS.map((k) => [k, Number(row?.[k] ?? 0)])) as unknown as BuyerProfile;

/** The list entries that match a buyer: by customer id, the customer's and the order's e-mail and phone, and the shipping address. */
function listHitsSql(shopId: string, customer: SQL, contacts: RequestContacts): SQL {
  const textArray = (values: string[]) => (values.length ? sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);
  return listHitsOf(shopId, customer, { emails: textArray(contacts.emails), phones: textArray(contacts.phones), addressKey: sql`${contacts.addressKey ?? ''}` });
}

/** `listHitsSql` with the contacts as SQL: text arrays of e-mails and phones, and the address key (text, '' for none). */
function listHitsOf(shopId: string, customer: SQL, contacts: { emails: SQL; phones: SQL; addressKey: SQL }): SQL {
  return sql`(select coalesce(json_agg(json_build_object('list', l.list, 'kind', l.kind, 'value', l.value, 'reason', l.reason) order by l.list, l.kind), '[]'::json)
      from buyer_list_entries l where l.shop_id = ${shopId} and (
        (l.kind = 'customer' and l.match_key = ${customer}::text)
        or (l.kind = 'email' and (l.match_key = (select lower(trim(cu.email)) from customers cu where cu.shop_id = ${shopId} and cu.id = ${customer}) or l.match_key = any(${contacts.emails})))
        or (l.kind = 'phone' and (l.match_key = (select cu.phone from customers cu where cu.shop_id = ${shopId} and cu.id = ${customer}) or l.match_key = any(${contacts.phones})))
        or (l.kind = 'address' and position(l.match_key in ${contacts.addressKey}) > 0)))`;
}

/** normalizePhone (domain/orders/contact.ts) in SQL: digits only, no 00 prefix, no 86 before a mainland mobile; null under 5 digits. */
export const normalizedPhoneSql = (phone: SQL) => sql`(select case when length(d) >= 5 then d end from (
    select case when length(d) = 13 and d like '861%' then substr(d, 3) else d end as d from (
      select case when d like '00%' then substr(d, 3) else d end as d from (select regexp_replace(coalesce(${phone}, ''), '[^0-9]', '', 'g') as d) a) b) c)`;

/**
 * The history of the buyer of the order the statement reads (alias `orders`), with the contacts
 * taken from the order's row in SQL and returned too (`contacts`): a reader compares them with
 * the ones it derives itself (orderContacts) and reads again apart when they differ, so this
 * never decides anything the separate read would not.
 */
export function buyerHistoryOfOrderSql(shopId: string, now: Date, windows: SignalWindows): SQL {
  const customer = sql`orders.customer_id`;
  const emails = sql`array_remove(array[nullif(lower(btrim(orders.email)), '')], null)`;
  const phones = sql`array(select distinct p from unnest(array[${normalizedPhoneSql(sql`orders.phone`)}, ${normalizedPhoneSql(sql`orders.shipping_address->>'phone'`)}]) p where p is not null order by p)`;
  const addressKey = addressKeySql('orders');
  const profile = profileSql(shopId, customer, sql`${now}::timestamptz`, windows, ALL_OF_THEM);
  return sql`(select to_jsonb(h) from (select
      (select c.tier from customers c where c.shop_id = ${shopId} and c.id = ${customer}) as "tier",
      ${listHitsOf(shopId, customer, { emails, phones, addressKey: sql`coalesce(${addressKey}, '')` })} as "lists",
      json_build_object('emails', ${emails}, 'phones', ${phones}, 'addressKey', ${addressKey}) as "contacts",
      ${profile.columns} from ${profile.from}) h)`;
}

/** What `buyerHistoryOfOrderSql` read: the history, and the contacts it matched lists with. */
export function buyerHistoryOfOrderFromJson(json: Record<string, unknown> | string | null): { history: BuyerHistory; contacts: RequestContacts } {
  const row = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown> | null;
  const contacts = (row?.contacts ?? { emails: [], phones: [], addressKey: null }) as RequestContacts;
  // A guest's counts are all 0 (no customer id matches): the empty profile, as buyerHistory gives.
  return { history: { profile: toProfile(row ?? undefined), tier: (row?.tier as string | null | undefined) ?? null, lists: parseJson(row?.lists as ListHit[] | string | null) }, contacts };
}

/** A buyer's history in one statement (every sub-query is an index range on the customer). */
export async function buyerProfile(db: Executor, shopId: string, customerId: string, now: Date, windows: SignalWindows = DEFAULT_WINDOWS): Promise<BuyerProfile> {
  return (await buyerHistory(db, shopId, customerId, now, { windows })).profile;
}

/** The buyer's history, tier and list entries (what the policy's customer rules read), in one statement. */
export async function buyerHistory(
  db: Executor,
  shopId: string,
  customerId: string | null,
  now: Date,
  options: { windows?: SignalWindows; contacts?: RequestContacts } = {},
): Promise<BuyerHistory> {
  const query = buyerHistorySql(shopId, customerId, now, options);
  if (!query) return buyerHistoryFromJson(null);
  const [row] = await queryRows<{ history: Record<string, unknown> | string | null }>(db, sql`select ${query} as "history"`);
  return buyerHistoryFromJson(row?.history ?? null);
}

export interface BuyerHistory {
  profile: BuyerProfile;
  tier: string | null;
  lists: ListHit[];
}

/**
 * `buyerHistory` as one JSON value in SQL, for a statement that reads it along with other things
 * (an order's facts); null when there is nothing to read (a guest with no contacts).
 */
export function buyerHistorySql(shopId: string, customerId: string | null, now: Date, options: { windows?: SignalWindows; contacts?: RequestContacts } = {}): SQL | null {
  const contacts = options.contacts ?? { emails: [], phones: [], addressKey: null };
  if (!customerId) {
    if (!contacts.emails.length && !contacts.phones.length && !contacts.addressKey) return null;
    return sql`json_build_object('lists', ${listHitsSql(shopId, sql`null::uuid`, contacts)})`;
  }
  const customer = sql`${customerId}::uuid`;
  const profile = profileSql(shopId, customer, sql`${now}::timestamptz`, options.windows ?? DEFAULT_WINDOWS, ALL_OF_THEM);
  return sql`(select to_jsonb(h) from (select
      (select c.tier from customers c where c.shop_id = ${shopId} and c.id = ${customer}) as "tier",
      ${listHitsSql(shopId, customer, contacts)} as "lists",
      ${profile.columns} from ${profile.from}) h)`;
}

/** What `buyerHistorySql` read (null: a guest, nothing to read). */
export function buyerHistoryFromJson(json: Record<string, unknown> | string | null): BuyerHistory {
  const row = typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : json;
  if (!row) return { profile: EMPTY_PROFILE, tier: null, lists: [] };
  // A guest's history is their list entries only.
  const profile = 'orders' in row ? toProfile(row) : EMPTY_PROFILE;
  return { profile, tier: (row.tier as string | null | undefined) ?? null, lists: parseJson(row.lists as ListHit[] | string | null) };
}

const parseJson = <T>(v: T[] | string | null | undefined): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));

/** Each case opened since `from`, with its buyer's history as it was when it was opened (for the review-threshold simulation). */
export async function pastRequestProfiles(db: Executor, shopId: string, from: Date, to: Date, windows: SignalWindows) {
  const profile = profileSql(shopId, sql`c0.customer_id`, sql`c0.created_at`, windows, { cases: sql`(c.created_at, c.id) < (c0.created_at, c0.id)`, orders: sql`o.placed_at <= c0.created_at` });
  const rows = await queryRows<Record<string, unknown> & { id: string; type: string; refund_only_kind: string | null; needs_review: boolean; delivered: boolean; lists: ListHit[] | string }>(
    db,
    sql`select c0.id, c0.type, c0.refund_only_kind, c0.needs_review, (o0.delivered_at is not null and o0.delivered_at <= c0.created_at) as delivered,
      ${listHitsSql(shopId, sql`c0.customer_id`, { emails: [], phones: [], addressKey: null })} as "lists",
      ${profile.columns}
      from return_cases c0 join orders o0 on o0.shop_id = c0.shop_id and o0.id = c0.order_id, ${profile.from}
      where c0.shop_id = ${shopId} and c0.created_at >= ${from} and c0.created_at <= ${to}
      order by c0.created_at`,
  );
  return rows.map((r) => ({
    caseId: r.id,
    type: r.type,
    refundOnlyKind: r.refund_only_kind,
    needsReview: r.needs_review,
    delivered: r.delivered,
    lists: parseJson(r.lists),
    profile: toProfile(r),
  }));
}

export const EMPTY_PROFILE: BuyerProfile = Object.fromEntries(PROFILE_KEYS.map((k) => [k, 0])) as unknown as BuyerProfile;
