import { describe, expect, it } from 'vitest';
import { chinaMarketplacePreset as china } from './presets.js';
import type { Policy } from './schema.js';
import { simulate, type PastCase } from './simulate.js';
import { testCustomer, testOrder } from './test-orders.js';

/** Past cases on the test order (delivered 2026-11-01 15:00 Shanghai), judged under the 7-day China preset. */
function pastCase(caseId: string, requestedAt: string, lineId: string, reasonCode: string): PastCase {
  return {
    caseId,
    rmaNumber: `R26110${caseId}`,
    requestedAt: new Date(requestedAt),
    order: testOrder(),
    customer: testCustomer(),
    request: { caseType: 'return_refund', items: [{ lineId, quantity: 1, reasonCode, condition: 'opened' }], method: 'original' },
  };
}

const changeOfMindDay5 = pastCase('A', '2026-11-06T10:00:00+08:00', 'tee', 'no_reason');
const changeOfMindDay2 = pastCase('B', '2026-11-03T10:00:00+08:00', 'tee', 'no_reason');
const qualityDay5 = pastCase('C', '2026-11-06T10:00:00+08:00', 'tee', 'quality_issue');
const headsetDay4 = pastCase('D', '2026-11-05T10:00:00+08:00', 'headset', 'no_reason');
const cases = [qualityDay5, changeOfMindDay5, headsetDay4, changeOfMindDay2];

const threeDays: Policy = { ...structuredClone(china), name: 'three days', windows: { ...china.windows, noReasonDays: 3 } };

describe('simulate', () => {
  it('reports the cases a shorter window (7 → 3 days) would have refused, oldest request first', () => {
    const result = simulate(threeDays, cases, () => china);
    expect(result.evaluated).toBe(4);
    expect(result.changed).toEqual([
      {
        caseId: 'D',
        rmaNumber: 'R26110D',
        before: { eligible: true, refundMinor: 39_900, decision: 'none', fastRefund: true, rule: 'request.eligible' },
        after: { eligible: false, refundMinor: 0, decision: 'none', fastRefund: false, rule: 'window.no_reason_expired' },
        changes: ['eligible', 'refundMinor', 'fastRefund', 'rule'],
      },
      {
        caseId: 'A',
        rmaNumber: 'R26110A',
        before: { eligible: true, refundMinor: 7_500, decision: 'approve', fastRefund: true, rule: 'request.eligible' },
        after: { eligible: false, refundMinor: 0, decision: 'none', fastRefund: false, rule: 'window.no_reason_expired' },
        changes: ['eligible', 'refundMinor', 'decision', 'fastRefund', 'rule'],
      },
    ]);
    // The quality claim (photos required) is never counted as approved automatically: a person decides it (13.18).
    expect(result.totals).toEqual({
      before: { eligible: 4, refundMinor: 62_400, autoApproved: 2, fastRefunds: 4 },
      after: { eligible: 2, refundMinor: 15_000, autoApproved: 1, fastRefunds: 2 },
    });
  });

  it('reports nothing for an unchanged policy', () => {
    const result = simulate(structuredClone(china), cases, () => china);
    expect(result.changed).toEqual([]);
    expect(result.totals.after).toEqual(result.totals.before);
  });

  it('judges each case under the policy it was judged with', () => {
    const seen: string[] = [];
    const result = simulate(china, cases, (c) => {
      seen.push(c.caseId);
      return c.caseId === 'B' ? threeDays : china;
    });
    expect(seen.sort()).toEqual(['A', 'B', 'C', 'D']);
    // B (day 2) was fine under three days too; nothing changes for it.
    expect(result.changed).toEqual([]);
  });

  it('gives the same answer whatever the order of the cases', () => {
    expect(simulate(threeDays, [...cases].reverse(), () => china)).toEqual(simulate(threeDays, cases, () => china));
  });

  it('orders cases requested at the same moment by RMA number', () => {
    const result = simulate(threeDays, [changeOfMindDay5, { ...changeOfMindDay5, caseId: 'A0', rmaNumber: 'R0' }], () => china);
    expect(result.changed.map((c) => c.rmaNumber)).toEqual(['R0', 'R26110A']);
  });
});
