/**
 * What happens to a returned item after inspection (issue 13.7). Restocking puts it back on sale,
 * so it must never be the easy default for goods that are damaged or claimed defective.
 */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export const DISPOSITIONS = ['restock', 'refurbish', 'scrap', 'return_to_vendor'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Grades below B (C used, D damaged): restocking them needs an explicit confirmation. */
const BELOW_B: ReadonlySet<Grade> = new Set(['C', 'D']);

/**
 * The disposition the inspection form proposes, and the API applies when none is given:
 * - a defect claim (a reason that counts toward the quality rate) is never restocked on the buyer's
 *   word or a glance: A/B go to refurbish (tested before resale), C to refurbish, D back to the
 *   vendor (a defective unit the supplier answers for);
 * - otherwise A/B (as new, opened) go back on sale, C (used) to refurbish, D (damaged) to scrap.
 */
export function defaultDisposition(grade: Grade, claim: { defect: boolean }): Disposition {
  if (grade === 'D') return claim.defect ? 'return_to_vendor' : 'scrap';
  if (grade === 'C' || claim.defect) return 'refurbish';
  return 'restock';
}

/** The default for every grade: what the console's form switches to when the grade changes. */
export function defaultDispositions(claim: { defect: boolean }): Record<Grade, Disposition> {
  return { A: defaultDisposition('A', claim), B: defaultDisposition('B', claim), C: defaultDisposition('C', claim), D: defaultDisposition('D', claim) };
}

/** Restocking goods graded below B puts used or damaged goods on sale: a person must confirm it. */
export function restockNeedsConfirmation(grade: Grade, disposition: Disposition): boolean {
  return disposition === 'restock' && BELOW_B.has(grade);
}
