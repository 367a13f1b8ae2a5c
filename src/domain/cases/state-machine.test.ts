import { describe, it, expect } from 'vitest';
import { AppError } from '../errors.js';
import { can, ROLES } from '../auth/permissions.js';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  REFUND_ONLY_KINDS,
  RESOLUTIONS,
  TERMINAL_STATUSES,
  type Actor,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  type RefundOnlyKind,
  type Resolution,
} from './model.js';
import { TRANSITIONS, type TransitionRow } from './transitions.js';
import { actorMayAct, allowedActions, findTransition, transition, type CaseSnapshot } from './state-machine.js';
import { renderCaseStates, rolesWith, whoMayAct } from './render-states.js';
import { deadlineFor } from './deadline-rules.js';
import { POLICY_PRESETS } from '../policy/presets.js';

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const buyer: Actor = { kind: 'buyer' };
const system: Actor = { kind: 'system', rule: 'deadline' };
const platform: Actor = { kind: 'platform' };
const staff = (role: (typeof ROLES)[number]): Actor => ({ kind: 'staff', role, id: `staff-${role}` });
const owner = staff('owner');
const manager = staff('manager');
const agent = staff('agent');
const warehouse = staff('warehouse');
const viewer = staff('viewer');
const ACTORS: Actor[] = [buyer, system, platform, ...ROLES.map(staff)];
const actorName = (a: Actor) => (a.kind === 'staff' ? a.role : a.kind);

/** The kinds a case of a type can have: refund-only cases always have one, other types none. */
const kindsOf = (type: CaseType): (RefundOnlyKind | null)[] => (type === 'refund_only' ? [...REFUND_ONLY_KINDS] : [null]);

/**
 * Every snapshot the state machine can be shown, reachable or not: each type (and refund-only
 * kind) in each status, with or without a recorded outcome and a fast refund. An offer's origin
 * is recorded only while the offer is open, so it varies in offer_pending alone.
 */
function* everySnapshot(): Generator<CaseSnapshot> {
  for (const type of CASE_TYPES)
    for (const refundOnlyKind of kindsOf(type))
      for (const status of CASE_STATUSES)
        for (const offerFrom of status === 'offer_pending' ? ([null, 'requested', 'inspected'] as const) : [null])
          for (const resolution of [null, ...RESOLUTIONS])
            for (const refundedEarly of [false, true]) yield { type, refundOnlyKind, status, offerFrom, resolution, refundedEarly };
}

const newCase = (type: CaseType, refundOnlyKind: RefundOnlyKind | null = null): CaseSnapshot => ({
  type,
  refundOnlyKind,
  status: 'requested',
  offerFrom: null,
  resolution: null,
  refundedEarly: false,
});

/** Resolutions to try for an action: `resolve` needs one, other actions take none. */
const resolutionsFor = (action: CaseAction): (Resolution | undefined)[] => (action === 'resolve' ? [...RESOLUTIONS] : [undefined]);

/**
 * What the services record beside the status when a move is made, so the next move sees it:
 * the state an offer was made in, the arbiter's outcome, a fast refund paid.
 */
function apply(c: CaseSnapshot, action: CaseAction, actor: Actor, resolution?: Resolution): CaseSnapshot {
  const { from, to } = transition(c, action, actor, resolution);
  const next: CaseSnapshot = { ...c, status: to };
  if (action === 'offer_partial') next.offerFrom = from;
  if (action === 'accept_offer' || action === 'decline_offer') next.offerFrom = null;
  if (action === 'resolve') next.resolution = resolution!;
  if (action === 'fast_refund') next.refundedEarly = true;
  return next;
}

type Step = [CaseAction, Actor] | [CaseAction, Actor, Resolution];

/** Walks a path of moves, returning the statuses it passes through (after each step). */
function walk(start: CaseSnapshot, steps: Step[], between?: (c: CaseSnapshot) => CaseSnapshot): { statuses: CaseStatus[]; end: CaseSnapshot } {
  let c = start;
  const statuses: CaseStatus[] = [];
  for (const [action, actor, resolution] of steps) {
    c = apply(c, action, actor, resolution);
    if (between) c = between(c);
    statuses.push(c.status);
  }
  return { statuses, end: c };
}

