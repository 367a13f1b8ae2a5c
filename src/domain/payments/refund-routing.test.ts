import { describe, expect, it } from 'vitest';
import { routeRefund, type RefundRouting } from './refund-routing.js';

const routing: RefundRouting = {
  defaultProvider: 'manual',
  byChannel: {
    web: { provider: 'stripe', connectionId: '0190a000-0000-7000-8000-000000000001' },
    woocommerce: { provider: 'simulated', connectionId: null },
    // Refused when saved; if an old setting holds it, marketplace money still goes back by hand.
    taobao: { provider: 'alipay', connectionId: '0190a000-0000-7000-8000-000000000002' },
  },
};

describe('routeRefund', () => {
  it('sends a channel’s refunds through its route', () => {
    expect(routeRefund(routing, 'original', 'web')).toEqual(routing.byChannel.web);
    expect(routeRefund(routing, 'original', 'woocommerce')).toEqual({ provider: 'simulated', connectionId: null });
  });
  it('uses the default for channels without a route, and for marketplaces', () => {
    expect(routeRefund(routing, 'original', 'other')).toEqual({ provider: 'manual', connectionId: null });
    expect(routeRefund(routing, 'original', 'taobao')).toEqual({ provider: 'manual', connectionId: null });
  });
  it('keeps store credit inside Retour', () => {
    expect(routeRefund(routing, 'store_credit', 'web')).toEqual({ provider: 'store_credit', connectionId: null });
  });
});
