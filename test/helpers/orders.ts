/** Order bodies for tests: a realistic Taobao order and variations of it. */
let sequence = 0;

export function orderBody(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    channel: 'taobao',
    externalId: `TB${Date.now()}${sequence}`,
    currency: 'CNY',
    locale: 'zh-CN',
    placedAt: '2026-10-20T10:00:00Z',
    paidAt: '2026-10-20T10:01:00Z',
    customer: { externalId: `buyer-${sequence}`, name: '王小明', email: `buyer${sequence}@example.cn`, phone: '+86 138-0013-8000' },
    shippingAddress: { name: '王小明', phone: '13800138000', country: '中国', province: '浙江省', city: '杭州市', line1: '文一西路969号' },
    lines: [
      { sku: 'TS-M-BLACK', title: '纯棉T恤 黑色 M', quantity: 2, unitPriceMinor: 7900, product: { category: 'apparel' }, attributes: { size: 'M', colour: 'black' } },
      { sku: 'MUG-WHITE', title: '马克杯 白色', quantity: 1, unitPriceMinor: 4900 },
      { sku: 'ENGR-SILVER', title: '刻字项链', quantity: 1, unitPriceMinor: 36900, returnFlags: { customMade: true } },
    ],
    orderDiscountMinor: 2000,
    shippingFeeMinor: 1000,
    paymentMethod: 'alipay',
    shippingInsurance: true,
    ...overrides,
  };
}