/** An independent reading of a row's conditions (the spec the implementation is checked against). */
function rowApplies(row: TransitionRow, c: CaseSnapshot, action: CaseAction, resolution: Resolution | undefined): boolean {
  if (row.action !== action) return false;
  if (!row.from.includes(c.status)) return false;
  if (row.types !== undefined && !row.types.includes(c.type)) return false;
  if (row.refundOnlyKinds !== undefined && !(c.refundOnlyKind !== null && row.refundOnlyKinds.includes(c.refundOnlyKind))) return false;
  if (row.offerFrom !== undefined && row.offerFrom !== c.offerFrom) return false;
  if (row.refundedEarly !== undefined && row.refundedEarly !== c.refundedEarly) return false;
  if (row.resolution !== undefined && row.resolution !== (action === 'resolve' ? resolution : c.resolution)) return false;
  return true;
}

/** Every snapshot reachable from a new case of every type and kind, by any actor's moves. */
function reachable(): { snapshots: CaseSnapshot[]; rowsUsed: Set<TransitionRow>; edges: Map<string, string[]> } {
  const key = (c: CaseSnapshot) => JSON.stringify(c);
  const seen = new Map<string, CaseSnapshot>();
  const edges = new Map<string, string[]>();
  const rowsUsed = new Set<TransitionRow>();
  const queue: CaseSnapshot[] = [];
  for (const type of CASE_TYPES)
    for (const kind of kindsOf(type)) {
      const c = newCase(type, kind);
      seen.set(key(c), c);
      queue.push(c);
    }
  while (queue.length > 0) {
    const c = queue.shift()!;
    const out: string[] = [];
    for (const action of CASE_ACTIONS)
      for (const resolution of resolutionsFor(action)) {
        const row = findTransition(c, action, resolution);
        if (!row) continue;
        rowsUsed.add(row);
        const actor = ACTORS.find((a) => actorMayAct(row.who, a))!;
        const next = apply(c, action, actor, resolution);
        out.push(key(next));
        if (!seen.has(key(next))) {
          seen.set(key(next), next);
          queue.push(next);
        }
      }
    edges.set(key(c), out);
  }
  return { snapshots: [...seen.values()], rowsUsed, edges };
}

