/** What other service areas use of services/shops: they import it only from here (docs/architecture.md). */
export * from './shops.js';
