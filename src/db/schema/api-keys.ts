import type { Role } from '../../domain/auth/permissions.js';
import { boolean, foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId } from './columns.js';
import { shops } from './shops.js';
import { staffUsers } from './staff.js';

/** Keys look like `rtr_<prefix>_<secret>`: the prefix finds the row, the secret's SHA-256 proves it. */
export const apiKeys = pgTable(
  'api_keys',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** A marketplace connector's key: only such a key may relay the platform's own decisions (`X-Acting-As: platform`). */
    platform: boolean('platform').notNull().default(false),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('api_keys_prefix_key').on(t.prefix),
    foreignKey({ columns: [t.shopId, t.createdBy], foreignColumns: [staffUsers.shopId, staffUsers.id] }),
  ],
);
