import type { Permission } from '../domain/auth/permissions.js';
import type { Principal } from '../services/auth/principal.js';
import type { ServiceContext } from '../services/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: ServiceContext;
    /** Every route registered, for docs and the route-walking security test. */
    routeTable: { method: string; url: string }[];
  }
  interface FastifyRequest {
    /** Set by the auth plugin on /api/v1 routes; null on public ones when no credentials came. */
    principal: Principal | null;
    /** The request's Idempotency-Key, claimed; `recorder.body` is set once the use case stored its reply with its change. */
    idempotency: { shopId: string; key: string; fence: Date; recorder?: { body?: unknown } } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (login, health). */
    public?: boolean;
    /** What the caller's role must allow; required on every non-public /api/v1 route. */
    permission?: Permission;
  }
}

export {};
