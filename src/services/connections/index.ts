/** What other service areas use of services/connections: they import it only from here (docs/architecture.md). */
export * from './connections.js';
export * from './run-connections.js';
