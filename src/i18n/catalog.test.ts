import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_NAMES, ERROR_MESSAGES, EVENT_EXPLANATIONS, MAIL_TEXTS, NOTIFICATION_DEFAULTS, VOCABULARY } from './catalog.js';
import { categoryName, errorMessage, explain, languageFromHeaders, LANGUAGES, mailText, toLanguage, withCategoryNames } from './messages.js';
import { MAIL_TEMPLATES } from '../domain/mail/templates.js';
import { NOTIFICATION_STEPS } from '../domain/notifications/variables.js';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES } from '../domain/cases/model.js';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const CODE = String.raw`'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'`;
/** How the codebase throws: the helpers of src/domain/errors.ts, `new AppError(kind, code, …)`, the error plugin's `body(code, …)`, and hand-built `{ error: { code: … } }` replies. */
const THROWS = [
  new RegExp(String.raw`\b(?:invalid|unprocessable|notFound|conflict|forbidden|unauthenticated)\(\s*${CODE}`, 'g'),
  new RegExp(String.raw`new AppError\(\s*'[a-z_]+',\s*${CODE}`, 'g'),
  new RegExp(String.raw`\bbody\(\s*${CODE}`, 'g'),
  new RegExp(String.raw`error: \{ code: ${CODE}`, 'g'),
];
/** A code built from a template: the codes it can be (a new template fails the test until listed here). */
const TEMPLATES: Record<string, string[]> = {
  'connection.invalid_${part}': ['connection.invalid_credentials', 'connection.invalid_settings'],
};
const TEMPLATE = /\b(?:invalid|unprocessable|notFound|conflict|forbidden|unauthenticated)\(\s*`([^`]+)`/g;

function thrownCodes() {
  const codes = new Map<string, string>();
  const templates = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of THROWS) for (const m of text.matchAll(re)) codes.set(m[1]!, file);
    for (const m of text.matchAll(TEMPLATE)) templates.add(m[1]!);
  }
  return { codes, templates };
}

describe('the server message catalog', () => {
  const { codes, templates } = thrownCodes();

  it('finds the codes the server throws (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(120);
    for (const known of ['case.invalid_transition', 'portal.not_found', 'request.invalid', 'route.not_found', 'server.busy', 'internal.error']) expect(codes.has(known), known).toBe(true);
  });

  it('has a zh-CN and an en message for every error code the server can throw', () => {
    const all = [...codes.keys(), ...[...templates].flatMap((t) => TEMPLATES[t] ?? [`unlisted template ${t}`])];
    const missing = all.filter((code) => LANGUAGES.some((lng) => !ERROR_MESSAGES[code]?.[lng]?.trim()));
    expect(missing, `add these codes to src/i18n/catalog.ts (first seen in ${missing.map((c) => codes.get(c)).join(', ')})`).toEqual([]);
  });

  it('names every case status, type and action it may interpolate, in both languages', () => {
    const words = [...CASE_STATUSES.map((s) => `status.${s}`), ...CASE_TYPES.map((t) => `caseType.${t}`), ...CASE_ACTIONS.filter((a) => a !== 'refund_succeeded' && a !== 'refund_failed').map((a) => `action.${a}`)];
    expect(words.filter((w) => !VOCABULARY[w]?.['zh-CN'] || !VOCABULARY[w]?.en)).toEqual([]);
  });

  it('has every entry in both languages, with the same placeholders', () => {
    // i18next's {{x}}, and the seller-template variables {x} of the notification defaults.
    const placeholders = (s: string) => [...s.matchAll(/\{\{?(\w+)\}\}?/g)].map((m) => m[1]).sort();
    for (const table of [ERROR_MESSAGES, EVENT_EXPLANATIONS, CATEGORY_NAMES, VOCABULARY, MAIL_TEXTS, NOTIFICATION_DEFAULTS]) {
      for (const [key, text] of Object.entries(table)) {
        expect(text['zh-CN'].trim(), key).not.toBe('');
        expect(text.en.trim(), key).not.toBe('');
        expect(placeholders(text['zh-CN']), key).toEqual(placeholders(text.en));
      }
    }
  });
});

describe('what mail and the worker say comes from the catalog (issue 13.14)', () => {
  /** Code (comments left out) that writes to people: buyer mail and texts, and what the worker's jobs record. */
  const SPEAKERS = ['domain/mail', 'domain/notifications', 'services/mail', 'services/notifications', 'services/cases/deadlines.ts', 'services/events.ts', 'worker'];
  const code = (path: string) =>
    readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');

  it('has no Chinese sentence written outside the catalog', () => {
    const found = SPEAKERS.flatMap((p) => (p.endsWith('.ts') ? [join(SRC, p)] : sources(join(SRC, p)))).flatMap((path) =>
      code(path)
        .split('\n')
        .filter((line) => /[\u4e00-\u9fff]/.test(line))
        .map((line) => `${path.slice(SRC.length + 1)}: ${line.trim().slice(0, 80)}`),
    );
    expect(found).toEqual([]);
  });

  it('has every part of every buyer e-mail and notification default in both languages', () => {
    for (const lng of LANGUAGES) {
      for (const t of MAIL_TEMPLATES) expect(mailText(lng, `${t}.subject`, { shop: 'S', rma: 'R1', amount: '1' })).not.toContain(`${t}.subject`);
      for (const step of NOTIFICATION_STEPS) for (const field of ['subject', 'email', 'sms']) expect(NOTIFICATION_DEFAULTS[`${step}.${field}`]?.[lng], `${step}.${field}`).toBeTruthy();
    }
    expect(() => mailText('en', 'no.such.part')).toThrow(/not in the catalog/);
  });

  it('fills values without reading them as i18next syntax', () => {
    expect(mailText('en', 'offer.note', { message: '$t(status.approved) {{rma}}' })).toBe('Our note: $t(status.approved) {{rma}}');
  });
});

describe('messages in the reader’s language', () => {
  it('reads Accept-Language with weights and regional forms', () => {
    expect(languageFromHeaders({ 'accept-language': 'zh-CN' })).toBe('zh-CN');
    expect(languageFromHeaders({ 'accept-language': 'zh-Hans-CN,zh;q=0.9,en;q=0.8' })).toBe('zh-CN');
    expect(languageFromHeaders({ 'accept-language': 'zh' })).toBe('zh-CN');
    expect(languageFromHeaders({ 'accept-language': 'en-GB,en;q=0.9' })).toBe('en');
    expect(languageFromHeaders({ 'accept-language': 'en;q=0.5,zh-CN;q=0.9' })).toBe('zh-CN');
    expect(languageFromHeaders({ 'accept-language': 'fr' })).toBeNull();
    expect(languageFromHeaders({})).toBeNull();
    expect(toLanguage('en-US')).toBe('en');
    expect(toLanguage('de')).toBeNull();
  });

  it('answers a locale the same when asked again, also after more locales than it remembers', () => {
    for (let round = 0; round < 2; round++) {
      expect(toLanguage('zh')).toBe('zh-CN');
      expect(toLanguage('de')).toBeNull();
      for (let i = 0; i < 600; i++) expect(toLanguage(`x${i}`)).toBeNull();
      expect(toLanguage('en-US')).toBe('en');
    }
  });

  it('renders a code in Chinese from its details, naming statuses and actions in Chinese', () => {
    const english = 'A exchange case that is approved cannot be receive';
    const details = { type: 'exchange', status: 'approved', action: 'receive' };
    expect(errorMessage('zh-CN', 'case.invalid_transition', english, details)).toBe('换货售后单当前为“已同意”，不能执行“确认收货”');
    expect(errorMessage('zh-CN', 'exchange.out_of_stock', 'x', { sku: 'TS-M', inStock: 0 })).toBe('TS-M 库存只有 0 件');
    expect(errorMessage('zh-CN', 'import.missing_column', 'x', { columns: ['sku', 'qty'] })).toBe('缺少列：sku, qty');
  });

  it('keeps the thrown English message in English, and for codes the catalog lacks', () => {
    expect(errorMessage('en', 'case.not_found', 'No such case (thrown)')).toBe('No such case (thrown)');
    expect(errorMessage(null, 'case.not_found', 'No such case')).toBe('No such case');
    expect(errorMessage('zh-CN', 'brand_new.code', 'Thrown in English')).toBe('Thrown in English');
  });

  it('explains events by key, old rows by their known text, and anything else as stored', () => {
    expect(explain('zh-CN', { key: 'deadline.approve' }, 'The seller did not answer in time')).toBe('商家未在期限内处理，系统已自动同意');
    expect(explain('en', { key: 'deadline.approve' }, null)).toBe('The seller did not answer in time');
    expect(explain('zh-CN', null, 'Deadline passed')).toBe('已超过期限，系统已自动关闭');
    expect(explain('zh-CN', { key: 'unknown.key' }, 'stored words')).toBe('stored words');
    expect(explain('zh-CN', null, null)).toBeNull();
  });

  it('names well-known categories by language and leaves the shop’s own words alone', () => {
    expect(categoryName('zh-CN', 'apparel')).toBe('服装');
    expect(categoryName('en', 'electronics')).toBe('Electronics');
    expect(categoryName('zh-CN', '女装')).toBe('女装');
    const reply = withCategoryNames({ groups: [{ key: 'shoes', category: 'shoes' }, { key: '', category: null }] }, 'zh-CN');
    expect(reply.groups).toEqual([{ key: 'shoes', category: 'shoes', categoryName: '鞋靴' }, { key: '', category: null }]);
  });
});
