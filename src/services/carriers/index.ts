/** What other service areas use of services/carriers: they import it only from here (docs/architecture.md). */
export * from './bookings.js';
export * from './carrier-connections.js';
