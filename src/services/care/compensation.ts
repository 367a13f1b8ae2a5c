import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { checkCaps, couponCodeFrom, matchingRule, monthOf, normaliseCouponCode } from '../../domain/care/compensation.js';
import { careOf, type CompensationKind, type CompensationRule } from '../../domain/care/settings.js';
import { conflict, invalid, notFound, unprocessable } from '../../domain/errors.js';
import type { Policy } from '../../domain/policy/schema.js';
import type { Executor, Tx } from '../../db/client.js';
import { careRepo, type CompensationRow } from '../../db/repos/care-repo.js';
import { casesRepo, type CaseRow } from '../../db/repos/cases-repo.js';
import { policiesRepo } from '../../db/repos/policies-repo.js';
import { publish } from '../events.js';
import type { ServiceContext } from '../context.js';
import { appendFacts, compensationGrantedFact } from '../analytics/index.js';
import { findShop } from '../shops/index.js';
import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';

/**
 * Compensation (补偿, issue 19 §1): staff, or a policy rule, grant the buyer of a case a coupon
 * code (from the shop's pool, or generated), store credit or points, within the policy's caps per
 * case and per month. Each grant is recorded on the case (an event), on the buyer (the
 * compensation row carries the customer), in the store-credit ledger for store credit, and
 * published (`return.compensation_granted`), which mails the buyer.
 */

export interface GrantInput {
  kind: CompensationKind;
  amountMinor?: number;
  points?: number;
  /** Coupons: a code from the shop's pool (default), or one Retour generates. */
  couponSource?: 'pool' | 'generated';
  /** Generated coupons: when it stops being valid (default: the policy's couponValidDays). */
  expiresAt?: string;
  note?: string;
}

export type Granter = { kind: 'staff'; id: string } | { kind: 'system'; rule: string } | { kind: 'platform' };

export const compensationView = (r: CompensationRow) => ({
  id: r.id,
  caseId: r.caseId,
  customerId: r.customerId,
  kind: r.kind,
  amountMinor: r.amountMinor,
  points: r.points,
  currency: r.currency,
  couponCode: r.couponCode,
  couponSource: r.couponSource,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  note: r.note,
  rule: r.rule,
  grantedBy: r.grantedByKind,
  createdAt: r.createdAt.toISOString(),
});
export type CompensationView = ReturnType<typeof compensationView>;

