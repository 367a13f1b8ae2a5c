/** What other service areas use of services/analytics: they import it only from here (docs/architecture.md). */
export * from './facts.js';
export * from './quality-rate.js';
export * from './rebuild.js';
export * from './rollups.js';
