import { localDayOf, startOfLocalDay } from './local-days.js';
import { formatDay } from './explain.js';

/**
 * The arithmetic of the EU right of withdrawal (Directive 2011/83/EU arts. 9–16) and the UK right
 * to cancel (Consumer Contracts Regulations 2013), see shared/reference/marketplace-rules.md §7.
 * Pure: instants in, instants out; calendar days are counted in the shop's time zone.
 *
 * - The period starts the day the consumer acquires physical possession of the goods; for an
 *   order delivered in several parcels, of the LAST one (art. 9(2)(b)). The day of the event is
 *   not counted (Regulation 1182/71 art. 3(1)), so 14 days from a delivery on day D end at local
 *   midnight at the end of day D + 14. Where a period's last day is a Saturday or Sunday, it ends
 *   with the next working day (Regulation 1182/71 art. 3(4), applied to the Directive by its
 *   recital 41) when `extendToWorkingDay` is set. Public holidays differ by country and are not
 *   modelled: a shop that must honour them gives a longer window.
 * - A withdrawal sent within the period is in time (art. 11(2)): what counts is when the notice
 *   was sent, not when the shop read it.
 * - The refund is due within 14 days of the notice (art. 13(1)); for sales the trader may withhold
 *   it until the goods are back or the consumer proves dispatch, whichever is earlier (art. 13(3)).
 */

const SATURDAY = 6;
const SUNDAY = 0;

/** Day of the week of a day counted since 1970-01-01 (a Thursday): 0 Sunday … 6 Saturday. */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/** The day itself, or the Monday after a Saturday or Sunday. */
export function nextWorkingDay(day: number): number {
  const weekday = weekdayOf(day);
  if (weekday === SATURDAY) return day + 2;
  if (weekday === SUNDAY) return day + 1;
  return day;
}

/** The last local day of a period of `days` days counted from the day after `startDay`. */
export function periodLastDay(startDay: number, days: number, extendToWorkingDay: boolean): number {
  const last = startDay + days;
  return extendToWorkingDay ? nextWorkingDay(last) : last;
}

export interface Parcel {
  deliveredAt: Date | null;
}

/**
 * When the consumer acquired physical possession of the whole order: the delivery of its last
 * parcel. Null while any parcel is still on its way (the period has not started) or there are none.
 */
export function physicalPossession(parcels: readonly Parcel[]): Date | null {
  if (parcels.length === 0) return null;
  let last = 0;
  for (const p of parcels) {
    if (!p.deliveredAt) return null;
    last = Math.max(last, p.deliveredAt.getTime());
  }
  return new Date(last);
}

export interface Period {
  /** The local day the period counts from (possession, or the notice), YYYY-MM-DD. */
  fromDay: string;
  /** The last local day of the period, YYYY-MM-DD. */
  lastDay: string;
  /** Local midnight at the end of `lastDay`: the period is open while now < endsAt. */
  endsAt: Date;
}

