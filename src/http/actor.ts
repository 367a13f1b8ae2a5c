import type { FastifyRequest } from 'fastify';
import { can } from '../domain/auth/permissions.js';
import type { Actor, CaseAction } from '../domain/cases/model.js';
import { actorMayAct } from '../domain/cases/state-machine.js';
import { TRANSITIONS } from '../domain/cases/transitions.js';
import { forbidden } from '../domain/errors.js';

/**
 * Who acts on a case for this request: the signed-in staff member or the API key's role. A
 * marketplace connector relays the platform's own decisions with `X-Acting-As: platform`; only a
 * key created as a platform connector may (the header alone proves nothing: any caller can send it).
 */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal!;
  if (req.headers['x-acting-as'] === 'platform') {
    if (p.kind !== 'api_key' || p.platform !== true || !can(p.role, 'cases:decide')) {
      throw forbidden('auth.platform_forbidden', 'Only an API key created as a platform connector (with a role that may decide cases) can act as the platform');
    }
    return { kind: 'platform' };
  }
  return { kind: 'staff', role: p.role, id: p.id };
}

/**
 * Actions that pay money whoever takes them. The platform may take them by the state machine,
 * but a connector key still needs the money permission of its role, as a person would.
 */
export function paysMoney(action: CaseAction, input: unknown): boolean {
  const body = (input ?? {}) as { amountMinor?: unknown; outcome?: unknown };
  switch (action) {
    case 'fast_refund':
    case 'refund':
      return true;
    case 'approve':
      return body.amountMinor !== undefined;
    case 'resolve':
      return body.outcome === 'refund';
    default:
      return false;
  }
}

export function assertPlatformMayPay(req: FastifyRequest, actor: Actor, action: CaseAction, input: unknown) {
  const p = req.principal!;
  if (actor.kind === 'platform' && paysMoney(action, input) && !can(p.role, 'refunds:issue')) {
    throw forbidden('auth.forbidden', `The ${p.role} role may not pay refunds, as the platform or otherwise (refunds:issue)`, {
      role: p.role,
      permission: 'refunds:issue',
    });
  }
}


/**
 * Authorisation before state: an actor who may take `action` in no state at all is refused with
 * 403 before the case is read, so the answer never depends on (or reveals) the case's state.
 */
export function assertMayEverTake(actor: Actor, action: CaseAction) {
  if (!TRANSITIONS.some((row) => row.action === action && actorMayAct(row.who, actor))) {
    const who = actor.kind === 'staff' ? `the ${actor.role} role` : `the ${actor.kind}`;
    throw forbidden('case.action_forbidden', `${who} may not ${action} a case`, { action, actor: actor.kind });
  }
}