describe('transition: every type × status × action × actor', () => {
  it('moves to the row\u2019s target, or throws 409 case.invalid_transition or 403 case.action_forbidden, consistently with allowedActions', () => {
    // Plain comparisons collected as messages (one `expect` at the end): 500 000 moves are tried.
    const failures: string[] = [];
    const fail = (what: string, c: CaseSnapshot, action: CaseAction, actor?: Actor, resolution?: Resolution) =>
      failures.push(`${what}: ${actor ? actorName(actor) : 'anyone'} ${action}${resolution ? `(${resolution})` : ''} on ${JSON.stringify(c)}`);
    const counts = { moves: 0, invalid: 0, forbidden: 0 };
    // Most of these moves throw: stack traces would take most of the time.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      for (const c of everySnapshot()) {
        const frozen = Object.freeze({ ...c });
        const anyone = allowedActions(frozen);
        const byActor = new Map(ACTORS.map((a) => [a, allowedActions(frozen, a)]));
        for (const action of CASE_ACTIONS) {
          const succeeded = new Set<Actor>();
          let applies = false;
          for (const resolution of resolutionsFor(action)) {
            const candidates = TRANSITIONS.filter((row) => rowApplies(row, frozen, action, resolution));
            // The table is a function: at most one row applies to any case, action and outcome.
            if (candidates.length > 1) fail(`${candidates.length} rows apply`, frozen, action, undefined, resolution);
            const row = candidates[0];
            if (findTransition(frozen, action, resolution) !== row) fail('findTransition chose another row', frozen, action, undefined, resolution);
            if (row) applies = true;
            for (const actor of ACTORS) {
              let result: unknown;
              let error: AppError | undefined;
              try {
                result = transition(frozen, action, actor, resolution);
              } catch (err) {
                if (!(err instanceof AppError)) throw err;
                error = err;
              }
              if (!row) {
                counts.invalid++;
                const d = error?.details;
                if (error?.kind !== 'conflict' || error.code !== 'case.invalid_transition') fail('expected 409 case.invalid_transition', frozen, action, actor, resolution);
                else if (d?.status !== frozen.status || d.action !== action || d.type !== frozen.type || JSON.stringify(d.possibleActions) !== JSON.stringify(anyone))
                  fail(`409 details ${JSON.stringify(d)}`, frozen, action, actor, resolution);
                continue;
              }
              const mayAct = actor.kind === 'staff' ? row.who.staff !== undefined && can(actor.role, row.who.staff) : row.who[actor.kind] === true;
              if (!mayAct) {
                counts.forbidden++;
                if (error?.kind !== 'forbidden' || error.code !== 'case.action_forbidden') fail('expected 403 case.action_forbidden', frozen, action, actor, resolution);
                else if (JSON.stringify(error.details) !== JSON.stringify({ status: frozen.status, action, actor: actor.kind }))
                  fail(`403 details ${JSON.stringify(error.details)}`, frozen, action, actor, resolution);
                continue;
              }
              counts.moves++;
              const expected = { from: frozen.status, to: row.to === 'same' ? frozen.status : row.to, row };
              if (error) fail(`threw ${error.code}`, frozen, action, actor, resolution);
              else {
                const r = result as typeof expected;
                if (r.from !== expected.from || r.to !== expected.to || r.row !== row) fail(`moved to ${r.to}`, frozen, action, actor, resolution);
              }
              succeeded.add(actor);
            }
          }
          for (const actor of ACTORS) {
            if (byActor.get(actor)!.includes(action) !== succeeded.has(actor)) fail(`allowedActions disagrees (${succeeded.has(actor)})`, frozen, action, actor);
          }
          if (anyone.includes(action) !== applies) fail(`allowedActions(c) disagrees (${applies})`, frozen, action);
        }
      }
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Each outcome was actually exercised.
    expect(counts.moves).toBeGreaterThan(1000);
    expect(counts.invalid).toBeGreaterThan(1000);
    expect(counts.forbidden).toBeGreaterThan(1000);
  });

  it('leaves the case it is given alone', () => {
    const c = Object.freeze(newCase('return_refund'));
    expect(transition(c, 'approve', manager)).toMatchObject({ from: 'requested', to: 'approved' });
    expect(c.status).toBe('requested');
  });

  it('names the state, the action and what is possible in a 409', () => {
    const err = appErrorOf(() => transition({ ...newCase('return_refund'), status: 'completed' }, 'refund', owner));
    expect(err).toMatchObject({ kind: 'conflict', code: 'case.invalid_transition' });
    expect(err.details).toEqual({ status: 'completed', action: 'refund', type: 'return_refund', possibleActions: ['note', 'message'] });
  });

  it('needs an outcome to resolve a dispute', () => {
    const escalated = { ...newCase('return_refund'), status: 'escalated' as const };
    expect(appErrorOf(() => transition(escalated, 'resolve', platform)).code).toBe('case.invalid_transition');
    expect(transition(escalated, 'resolve', platform, 'refund').to).toBe('refund_pending');
    expect(transition(escalated, 'resolve', platform, 'return').to).toBe('approved');
    expect(transition(escalated, 'resolve', platform, 'reject').to).toBe('closed');
  });
});

