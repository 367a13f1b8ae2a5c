import { computeOrderAmounts } from '../domain/orders/amounts.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';
import { analyticsRollupsRepo } from '../db/repos/analytics-rollups-repo.js';
import { catalogRepo } from '../db/repos/catalog-repo.js';
import { consoleDemoRepo } from '../db/repos/console-demo-repo.js';
import { shopsRepo, type ShopRow } from '../db/repos/shops-repo.js';
import { randomToken } from '../services/auth/tokens.js';
import { AppError } from '../domain/errors.js';
import { trainModel } from '../services/analytics/predictions.js';
import type { ServiceContext } from '../services/context.js';
import { OrderBatcher } from '../services/imports/order-batcher.js';
import type { OrderInput } from '../services/orders/order-input.js';
import { createShop } from '../services/shops/shops.js';
import { createStaff } from '../services/staff/staff.js';
import { demoCatalogue, type DemoVariant } from './demo-catalogue.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoHistory } from './demo-history.js';
import { chinesePerson, englishPerson, type DemoPerson } from './demo-people.js';
import { Random } from './random.js';

export const DEMO_SLUG = 'demo';
/** Orders of the demo shop, and its seed: enough history over 180 days for the return-risk model to learn from. */
export const DEMO_ORDERS = 1200;
export const DEMO_SEED = 42;
export const DEMO_STAFF = [
  { email: 'owner@demo.retour.local', name: '店长 Demo Owner', role: 'owner' },
  { email: 'agent@demo.retour.local', name: '客服小美 Agent', role: 'agent' },
  { email: 'warehouse@demo.retour.local', name: '仓库老张 Warehouse', role: 'warehouse' },
  { email: 'viewer@demo.retour.local', name: '财务 Viewer', role: 'viewer' },
] as const;

/** Orders a buyer can try in the portal right away (README): delivered days ago, still returnable. */
export const DEMO_SHOWCASE = [
  { number: 'DEMO1001', email: 'lin.jing@example.cn', phone: '13800138000', deliveredDaysAgo: 2 },
  { number: 'DEMO1002', email: 'emma.clark@example.com', phone: '+44 7700900123', deliveredDaysAgo: 3 },
] as const;

export interface DemoSeedOptions {
  orders: number;
  seed: number;
  password?: string;
}

