import { describe, expect, it } from 'vitest';
import { CASE_TYPES } from '../cases/model.js';
import { refundsOutboundShipping } from './outbound-shipping.js';

describe('refundsOutboundShipping (issue 13.20)', () => {
  it('a refund-only before delivery gives shipping back whatever the fault or policy: not shipped and intercepted alike', () => {
    for (const shopFault of [false, true])
      for (const refundOnShopFault of [false, true]) {
        expect(refundsOutboundShipping({ caseType: 'refund_only', delivered: false, wholeOrder: true, shopFault, refundOnShopFault })).toBe(true);
      }
  });

  it('never for part of an order, and after delivery only for a shop fault the policy refunds, on the types that take the purchase back', () => {
    for (const caseType of CASE_TYPES)
      for (const delivered of [false, true])
        for (const shopFault of [false, true])
          for (const refundOnShopFault of [false, true]) {
            const q = { caseType, delivered, shopFault, refundOnShopFault };
            expect(refundsOutboundShipping({ ...q, wholeOrder: false })).toBe(false);
            const expected =
              (caseType === 'refund_only' && !delivered) || (shopFault && refundOnShopFault && ['return_refund', 'refund_only', 'refused_delivery'].includes(caseType));
            expect(refundsOutboundShipping({ ...q, wholeOrder: true }), JSON.stringify(q)).toBe(expected);
          }
  });
});
