import { formatDate, formatDateTime, formatMoney } from '../shared/money.js';
import type { Localized } from './types.js';

/** The sentence in the buyer's language (server sentences come in zh-CN and en). */
export const pick = (text: Localized | null | undefined, lang: string) => (text ? (lang === 'en' ? text.en : text['zh-CN']) : '');

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'zh-CN');
export const money = (minor: number, currency: string, lang: string) => formatMoney(minor, currency, locale(lang));
export const day = (iso: string, lang: string, timeZone?: string) => formatDate(iso, locale(lang), timeZone);
export const moment = (iso: string, lang: string, timeZone?: string) => formatDateTime(iso, locale(lang), timeZone);

export const percent = (bp: number) => `${Math.round(bp / 10) / 10}%`;
