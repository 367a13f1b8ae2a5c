/** What other service areas use of services/orders: they import it only from here (docs/architecture.md). */
export * from './bulk-write-orders.js';
export * from './order-input.js';
export * from './order-view.js';
export * from './upsert-order.js';