/** What the buyer sees in the portal: no staff note, no rule names. */
export const buyerCompensationView = (r: CompensationRow) => ({
  id: r.id,
  kind: r.kind,
  amountMinor: r.amountMinor,
  points: r.points,
  currency: r.currency,
  couponCode: r.couponCode,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Care follows the shop's policy in force now (its budget and its rules today), not the version a
 * case's refund is judged under.
 */
export async function carePolicyOf(db: Executor, shopId: string): Promise<Policy> {
  const row = await policiesRepo.current(db, shopId);
  return row!.document as Policy;
}

/**
 * Grants compensation inside a transaction (the caller's). The shop's grants are serialised by
 * an advisory lock so caps hold under concurrent grants; pool codes are claimed with SKIP LOCKED.
 * A rule grants at most once per case (`undefined` when it already did).
 */
export async function grantInTx(tx: Tx, c: CaseRow, policy: Policy, input: GrantInput, by: Granter, now: Date): Promise<CompensationRow | undefined> {
  const care = careOf(policy);
  const amountMinor = input.kind === 'points' ? 0 : (input.amountMinor ?? 0);
  const points = input.kind === 'points' ? (input.points ?? 0) : 0;
  if (input.kind !== 'points' && input.points) throw invalid('compensation.points_only_for_points', 'Points are given only with kind "points"');
  if (input.kind === 'points' && input.amountMinor) throw invalid('compensation.amount_not_for_points', 'A points compensation has no amount');
  if (input.kind === 'store_credit' && !c.customerId) throw unprocessable('compensation.no_customer', 'Store credit needs a known buyer: this case has no customer record');
  if (input.kind !== 'coupon' && (input.couponSource || input.expiresAt)) throw invalid('compensation.coupon_fields', 'couponSource and expiresAt belong to coupons');

  await careRepo.lockGrants(tx, c.shopId);
  // The monthly cap is the shop's calendar month (its time zone), as its staff and its books count it.
  const shop = await findShop({ db: tx }, c.shopId);
  const month = monthOf(now, shop?.timezone ?? 'UTC');
  const soFar = await careRepo.grantedSoFar(tx, c.shopId, c.id, c.currency, month.from, month.to);
  const source = input.kind === 'coupon' ? (input.couponSource ?? 'pool') : null;
  checkCaps(care, { kind: input.kind, amountMinor, points }, soFar);

  const id = uuidv7();
  let couponCode: string | null = null;
  let expiresAt: Date | null = null;
  if (source === 'pool') {
    const code = await careRepo.claimCoupon(tx, c.shopId, c.currency, amountMinor, id, now);
    if (!code) throw conflict('compensation.pool_empty', `The coupon pool has no free code of ${amountMinor} minor units in ${c.currency}: upload codes or generate one`, { currency: c.currency, amountMinor });
    couponCode = code.code;
    expiresAt = code.expiresAt;
  } else if (source === 'generated') {
    couponCode = couponCodeFrom(randomBytes(8));
    expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + care.compensation.couponValidDays * 86_400_000);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) throw unprocessable('compensation.expiry_past', 'A generated coupon must expire in the future');
    await careRepo.insertCoupons(tx, [{ shopId: c.shopId, id: uuidv7(), code: couponCode, valueMinor: amountMinor, currency: c.currency, expiresAt, compensationId: id, grantedAt: now, createdAt: now }]);
  }

  const rule = by.kind === 'system' ? by.rule : null;
  const row = await careRepo.insertCompensation(tx, {
    shopId: c.shopId,
    id,
    caseId: c.id,
    customerId: c.customerId,
    kind: input.kind,
    amountMinor,
    points,
    currency: c.currency,
    couponCode,
    couponSource: source,
    expiresAt,
    note: input.note?.trim() || null,
    rule,
    grantedByKind: by.kind,
    grantedById: by.kind === 'staff' ? by.id : null,
    createdAt: now,
  });
  if (!row) return undefined;
  if (input.kind === 'store_credit') {
    await careRepo.insertStoreCredit(tx, { shopId: c.shopId, id: uuidv7(), customerId: c.customerId!, currency: c.currency, amountMinor, caseId: c.id, reason: 'compensation', createdAt: now });
  }
  const summary = { id, kind: row.kind, amountMinor, points, currency: c.currency, couponCode, expiresAt: expiresAt?.toISOString() ?? null };
  await casesRepo.insertEvent(tx, {
    shopId: c.shopId,
    caseId: c.id,
    type: 'compensation.granted',
    actorKind: by.kind,
    actorId: by.kind === 'staff' ? by.id : null,
    rule,
    payload: { compensation: summary, note: row.note },
    createdAt: now,
  });
  // Counted in the analytics cube by the worker's fold, as refunds are (the cost of returns reads it there).
  await appendFacts(tx, [compensationGrantedFact(c, row.id)]);
  await publish(tx, c.shopId, 'return.compensation_granted', c.id, { caseId: c.id, rmaNumber: c.rmaNumber, customerId: c.customerId, compensation: summary }, now);
  return row;
}

export async function grantCompensation(ctx: ServiceContext, shopId: string, caseId: string, input: GrantInput, by: Granter, reply?: KeyedReplyOf<CompensationView>): Promise<CompensationView> {
  const now = ctx.clock.now();
  return keyedTransaction(ctx.db, reply, async (tx) => {
    const c = await casesRepo.findById(tx, shopId, caseId);
    if (!c) throw notFound('case.not_found', 'No such case');
    const row = await grantInTx(tx, c, await carePolicyOf(tx, c.shopId), input, by, now);
    return compensationView(row!);
  });
}

