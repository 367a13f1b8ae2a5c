import i18next, { type TFunction } from 'i18next';
import { LanguageDetector } from 'i18next-http-middleware';
import { CATEGORY_NAMES, ERROR_MESSAGES, EVENT_EXPLANATIONS, LEGACY_EXPLANATIONS, MAIL_TEXTS, VOCABULARY, type Text } from './catalog.js';

/** The languages Retour speaks to people (a shop's `locales` are drawn from these). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Namespaces of the catalog: error codes, event explanations, categories, buyer e-mails; the shared words live in the default one. */
function resources(): Record<Language, Record<string, Record<string, string>>> {
  const out = { en: {}, 'zh-CN': {} } as Record<Language, Record<string, Record<string, string>>>;
  const add = (ns: string, entries: Record<string, Text>) => {
    for (const lng of LANGUAGES) out[lng][ns] = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v[lng]]));
  };
  add('errors', ERROR_MESSAGES);
  add('events', EVENT_EXPLANATIONS);
  add('categories', CATEGORY_NAMES);
  add('words', VOCABULARY);
  add('mail', MAIL_TEXTS);
  return out;
}

/**
 * The server's own i18next instance (never the web apps'): flat keys (codes contain dots), no
 * HTML escaping (replies are JSON, mail escapes its own), initialised synchronously at import.
 */
const i18n = i18next.createInstance();
void i18n.init({
  resources: resources(),
  supportedLngs: [...LANGUAGES],
  fallbackLng: false,
  ns: ['errors', 'events', 'categories', 'words', 'mail'],
  defaultNS: 'words',
  fallbackNS: 'words',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Accept-Language parsed by i18next-http-middleware's header lookup (q-values, "zh-Hans-CN", …). */
const detector = new LanguageDetector(i18n.services, { order: ['header'] });
const headerLookup = (detector as unknown as { detectors: Record<string, { lookup(req: unknown, res: unknown, options: unknown): string[] | undefined }> }).detectors.header!;

/**
 * The first language the header asks for that we speak ("zh", "zh-Hans-CN" → zh-CN; "en-GB" → en),
 * taken in the header's order of preference; null when it names none of ours (or is absent).
 * (i18next's own best match would prefer an exact "en" late in the list over "zh-Hans-CN" first.)
 */
export function languageFromHeaders(headers: Record<string, string | string[] | undefined>): Language | null {
  if (!headers['accept-language']) return null;
  for (const asked of headerLookup.lookup({ headers }, {}, (detector as unknown as { options: unknown }).options) ?? []) {
    const lng = toLanguage(asked);
    if (lng) return lng;
  }
  return null;
}

/** Answers by locale: every reply asks, a shop has a handful of locales, and i18next's match costs a few µs. */
const languageOfLocale = new Map<string, Language | null>();
/** Locales remembered at most: a header can name anything, so the memo starts over rather than grow. */
const LOCALES_REMEMBERED = 500;

/** One of our languages for a stored locale ("zh-CN", "zh", "en-US", …), or null. */
export function toLanguage(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  let language = languageOfLocale.get(locale);
  if (language === undefined) {
    const best = i18n.services.languageUtils.getBestMatchFromCodes([locale]);
    language = (LANGUAGES as readonly string[]).includes(best ?? '') ? (best as Language) : null;
    if (languageOfLocale.size >= LOCALES_REMEMBERED) languageOfLocale.clear();
    languageOfLocale.set(locale, language);
  }
  return language;
}

const fixedT = (lng: Language, ns: string): TFunction => i18n.getFixedT(lng, ns);

/** Details flattened into interpolation values: lists read as "a, b", objects are left out. */
function params(details: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (typeof v === 'boolean') out[k] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) out[k] = v.join(', ');
  }
  return out;
}

export const hasErrorMessage = (code: string, lng: Language) => i18n.exists(code, { lng, ns: 'errors' });

/**
 * An error's message for a reader of `lng`. English keeps the thrown message (it names the very
 * values and API clients know it); another language gets the catalog's entry for the code, filled
 * from the details; a code the catalog lacks (new, or from a parallel branch) falls back to English.
 */
export function errorMessage(lng: Language | null, code: string, english: string, details: Record<string, unknown> = {}): string {
  if (!lng || lng === 'en' || !hasErrorMessage(code, lng)) return english;
  return fixedT(lng, 'errors')(code, params(details));
}

/** The English reference text of a code (for places that keep only a code), or the code itself. */
export const errorText = (lng: Language, code: string, details: Record<string, unknown> = {}) =>
  hasErrorMessage(code, lng) ? fixedT(lng, 'errors')(code, params(details)) : code;

export interface Explanation {
  key: string;
  params?: Record<string, unknown>;
}

/** An event's explanation in `lng`: its key rendered, else a known old English text's key, else the stored text. */
export function explain(lng: Language, explanation: Explanation | null | undefined, storedText: string | null | undefined): string | null {
  const key = explanation?.key ?? (storedText ? LEGACY_EXPLANATIONS[storedText] : undefined);
  if (key && i18n.exists(key, { lng, ns: 'events' })) return fixedT(lng, 'events')(key, params(explanation?.params ?? {}));
  return storedText ?? null;
}

/** A category's name in `lng` when it is a well-known slug; the shop's own word otherwise. */
export function categoryName(lng: Language, category: string | null): string | null {
  if (category === null) return null;
  return i18n.exists(category, { lng, ns: 'categories' }) ? fixedT(lng, 'categories')(category) : category;
}

/**
 * Rows of a reply that name a category (analytics groups, SKU lists) get `categoryName` in `lng`
 * beside the stored `category`, which stays the filter value.
 */
export function withCategoryNames<T>(payload: T, lng: Language): T {
  const name = (row: unknown) => {
    if (row && typeof row === 'object' && 'category' in row) {
      const category = (row as { category: unknown }).category;
      if (typeof category === 'string') (row as Record<string, unknown>).categoryName = categoryName(lng, category);
    }
  };
  if (payload && typeof payload === 'object') {
    for (const list of ['groups', 'skus', 'items'] as const) {
      const rows = (payload as Record<string, unknown>)[list];
      if (Array.isArray(rows)) rows.forEach(name);
    }
  }
  return payload;
}

/**
 * One part of Retour's buyer e-mail in `lng`, filled from `values`. A key the catalog lacks is a
 * programming error (the catalog test checks every template's parts), so it throws rather than
 * mailing the key to a buyer. Values are not read as i18next syntax (skipOnVariables).
 */
export function mailText(lng: Language, key: string, values: Record<string, string | number> = {}): string {
  if (!i18n.exists(key, { lng, ns: 'mail' })) throw new Error(`mail text ${key} is not in the catalog`);
  return fixedT(lng, 'mail')(key, values);
}
