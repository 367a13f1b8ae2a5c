import { bigint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Shared column builders: ids are UUIDv7, money is integer minor units, times carry their zone. */
export const id = () => uuid('id').notNull().$defaultFn(uuidv7);
export const shopId = () => uuid('shop_id').notNull();
export const minor = (name: string) => bigint(name, { mode: 'number' });
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => at('created_at').notNull().defaultNow();
export const updatedAt = () => at('updated_at').notNull().defaultNow();