export interface DemoSeedResult {
  shop: ShopRow;
  password: string;
  orders: number;
  lines: number;
  variants: number;
  /** Completed returns from before the shop used Retour (demo-history). */
  pastReturns: number;
  /** The first return-risk model's held-out AUC; null when it could not be trained. */
  modelAuc: number | null;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CARRIERS: readonly [string, (r: Random) => string][] = [
  ['SF', (r) => `SF${r.digits(13)}`],
  ['ZTO', (r) => `7${r.digits(13)}`],
  ['YTO', (r) => `YT${r.digits(13)}`],
  ['JD', (r) => `JDVA${r.digits(11)}`],
];

/**
 * Seeds the demo shop: catalogue, staff, and `orders` orders over the last 180 days with
 * realistic payment, shipping and delivery times, on web, Taobao and Pinduoduo. The same seed
 * and clock give the same shop. Returns null when the demo shop exists already.
 */
export async function seedDemo(ctx: ServiceContext, options: DemoSeedOptions): Promise<DemoSeedResult | null> {
  if (await shopsRepo.findBySlug(ctx.db, DEMO_SLUG)) return null;
  const now = ctx.clock.now();
  const shop = await createShop(ctx, {
    slug: DEMO_SLUG,
    name: '小满生活馆 Xiaoman Living',
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    defaultLocale: 'zh-CN',
    locales: ['zh-CN', 'en'],
  });
  const password = options.password ?? `demo-${randomToken(9)}`;
  for (const s of DEMO_STAFF) await createStaff(ctx, { shopId: shop.id, ...s, password, locale: s.role === 'owner' ? 'zh-CN' : 'zh-CN' });

  const catalogue = demoCatalogue();
  await ctx.db.transaction((tx) => catalogRepo.ensureVariants(tx, shop.id, catalogue, now));

  const batcher = new OrderBatcher(ctx, shop, 2000);
  for (const input of buildDemoOrders(options.seed, options.orders, now, catalogue)) {
    const amounts = computeOrderAmounts({
      pricesIncludeTax: true,
      lines: input.lines,
      orderDiscountMinor: input.orderDiscountMinor,
      shippingFeeMinor: input.shippingFeeMinor,
    });
    await batcher.add({ input, amounts });
  }
  const summary = await batcher.finish();
  if (summary.orders.rejected > 0) throw new Error(`demo seed rejected orders: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  await seedDemoCases(ctx, shop, options.seed);
  // PGlite has no autovacuum: without statistics of the new rows, the history's analytics statement plans badly (a minute instead of a second).
  await refreshPlannerStatistics(ctx.db, { minChanges: 0 });
  const pastReturns = await seedDemoHistory(ctx, shop, options.seed);
  // A first return-risk model, so the predictions are there on the first start (the worker does not train).
  const model = await trainModel(ctx, shop.id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'analytics.not_enough_data') return null;
    throw err;
  });
  return { shop, password, orders: summary.orders.created, lines: summary.lines, variants: catalogue.length, pastReturns, modelAuc: model?.metrics.auc ?? null };
}

/** The demo orders: the two showcase orders, then `count` generated ones. Pure: same inputs, same orders. */
export function buildDemoOrders(seed: number, count: number, now: Date, catalogue: DemoVariant[] = demoCatalogue()): OrderInput[] {
  return [...showcaseOrders(catalogue, now), ...generatedOrders(new Random(seed), catalogue, count, now)];
}

const iso = (ms: number) => new Date(ms).toISOString();
const bySku = (catalogue: DemoVariant[], sku: string) => catalogue.find((v) => v.sku === sku)!;
const line = (v: DemoVariant, quantity = 1) => ({ sku: v.sku, title: v.title, quantity, unitPriceMinor: v.priceMinor });

function showcaseOrders(catalogue: DemoVariant[], now: Date): OrderInput[] {
  const [zh, en] = DEMO_SHOWCASE;
  return [
    {
      channel: 'web',
      externalId: zh.number,
      currency: 'CNY',
      locale: 'zh-CN',
      placedAt: iso(delivered(zh) - 3 * DAY),
      paidAt: iso(delivered(zh) - 3 * DAY + 2 * 60_000),
      customer: { externalId: 'lin-jing', name: '林静', email: zh.email, phone: zh.phone, locale: 'zh-CN' },
      shippingAddress: { name: '林静', phone: zh.phone, country: '中国', province: '上海市', city: '上海市', district: '徐汇区', line1: '漕溪北路88号5栋1202室', postalCode: '200030' },
      lines: [line(bySku(catalogue, 'HD-M-BLACK')), line(bySku(catalogue, 'ENGR-SILVE')), line(bySku(catalogue, 'CHRY-1KG'))],
      orderDiscountMinor: 3000,
      paymentMethod: 'alipay',
      shippingInsurance: true,
      shipments: [{ carrier: 'SF', trackingNumber: 'SF1234567890123', shippedAt: iso(delivered(zh) - 2 * DAY), deliveredAt: iso(delivered(zh)) }],
    },
    {
      channel: 'web',
      externalId: en.number,
      currency: 'CNY',
      locale: 'en',
      placedAt: iso(delivered(en) - 3 * DAY),
      paidAt: iso(delivered(en) - 3 * DAY + 60_000),
      customer: { externalId: 'emma-clark', name: 'Emma Clark', email: en.email, phone: en.phone, locale: 'en' },
      shippingAddress: { name: 'Emma Clark', phone: en.phone, country: 'United Kingdom', city: 'London', line1: '221 Baker Street', postalCode: 'NW1 6XE' },
      lines: [line(bySku(catalogue, 'EB-WHITE')), line(bySku(catalogue, 'TS-L-WHITE'), 2), line(bySku(catalogue, 'GIFT-100'))],
      shippingFeeMinor: 1500,
      paymentMethod: 'card',
      shipments: [{ carrier: 'SF', trackingNumber: 'SF9876543210987', shippedAt: iso(delivered(en) - 2 * DAY), deliveredAt: iso(delivered(en)) }],
    },
  ];

  function delivered(showcase: (typeof DEMO_SHOWCASE)[number]) {
    return now.getTime() - showcase.deliveredDaysAgo * DAY;
  }
}

function generatedOrders(r: Random, catalogue: DemoVariant[], count: number, now: Date): OrderInput[] {
  const people: DemoPerson[] = [];
  for (let i = 0; i < Math.max(20, Math.ceil(count / 3)); i++) people.push(r.chance(0.75) ? chinesePerson(r, i) : englishPerson(r, i));
  const orders: OrderInput[] = [];
  for (let n = 0; n < count; n++) {
    const person = r.pick(people);
    const channel = person.locale === 'en' ? 'web' : r.weighted([['taobao', 5], ['pdd', 3], ['web', 2]] as const);
    const placed = now.getTime() - r.int(0, 180 * DAY);
    const lineCount = r.weighted([[1, 6], [2, 3], [3, 1], [4, 1]] as const);
    const chosen = new Set<DemoVariant>();
    while (chosen.size < lineCount) chosen.add(r.pick(catalogue));
    const lines = [...chosen].map((v) => ({ ...line(v, r.weighted([[1, 8], [2, 2], [3, 1]] as const)), lineDiscountMinor: r.chance(0.15) ? Math.round(v.priceMinor * 0.1) : undefined }));
    const subtotal = lines.reduce((a, l) => a + l.quantity * l.unitPriceMinor - (l.lineDiscountMinor ?? 0), 0);
    // 满减: a store-wide "spend 199, save 20" (and 399 − 50) most shoppers hit.
    const orderDiscountMinor = subtotal >= 39900 ? 5000 : subtotal >= 19900 ? 2000 : undefined;
    const shippingFeeMinor = channel === 'web' && subtotal < 9900 ? 1000 : undefined;
    const paid = placed + r.int(1, 30) * 60_000;
    const cancelled = r.chance(0.03);
    const shipped = paid + r.int(4, 48) * HOUR;
    const delivered = shipped + r.int(20, 96) * HOUR;
    const [carrier, tracking] = r.pick(CARRIERS);
    const number =
      channel === 'taobao' ? `4${String(n).padStart(6, '0')}${r.digits(11)}` : channel === 'pdd' ? `${iso(placed).slice(2, 10).replace(/-/g, '')}-${String(n).padStart(6, '0')}${r.digits(9)}` : `W${String(100000 + n)}`;
    orders.push({
      channel,
      externalId: number,
      currency: 'CNY',
      locale: person.locale,
      placedAt: iso(placed),
      paidAt: iso(paid),
      cancelledAt: cancelled ? iso(paid + r.int(1, 3) * HOUR) : undefined,
      customer: { externalId: person.externalId, name: person.name, email: person.email ?? undefined, phone: person.phone, locale: person.locale },
      shippingAddress: person.address,
      lines: lines.map((l) => (l.lineDiscountMinor === undefined ? { sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor } : l)),
      orderDiscountMinor,
      shippingFeeMinor,
      paymentMethod: channel === 'web' ? r.pick(['alipay', 'wechat_pay', 'card']) : channel === 'taobao' ? 'alipay' : r.pick(['wechat_pay', 'alipay']),
      shippingInsurance: channel !== 'web' && r.chance(0.4),
      shipments:
        cancelled || shipped > now.getTime()
          ? undefined
          : [{ carrier, trackingNumber: tracking(r), shippedAt: iso(shipped), deliveredAt: delivered <= now.getTime() ? iso(delivered) : undefined }],
    });
  }
  return orders;
}

/**
 * Keeps the showcase orders returnable on a demo that runs for weeks: each start moves a showcase
 * order without a case back to its delivery a few days ago (its dates shift together) and has
 * the shop's analytics rebuilt. Returns the numbers of the orders moved.
 */
export async function refreshDemoShowcase(ctx: ServiceContext): Promise<string[]> {
  const shop = await shopsRepo.findBySlug(ctx.db, DEMO_SLUG);
  if (!shop) return [];
  const now = ctx.clock.now().getTime();
  const targets = DEMO_SHOWCASE.map((s) => ({ number: s.number, deliveredAt: new Date(now - s.deliveredDaysAgo * DAY) }));
  return ctx.db.transaction(async (tx) => {
    const moved = await consoleDemoRepo.moveShowcase(tx, shop.id, targets, new Date(now));
    if (moved.length > 0) await analyticsRollupsRepo.markForRebuild(tx, shop.id);
    return moved;
  });
}