export async function caseCompensations(ctx: ServiceContext, shopId: string, caseId: string) {
  const c = await casesRepo.findById(ctx.db, shopId, caseId);
  if (!c) throw notFound('case.not_found', 'No such case');
  return { data: (await careRepo.compensationsOfCase(ctx.db, shopId, caseId)).map(compensationView) };
}

export async function customerCompensations(ctx: ServiceContext, shopId: string, customerId: string) {
  const rows = await careRepo.compensationsOfCustomer(ctx.db, shopId, customerId);
  const totals = new Map<string, { currency: string; amountMinor: number; points: number; grants: number }>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { currency: r.currency, amountMinor: 0, points: 0, grants: 0 };
    t.amountMinor += r.amountMinor;
    t.points += r.points;
    t.grants += 1;
    totals.set(r.currency, t);
  }
  return { data: rows.map(compensationView), totals: [...totals.values()] };
}

/** The policy rule that grants by itself on approval, if a case's reasons match one. */
export async function ruleGrantOnApproval(tx: Tx, c: CaseRow, policy: Policy, now: Date): Promise<CompensationRow | undefined> {
  const rules = careOf(policy).compensation.rules;
  if (rules.length === 0) return undefined;
  const items = await casesRepo.itemsOf(tx, c.shopId, c.id);
  const faults = new Map(policy.reasons.map((r) => [r.code, r.fault]));
  const rule: CompensationRule | null = matchingRule(rules, items.map((i) => ({ code: i.reasonCode, fault: faults.get(i.reasonCode) ?? 'buyer' })));
  if (!rule) return undefined;
  const input: GrantInput = rule.kind === 'points' ? { kind: 'points', points: rule.points } : { kind: rule.kind, amountMinor: rule.amountMinor, couponSource: rule.kind === 'coupon' ? 'generated' : undefined };
  if (rule.kind === 'store_credit' && !c.customerId) return undefined;
  try {
    return await tx.transaction(async (inner) => grantInTx(inner, c, policy, input, { kind: 'system', rule: `care.compensation.rules.${rule.name}` }, now));
  } catch (e) {
    // A cap reached is not an error of the event: the rule simply grants nothing (staff still may, within the caps).
    if (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('compensation.')) return undefined;
    throw e;
  }
}

/** Adds codes to the shop's pool; codes already there are reported, not added twice. */
export async function uploadCoupons(ctx: ServiceContext, shopId: string, input: { codes: string[]; valueMinor: number; currency: string; expiresAt?: string }) {
  const now = ctx.clock.now();
  const invalidCodes: string[] = [];
  const codes = new Set<string>();
  for (const raw of input.codes) {
    if (raw.trim() === '') continue;
    const code = normaliseCouponCode(raw);
    if (code) codes.add(code);
    else invalidCodes.push(raw.slice(0, 80));
  }
  if (invalidCodes.length > 0) throw unprocessable('coupon.invalid_codes', `${invalidCodes.length} codes are not 3–64 letters, digits, - or _`, { invalid: invalidCodes.slice(0, 20) });
  if (codes.size === 0) throw unprocessable('coupon.no_codes', 'No codes given');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw unprocessable('coupon.expiry_past', 'The codes would be expired already');
  const added = await ctx.db.transaction((tx) =>
    careRepo.insertCoupons(tx, [...codes].map((code) => ({ shopId, id: uuidv7(), code, valueMinor: input.valueMinor, currency: input.currency, expiresAt, createdAt: now }))),
  );
  const addedSet = new Set(added);
  return { added: added.length, duplicates: [...codes].filter((c) => !addedSet.has(c)) };
}

/** Codes of a CSV upload: the first column of each row, a header row (`code`) skipped. */
export function codesFromCsv(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.split(',')[0]!.replace(/^"|"$/g, '').trim()).filter(Boolean);
  return lines[0]?.toLowerCase() === 'code' ? lines.slice(1) : lines;
}

export async function couponPool(ctx: ServiceContext, shopId: string) {
  const rows = await careRepo.poolSummary(ctx.db, shopId, ctx.clock.now());
  return { data: rows.map((r) => ({ currency: r.currency, valueMinor: Number(r.value_minor), free: r.free, granted: r.granted, expired: r.expired })) };
}
