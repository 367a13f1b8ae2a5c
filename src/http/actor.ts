import type { FastifyRequest } from 'fastify';
import { can } from '../domain/auth/permissions.js';
import type { Actor } from '../domain/cases/model.js';
import { forbidden } from '../domain/errors.js';

/**
 * Who acts on a case for this request: the signed-in staff member or the API key's role. A
 * marketplace connector relays the platform's own decisions with `X-Acting-As: platform`
 * (API keys that may decide cases only).
 */
export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal!;
  if (req.headers['x-acting-as'] === 'platform') {
    if (p.kind !== 'api_key' || !can(p.role, 'cases:decide')) {
      throw forbidden('auth.platform_forbidden', 'Only API keys that may decide cases can act as the platform');
    }
    return { kind: 'platform' };
  }
  return { kind: 'staff', role: p.role, id: p.id };
}
