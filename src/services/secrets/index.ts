/** What other service areas use of services/secrets: they import it only from here (docs/architecture.md). */
export * from './sealed-box.js';
