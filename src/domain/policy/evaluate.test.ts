import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { evaluate } from './evaluate.js';
import { chinaMarketplacePreset as china, internationalPreset as international } from './presets.js';
import type { Policy } from './schema.js';
import { testCustomer, testLine, testOrder } from './test-orders.js';
import type { EvaluationRequest } from './verdict.js';

const at = (iso: string) => new Date(iso);
const customer = testCustomer();
const withPolicy = (changes: (p: Policy) => void): Policy => {
  const copy = structuredClone(china);
  changes(copy);
  return copy;
};
const returnOf = (lineId: string, reasonCode: string, condition: 'unopened' | 'opened' | 'used' = 'opened'): EvaluationRequest => ({
  caseType: 'return_refund',
  items: [{ lineId, quantity: 1, reasonCode, condition }],
  method: 'original',
});

describe('the PRC 7-day window (delivered 2026-11-01 15:00 Asia/Shanghai)', () => {
  const order = testOrder();

  it('is open until 2026-11-09 00:00 Shanghai (2026-11-08T16:00Z), to the minute', () => {
    const lastMinute = evaluate(china, order, customer, at('2026-11-08T23:59:00+08:00')).lines[0]!;
    expect(lastMinute.noReason).toMatchObject({ eligible: true, rule: 'window.no_reason_open', until: at('2026-11-08T16:00:00Z') });
    expect(lastMinute.noReason.explanation['zh-CN']).toContain('七天无理由退货');
    expect(lastMinute.noReason.explanation['zh-CN']).toContain('2026-11-08');
    expect(lastMinute.noReason.explanation.en).toContain('until the end of 2026-11-08');

    const lastMillisecond = evaluate(china, order, customer, at('2026-11-08T15:59:59.999Z')).lines[0]!;
    expect(lastMillisecond.noReason.eligible).toBe(true);

    const midnight = evaluate(china, order, customer, at('2026-11-09T00:00:00+08:00')).lines[0]!;
    expect(midnight.noReason).toMatchObject({ eligible: false, rule: 'window.no_reason_expired', until: at('2026-11-08T16:00:00Z') });
    expect(midnight.noReason.explanation.en).toBe('The 7-day window for returns without a reason ended on 2026-11-08');
  });

  it('counts from the delivery day in the shop zone, not in UTC', () => {
    // 00:30 on 1 November in Shanghai is still 31 October in UTC: the window ends with 8 November all the same.
    const early = evaluate(china, testOrder({ deliveredAt: at('2026-11-01T00:30:00+08:00') }), customer, at('2026-11-05T12:00:00+08:00')).lines[0]!;
    expect(early.noReason.until).toEqual(at('2026-11-08T16:00:00Z'));
    // 23:59 on 31 October: one day earlier.
    const late = evaluate(china, testOrder({ deliveredAt: at('2026-10-31T23:59:00+08:00') }), customer, at('2026-11-05T12:00:00+08:00')).lines[0]!;
    expect(late.noReason.until).toEqual(at('2026-11-07T16:00:00Z'));
  });

  it('ends at local midnight in other zones too', () => {
    const london = testOrder({ timeZone: 'Europe/London', deliveredAt: at('2026-03-20T10:00:00Z') });
    // 30 days: the last day is 19 April, in British Summer Time (UTC+1).
    const line = evaluate(international, london, customer, at('2026-04-01T00:00:00Z')).lines[0]!;
    expect(line.noReason.until).toEqual(at('2026-04-19T23:00:00Z'));
  });

  it('is not open before delivery', () => {
    const line = evaluate(china, testOrder({ deliveredAt: null }), customer, at('2026-10-30T12:00:00+08:00')).lines[0]!;
    expect(line.noReason).toMatchObject({ eligible: false, rule: 'window.not_delivered', until: null });
    expect(line.sellerFault).toMatchObject({ eligible: false, rule: 'window.not_delivered', until: null });
  });

  it('treats a delivery recorded after `now` as not delivered yet', () => {
    const line = evaluate(china, testOrder(), customer, at('2026-10-31T12:00:00+08:00')).lines[0]!;
    expect(line.beforeDelivery).toMatchObject({ eligible: true, rule: 'before_delivery.in_transit' });
  });

  it('has no window at all when its days are 0', () => {
    const none = withPolicy((p) => (p.windows.noReasonDays = 0));
    const line = evaluate(none, testOrder(), customer, at('2026-11-01T16:00:00+08:00')).lines[0]!;
    expect(line.noReason).toMatchObject({ eligible: false, rule: 'window.no_reason_none', until: null });
    expect(line.allowedReasons).not.toContain('no_reason');
  });
});

