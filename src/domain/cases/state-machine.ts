import { can } from '../auth/permissions.js';
import { conflict, forbidden } from '../errors.js';
import { CASE_ACTIONS, type Actor, type ActionGuard, type CaseAction, type CaseStatus, type CaseType, type RefundOnlyKind, type Resolution } from './model.js';
import { TRANSITIONS, type TransitionRow } from './transitions.js';

/** What the state machine needs to know of a case. */
export interface CaseSnapshot {
  type: CaseType;
  refundOnlyKind: RefundOnlyKind | null;
  status: CaseStatus;
  /** The state an open partial-refund offer was made in. */
  offerFrom: CaseStatus | null;
  /** The arbiter's outcome once a dispute is resolved. */
  resolution: Resolution | null;
  /** A fast refund (极速退款) was paid before the goods came back. */
  refundedEarly: boolean;
}

export interface TransitionResult {
  from: CaseStatus;
  to: CaseStatus;
  row: TransitionRow;
}

function matches(row: TransitionRow, c: CaseSnapshot, action: CaseAction, resolution: Resolution | undefined): boolean {
  if (row.action !== action || !row.from.includes(c.status)) return false;
  if (row.types && !row.types.includes(c.type)) return false;
  if (row.refundOnlyKinds && (c.refundOnlyKind === null || !row.refundOnlyKinds.includes(c.refundOnlyKind))) return false;
  if (row.offerFrom && row.offerFrom !== c.offerFrom) return false;
  if (row.refundedEarly !== undefined && row.refundedEarly !== c.refundedEarly) return false;
  if (row.resolution) {
    // `resolve` chooses its row by the requested outcome; later actions by the outcome recorded.
    const outcome = action === 'resolve' ? resolution : c.resolution;
    if (row.resolution !== outcome) return false;
  }
  return true;
}

export function actorMayAct(guard: ActionGuard, actor: Actor): boolean {
  switch (actor.kind) {
    case 'buyer':
      return guard.buyer === true;
    case 'system':
      return guard.system === true;
    case 'platform':
      return guard.platform === true;
    case 'staff':
      return guard.staff !== undefined && can(actor.role, guard.staff);
  }
}

/** The row that applies, ignoring who acts; undefined when the action makes no sense now. */
export function findTransition(c: CaseSnapshot, action: CaseAction, resolution?: Resolution): TransitionRow | undefined {
  return TRANSITIONS.find((row) => matches(row, c, action, resolution));
}

/**
 * Applies `action` by `actor` to a case: the new state, or a typed error. A move the table does
 * not have is 409 case.invalid_transition (naming the state and the action); a move the actor
 * may not make is 403 case.action_forbidden.
 */
export function transition(c: CaseSnapshot, action: CaseAction, actor: Actor, resolution?: Resolution): TransitionResult {
  const row = findTransition(c, action, resolution);
  if (!row) {
    throw conflict('case.invalid_transition', `A ${c.type} case that is ${c.status} cannot be ${action}`, {
      status: c.status,
      action,
      type: c.type,
      possibleActions: allowedActions(c),
    });
  }
  if (!actorMayAct(row.who, actor)) {
    const who = actor.kind === 'staff' ? `the ${actor.role} role` : `the ${actor.kind}`;
    throw forbidden('case.action_forbidden', `${who} may not ${action} this case`, { status: c.status, action, actor: actor.kind });
  }
  return { from: c.status, to: row.to === 'same' ? c.status : row.to, row };
}

/** The actions `actor` (anyone, when absent) may take on the case now: what the console and portal offer. */
export function allowedActions(c: CaseSnapshot, actor?: Actor): CaseAction[] {
  return CASE_ACTIONS.filter((action) =>
    TRANSITIONS.some(
      (row) => matches(row, c, action, action === 'resolve' ? row.resolution : undefined) && (!actor || actorMayAct(row.who, actor)),
    ),
  );
}
