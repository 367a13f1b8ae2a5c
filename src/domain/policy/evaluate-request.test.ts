import { describe, expect, it } from 'vitest';
import type { RequestedItem } from '../cases/facts.js';
import { evaluate } from './evaluate.js';
import { chinaMarketplacePreset as china, internationalPreset as international } from './presets.js';
import type { ItemCondition, Policy } from './schema.js';
import { testCustomer, testLine, testOrder } from './test-orders.js';
import type { EvaluationRequest } from './verdict.js';

/**
 * Requests against the test order: tee ×2 (7,500 a unit after discount, apparel), mug (4,900),
 * headset (39,900, electronics); shipping 1,000; total 60,800. Delivered 2026-11-01 15:00
 * Shanghai, judged on 2026-11-03 unless said otherwise.
 */
const NOW = new Date('2026-11-03T10:00:00+08:00');
const customer = testCustomer();

const item = (lineId: string, reasonCode: string, quantity = 1, condition: ItemCondition = 'opened'): RequestedItem => ({ lineId, quantity, reasonCode, condition });
const ask = (items: RequestedItem[], more: Partial<EvaluationRequest> = {}): EvaluationRequest => ({ caseType: 'return_refund', items, method: 'original', ...more });
const judge = (policy: Policy, request: EvaluationRequest, order = testOrder(), who = customer, now = NOW) => evaluate(policy, order, who, now, request).request!;
const edit = (policy: Policy, changes: (p: Policy) => void): Policy => {
  const copy = structuredClone(policy);
  changes(copy);
  return copy;
};
const wholeOrder = (reasonCode: string) => [item('tee', reasonCode, 2), item('mug', reasonCode), item('headset', reasonCode)];