describe('the seller-fault window', () => {
  it('stays open after the no-reason window closes, for seller and carrier reasons only', () => {
    const line = evaluate(china, testOrder(), customer, at('2026-11-12T10:00:00+08:00')).lines[0]!;
    expect(line.noReason.rule).toBe('window.no_reason_expired');
    expect(line.sellerFault).toMatchObject({ eligible: true, rule: 'window.seller_fault_open', until: at('2026-11-16T16:00:00Z') });
    expect(line.eligible).toBe(true);
    expect(line.ruling.rule).toBe('window.seller_fault_open');
    expect(line.allowedReasons).toEqual(expect.arrayContaining(['quality_issue', 'damaged_in_transit']));
    expect(line.allowedReasons).not.toContain('no_reason');
    expect(line.allowedCaseTypes).toEqual(['refund_only', 'return_refund', 'exchange', 'reship', 'partial_refund']);
  });

  it('closes the line when it ends, naming its last day', () => {
    const line = evaluate(china, testOrder(), customer, at('2026-11-17T00:00:00+08:00')).lines[0]!;
    expect(line.eligible).toBe(false);
    expect(line.ruling.rule).toBe('window.seller_fault_expired');
    expect(line.ruling.explanation['zh-CN']).toContain('2026-11-16');
    expect(line.allowedReasons).toEqual([]);
    expect(line.allowedCaseTypes).toEqual([]);
  });
});

describe('exclusions', () => {
  const now = at('2026-11-03T10:00:00+08:00');
  const excluded = [
    ['customMade', 'exclusion.custom_made', '定制商品不支持七天无理由退货', 'Custom-made items cannot be returned without a fault'],
    ['perishable', 'exclusion.perishable', '生鲜易腐商品不支持七天无理由退货', 'Fresh and perishable goods cannot be returned without a fault'],
    ['finalSale', 'exclusion.final_sale', '最终销售（清仓）商品不支持七天无理由退货', 'Final-sale items cannot be returned without a fault'],
  ] as const;

  it.each(excluded)('%s goods lose no-reason returns but keep seller-fault ones', (flag, rule, zh, en) => {
    const order = testOrder({ lines: [testLine({ lineId: 'x', flags: { [flag]: true } })] });
    const verdict = evaluate(china, order, customer, now, returnOf('x', 'no_reason'));
    const line = verdict.lines[0]!;
    expect(line.noReason).toMatchObject({ eligible: false, rule, until: null, explanation: { 'zh-CN': zh, en } });
    expect(line.sellerFault.eligible).toBe(true);
    expect(line.eligible).toBe(true);
    expect(line.allowedReasons).not.toContain('no_reason');
    expect(line.allowedReasons).toContain('quality_issue');
    expect(verdict.request!.items[0]).toMatchObject({ eligible: false, rule });
    expect(verdict.request!.ruling.rule).toBe(rule);

    const fault = evaluate(china, order, customer, now, returnOf('x', 'quality_issue'));
    expect(fault.request!.eligible).toBe(true);
  });

  it.each(excluded)('%s goods stay returnable when the policy does not exclude them', (flag) => {
    const lenient = withPolicy((p) => (p.exclusions = { customMade: false, perishable: false, digitalOnceOpened: false, hygieneOnceUnsealed: false, finalSale: false }));
    const order = testOrder({ lines: [testLine({ lineId: 'x', flags: { [flag]: true } })] });
    expect(evaluate(lenient, order, customer, now).lines[0]!.noReason.rule).toBe('window.no_reason_open');
  });

  it.each([
    ['digital', 'exclusion.digital_opened', 'digital goods only while unopened and not activated'],
    ['hygiene', 'exclusion.hygiene_unsealed', 'hygiene goods only while sealed'],
  ] as const)('%s goods keep no-reason returns only while sealed', (flag, rule, note) => {
    const order = testOrder({ lines: [testLine({ lineId: 'x', flags: { [flag]: true } })] });
    const line = evaluate(china, order, customer, now).lines[0]!;
    expect(line.noReason).toMatchObject({ eligible: true, rule: 'window.no_reason_unopened_only' });
    expect(line.noReason.explanation.en).toContain(note);
    expect(line.allowedReasons).toContain('no_reason');

    expect(evaluate(china, order, customer, now, returnOf('x', 'no_reason', 'unopened')).request!.eligible).toBe(true);
    const opened = evaluate(china, order, customer, now, returnOf('x', 'no_reason', 'opened')).request!;
    expect(opened.items[0]).toMatchObject({ eligible: false, rule });
    // A fault is a fault, opened or not.
    expect(evaluate(china, order, customer, now, returnOf('x', 'quality_issue', 'opened')).request!.eligible).toBe(true);
  });

  it('does not apply to refunds before delivery', () => {
    const order = testOrder({ deliveredAt: null, shippedAt: null, lines: [testLine({ lineId: 'x', flags: { customMade: true } })] });
    const verdict = evaluate(china, order, customer, at('2026-10-28T12:00:00+08:00'), { ...returnOf('x', 'no_longer_needed'), caseType: 'refund_only' });
    expect(verdict.request!.eligible).toBe(true);
  });
});

