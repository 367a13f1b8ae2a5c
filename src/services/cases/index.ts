/** What other service areas use of the case lifecycle (cases, their refunds, evidence and deadlines): they import it only from here (docs/architecture.md). */
export * from './deadlines.js';
export * from './evidence/evidence.js';
export * from './refunds/provider-updates.js';
export * from './case-input.js';
export * from './case-transition.js';
export * from './create-case.js';
export * from './perform-action.js';
export * from './preview.js';
export * from './read-cases.js';
export * from './return-groups.js';
