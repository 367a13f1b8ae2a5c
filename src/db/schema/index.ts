export * from './shops.js';
export * from './staff.js';
export * from './api-keys.js';
export * from './customers.js';
export * from './catalog.js';
export * from './orders.js';
export * from './idempotency.js';