describe('window overrides', () => {
  const now = at('2026-12-15T10:00:00+08:00'); // 44 days after delivery

  it('give VIP buyers of the international preset 60 days', () => {
    expect(evaluate(international, testOrder(), testCustomer({ tier: 'vip' }), now).lines[0]!.noReason.eligible).toBe(true);
    expect(evaluate(international, testOrder(), testCustomer({ tier: 'gold' }), now).lines[0]!.noReason.eligible).toBe(false);
    expect(evaluate(international, testOrder(), testCustomer({ tier: null }), now).lines[0]!.noReason.eligible).toBe(false);
  });

  it('match on channel and category together, first match wins, a missing category never matches', () => {
    const policy = withPolicy((p) => {
      p.windows.overrides = [
        { match: { channels: ['jd'], categories: ['apparel'] }, noReasonDays: 30, sellerFaultDays: 60 },
        { match: { channels: ['jd'] }, noReasonDays: 14 },
      ];
    });
    const lines = [testLine({ lineId: 'tee', category: 'apparel' }), testLine({ lineId: 'mug', category: 'home' }), testLine({ lineId: 'misc', category: null })];
    const onJd = evaluate(policy, testOrder({ channel: 'jd', lines }), customer, at('2026-11-01T16:00:00+08:00')).lines;
    expect(onJd.map((l) => l.noReason.until?.toISOString())).toEqual(['2026-12-01T16:00:00.000Z', '2026-11-15T16:00:00.000Z', '2026-11-15T16:00:00.000Z']);
    // Only the first override sets sellerFaultDays; the second keeps the default 15.
    expect(onJd.map((l) => l.sellerFault.until?.toISOString())).toEqual(['2026-12-31T16:00:00.000Z', '2026-11-16T16:00:00.000Z', '2026-11-16T16:00:00.000Z']);
    const onTaobao = evaluate(policy, testOrder({ channel: 'taobao', lines }), customer, at('2026-11-01T16:00:00+08:00')).lines;
    expect(onTaobao.every((l) => l.noReason.until?.toISOString() === '2026-11-08T16:00:00.000Z')).toBe(true);
  });
});

