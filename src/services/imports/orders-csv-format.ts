/**
 * The order CSV format (docs/import-format.md is written from this table). One row per order
 * line; the rows of one order are consecutive and share the order columns (give them on the
 * first row, or repeat them identically). Money columns are decimals in the order's currency
 * ("19.99"), converted exactly to minor units; times are ISO 8601, or "YYYY-MM-DD HH:MM[:SS]"
 * in the shop's time zone.
 */
export type ColumnLevel = 'order' | 'line';
export interface ColumnSpec {
  name: string;
  level: ColumnLevel;
  required?: boolean;
  description: string;
}

export const ORDER_CSV_COLUMNS: readonly ColumnSpec[] = [
  { name: 'order_id', level: 'order', required: true, description: "The order's id on its channel; with `channel` it identifies the order (re-importing updates it)" },
  { name: 'channel', level: 'order', description: 'web (default), taobao, tmall, pdd, jd, douyin, shopify, woocommerce, amazon, manual, other' },
  { name: 'order_number', level: 'order', description: 'Number shown to the buyer; defaults to order_id' },
  { name: 'placed_at', level: 'order', required: true, description: 'When the order was placed' },
  { name: 'paid_at', level: 'order', description: 'When it was paid' },
  { name: 'shipped_at', level: 'order', description: 'When it shipped' },
  { name: 'delivered_at', level: 'order', description: 'When it was delivered (starts the return window)' },
  { name: 'cancelled_at', level: 'order', description: 'When it was cancelled' },
  { name: 'currency', level: 'order', required: true, description: 'ISO 4217 code accepted by the shop (CNY, GBP, …)' },
  { name: 'prices_include_tax', level: 'order', description: 'true (default) or false' },
  { name: 'customer_id', level: 'order', description: "The buyer's id on the channel" },
  { name: 'customer_email', level: 'order', description: "Buyer's e-mail" },
  { name: 'customer_phone', level: 'order', description: "Buyer's phone" },
  { name: 'customer_name', level: 'order', description: "Buyer's name" },
  { name: 'locale', level: 'order', description: 'zh-CN or en: the language of messages to the buyer' },
  { name: 'country', level: 'order', description: "Buyer's country" },
  { name: 'shipping_fee', level: 'order', description: 'Shipping the buyer paid' },
  { name: 'order_discount', level: 'order', description: 'Discount on the whole order (shared over lines by largest remainder)' },
  { name: 'order_total', level: 'order', description: 'What the buyer paid; checked against the lines when given' },
  { name: 'payment_method', level: 'order', description: 'alipay, wechat_pay, card, …' },
  { name: 'payment_ref', level: 'order', description: 'The payment at its provider, for refunds through a payment connection: Stripe pi_… or ch_…, Alipay trade_no' },
  { name: 'shipping_insurance', level: 'order', description: 'true when the order has return-shipping insurance (运费险)' },
  { name: 'carrier', level: 'order', description: 'Carrier of the outbound parcel' },
  { name: 'tracking_number', level: 'order', description: 'Tracking number of the outbound parcel' },
  { name: 'note', level: 'order', description: 'Free text' },
  { name: 'sku', level: 'line', required: true, description: 'SKU; unknown SKUs are added to the catalogue' },
  { name: 'title', level: 'line', required: true, description: 'Item title' },
  { name: 'quantity', level: 'line', required: true, description: 'Units, a whole number ≥ 1' },
  { name: 'unit_price', level: 'line', required: true, description: 'Price of one unit' },
  { name: 'line_discount', level: 'line', description: 'Discount on this line' },
  { name: 'line_tax', level: 'line', description: "Tax of the line (inside the price when prices include tax)" },
  { name: 'line_id', level: 'line', description: "The line's id on the channel" },
  { name: 'product_id', level: 'line', description: 'Groups SKUs (sizes, colours) into one product' },
  { name: 'category', level: 'line', description: 'Product category' },
  { name: 'size', level: 'line', description: 'Variant attribute' },
  { name: 'colour', level: 'line', description: 'Variant attribute (also accepted as `color`)' },
  { name: 'custom_made', level: 'line', description: 'true for made-to-order goods' },
  { name: 'perishable', level: 'line', description: 'true for fresh or perishable goods' },
  { name: 'digital', level: 'line', description: 'true for digital goods' },
  { name: 'hygiene', level: 'line', description: 'true for hygiene goods' },
  { name: 'final_sale', level: 'line', description: 'true for final-sale goods' },
  {
    name: 'stock_on_hand',
    level: 'line',
    description:
      "Units of this SKU in stock after the import (a count, whole number ≥ 0): sets the variant's stock, recorded as an inventory movement `adjustment`; the last count of a SKU in the file wins",
  },
];

export const COLUMN_ALIASES: Record<string, string> = { color: 'colour' };
