/**
 * Features of the return-risk model, for one order line. Every feature is known when the order
 * is placed; rates learned from history are smoothed towards the shop's overall rate (a SKU seen
 * twice says little) and, for a line that is itself part of the history, leave the line out, so
 * a line never learns from its own outcome.
 */
export interface ModelLine {
  lineId: string;
  orderId: string;
  placedAt: number;
  channel: string;
  customerId: string | null;
  variantId: string;
  productId: string;
  category: string | null;
  quantity: number;
  unitPriceMinor: number;
  paidMinor: number;
  /** Line discount + the line's share of the order discount. */
  discountMinor: number;
  hasSize: boolean;
  hasColour: boolean;
  /** Lines in the order. */
  orderLines: number;
  /** Other lines of the same order that are variants of the same product (size or colour bracketing). */
  sameProductLines: number;
  /** Units accepted back in completed return cases (the label: returned when > 0). */
  returnedUnits: number;
}

export interface Tally {
  sold: number;
  returned: number;
}
export interface BuyerTally extends Tally {
  orders: number;
}

export interface History {
  global: Tally;
  sku: Map<string, Tally>;
  product: Map<string, Tally>;
  category: Map<string, Tally>;
  buyer: Map<string, BuyerTally>;
}

/** Pseudo-units of the shop's overall rate each history starts with. */
export const SMOOTHING = { sku: 20, product: 20, category: 50, buyer: 10 } as const;

const NONE: Tally = { sold: 0, returned: 0 };
const NO_BUYER: BuyerTally = { sold: 0, returned: 0, orders: 0 };

export function emptyHistory(): History {
  return { global: { sold: 0, returned: 0 }, sku: new Map(), product: new Map(), category: new Map(), buyer: new Map() };
}

const bump = (map: Map<string, Tally>, key: string, sold: number, returned: number) => {
  const t = map.get(key);
  if (t) {
    t.sold += sold;
    t.returned += returned;
  } else {
    map.set(key, { sold, returned });
  }
};

/** Adds a line to a history. `newOrder`: the line's order is not in the history yet (its buyer gains an order). */
export function addToHistory(h: History, l: ModelLine, newOrder: boolean): void {
  const returned = Math.min(l.returnedUnits, l.quantity);
  h.global.sold += l.quantity;
  h.global.returned += returned;
  bump(h.sku, l.variantId, l.quantity, returned);
  bump(h.product, l.productId, l.quantity, returned);
  if (l.category !== null) bump(h.category, l.category, l.quantity, returned);
  if (l.customerId !== null) {
    let b = h.buyer.get(l.customerId);
    if (!b) h.buyer.set(l.customerId, (b = { sold: 0, returned: 0, orders: 0 }));
    b.sold += l.quantity;
    b.returned += returned;
    if (newOrder) b.orders++;
  }
}

/** Sums lines into a history (units sold and returned per SKU, product, category and buyer). */
export function buildHistory(lines: Iterable<ModelLine>): History {
  const h = emptyHistory();
  const seenOrder = new Set<string>();
  for (const l of lines) {
    const newOrder = !seenOrder.has(l.orderId);
    seenOrder.add(l.orderId);
    addToHistory(h, l, newOrder);
  }
  return h;
}

export const BASE_FEATURES = [
  'sku_return_rate',
  'sku_units_sold_log',
  'product_return_rate',
  'category_return_rate',
  'buyer_return_rate',
  'buyer_orders_log',
  'guest_buyer',
  'has_size',
  'has_colour',
  'same_product_in_order',
  'unit_price_log',
  'discount_share',
  'quantity_log',
  'order_lines_log',
] as const;