describe('transition: the paths the product needs', () => {
  it('goods not returned after a fast refund (13.6): the deadline moves it to not_returned; late receipt or write-off follow', () => {
    const shipped = walk(newCase('return_refund'), [
      ['approve', agent],
      ['buyer_shipped', buyer],
      ['fast_refund', manager],
      ['goods_not_returned', system],
    ]);
    expect(shipped.statuses).toEqual(['approved', 'in_transit', 'in_transit', 'not_returned']);
    expect(walk(shipped.end, [['receive', warehouse], ['inspect', warehouse], ['complete', warehouse]]).statuses).toEqual(['received', 'inspected', 'completed']);
    expect(walk(shipped.end, [['close', agent]]).statuses).toEqual(['closed']);
    expect(appErrorOf(() => transition(shipped.end, 'close', warehouse)).code).toBe('case.action_forbidden');
    expect(appErrorOf(() => transition(shipped.end, 'refund', manager)).code).toBe('case.invalid_transition');
    // Never shipped after a fast refund at approval: the same outcome from approved.
    expect(walk(newCase('return_refund'), [['approve', agent], ['fast_refund', system], ['goods_not_returned', system]]).statuses).toEqual(['approved', 'approved', 'not_returned']);
    // Without a fast refund there is nothing to flag: the ordinary clocks apply.
    const unpaid = walk(newCase('return_refund'), [['approve', agent], ['buyer_shipped', buyer]]).end;
    expect(appErrorOf(() => transition(unpaid, 'goods_not_returned', system)).code).toBe('case.invalid_transition');
  });

  it('deadlines after a fast refund end in goods_not_returned, never in an alert or a close (13.6)', () => {
    const hours = POLICY_PRESETS.china_marketplace.deadlines;
    const c = { type: 'return_refund' as const, refundOnlyKind: null, resolution: null };
    expect(deadlineFor({ ...c, status: 'in_transit', refundedEarly: true }, hours)).toMatchObject({ kind: 'merchant_receipt', outcome: 'goods_not_returned', rule: 'deadline.goods_not_returned' });
    expect(deadlineFor({ ...c, status: 'approved', refundedEarly: true }, hours)).toMatchObject({ kind: 'buyer_ship', outcome: 'goods_not_returned' });
    expect(deadlineFor({ ...c, status: 'in_transit', refundedEarly: false }, hours)).toMatchObject({ outcome: 'fast_refund' });
    expect(deadlineFor({ ...c, status: 'approved', refundedEarly: false }, hours)).toMatchObject({ outcome: 'close' });
    expect(deadlineFor({ ...c, status: 'not_returned', refundedEarly: true }, hours)).toBeNull();
    // Every deadline outcome is a move the system may make from the state it runs in.
    for (const type of CASE_TYPES)
      for (const status of CASE_STATUSES)
        for (const refundedEarly of [false, true]) {
          const plan = deadlineFor({ type, refundOnlyKind: type === 'refund_only' ? 'in_transit' : null, resolution: null, status, refundedEarly }, hours);
          if (!plan || plan.outcome === 'alert') continue;
          const row = findTransition({ type, refundOnlyKind: type === 'refund_only' ? 'in_transit' : null, status, offerFrom: null, resolution: null, refundedEarly }, plan.outcome);
          expect(row && actorMayAct(row.who, system), `${type} ${status} ${refundedEarly} → ${plan.outcome}`).toBe(true);
        }
  });

  it('refund before shipment: approve → refund_succeeded', () => {
    const { statuses } = walk(newCase('refund_only', 'not_shipped'), [
      ['approve', agent],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['refund_pending', 'completed']);
  });

  it('refund-only, goods kept after delivery: approved automatically by a rule', () => {
    const { statuses } = walk(newCase('refund_only', 'delivered_keep'), [
      ['approve', system],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['refund_pending', 'completed']);
  });

  it('interception: approve → intercepted → refund_succeeded', () => {
    const { statuses } = walk(newCase('refund_only', 'in_transit'), [
      ['approve', manager],
      ['intercepted', system],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['approved', 'refund_pending', 'completed']);
  });

  it('interception failed, the parcel came back to the warehouse: receive → inspect → refund', () => {
    const { statuses } = walk(newCase('refund_only', 'in_transit'), [
      ['approve', manager],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['refund', manager],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['approved', 'received', 'inspected', 'refund_pending', 'completed']);
  });

  it('no-reason return: approve → buyer_shipped → receive → inspect → refund → refund_succeeded', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['approve', agent],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['refund', manager],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['approved', 'in_transit', 'received', 'inspected', 'refund_pending', 'completed']);
  });

  it('a refund the provider refused stays pending and is retried', () => {
    const { statuses } = walk({ ...newCase('return_refund'), status: 'refund_pending' }, [
      ['refund_failed', system],
      ['refund_failed', system],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['refund_pending', 'refund_pending', 'completed']);
  });

  it('damaged item kept with a partial refund: partial_refund approve → refund_succeeded', () => {
    const { statuses } = walk(newCase('partial_refund'), [
      ['approve', agent],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['refund_pending', 'completed']);
  });

  it('damaged item kept with a partial refund: return_refund offer_partial → accept_offer → refund_succeeded', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['offer_partial', agent],
      ['accept_offer', buyer],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['offer_pending', 'refund_pending', 'completed']);
  });

  it('a declined offer goes back to the state it was made in', () => {
    expect(walk(newCase('return_refund'), [['offer_partial', agent], ['decline_offer', buyer]]).statuses).toEqual(['offer_pending', 'requested']);
    const inspected = walk(newCase('return_refund'), [
      ['approve', agent],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['offer_partial', agent],
      ['decline_offer', buyer],
    ]);
    expect(inspected.statuses.slice(-2)).toEqual(['offer_pending', 'inspected']);
  });

  it('exchange: approve → buyer_shipped → receive → inspect → exchange → ship_replacement', () => {
    const { statuses } = walk(newCase('exchange'), [
      ['approve', agent],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['exchange', agent],
      ['ship_replacement', warehouse],
    ]);
    expect(statuses).toEqual(['approved', 'in_transit', 'received', 'inspected', 'exchange_pending', 'completed']);
  });

  it('rejected after inspection, escalated and resolved with a refund', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['approve', agent],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['reject', agent],
      ['escalate', buyer],
      ['resolve', platform, 'refund'],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['approved', 'in_transit', 'received', 'inspected', 'rejected', 'escalated', 'refund_pending', 'completed']);
  });

  it('a refund-only request rejected, escalated, and returned first as the arbiter orders', () => {
    const { statuses } = walk(newCase('refund_only', 'delivered_keep'), [
      ['reject', agent],
      ['escalate', buyer],
      ['resolve', platform, 'return'],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['refund', system],
      ['refund_succeeded', system],
    ]);
    expect(statuses).toEqual(['rejected', 'escalated', 'approved', 'in_transit', 'received', 'inspected', 'refund_pending', 'completed']);
  });

  it('a refused request the buyer revises, then the shop approves', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['reject', agent],
      ['revise', buyer],
      ['approve', agent],
    ]);
    expect(statuses).toEqual(['rejected', 'requested', 'approved']);
  });

  it('fast refund: approve → fast_refund → buyer_shipped → receive → inspect → complete', () => {
    const { statuses, end } = walk(newCase('return_refund'), [
      ['approve', system],
      ['fast_refund', system],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
    ]);
    expect(statuses).toEqual(['approved', 'approved', 'in_transit', 'received', 'inspected']);
    expect(end.refundedEarly).toBe(true);
    // Paid already: inspection completes the case, and it is never refunded a second time.
    expect(appErrorOf(() => transition(end, 'refund', manager)).code).toBe('case.invalid_transition');
    expect(appErrorOf(() => transition(end, 'fast_refund', manager)).code).toBe('case.invalid_transition');
    expect(transition(end, 'complete', warehouse)).toMatchObject({ from: 'inspected', to: 'completed' });
  });

  it('after a fast refund: no partial offer, no withdrawal, and an arbiter siding with the buyer completes the case', () => {
    const { end: inspected } = walk(newCase('return_refund'), [
      ['approve', system],
      ['fast_refund', system],
      ['buyer_shipped', buyer],
      ['receive', warehouse],
      ['inspect', warehouse],
    ]);
    // Found: approve → fast_refund → receive → inspect → offer_partial → accept_offer reached refund_pending (paid twice).
    expect(appErrorOf(() => transition(inspected, 'offer_partial', agent)).code).toBe('case.invalid_transition');
    // Found: approve → fast_refund → cancel ended the case cancelled with the money paid and the goods kept.
    const approved = { ...inspected, status: 'approved' as const };
    expect(appErrorOf(() => transition(approved, 'cancel', buyer)).code).toBe('case.invalid_transition');
    // Found: … inspect → reject → escalate → resolve(refund) went to refund_pending (paid twice).
    const { statuses } = walk(inspected, [
      ['reject', agent],
      ['escalate', agent],
      ['resolve', platform, 'refund'],
    ]);
    expect(statuses).toEqual(['rejected', 'escalated', 'completed']);
    expect(walk(inspected, [['reject', agent], ['escalate', agent], ['resolve', platform, 'reject']]).statuses).toEqual(['rejected', 'escalated', 'closed']);
  });

  it('fast refund at the first carrier scan', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['approve', agent],
      ['buyer_shipped', system],
      ['fast_refund', platform],
      ['receive', system],
      ['inspect', warehouse],
      ['complete', system],
    ]);
    expect(statuses).toEqual(['approved', 'in_transit', 'in_transit', 'received', 'inspected', 'completed']);
  });

  it('a case without a fast refund cannot be completed without paying', () => {
    const inspected = { ...newCase('return_refund'), status: 'inspected' as const };
    expect(appErrorOf(() => transition(inspected, 'complete', owner)).code).toBe('case.invalid_transition');
  });

  it('refused delivery: approve → receive → inspect → refund', () => {
    const { statuses } = walk(newCase('refused_delivery'), [
      ['approve', system],
      ['receive', warehouse],
      ['inspect', warehouse],
      ['refund', manager],
    ]);
    expect(statuses).toEqual(['in_transit', 'received', 'inspected', 'refund_pending']);
  });

  it('reship: approve → ship_replacement', () => {
    const { statuses } = walk(newCase('reship'), [
      ['approve', agent],
      ['ship_replacement', warehouse],
    ]);
    expect(statuses).toEqual(['exchange_pending', 'completed']);
  });

  it('a deadline closes an approved return the buyer never shipped', () => {
    const { statuses } = walk(newCase('return_refund'), [
      ['approve', agent],
      ['close', system],
    ]);
    expect(statuses).toEqual(['approved', 'closed']);
    expect(appErrorOf(() => transition({ ...newCase('return_refund'), status: 'approved' }, 'close', owner)).code).toBe('case.action_forbidden');
  });

  it('the buyer withdraws a request', () => {
    expect(walk(newCase('exchange'), [['cancel', buyer]]).statuses).toEqual(['cancelled']);
  });

  it('a warehouse user cannot approve, but can receive and inspect', () => {
    const c = newCase('return_refund');
    const err = appErrorOf(() => transition(c, 'approve', warehouse));
    expect(err).toMatchObject({ kind: 'forbidden', code: 'case.action_forbidden' });
    expect(err.details).toEqual({ status: 'requested', action: 'approve', actor: 'staff' });
    expect(err.message).toContain('warehouse');
    expect(allowedActions(c, warehouse)).toEqual(['note', 'message']);
    expect(allowedActions({ ...c, status: 'in_transit' }, warehouse)).toEqual(['receive', 'note', 'message']);
  });

  it('a viewer can do nothing, in any state', () => {
    for (const c of everySnapshot()) {
      expect(allowedActions(c, viewer)).toEqual([]);
      for (const action of allowedActions(c))
        for (const resolution of resolutionsFor(action)) {
          if (!findTransition(c, action, resolution)) continue;
          expect(appErrorOf(() => transition(c, action, viewer, resolution)).code).toBe('case.action_forbidden');
        }
    }
  });

  it('a buyer cannot refund, approve, receive or resolve', () => {
    const inspected = { ...newCase('return_refund'), status: 'inspected' as const };
    expect(appErrorOf(() => transition(inspected, 'refund', buyer))).toMatchObject({ kind: 'forbidden', code: 'case.action_forbidden' });
    expect(appErrorOf(() => transition(newCase('return_refund'), 'approve', buyer)).code).toBe('case.action_forbidden');
    expect(appErrorOf(() => transition({ ...inspected, status: 'in_transit' }, 'receive', buyer)).code).toBe('case.action_forbidden');
    expect(appErrorOf(() => transition({ ...inspected, status: 'escalated' }, 'resolve', buyer, 'refund')).code).toBe('case.action_forbidden');
    expect(allowedActions(newCase('return_refund'), buyer)).toEqual(['cancel', 'message']);
  });

  it('only staff who may issue refunds refund; only the system confirms them', () => {
    const inspected = { ...newCase('return_refund'), status: 'inspected' as const };
    const refunders = ROLES.filter((r) => allowedActions(inspected, staff(r)).includes('refund'));
    expect(refunders).toEqual(['owner', 'manager']);
    const pending = { ...inspected, status: 'refund_pending' as const };
    expect(ACTORS.filter((a) => allowedActions(pending, a).includes('refund_succeeded')).map(actorName)).toEqual(['system']);
  });
});

