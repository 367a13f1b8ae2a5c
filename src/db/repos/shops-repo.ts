import { eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { shops } from '../schema/index.js';

export type ShopRow = typeof shops.$inferSelect;
export type NewShop = typeof shops.$inferInsert;

export const shopsRepo = {
  async findById(db: Executor, id: string): Promise<ShopRow | undefined> {
    return (await db.select().from(shops).where(eq(shops.id, id)).limit(1))[0];
  },
  async findBySlug(db: Executor, slug: string): Promise<ShopRow | undefined> {
    return (await db.select().from(shops).where(eq(shops.slug, slug)).limit(1))[0];
  },
  async insert(db: Executor, shop: NewShop): Promise<ShopRow> {
    return (await db.insert(shops).values(shop).returning())[0]!;
  },
  async update(db: Executor, id: string, patch: Partial<NewShop>): Promise<ShopRow | undefined> {
    return (await db.update(shops).set({ ...patch, updatedAt: new Date() }).where(eq(shops.id, id)).returning())[0];
  },
  async count(db: Executor): Promise<number> {
    return db.$count(shops);
  },
};
