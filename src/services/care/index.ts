/** What other service areas use of services/care: they import it only from here (docs/architecture.md). */
export * from './compensation.js';