describe('request eligibility', () => {
  it('is eligible when every item is, explained by the window each falls in', () => {
    const request = judge(china, ask([item('tee', 'no_reason'), item('mug', 'quality_issue')]));
    expect(request).toMatchObject({ caseType: 'return_refund', eligible: true, ruling: { rule: 'request.eligible' } });
    expect(request.items.map((i) => [i.eligible, i.rule, i.fault, i.quality, i.evidenceRequired])).toEqual([
      [true, 'window.no_reason_open', 'buyer', false, false],
      [true, 'window.seller_fault_open', 'seller', true, true],
    ]);
  });

  it('refuses an unknown reason, and the request with it', () => {
    const request = judge(china, ask([item('tee', 'no_reason'), item('mug', 'too_blue')]));
    expect(request.eligible).toBe(false);
    expect(request.ruling).toEqual({ rule: request.items[1]!.rule, explanation: request.items[1]!.explanation });
    expect(request.items[1]).toMatchObject({ eligible: false, rule: 'reason.unknown', fault: 'buyer', quality: false });
    expect(request.items[1]!.explanation.en).toBe('Unknown return reason "too_blue"');
    // The money shows what the allowed items alone would bring.
    expect(request.refund.itemsMinor).toBe(7_500);
  });

  it('refuses a reason given for a case type it does not open', () => {
    expect(judge(china, ask([item('tee', 'not_received')])).ruling.rule).toBe('reason.case_type');
    expect(judge(china, ask([item('tee', 'missing_parts')], { caseType: 'reship' })).eligible).toBe(true);
  });

  it('keeps refund-only, partial refunds and reships after delivery for faults', () => {
    expect(judge(china, ask([item('tee', 'no_reason')], { caseType: 'refund_only', keepGoods: true })).ruling.rule).toBe('case_type.needs_fault');
    expect(judge(china, ask([item('tee', 'quality_issue')], { caseType: 'partial_refund', keepGoods: true })).eligible).toBe(true);
    expect(judge(china, ask([item('tee', 'no_reason')], { caseType: 'refused_delivery' })).ruling.rule).toBe('case_type.delivered');
  });

  it('refuses more units than are left to return, across items of the same line', () => {
    expect(judge(china, ask([item('tee', 'no_reason', 3)])).items[0]).toMatchObject({ eligible: false, rule: 'quantity.exceeds_returnable' });
    const split = judge(china, ask([item('tee', 'no_reason', 1), item('tee', 'quality_issue', 2)]));
    expect(split.items.map((i) => i.eligible)).toEqual([true, false]);
    expect(split.items[1]!.explanation.en).toBe('3 unit(s) asked for, but only 2 can be returned');
    const claimed = testOrder({ lines: [testLine({ lineId: 'tee', quantity: 2, claimedQuantity: 1, paidMinor: 15_000 })] });
    expect(judge(china, ask([item('tee', 'no_reason', 2)]), claimed).ruling.rule).toBe('quantity.exceeds_returnable');
  });

  it('wants no-reason returns complete (商品完好), not faulty goods', () => {
    const used = judge(china, ask([item('tee', 'no_reason', 1, 'used')]));
    expect(used.items[0]).toMatchObject({ eligible: false, rule: 'condition.not_accepted' });
    expect(used.items[0]!.explanation['zh-CN']).toBe('商品已使用，不符合七天无理由退货的要求（商品须完好）');
    expect(judge(china, ask([item('tee', 'quality_issue', 1, 'damaged')])).eligible).toBe(true);
  });

  it('refuses a refund method the policy does not offer', () => {
    const request = judge(china, ask([item('tee', 'no_reason')], { method: 'store_credit' }));
    expect(request.items[0]!.eligible).toBe(true);
    expect(request).toMatchObject({ eligible: false, ruling: { rule: 'refund.method_not_offered' } });
    expect(request.ruling.explanation['zh-CN']).toBe('本店不支持退款至店铺余额');
  });

  it('refuses an empty request', () => {
    const request = judge(china, ask([]));
    expect(request).toMatchObject({ eligible: false, ruling: { rule: 'request.no_items' }, items: [] });
    expect(request.refund.refundMinor).toBe(0);
  });

  it('lets cheap goods stay with the buyer (returnless), not dear ones', () => {
    const order = testOrder({ lines: [testLine({ lineId: 'sock', quantity: 1, paidMinor: 800 }), testLine({ lineId: 'coat', quantity: 1, paidMinor: 80_000 })] });
    const cheap = judge(china, ask([item('sock', 'no_reason')], { keepGoods: true }), order);
    expect(cheap).toMatchObject({ eligible: true, returnShippingPaidBy: 'none' });
    expect(cheap.refund.refundMinor).toBe(800);
    expect(judge(china, ask([item('coat', 'no_reason')], { keepGoods: true }), order).ruling.rule).toBe('returnless.not_offered');
  });
});

describe('who pays return shipping', () => {
  it('is the buyer for a change of mind, the seller for a seller or carrier fault', () => {
    expect(judge(china, ask([item('tee', 'no_reason')])).returnShippingPaidBy).toBe('buyer');
    expect(judge(china, ask([item('tee', 'quality_issue')])).returnShippingPaidBy).toBe('seller');
    expect(judge(china, ask([item('tee', 'damaged_in_transit')])).returnShippingPaidBy).toBe('seller');
  });

  it('follows the fault most against the shop when items differ', () => {
    expect(judge(china, ask([item('tee', 'no_reason'), item('mug', 'damaged_in_transit')])).returnShippingPaidBy).toBe('seller');
    const buyerPaysCarrier = edit(china, (p) => (p.fees.returnShipping.carrier = 'buyer'));
    expect(judge(buyerPaysCarrier, ask([item('tee', 'no_reason'), item('mug', 'damaged_in_transit')])).returnShippingPaidBy).toBe('buyer');
    expect(judge(buyerPaysCarrier, ask([item('tee', 'quality_issue'), item('mug', 'damaged_in_transit')])).returnShippingPaidBy).toBe('seller');
  });

  it('is the insurer when the order has shipping insurance (运费险)', () => {
    const insured = testOrder({ shippingInsurance: true });
    expect(judge(china, ask([item('tee', 'no_reason')]), insured).returnShippingPaidBy).toBe('insurer');
    expect(judge(china, ask([item('tee', 'quality_issue')]), insured).returnShippingPaidBy).toBe('seller');
    // The international preset does not count on insurance.
    expect(judge(international, ask([item('tee', 'changed_mind')]), insured).returnShippingPaidBy).toBe('buyer');
  });

  it('is nobody when nothing comes back', () => {
    expect(judge(china, ask([item('tee', 'missing_parts')], { caseType: 'reship' })).returnShippingPaidBy).toBe('none');
    expect(judge(china, ask([item('tee', 'not_received')], { caseType: 'refund_only', keepGoods: true })).returnShippingPaidBy).toBe('none');
  });
});