describe('before delivery', () => {
  it('offers a refund without return while not shipped', () => {
    const order = testOrder({ shippedAt: null, deliveredAt: null });
    const line = evaluate(china, order, customer, at('2026-10-28T12:00:00+08:00')).lines[0]!;
    expect(line.beforeDelivery).toMatchObject({ eligible: true, rule: 'before_delivery.not_shipped', until: null });
    expect(line).toMatchObject({ eligible: true, allowedCaseTypes: ['refund_only'], evidenceRequiredFor: [] });
    expect(line.ruling.rule).toBe('before_delivery.not_shipped');
    expect(line.allowedReasons).toEqual(['no_reason', 'wrong_size', 'no_longer_needed', 'not_received', 'late_shipment']);
  });

  it('also offers refusing the parcel while it is in transit', () => {
    const line = evaluate(china, testOrder({ deliveredAt: null }), customer, at('2026-10-30T12:00:00+08:00')).lines[0]!;
    expect(line.beforeDelivery.rule).toBe('before_delivery.in_transit');
    expect(line.allowedCaseTypes).toEqual(['refund_only', 'refused_delivery']);
  });

  it('is over once delivered, and for a cancelled order', () => {
    const delivered = evaluate(china, testOrder(), customer, at('2026-11-02T12:00:00+08:00')).lines[0]!;
    expect(delivered.beforeDelivery).toMatchObject({ eligible: false, rule: 'before_delivery.delivered' });
    expect(delivered.beforeDelivery.explanation['zh-CN']).toContain('2026-11-01');

    const cancelled = testOrder({ shippedAt: null, deliveredAt: null, cancelledAt: at('2026-10-28T11:00:00+08:00') });
    const line = evaluate(china, cancelled, customer, at('2026-10-29T12:00:00+08:00')).lines[0]!;
    expect(line).toMatchObject({ eligible: false, allowedReasons: [], allowedCaseTypes: [] });
    expect(line.ruling.rule).toBe('before_delivery.cancelled');
  });

  it('accepts a refund-only request for a change of mind or a late shipment, not a quality reason or a return', () => {
    const order = testOrder({ shippedAt: null, deliveredAt: null });
    const now = at('2026-10-29T12:00:00+08:00');
    const ask = (reasonCode: string, caseType: EvaluationRequest['caseType'] = 'refund_only') =>
      evaluate(china, order, customer, now, { ...returnOf('tee', reasonCode, 'unopened'), caseType }).request!;
    expect(ask('no_longer_needed')).toMatchObject({ eligible: true, returnShippingPaidBy: 'none' });
    expect(ask('no_longer_needed').items[0]!.rule).toBe('before_delivery.not_shipped');
    expect(ask('late_shipment').eligible).toBe(true);
    expect(ask('quality_issue').ruling.rule).toBe('reason.not_before_delivery');
    expect(ask('missing_parts').ruling.rule).toBe('reason.not_before_delivery');
    expect(ask('no_longer_needed', 'return_refund').ruling.rule).toBe('case_type.not_delivered');
  });
});

describe('quantities and the line itself', () => {
  it('subtracts units claimed by other cases, never below zero', () => {
    const order = testOrder({
      lines: [testLine({ lineId: 'a', quantity: 3, claimedQuantity: 1 }), testLine({ lineId: 'b', quantity: 2, claimedQuantity: 2 }), testLine({ lineId: 'c', quantity: 1, claimedQuantity: 4 })],
    });
    const lines = evaluate(china, order, customer, at('2026-11-02T12:00:00+08:00')).lines;
    expect(lines.map((l) => l.returnableQuantity)).toEqual([2, 0, 0]);
    expect(lines[1]).toMatchObject({ eligible: false, ruling: { rule: 'quantity.none_returnable' }, allowedReasons: [] });
  });

  it('marks lines worth less than a return as returnless', () => {
    const order = testOrder({ lines: [testLine({ lineId: 'cheap', quantity: 3, paidMinor: 3_000 }), testLine({ lineId: 'dear', quantity: 3, paidMinor: 3_003 })] });
    const lines = evaluate(china, order, customer, at('2026-11-02T12:00:00+08:00')).lines;
    expect(lines.map((l) => l.returnless)).toEqual([true, false]);
    const off = withPolicy((p) => (p.returnless.enabled = false));
    expect(evaluate(off, order, customer, at('2026-11-02T12:00:00+08:00')).lines[0]!.returnless).toBe(false);
  });

  it('lists the reasons that need photos', () => {
    const line = evaluate(china, testOrder(), customer, at('2026-11-02T12:00:00+08:00')).lines[0]!;
    expect(line.evidenceRequiredFor).toEqual(['quality_issue', 'not_as_described', 'counterfeit', 'damaged_in_transit', 'expired']);
  });

  it('throws for a line that is not in the order (a caller mistake, not a business outcome)', () => {
    const call = () => evaluate(china, testOrder(), customer, at('2026-11-02T12:00:00+08:00'), returnOf('nope', 'no_reason'));
    expect(call).toThrow(AppError);
    expect(call).toThrow(expect.objectContaining({ kind: 'unprocessable', code: 'policy.line_unknown' }));
  });

  it('throws for a quantity below one', () => {
    const request: EvaluationRequest = { ...returnOf('tee', 'no_reason'), items: [{ lineId: 'tee', quantity: 0, reasonCode: 'no_reason', condition: 'opened' }] };
    expect(() => evaluate(china, testOrder(), customer, at('2026-11-02T12:00:00+08:00'), request)).toThrow(expect.objectContaining({ code: 'policy.quantity_invalid' }));
  });

  it('names the policy and the moment of the evaluation', () => {
    const now = at('2026-11-02T12:00:00+08:00');
    const verdict = evaluate(china, testOrder(), customer, now);
    expect(verdict).toMatchObject({ policyName: china.name, evaluatedAt: now });
    expect(verdict.request).toBeUndefined();
  });
});
