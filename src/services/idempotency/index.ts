/** What other service areas use of services/idempotency: they import it only from here (docs/architecture.md). */
export * from './keyed-reply.js';
