/** What other service areas use of services/portal: they import it only from here (docs/architecture.md). */
export * from './tokens.js';
