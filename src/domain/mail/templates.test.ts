import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES, mailLocaleOf, renderMail, templateValues, type MailFacts } from './templates.js';
import { mailTemplateFor } from './triggers.js';

const facts: MailFacts = {
  shopName: 'Lin <Tea> & Co',
  customerName: '<script>alert(1)</script>',
  rmaNumber: 'R2611010001',
  orderNumber: 'T-1001',
  caseUrl: 'https://shop.example/portal/lin?a=1&b=2',
  currency: 'CNY',
  refundMinor: 12345,
  refundMethod: 'original',
  returnMethod: 'drop_off',
  returnShippingPayer: 'seller',
  returnAddress: '上海市 <b>仓库</b>',
  shipBy: new Date('2026-11-08T04:00:00Z'),
  rejectionReason: 'Used "goods"',
  carrier: 'SF',
  trackingNumber: 'SF123',
  timeZone: 'Asia/Shanghai',
};

describe('buyer e-mails', () => {
  it.each(MAIL_TEMPLATES.flatMap((t) => [[t, 'zh-CN'] as const, [t, 'en'] as const]))('%s in %s names the case and escapes what people wrote', (template, locale) => {
    const mail = renderMail(template, locale, facts);
    expect(mail.subject).toContain(template === 'refunded' ? '123.45' : 'R2611010001');
    expect(mail.text).toContain(facts.caseUrl);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('a=1&amp;b=2');
    expect(mail.html).toContain(`lang="${locale}"`);
  });

  it('speaks the order language and gives the facts of each step', () => {
    expect(mailLocaleOf('zh-CN')).toBe('zh-CN');
    expect(mailLocaleOf('zh')).toBe('zh-CN');
    expect(mailLocaleOf('en-GB')).toBe('en');
    expect(mailLocaleOf(null)).toBe('en');
    expect(renderMail('refunded', 'zh-CN', facts).text).toContain('¥123.45 已退回到您的原支付方式');
    expect(renderMail('refunded', 'en', { ...facts, currency: 'USD' }).subject).toContain('$123.45 refunded');
    expect(renderMail('refunded', 'en', { ...facts, refundMethod: 'store_credit' }).text).toContain('store credit');
    expect(renderMail('approved', 'zh-CN', facts).text).toContain('2026年11月8日');
    expect(renderMail('approved', 'en', facts).text).toContain('We pay the return shipping.');
    // Shipping insurance (运费险) pays the buyer back: every payer the case may hold has its words.
    for (const payer of ['buyer', 'insurer', 'none'] as const) expect(renderMail('approved', 'zh-CN', { ...facts, returnShippingPayer: payer }).text).toContain('退货运费由您承担（如有运费险将由保险赔付）。');
    expect(renderMail('approved', 'en', { ...facts, returnMethod: 'none' }).text).not.toContain('Return address');
    expect(renderMail('rejected', 'en', facts).text).toContain('Reason: Used "goods"');
    expect(renderMail('exchange_shipped', 'en', facts).text).toContain('SF SF123');
  });

  it('names a coded rejection reason in the buyer’s language, with the seller’s note as written (13.5)', () => {
    const refused = { ...facts, rejectionCode: 'used_or_damaged' as const, rejectionReason: '吊牌已剪' };
    const zh = renderMail('rejected', 'zh-CN', refused).text;
    expect(zh).toContain('原因：商品已使用或人为损坏，影响二次销售');
    expect(zh).toContain('商家说明：吊牌已剪');
    const en = renderMail('rejected', 'en', refused).text;
    expect(en).toContain('Reason: The item is used or damaged and cannot be resold');
    expect(en).toContain('The shop’s note: 吊牌已剪');
    // The same for a seller's own template's {rejectionReason}.
    expect(templateValues(refused, 'en').rejectionReason).toBe('The item is used or damaged and cannot be resold (吊牌已剪)');
    expect(templateValues({ ...facts, rejectionReason: null }, 'zh-CN').rejectionReason).toBe('未说明');
  });
});

describe('which mail a status change sends (13.6)', () => {
  it('received goods mail "received", an empty parcel "nothing arrived", a case whose goods never came back nothing', () => {
    const moved = (to: string, extra: Record<string, unknown> = {}) => mailTemplateFor('return.status_changed', { to, action: 'receive', actor: { kind: 'staff' }, ...extra });
    expect(moved('received', { receivedUnits: 2 })).toBe('goods_received');
    expect(moved('received', { receivedUnits: 0 })).toBe('nothing_received');
    expect(mailTemplateFor('return.status_changed', { to: 'not_returned', action: 'goods_not_returned', actor: { kind: 'system' } })).toBeNull();
    for (const locale of ['zh-CN', 'en'] as const) {
      const mail = renderMail('nothing_received', locale, { shopName: 'S', customerName: null, rmaNumber: 'R1', orderNumber: 'O1', caseUrl: 'https://x/r', currency: 'CNY', timeZone: 'Asia/Shanghai' });
      expect(mail.subject).toMatch(locale === 'zh-CN' ? /没有商品/ : /nothing arrived/);
      expect(mail.text).not.toMatch(/已收到您退回的商品|has arrived/);
    }
  });
});
