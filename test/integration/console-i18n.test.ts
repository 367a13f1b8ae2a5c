import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES } from '../../src/domain/cases/model.js';
import { REJECTION_CODES } from '../../src/domain/cases/rejection-reasons.js';
import { ROLES } from '../../src/domain/auth/permissions.js';
import { DISPOSITIONS, GRADES, INTERNAL_ACTIONS } from '../../src/services/cases/action-inputs.js';
import { CHANNELS } from '../../src/services/orders/order-input.js';

/** The console speaks zh-CN and English throughout: every key it uses has both translations. */
const ROOT = join(process.cwd(), 'web/console');
const load = (lng: string) => (JSON.parse(readFileSync(join(ROOT, 'locales', `${lng}.json`), 'utf8')) as { translation: object }).translation;

function flatten(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as object, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (f === 'locales' ? [] : sources(p)) : /\.(tsx?|ts)$/.test(f) ? [p] : [];
  });
}

const en = flatten(load('en'));
const zh = flatten(load('zh-CN'));
/** A key exists when it or one of its plural forms does (zh has only `_other`). */
const has = (keys: Map<string, string>, key: string) => keys.has(key) || keys.has(`${key}_other`);
const base = (key: string) => key.replace(/_(one|other)$/, '');

describe('console translations', () => {
  it('has every static key the console uses in both languages', () => {
    const used = new Set<string>();
    for (const file of sources(ROOT)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) if (m[1]!.includes('.')) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(300);
    const missing = [...used].filter((k) => !has(en, k) || !has(zh, k));
    expect(missing).toEqual([]);
  });

  it('has the same keys in zh-CN and English, and no empty text', () => {
    const enKeys = new Set([...en.keys()].map(base));
    const zhKeys = new Set([...zh.keys()].map(base));
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...en, ...zh].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('names every state, type, action, role, channel, rejection reason, grade and disposition in both languages', () => {
    const keys = [
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...CASE_TYPES.map((s) => `caseType.${s}`),
      ...CASE_ACTIONS.filter((a) => !INTERNAL_ACTIONS.has(a)).map((a) => `actions.name.${a}`),
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleHints.${r}`]),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...REJECTION_CODES.map((c) => `rejection.${c}`),
      ...GRADES.map((g) => `inspect.grades.${g}`),
      ...DISPOSITIONS.map((d) => `inspect.dispositions.${d}`),
      ...CASE_ACTIONS.filter((a) => !INTERNAL_ACTIONS.has(a)).map((a) => `timeline.event.case_${a}`),
    ];
    expect(keys.filter((k) => !has(en, k) || !has(zh, k))).toEqual([]);
  });
});
