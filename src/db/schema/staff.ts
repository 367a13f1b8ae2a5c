import type { Role } from '../../domain/auth/permissions.js';
import { foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId, updatedAt } from './columns.js';
import { shops } from './shops.js';

export const staffUsers = pgTable(
  'staff_users',
  {
    shopId: shopId().references(() => shops.id),
    id: id(),
    /** Stored lower-cased: the login identity within a shop. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    disabledAt: at('disabled_at'),
    lastLoginAt: at('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('staff_users_shop_email_key').on(t.shopId, t.email)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    shopId: shopId(),
    tokenHash: text('token_hash').notNull(),
    staffUserId: uuid('staff_user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.tokenHash] }),
    uniqueIndex('staff_sessions_token_key').on(t.tokenHash),
    index('staff_sessions_user_idx').on(t.shopId, t.staffUserId),
    foreignKey({ columns: [t.shopId, t.staffUserId], foreignColumns: [staffUsers.shopId, staffUsers.id] }).onDelete('cascade'),
  ],
);
