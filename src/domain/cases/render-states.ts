import { can, ROLES } from '../auth/permissions.js';
import { CASE_STATUSES, CASE_TYPES, TERMINAL_STATUSES, type ActionGuard, type CaseStatus } from './model.js';
import { TRANSITIONS, type TransitionRow } from './transitions.js';

/**
 * docs/case-states.md, rendered from the transitions table (and the role grants) so the page
 * cannot drift from the state machine. Pure and deterministic: same table, same page.
 */

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const statusOrder = (s: CaseStatus) => CASE_STATUSES.indexOf(s);

/** The staff roles that hold a permission, in the order of ROLES. */
export const rolesWith = (permission: NonNullable<ActionGuard['staff']>) => ROLES.filter((role) => can(role, permission));

export function whoMayAct(guard: ActionGuard): string {
  const who: string[] = [];
  if (guard.buyer) who.push('buyer');
  if (guard.staff) {
    const roles = rolesWith(guard.staff);
    who.push(`staff (${code(guard.staff)}: ${roles.length > 0 ? roles.join(', ') : 'no role'})`);
  }
  if (guard.system) who.push('system');
  if (guard.platform) who.push('platform');
  return who.join(' · ');
}

function conditions(row: TransitionRow): string {
  const parts: string[] = [];
  if (row.refundOnlyKinds) parts.push(`refund-only kind ${row.refundOnlyKinds.map(code).join(' or ')}`);
  if (row.resolution) parts.push(row.action === 'resolve' ? `outcome ${code(row.resolution)}` : `the arbiter ordered ${code(row.resolution)}`);
  if (row.offerFrom) parts.push(`offer made in ${code(row.offerFrom)}`);
  if (row.refundedEarly !== undefined) parts.push(row.refundedEarly ? 'fast refund paid' : 'no fast refund paid');
  return parts.length > 0 ? parts.join('; ') : '—';
}

function typesCell(row: TransitionRow): string {
  return !row.types || CASE_TYPES.every((t) => row.types!.includes(t)) ? 'all' : row.types.map(code).join(', ');
}

function fromCell(row: TransitionRow): string {
  return row.from.length === CASE_STATUSES.length ? 'any' : row.from.map(code).join(', ');
}

function diagram(): string[] {
  // One arrow per (from, to) pair, labelled with the actions that make that move.
  const edges = new Map<string, { from: CaseStatus; to: CaseStatus; labels: string[] }>();
  for (const row of TRANSITIONS) {
    if (row.to === 'same') continue;
    const label = row.action === 'resolve' && row.resolution ? `resolve(${row.resolution})` : row.action;
    for (const from of row.from) {
      if (from === row.to) continue;
      const key = `${from} ${row.to}`;
      const edge = edges.get(key) ?? { from, to: row.to, labels: [] };
      if (!edge.labels.includes(label)) edge.labels.push(label);
      edges.set(key, edge);
    }
  }
  const sorted = [...edges.values()].sort((a, b) => statusOrder(a.from) - statusOrder(b.from) || statusOrder(a.to) - statusOrder(b.to));
  return [
    '```mermaid',
    'stateDiagram-v2',
    '    [*] --> requested',
    ...sorted.map((e) => `    ${e.from} --> ${e.to}: ${e.labels.join(', ')}`),
    ...CASE_STATUSES.filter((s) => TERMINAL_STATUSES.has(s)).map((s) => `    ${s} --> [*]`),
    '```',
  ];
}

export function renderCaseStates(): string {
  const rows = TRANSITIONS.map(
    (row) =>
      `| ${code(row.action)} | ${fromCell(row)} | ${row.to === 'same' ? '(unchanged)' : code(row.to)} | ${typesCell(row)} | ${cell(conditions(row))} | ${cell(whoMayAct(row.who))} | ${cell(row.means)} |`,
  );
  const unchanged = [...new Set(TRANSITIONS.filter((r) => r.to === 'same').map((r) => r.action))];
  const terminal = CASE_STATUSES.filter((s) => TERMINAL_STATUSES.has(s)).map((s) => {
    const into = [...new Set(TRANSITIONS.filter((r) => r.to === s).map((r) => (r.action === 'resolve' && r.resolution ? `resolve(${r.resolution})` : r.action)))];
    return `- ${code(s)}, reached by ${into.map(code).join(', ')}`;
  });
  const stillOpen = [...new Set(TRANSITIONS.filter((r) => r.to === 'same' && r.from.some((s) => TERMINAL_STATUSES.has(s))).map((r) => r.action))];
  return [
    '<!-- Generated from src/domain/cases/transitions.ts by `npm run docs:generate`. Do not edit. -->',
    '# Case states',
    '',
    'Every move a return case can make: one row of the transitions table each. A move applies when the case is in one of',
    'the *from* states, of one of the *case types*, and the *conditions* hold; anything else is refused with',
    '`409 case.invalid_transition`. The actor must be one of *who may act*, otherwise `403 case.action_forbidden`.',
    '',
    '- **buyer**: the buyer in the return portal;',
    '- **staff**: merchant staff in the console or with an API key, when their role holds the permission shown;',
    '- **system**: Retour itself (deadlines, automation rules, carrier and payment-provider events);',
    '- **platform**: the marketplace the order came from, through its connector.',
    '',
    '## Diagram',
    '',
    `Moves that leave the state unchanged (${unchanged.map(code).join(', ')}) are in the table only.`,
    '',
    ...diagram(),
    '',
    '## Transitions',
    '',
    '| action | from | to | case types | conditions | who may act | what it means |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Terminal states',
    '',
    `Nothing moves a case out of these${stillOpen.length > 0 ? `; ${stillOpen.map(code).join(' and ')} still apply` : ''}.`,
    '',
    ...terminal,
    '',
  ].join('\n');
}
