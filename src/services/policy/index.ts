/** What other service areas use of services/policy: they import it only from here (docs/architecture.md). */
export * from './policies.js';
