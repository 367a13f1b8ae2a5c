import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailFromText, templateValues } from '../mail/templates.js';
import { CHANNEL_PREFERENCES, CHANNELS, channelsFor, type Channel } from './channels.js';
import { toE164 } from './phone.js';
import { defaultTemplate, renderTemplate, validateTemplate } from './templates.js';
import { NOTIFICATION_STEPS } from './variables.js';
import { mailTemplateFor } from '../mail/triggers.js';

describe('which channel a buyer hears on', () => {
  it('follows the contact: phone only → SMS, e-mail only → e-mail, both → the shop’s preference', () => {
    const none = new Set<Channel>();
    expect(channelsFor({ email: null, phone: '+8613800138000' }, 'email', none)).toEqual(['sms']);
    expect(channelsFor({ email: 'a@b.cn', phone: null }, 'sms', none)).toEqual(['email']);
    expect(channelsFor({ email: 'a@b.cn', phone: '+8613800138000' }, 'sms', none)).toEqual(['sms']);
    expect(channelsFor({ email: 'a@b.cn', phone: '+8613800138000' }, 'both', none)).toEqual(['email', 'sms']);
    // Opted out of the preferred channel: the other one carries the news.
    expect(channelsFor({ email: 'a@b.cn', phone: '+8613800138000' }, 'sms', new Set(['sms']))).toEqual(['email']);
    expect(channelsFor({ email: null, phone: '+8613800138000' }, 'sms', new Set(['sms']))).toEqual([]);
  });

  it('never uses a channel the buyer opted out of or cannot be reached on, and uses one whenever one is left', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constant('a@b.cn')),
        fc.option(fc.constant('+8613800138000')),
        fc.constantFrom(...CHANNEL_PREFERENCES),
        fc.subarray([...CHANNELS]),
        (email, phone, preference, out) => {
          const chosen = channelsFor({ email, phone }, preference, new Set(out));
          for (const c of chosen) {
            expect(out).not.toContain(c);
            expect(c === 'email' ? email : phone).not.toBeNull();
          }
          const reachable = CHANNELS.filter((c) => (c === 'email' ? email : phone) && !out.includes(c));
          expect(chosen.length > 0).toBe(reachable.length > 0);
        },
      ),
    );
  });
});

describe('phone numbers', () => {
  it('are normalised to E.164, a Chinese mobile without a country code read in China; landlines refused', () => {
    expect(toE164('138-0013-8000', 'CN')).toBe('+8613800138000');
    expect(toE164('+86 138 0013 8000', null)).toBe('+8613800138000');
    expect(toE164('0086 13800138000', null)).toBe('+8613800138000');
    expect(toE164('+1 415 555 2671', 'CN')).toBe('+14155552671');
    expect(toE164('14155552671', null)).toBe('+14155552671');
    expect(toE164('020 1234 5678', 'CN')).toBeNull();
    expect(toE164('12345', 'CN')).toBeNull();
    expect(toE164('', 'CN')).toBeNull();
  });
});

describe('templates a seller controls', () => {
  it('every default template of every step is valid on both channels in both languages', () => {
    for (const step of NOTIFICATION_STEPS)
      for (const locale of ['zh-CN', 'en'] as const)
        for (const channel of CHANNELS) expect(validateTemplate(step, channel, defaultTemplate(step, locale, channel)), `${step} ${locale} ${channel}`).toEqual([]);
  });

  it('names unknown variables, a missing subject, an SMS that is too long or has two links', () => {
    const codes = (step: any, channel: Channel, t: any) => validateTemplate(step, channel, { subject: null, templateCode: null, ...t }).map((i) => `${i.field}:${i.code}`);
    expect(codes('approved', 'sms', { body: '退款 {refundAmount}' })).toEqual(['body:unknown_variable']);
    expect(codes('approved', 'email', { body: 'ok {shipBy}' })).toEqual(['subject:required']);
    expect(codes('shop_message', 'sms', { body: '{message} '.repeat(5) })).toEqual(['body:too_long']);
    expect(codes('refunded', 'sms', { body: '{caseUrl} https://x.cn/a' })).toEqual(['body:too_many_links']);
    expect(codes('refunded', 'sms', { body: 'ok', templateCode: 'SMS 1' })).toEqual(['templateCode:unknown_variable']);
  });

  it('fills a template from a case’s facts in the buyer’s language, and an own e-mail escapes what people wrote', () => {
    const facts = { shopName: '小店', customerName: '林<b>静', rmaNumber: 'R-1', orderNumber: 'O-9', caseUrl: 'https://r.test/portal/s?order=O-9', currency: 'CNY', refundMinor: 12_345, offerMinor: 500, timeZone: 'Asia/Shanghai' };
    const zh = renderTemplate(defaultTemplate('refunded', 'zh-CN', 'sms'), templateValues(facts, 'zh-CN'));
    expect(zh.body).toBe('【小店】售后 R-1 已退款 ¥123.45，到账时间以支付渠道为准。详情：https://r.test/portal/s?order=O-9');
    const en = renderTemplate(defaultTemplate('offer', 'en', 'email'), templateValues(facts, 'en'));
    expect(en.body).toContain('partial refund of CN¥5.00');
    const mail = mailFromText(en.subject!, renderTemplate({ subject: 's', body: 'Hi {customerName}\n\n{caseUrl}', templateCode: null }, templateValues(facts, 'en')).body, facts.caseUrl, 'en');
    expect(mail.html).toContain('林&lt;b&gt;静');
    expect(mail.html).toContain('<a href="https://r.test/portal/s?order=O-9"');
  });

  it('a message or an offer from the shop is a step the buyer hears of; the buyer’s own message is not', () => {
    expect(mailTemplateFor('return.message', { message: { author: 'staff' } })).toBe('shop_message');
    expect(mailTemplateFor('return.message', { message: { author: 'buyer' } })).toBeNull();
    expect(mailTemplateFor('return.status_changed', { action: 'offer_partial', to: 'offer_pending' })).toBe('offer');
  });
});
