import { describe, expect, it } from 'vitest';
import { caseOpenedFact, caseTransitionFacts, isFirstRefund, refundSucceededFact } from './facts.js';

const c = { id: 'case-1', shopId: 'shop-1', orderId: 'order-1' };
const refund = (id: string, kind: string, status: string) => ({ id, shopId: 'shop-1', caseId: 'case-1', orderId: 'order-1', kind, status });

describe('analytics facts', () => {
  it('a created case is one case_opened fact', () => {
    expect(caseOpenedFact(c)).toEqual({ shopId: 'shop-1', kind: 'case_opened', caseId: 'case-1', orderId: 'order-1', eventId: null, refundId: null, cancelled: false, firstRefund: false });
  });

  it('a transition is a decision when its action decides, an end when it enters a terminal status, both, or nothing', () => {
    const kinds = (from: string, to: string, action: string) =>
      caseTransitionFacts({ status: from as never }, { ...c, status: to as never }, action, 'event-1').map((f) => [f.kind, f.eventId, f.cancelled]);
    expect(kinds('requested', 'approved', 'approve')).toEqual([['decision', 'event-1', false]]);
    expect(kinds('approved', 'in_transit', 'buyer_shipped')).toEqual([]);
    expect(kinds('requested', 'cancelled', 'cancel')).toEqual([['case_ended', null, true]]);
    expect(kinds('requested', 'closed', 'close')).toEqual([['decision', 'event-1', false], ['case_ended', null, false]]);
    expect(kinds('escalated', 'completed', 'resolve')).toEqual([['decision', 'event-1', false], ['case_ended', null, false]]);
    expect(kinds('refund_pending', 'completed', 'refund_succeeded')).toEqual([['case_ended', null, false]]);
    // Notes and messages on an ended case change nothing counted.
    expect(kinds('completed', 'completed', 'note')).toEqual([]);
  });

  it('the first successful refund or fast refund of a case is marked first, whether or not the list holds it', () => {
    const first = refund('r1', 'refund', 'succeeded');
    expect(isFirstRefund(first, [first])).toBe(true);
    expect(isFirstRefund(first, [refund('r0', 'fast_refund', 'failed')])).toBe(true);
    expect(isFirstRefund(first, [refund('r0', 'fast_refund', 'succeeded'), first])).toBe(false);
    expect(isFirstRefund(first, [refund('r0', 'exchange_difference', 'succeeded')])).toBe(true);
    expect(isFirstRefund(refund('r2', 'exchange_difference', 'succeeded'), [])).toBe(false);
    expect(refundSucceededFact(first, true)).toMatchObject({ kind: 'refund_succeeded', caseId: 'case-1', orderId: 'order-1', refundId: 'r1', firstRefund: true });
  });
});
