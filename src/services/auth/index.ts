/** What other service areas use of services/auth: they import it only from here (docs/architecture.md). */
export * from './authenticate.js';
export * from './passwords.js';
export * from './tokens.js';
