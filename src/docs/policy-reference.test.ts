import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../domain/policy/explain.js';
import { renderPolicyReference } from './policy-reference.js';

const page = renderPolicyReference();
const section = (title: string) => page.split(`## ${title}`)[1]!.split('\n## ')[0]!;
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split(/(?<!\\)\|/).map((cell) => cell.trim()));

describe('docs/policy.md', () => {
  it('explains every setting of the schema', () => {
    const rows = tableRows(section('Settings'));
    expect(rows.length).toBeGreaterThan(50);
    for (const [, setting, type, meaning] of rows) {
      expect(type, setting).not.toBe('');
      expect(meaning, `${setting} needs a description in schema.ts or a note in policy-reference.ts`).not.toBe('');
    }
  });

  it('shows the values of both presets', () => {
    const noReasonDays = tableRows(section('Settings')).find((row) => row[1] === '`windows.noReasonDays`')!;
    expect(noReasonDays.slice(4, 6)).toEqual(['`7`', '`30`']);
  });

  it('lists every rule evaluate() can answer with, in both languages', () => {
    const rules = tableRows(section('Rulings'));
    expect(rules.map((row) => row[1])).toEqual(RULE_IDS.map((rule) => `\`${rule}\``));
    for (const row of rules) expect(row[2] && row[3]).toBeTruthy();
  });
});