function period(from: Date, days: number, timeZone: string, extendToWorkingDay: boolean): Period {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, not ${days}`);
  const fromDay = localDayOf(from.getTime(), timeZone);
  const lastDay = periodLastDay(fromDay, days, extendToWorkingDay);
  return { fromDay: formatDay(fromDay), lastDay: formatDay(lastDay), endsAt: new Date(startOfLocalDay(lastDay + 1, timeZone)) };
}

/** The withdrawal period of goods the consumer took possession of at `possessionAt`. */
export function withdrawalPeriod(possessionAt: Date, days: number, timeZone: string, extendToWorkingDay = false): Period {
  return period(possessionAt, days, timeZone, extendToWorkingDay);
}

/** A withdrawal sent at `sentAt` is in time when the period had not ended then (art. 11(2)). */
export const withdrawalInTime = (p: Period, sentAt: Date) => sentAt.getTime() < p.endsAt.getTime();

export interface RefundClockInput {
  /** When the trader was informed of the withdrawal (the request was made). */
  noticeAt: Date;
  refundWithinDays: number;
  /**
   * What the refund period counts from: the notice (EU art. 13(1)), or the goods back or the
   * evidence of their return (UK CCR 2013 reg. 34(5)–(6)).
   */
  countsFrom: 'notice' | 'goods_or_proof';
  timeZone: string;
  /** The trader may wait for the goods or a proof of dispatch (art. 13(3), reg. 34(4)). */
  withhold: boolean;
  goodsReceivedAt: Date | null;
  /** The consumer proved dispatch (a carrier's tracking number handed over). */
  dispatchProvedAt: Date | null;
  extendToWorkingDay?: boolean;
}

export interface RefundClock {
  /** The end of the refund period (from the notice, or from the release under `goods_or_proof`); null while it has not started. */
  deadlineAt: Date | null;
  /** The last local day of the refund period, YYYY-MM-DD; null while it has not started. */
  lastDay: string | null;
  /** When withholding stops: the goods back or dispatch proved, whichever is earlier; null while neither happened. */
  releasedAt: Date | null;
  /**
   * When the refund must have been paid: the deadline, or the release when that comes later
   * (goods that arrive after the 14 days are refunded at once). Null while lawfully withheld.
   */
  dueAt: Date | null;
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b));

export function refundClock(input: RefundClockInput): RefundClock {
  const releasedAt = input.withhold ? earliest(input.goodsReceivedAt, input.dispatchProvedAt) : input.noticeAt;
  const from = input.countsFrom === 'notice' ? input.noticeAt : earliest(input.goodsReceivedAt, input.dispatchProvedAt);
  if (!from) return { deadlineAt: null, lastDay: null, releasedAt, dueAt: null };
  const p = period(from, input.refundWithinDays, input.timeZone, input.extendToWorkingDay === true);
  const dueAt = releasedAt === null ? null : new Date(Math.max(p.endsAt.getTime(), releasedAt.getTime()));
  return { deadlineAt: p.endsAt, lastDay: p.lastDay, releasedAt, dueAt };
}

/** Where a withdrawal's refund stands at `now`. */
export function refundStanding(clock: RefundClock, now: Date, refundedAt: Date | null): 'paid_in_time' | 'paid_late' | 'withheld' | 'due' | 'overdue' {
  if (refundedAt) return clock.dueAt === null || refundedAt.getTime() <= clock.dueAt.getTime() ? 'paid_in_time' : 'paid_late';
  if (clock.dueAt === null) return 'withheld';
  return now.getTime() < clock.dueAt.getTime() ? 'due' : 'overdue';
}

/**
 * Art. 14(2): the consumer is liable for diminished value from handling beyond what is needed to
 * establish the nature, characteristics and functioning of the goods, as found at inspection. The
 * deduction never exceeds what the item would refund, and is zero when the consumer was not
 * informed of the right of withdrawal.
 */
export function diminishedValueDeduction(itemRefundMinor: number, assessedMinor: number, consumerInformed: boolean): number {
  if (!Number.isSafeInteger(itemRefundMinor) || !Number.isSafeInteger(assessedMinor) || itemRefundMinor < 0 || assessedMinor < 0) {
    throw new RangeError('amounts are whole minor units ≥ 0');
  }
  return consumerInformed ? Math.min(itemRefundMinor, assessedMinor) : 0;
}

/**
 * The exceptions of art. 16 (UK CCR 2013 reg. 28) that concern goods, and the return flag of a
 * SKU each maps to: the exceptions are attached to products, never decided per case. Points a, h
 * (services), k (public auctions) and l (dated leisure services) are not about goods sold by post.
 */
export const ART16_CODES = ['c_personalised', 'd_perishable', 'e_sealed_hygiene', 'i_sealed_media', 'm_digital_content'] as const;
export type Art16Exception = (typeof ART16_CODES)[number];

export const ART16_EXCEPTIONS: Readonly<Record<Art16Exception, { flag: 'customMade' | 'perishable' | 'hygiene' | 'digital'; label: { 'zh-CN': string; en: string } }>> = {
  c_personalised: { flag: 'customMade', label: { 'zh-CN': '按消费者要求定制或明显个性化的商品（第16条c项）', en: 'Made to the consumer\'s specifications or clearly personalised (art. 16(c))' } },
  d_perishable: { flag: 'perishable', label: { 'zh-CN': '易腐或快速过期的商品（第16条d项）', en: 'Liable to deteriorate or expire rapidly (art. 16(d))' } },
  e_sealed_hygiene: { flag: 'hygiene', label: { 'zh-CN': '出于健康或卫生原因密封且交付后已拆封的商品（第16条e项）', en: 'Sealed for health or hygiene reasons and unsealed after delivery (art. 16(e))' } },
  i_sealed_media: { flag: 'digital', label: { 'zh-CN': '交付后已拆封的密封音像制品或软件（第16条i项）', en: 'Sealed audio, video or software unsealed after delivery (art. 16(i))' } },
  m_digital_content: { flag: 'digital', label: { 'zh-CN': '已经同意开始提供的非有形载体数字内容（第16条m项）', en: 'Digital content not on a tangible medium, begun with consent (art. 16(m))' } },
};

/** The policy exclusions the exceptions a shop relies on give: "final sale" is never one (marketplace-rules.md §7). */
export function exclusionsForExceptions(exceptions: readonly Art16Exception[]) {
  const flags = new Set(exceptions.map((e) => ART16_EXCEPTIONS[e].flag));
  return {
    customMade: flags.has('customMade'),
    perishable: flags.has('perishable'),
    digitalOnceOpened: flags.has('digital'),
    hygieneOnceUnsealed: flags.has('hygiene'),
    finalSale: false,
  };
}
