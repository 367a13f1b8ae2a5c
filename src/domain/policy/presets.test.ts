import { describe, expect, it } from 'vitest';
import { POLICY_PRESETS, chinaMarketplacePreset as china, internationalPreset as international } from './presets.js';
import { validatePolicy } from './validate.js';

describe('presets', () => {
  it.each(Object.entries(POLICY_PRESETS))('%s is a valid policy (schema and semantics)', (_name, preset) => {
    expect(validatePolicy(preset)).toEqual({ ok: true, policy: preset });
  });

  it('are listed by name', () => {
    expect(Object.keys(POLICY_PRESETS)).toEqual(['china_marketplace', 'international', 'eu_withdrawal', 'uk_cancellation']);
    expect(POLICY_PRESETS.china_marketplace).toBe(china);
    expect(POLICY_PRESETS.international).toBe(international);
  });

  it.each(Object.entries(POLICY_PRESETS))('%s labels every reason in both languages', (_name, preset) => {
    for (const reason of preset.reasons) {
      expect(reason.label['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(reason.label.en).toMatch(/^[A-Z]/);
    }
  });

  it('china_marketplace follows the PRC 7-day rule and the marketplace clocks', () => {
    expect(china.windows).toMatchObject({ noReasonDays: 7, sellerFaultDays: 15 });
    expect(Object.values(china.exclusions).every(Boolean)).toBe(true);
    expect(china.conditions.acceptedForNoReason).toEqual(['unopened', 'opened']);
    expect(china.fees).toMatchObject({
      returnShipping: { buyer: 'buyer', seller: 'seller', carrier: 'seller' },
      shippingInsuranceCoversBuyer: true,
      refundOutboundShippingOnSellerFault: true,
      prepaidLabel: { enabled: false },
      maxReturnShippingReimbursementMinor: 2000,
      restocking: [],
    });
    expect(china.refunds).toEqual({ methods: ['original'], storeCreditBonusBp: 0 });
    expect(china.exchanges).toEqual({ enabled: true, priceIncrease: 'buyer_pays' });
    expect(china.automation.fastRefund.trigger).toBe('first_scan');
    // marketplace-rules.md §3.
    expect(china.deadlines).toEqual({
      merchantResponseNotShippedHours: 48,
      merchantResponseHours: 5 * 24,
      buyerShipHours: 7 * 24,
      merchantReceiptHours: 10 * 24,
      reviseOrEscalateHours: 7 * 24,
      refundAfterReceiptHours: 7 * 24,
    });
    expect(china.qualityRefundRate.windowDays).toBe(30);
  });

  it('china_marketplace has the marketplace reasons with their faults and quality flags', () => {
    const byCode = Object.fromEntries(china.reasons.map((r) => [r.code, r]));
    expect(byCode.no_reason).toMatchObject({ fault: 'buyer', label: { 'zh-CN': '七天无理由' } });
    for (const code of ['quality_issue', 'not_as_described', 'counterfeit', 'expired']) expect(byCode[code]).toMatchObject({ fault: 'seller', quality: true, evidenceRequired: true });
    expect(byCode.wrong_item).toMatchObject({ fault: 'seller', quality: true });
    expect(byCode.missing_parts!.caseTypes).toEqual(['refund_only', 'reship', 'partial_refund']);
    expect(byCode.damaged_in_transit).toMatchObject({ fault: 'carrier', evidenceRequired: true });
    expect(byCode.not_received).toMatchObject({ fault: 'carrier', caseTypes: ['refund_only'] });
    expect(byCode.late_shipment).toMatchObject({ fault: 'seller', caseTypes: ['refund_only'] });
  });

  it('international offers 30 days, labels, store credit with a bonus and restocking on opened electronics', () => {
    expect(international.windows.noReasonDays).toBe(30);
    expect(international.windows.sellerFaultDays).toBeGreaterThan(30);
    expect(international.reasons.map((r) => r.code)).toEqual([
      'changed_mind',
      'wrong_size',
      'defective',
      'not_as_described',
      'damaged_in_transit',
      'wrong_item',
      'missing_parts',
      'arrived_late',
    ]);
    expect(international.fees.prepaidLabel.enabled).toBe(true);
    expect(international.fees.prepaidLabel.costMinor).toBeGreaterThan(0);
    expect(international.refunds).toEqual({ methods: ['original', 'store_credit'], storeCreditBonusBp: 1000 });
    expect(international.fees.restocking).toEqual([{ categories: ['electronics'], conditions: ['opened', 'used'], feeBp: 1500 }]);
    expect(international.exchanges.priceIncrease).toBe('shop_absorbs');
    expect(international.returnless.enabled).toBe(true);
  });
});
