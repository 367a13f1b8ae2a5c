/** What other service areas use of services/return-addresses: they import it only from here (docs/architecture.md). */
export * from './return-addresses.js';