describe('the money (computeCaseRefund)', () => {
  it('deducts the prepaid label when the buyer pays, not for a fault', () => {
    const changed = judge(international, ask([item('tee', 'changed_mind')]));
    expect(changed.refund).toMatchObject({ itemsMinor: 7_500, labelCostMinor: 595, refundMinor: 6_905 });
    const faulty = judge(international, ask([item('tee', 'defective')]));
    expect(faulty.refund).toMatchObject({ labelCostMinor: 0, refundMinor: 7_500 });
    // China: no labels, so nothing to deduct.
    expect(judge(china, ask([item('tee', 'no_reason')])).refund.labelCostMinor).toBe(0);
  });

  it('reimburses the buyer\'s return shipping for a fault, up to the cap', () => {
    expect(judge(china, ask([item('mug', 'damaged_in_transit')], { returnShippingClaimMinor: 1_200 })).refund).toMatchObject({ compensationMinor: 1_200, payoutMinor: 6_100 });
    expect(judge(china, ask([item('mug', 'damaged_in_transit')], { returnShippingClaimMinor: 3_000 })).refund.compensationMinor).toBe(2_000);
    expect(judge(china, ask([item('mug', 'no_reason')], { returnShippingClaimMinor: 1_200 })).refund.compensationMinor).toBe(0);
  });

  it('adds the store-credit bonus', () => {
    const credit = judge(international, ask([item('tee', 'changed_mind')], { method: 'store_credit' }));
    expect(credit).toMatchObject({ eligible: true });
    expect(credit.refund).toMatchObject({ method: 'store_credit', payoutMinor: 6_905, storeCreditBonusMinor: 690, storeCreditMinor: 7_595 });
  });

  it('charges the restocking fee on opened electronics returned without a fault, and only then', () => {
    const opened = judge(international, ask([item('headset', 'changed_mind', 1, 'opened')]));
    expect(opened.items[0]!.restockingFeeBp).toBe(1_500);
    expect(opened.refund).toMatchObject({ restockingFeeMinor: 5_985, refundMinor: 39_900 - 5_985 - 595 });
    expect(judge(international, ask([item('headset', 'changed_mind', 1, 'unopened')])).items[0]!.restockingFeeBp).toBe(0);
    expect(judge(international, ask([item('tee', 'changed_mind', 1, 'opened')])).items[0]!.restockingFeeBp).toBe(0);
    expect(judge(international, ask([item('headset', 'defective', 1, 'opened')])).items[0]!.restockingFeeBp).toBe(0);
    expect(judge(china, ask([item('headset', 'no_reason', 1, 'opened')])).items[0]!.restockingFeeBp).toBe(0);
  });

  it('gives the outbound shipping back only when the whole order comes back for a fault', () => {
    const all = judge(china, ask(wholeOrder('quality_issue')));
    expect(all.refund).toMatchObject({ outboundShippingMinor: 1_000, refundMinor: 60_800, shippingRefundMinor: 1_000 });
    expect(judge(china, ask([item('tee', 'quality_issue', 2), item('mug', 'quality_issue')])).refund.outboundShippingMinor).toBe(0);
    expect(judge(china, ask(wholeOrder('no_reason'))).refund.outboundShippingMinor).toBe(0);
    const off = edit(china, (p) => (p.fees.refundOutboundShippingOnSellerFault = false));
    expect(judge(off, ask(wholeOrder('quality_issue'))).refund.outboundShippingMinor).toBe(0);
  });

  it('counts units other cases claimed toward the whole order', () => {
    const lines = testOrder().lines.map((l) => (l.lineId === 'headset' ? { ...l, claimedQuantity: 1 } : l));
    const rest = judge(china, ask([item('tee', 'quality_issue', 2), item('mug', 'quality_issue')]), testOrder({ lines }));
    expect(rest.refund.outboundShippingMinor).toBe(1_000);
  });

  it('gives the shipping back when an order that never shipped is refunded whole', () => {
    const notShipped = testOrder({ shippedAt: null, deliveredAt: null });
    const refund = judge(china, ask(wholeOrder('no_longer_needed'), { caseType: 'refund_only' }), notShipped, customer, new Date('2026-10-28T12:00:00+08:00')).refund;
    expect(refund).toMatchObject({ outboundShippingMinor: 1_000, refundMinor: 60_800 });
  });

  it('prices an exchange by the replacement and who pays an increase', () => {
    const dearer = judge(china, ask([item('tee', 'wrong_size')], { caseType: 'exchange', replacementTotalMinor: 9_000 }));
    expect(dearer.refund).toMatchObject({ exchangeDifferenceMinor: 1_500, buyerOwesMinor: 1_500, refundMinor: 0 });
    const absorbed = judge(international, ask([item('tee', 'wrong_size')], { caseType: 'exchange', replacementTotalMinor: 9_000 }));
    expect(absorbed.refund).toMatchObject({ exchangeDifferenceMinor: 1_500, buyerOwesMinor: 0 });
    const cheaper = judge(china, ask([item('tee', 'wrong_size')], { caseType: 'exchange', replacementTotalMinor: 5_000 }));
    expect(cheaper.refund.refundMinor).toBe(2_500);
    const same = judge(china, ask([item('tee', 'wrong_size')], { caseType: 'exchange' }));
    expect(same.refund).toMatchObject({ exchangeDifferenceMinor: 0, buyerOwesMinor: 0, refundMinor: 0 });
    const noExchanges = edit(china, (p) => (p.exchanges.enabled = false));
    expect(judge(noExchanges, ask([item('tee', 'wrong_size')], { caseType: 'exchange' })).ruling.rule).toBe('exchange.disabled');
  });

  it('refunds nothing for a reship', () => {
    const reship = judge(china, ask([item('tee', 'missing_parts')], { caseType: 'reship' }));
    expect(reship).toMatchObject({ eligible: true });
    expect(reship.refund.refundMinor).toBe(0);
  });
});

