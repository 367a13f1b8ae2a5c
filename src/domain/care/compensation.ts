import { unprocessable } from '../errors.js';
import { localDayOf, MS_PER_DAY, startOfLocalDay } from '../policy/local-days.js';
import type { Care, CompensationKind, CompensationRule } from './settings.js';

/**
 * Compensation (补偿, issue 19 §1): a coupon, a store-credit bonus or points given to a buyer for
 * the trouble of a case. Pure rules: the caps, which rules grant by themselves, generated codes.
 */

export interface CompensationRequest {
  kind: CompensationKind;
  /** Value of a coupon or store credit, minor units of the case currency. */
  amountMinor: number;
  points: number;
}

/** What was granted before: on this case, and by the shop this month in the same currency. */
export interface GrantedSoFar {
  caseMinor: number;
  casePoints: number;
  monthMinor: number;
  monthPoints: number;
}

/**
 * Refuses a grant that would pass a cap of the policy (per case, per month); the error names the
 * cap, what is left under it, and the policy setting that decides it.
 */
export function checkCaps(care: Care, req: CompensationRequest, so: GrantedSoFar): void {
  const c = care.compensation;
  if (req.kind === 'points') {
    if (req.points <= 0) throw unprocessable('compensation.points_required', 'Points compensation needs a positive number of points');
    if (so.casePoints + req.points > c.maxPointsPerCase) {
      throw unprocessable('compensation.case_cap', `This would pass the points cap per case (${c.maxPointsPerCase}); ${Math.max(0, c.maxPointsPerCase - so.casePoints)} left`, { setting: '/care/compensation/maxPointsPerCase', left: Math.max(0, c.maxPointsPerCase - so.casePoints) });
    }
    if (so.monthPoints + req.points > c.maxPointsPerMonth) {
      throw unprocessable('compensation.month_cap', `This would pass the points cap per month (${c.maxPointsPerMonth}); ${Math.max(0, c.maxPointsPerMonth - so.monthPoints)} left`, { setting: '/care/compensation/maxPointsPerMonth', left: Math.max(0, c.maxPointsPerMonth - so.monthPoints) });
    }
    return;
  }
  if (req.amountMinor <= 0) throw unprocessable('compensation.amount_required', 'A coupon or store credit needs a positive amount');
  if (so.caseMinor + req.amountMinor > c.maxPerCaseMinor) {
    throw unprocessable('compensation.case_cap', `This would pass the cap per case (${c.maxPerCaseMinor} minor units); ${Math.max(0, c.maxPerCaseMinor - so.caseMinor)} left`, { setting: '/care/compensation/maxPerCaseMinor', left: Math.max(0, c.maxPerCaseMinor - so.caseMinor) });
  }
  if (so.monthMinor + req.amountMinor > c.maxPerMonthMinor) {
    throw unprocessable('compensation.month_cap', `This would pass the cap per month (${c.maxPerMonthMinor} minor units); ${Math.max(0, c.maxPerMonthMinor - so.monthMinor)} left`, { setting: '/care/compensation/maxPerMonthMinor', left: Math.max(0, c.maxPerMonthMinor - so.monthMinor) });
  }
}

/** The first rule of the policy that matches a case's reasons (their codes and faults), if any. */
export function matchingRule(rules: CompensationRule[], reasons: { code: string; fault: string }[]): CompensationRule | null {
  return (
    rules.find((r) =>
      reasons.some((reason) => (!r.faults || (r.faults as string[]).includes(reason.fault)) && (!r.reasonCodes || r.reasonCodes.includes(reason.code))),
    ) ?? null
  );
}

/**
 * The calendar month of the shop's time zone a time falls in, as its first instant and the next
 * month's: a Shanghai shop's December starts at 2026-11-30T16:00Z, not at midnight UTC.
 */
export function monthOf(now: Date, timeZone: string): { from: Date; to: Date } {
  const day = new Date(localDayOf(now.getTime(), timeZone) * MS_PER_DAY);
  const first = (months: number) => Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1) / MS_PER_DAY;
  return { from: new Date(startOfLocalDay(first(0), timeZone)), to: new Date(startOfLocalDay(first(1), timeZone)) };
}

/** Letters a person can read aloud without confusion (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A generated coupon code from random bytes: `RT-XXXX-XXXX` (31^8 ≈ 8.5e11 codes). */
export function couponCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('need 8 random bytes');
  const chars = [...bytes.slice(0, 8)].map((b) => ALPHABET[b % ALPHABET.length]!);
  return `RT-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A pool code as the shop uploads it: trimmed, upper-cased, 3–64 letters, digits, - or _. */
export function normaliseCouponCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9_-]{2,63}$/.test(code) ? code : null;
}