describe('the transitions table', () => {
  const { snapshots, rowsUsed, edges } = reachable();

  it('has no state-changing row out of a terminal status', () => {
    for (const row of TRANSITIONS)
      for (const from of row.from) {
        if (TERMINAL_STATUSES.has(from)) expect(row.to === 'same' || row.to === from, `${row.action} from ${from}`).toBe(true);
      }
  });

  it('reaches every status from requested, for some case type', () => {
    const reached = new Set(snapshots.map((c) => c.status));
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('uses every row on some reachable case', () => {
    const unused = TRANSITIONS.filter((row) => !rowsUsed.has(row)).map((row) => `${row.action} ${row.from.join(',')} → ${row.to}`);
    expect(unused).toEqual([]);
  });

  it('lets every reachable case end', () => {
    // Backwards from the terminal snapshots over the reachable graph.
    const ends = new Set(snapshots.filter((c) => TERMINAL_STATUSES.has(c.status)).map((c) => JSON.stringify(c)));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [from, tos] of edges) {
        if (!ends.has(from) && tos.some((t) => ends.has(t))) {
          ends.add(from);
          grew = true;
        }
      }
    }
    const stuck = snapshots.filter((c) => !ends.has(JSON.stringify(c)));
    expect(stuck).toEqual([]);
  });

  it('pays a fast refund once: a case paid early never goes to refund_pending and cannot be withdrawn', () => {
    const paidTwiceOrWithdrawn = snapshots.filter((c) => c.refundedEarly && (c.status === 'refund_pending' || c.status === 'cancelled'));
    expect(paidTwiceOrWithdrawn).toEqual([]);
  });

  it('has every action in at least one row', () => {
    for (const action of CASE_ACTIONS) expect(TRANSITIONS.some((row) => row.action === action), action).toBe(true);
  });

  it('lets at least one actor take every row', () => {
    for (const row of TRANSITIONS) expect(ACTORS.some((a) => actorMayAct(row.who, a)), `${row.action} ${row.from.join(',')}`).toBe(true);
  });

  it('lets the owner take every staff action', () => {
    for (const row of TRANSITIONS) if (row.who.staff) expect(actorMayAct(row.who, owner)).toBe(true);
  });

  it('names a `resolution` only on resolve rows and rows that follow an arbiter\u2019s order', () => {
    for (const row of TRANSITIONS.filter((r) => r.resolution)) {
      if (row.action !== 'resolve') expect(row.resolution).toBe('return');
    }
  });
});