describe('automation', () => {
  const small = ask([item('tee', 'no_reason')]); // 7,500
  const large = ask([item('headset', 'no_reason')]); // 39,900

  it('approves a small refund of a low-risk buyer and pays it fast', () => {
    const { automation } = judge(china, small);
    expect(automation).toMatchObject({ decision: 'approve', decisionRuling: { rule: 'automation.auto_approve' }, fastRefund: true, fastRefundRuling: { rule: 'automation.fast_refund' } });
    expect(automation.decisionRuling.explanation['zh-CN']).toBe('退款 75.00 CNY 不超过 200.00 CNY，低风险买家，自动同意');
    expect(automation.fastRefundRuling.explanation.en).toBe('Fast refund: paid at the first carrier scan of the return');
  });

  it('sends risky buyers to a person, whatever else holds', () => {
    const { automation } = judge(china, small, testOrder(), testCustomer({ riskScore: 71 }));
    expect(automation).toMatchObject({ decision: 'review', decisionRuling: { rule: 'automation.review_risk' }, fastRefund: false, fastRefundRuling: { rule: 'automation.review_risk' } });
    expect(judge(china, small, testOrder(), testCustomer({ riskScore: 70 })).automation.decision).toBe('none');
  });

  it('leaves larger refunds to a person, and may still pay them fast', () => {
    const { automation } = judge(china, large);
    expect(automation).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.refund_above_limit' }, fastRefund: true });
  });

  it('names the limit a buyer missed', () => {
    const riskier = judge(china, small, testOrder(), testCustomer({ riskScore: 31 })).automation;
    expect(riskier).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.risk_above_limit' } });
    const atLimit = judge(china, small, testOrder(), testCustomer({ riskScore: 30 })).automation;
    expect(atLimit).toMatchObject({ decision: 'approve', fastRefund: false, fastRefundRuling: { rule: 'automation.fast_refund_risk' } });
    const newcomer = judge(china, small, testOrder(), testCustomer({ completedOrders: 4 })).automation;
    expect(newcomer).toMatchObject({ decision: 'approve', fastRefund: false, fastRefundRuling: { rule: 'automation.fast_refund_history' } });
    const limited = edit(china, (p) => (p.automation.fastRefund.maxRefundMinor = 5_000));
    expect(judge(limited, small).automation.fastRefundRuling.rule).toBe('automation.fast_refund_above_limit');
  });

  it('never says it approves a request whose reason needs photos: a person decides once they are attached (13.18)', () => {
    const quality = judge(china, ask([item('tee', 'quality_issue')])).automation;
    expect(quality).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.evidence_required' } });
    expect(quality.decisionRuling.explanation['zh-CN']).toBe('原因“质量问题”须附照片或视频：商家看到凭证后人工处理，不自动同意');
    // The same reason without the requirement is approved as any other.
    const noPhotos = edit(china, (p) => p.reasons.forEach((r) => (r.evidenceRequired = false)));
    expect(judge(noPhotos, ask([item('tee', 'quality_issue')])).automation.decision).toBe('approve');
    // Risk still comes first.
    expect(judge(china, ask([item('tee', 'quality_issue')]), testOrder(), testCustomer({ riskScore: 71 })).automation.decision).toBe('review');
  });

  it('approves only the listed reasons when the policy lists them', () => {
    const listed = edit(china, (p) => (p.automation.autoApprove.reasonCodes = ['no_reason']));
    expect(judge(listed, small).automation.decision).toBe('approve');
    const other = judge(listed, ask([item('tee', 'wrong_size')])).automation;
    expect(other).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.reason_not_listed' } });
    expect(other.decisionRuling.explanation['zh-CN']).toBe('原因“尺码不合适”不在自动同意范围内');
  });

  it('does nothing automatically when it is switched off or the request is not eligible', () => {
    const off = edit(china, (p) => {
      p.automation.autoApprove.enabled = false;
      p.automation.fastRefund.enabled = false;
    });
    expect(judge(off, small).automation).toMatchObject({
      decision: 'none',
      decisionRuling: { rule: 'automation.auto_approve_disabled' },
      fastRefund: false,
      fastRefundRuling: { rule: 'automation.fast_refund_disabled' },
    });
    const refused = judge(china, ask([item('tee', 'no_reason', 1, 'used')])).automation;
    expect(refused).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.not_eligible' }, fastRefund: false, fastRefundRuling: { rule: 'automation.not_eligible' } });
  });

  it('pays fast only for goods sent back for a refund', () => {
    expect(judge(china, ask([item('tee', 'wrong_size')], { caseType: 'exchange' })).automation.fastRefundRuling.rule).toBe('automation.fast_refund_case_type');
    expect(judge(china, ask([item('tee', 'quality_issue')], { caseType: 'partial_refund', keepGoods: true })).automation.fastRefund).toBe(false);
  });
});
