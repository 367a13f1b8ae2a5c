import { foreignKey, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Policy } from '../../domain/policy/schema.js';
import { createdAt, id, shopId } from './columns.js';
import { shops } from './shops.js';
import { staffUsers } from './staff.js';

/** Each saved policy is a new immutable version; the highest version is in force. */
export const policies = pgTable(
  'policies',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Policy>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('policies_version_key').on(t.shopId, t.version),
    foreignKey({ columns: [t.shopId, t.createdBy], foreignColumns: [staffUsers.shopId, staffUsers.id] }),
  ],
);