describe('renderCaseStates', () => {
  const page = renderCaseStates();

  it('is deterministic and says where it comes from', () => {
    expect(renderCaseStates()).toBe(page);
    expect(page.split('\n')[0]).toBe('<!-- Generated from src/domain/cases/transitions.ts by `npm run docs:generate`. Do not edit. -->');
  });

  it('has one table row per transition and a diagram arrow for every state-changing move', () => {
    const tableRows = page.split('\n').filter((l) => /^\| `[a-z_]+` \|/.test(l));
    expect(tableRows).toHaveLength(TRANSITIONS.length);
    TRANSITIONS.forEach((row, i) => expect(tableRows[i]!.startsWith(`| \`${row.action}\` |`)).toBe(true));
    expect(page).toContain('```mermaid\nstateDiagram-v2\n');
    for (const row of TRANSITIONS)
      for (const from of row.from) if (row.to !== 'same' && row.to !== from) expect(page).toMatch(new RegExp(`^    ${from} --> ${row.to}: .*${row.action}`, 'm'));
    for (const status of TERMINAL_STATUSES) {
      expect(page).toContain(`    ${status} --> [*]`);
      expect(page).toMatch(new RegExp(`^- \`${status}\``, 'm'));
    }
  });

  it('names the roles that hold each permission, from the role grants', () => {
    expect(whoMayAct({ staff: 'refunds:issue', system: true })).toBe('staff (`refunds:issue`: owner, manager) · system');
    expect(whoMayAct({ buyer: true, staff: 'cases:message', platform: true })).toBe('buyer · staff (`cases:message`: owner, manager, agent, warehouse) · platform');
    expect(rolesWith('warehouse:receive')).toEqual(ROLES.filter((r) => can(r, 'warehouse:receive')));
  });
});
