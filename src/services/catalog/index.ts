/** What other service areas use of services/catalog: they import it only from here (docs/architecture.md). */
export * from './stock.js';