export const FEATURE_LABELS: Record<string, { en: string; 'zh-CN': string }> = {
  sku_return_rate: { en: "SKU's return rate so far", 'zh-CN': 'SKU 历史退货率' },
  sku_units_sold_log: { en: 'Units of the SKU sold so far (log)', 'zh-CN': 'SKU 历史销量（对数）' },
  product_return_rate: { en: "Product's return rate so far (all its variants)", 'zh-CN': '商品历史退货率（含全部规格）' },
  category_return_rate: { en: "Category's return rate so far", 'zh-CN': '类目历史退货率' },
  buyer_return_rate: { en: "Buyer's return rate so far", 'zh-CN': '买家历史退货率' },
  buyer_orders_log: { en: "Buyer's earlier orders (log)", 'zh-CN': '买家历史订单数（对数）' },
  guest_buyer: { en: 'Guest buyer (no customer record)', 'zh-CN': '游客买家（无客户档案）' },
  has_size: { en: 'Variant has a size', 'zh-CN': '规格含尺码' },
  has_colour: { en: 'Variant has a colour', 'zh-CN': '规格含颜色' },
  same_product_in_order: { en: 'Other sizes/colours of the product in the same order', 'zh-CN': '同一订单含同款其他尺码/颜色' },
  unit_price_log: { en: 'Unit price (log)', 'zh-CN': '单价（对数）' },
  discount_share: { en: 'Share of the price discounted', 'zh-CN': '折扣占比' },
  quantity_log: { en: 'Units on the line (log)', 'zh-CN': '购买件数（对数）' },
  order_lines_log: { en: 'Lines in the order (log)', 'zh-CN': '订单行数（对数）' },
};

export function featureLabel(name: string): { en: string; 'zh-CN': string } {
  if (name.startsWith('channel_')) {
    const c = name.slice('channel_'.length);
    return { en: `Sold on ${c}`, 'zh-CN': `销售渠道：${c}` };
  }
  return FEATURE_LABELS[name] ?? { en: name, 'zh-CN': name };
}

export const featureNames = (channels: readonly string[]) => [...BASE_FEATURES, ...channels.map((c) => `channel_${c}`)];

const rate = (t: Tally, prior: number, m: number) => (t.returned + m * prior) / (t.sold + m);
const minus = (t: Tally | undefined, sold: number, returned: number): Tally => ({
  sold: Math.max(0, (t?.sold ?? 0) - sold),
  returned: Math.max(0, (t?.returned ?? 0) - returned),
});

/**
 * The raw (unstandardised) feature values of a line, in `featureNames(channels)` order.
 * `inHistory`: the line is counted in `history` (leave it out); false for lines after it. The
 * shop's overall rate, which the other rates are smoothed towards, is taken as it is: it must
 * not move with the line's own outcome.
 */
export function featureValues(line: ModelLine, history: History, channels: readonly string[], inHistory: boolean): number[] {
  const ownSold = inHistory ? line.quantity : 0;
  const ownReturned = inHistory ? Math.min(line.returnedUnits, line.quantity) : 0;
  const prior = history.global.sold > 0 ? history.global.returned / history.global.sold : 0;
  const sku = minus(history.sku.get(line.variantId), ownSold, ownReturned);
  const product = minus(history.product.get(line.productId), ownSold, ownReturned);
  const category = line.category === null ? NONE : minus(history.category.get(line.category), ownSold, ownReturned);
  const buyerRaw = line.customerId === null ? NO_BUYER : (history.buyer.get(line.customerId) ?? NO_BUYER);
  const buyer = minus(buyerRaw, line.customerId === null ? 0 : ownSold, line.customerId === null ? 0 : ownReturned);
  const buyerOrders = Math.max(0, buyerRaw.orders - (inHistory && line.customerId !== null ? 1 : 0));
  const gross = line.unitPriceMinor * line.quantity;
  const values = [
    rate(sku, prior, SMOOTHING.sku),
    Math.log1p(sku.sold),
    rate(product, prior, SMOOTHING.product),
    line.category === null ? prior : rate(category, prior, SMOOTHING.category),
    rate(buyer, prior, SMOOTHING.buyer),
    Math.log1p(buyerOrders),
    line.customerId === null ? 1 : 0,
    line.hasSize ? 1 : 0,
    line.hasColour ? 1 : 0,
    line.sameProductLines > 0 ? 1 : 0,
    Math.log1p(line.unitPriceMinor / 100),
    gross > 0 ? Math.min(1, Math.max(0, line.discountMinor / gross)) : 0,
    Math.log1p(line.quantity),
    Math.log1p(line.orderLines),
  ];
  for (const c of channels) values.push(line.channel === c ? 1 : 0);
  return values;
}
