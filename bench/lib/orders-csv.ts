import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from './timing.js';

export interface CsvSpec {
  lines: number;
  skus: number;
  customers: number;
  seed: number;
}

export const DEFAULT_CSV: CsvSpec = { lines: 100_000, skus: 3_000, customers: 8_000, seed: 20_240_501 };

const HEADER = ['order_id', 'channel', 'placed_at', 'paid_at', 'currency', 'customer_email', 'customer_name', 'shipping_fee', 'sku', 'title', 'quantity', 'unit_price'];
const CHANNELS = ['web', 'taobao', 'tmall', 'jd', 'douyin'];
const SIZES = ['S', 'M', 'L', 'XL'];

const price = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes a deterministic order CSV in the documented format (src/services/imports/orders-csv-format.ts):
 * one row per line, 1–5 lines per order (3 on average), order columns repeated on every row.
 * Returns the number of orders written.
 */
export async function writeOrdersCsv(path: string, spec: CsvSpec = DEFAULT_CSV): Promise<{ orders: number; lines: number }> {
  const random = seededRandom(spec.seed);
  const int = (n: number) => Math.floor(random() * n);
  const skuPrice = Array.from({ length: spec.skus }, () => 500 + int(60_000));
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER.join(',')}\n`);
  let written = 0;
  let orders = 0;
  let at = Date.UTC(2024, 0, 1, 0, 0, 0);
  while (written < spec.lines) {
    const count = Math.min(1 + int(5), spec.lines - written);
    orders++;
    at += 20_000 + int(60_000);
    const placed = new Date(at).toISOString();
    const paid = new Date(at + 60_000 + int(600_000)).toISOString();
    const customer = int(spec.customers);
    const order = [
      `B${String(orders).padStart(8, '0')}`,
      CHANNELS[orders % CHANNELS.length]!,
      placed,
      paid,
      'CNY',
      `buyer${customer}@example.com`,
      csvCell(`Buyer ${customer}, bench`),
      price(int(3) * 500),
    ].join(',');
    const used = new Set<number>();
    for (let i = 0; i < count; i++) {
      let sku = int(spec.skus);
      while (used.has(sku)) sku = (sku + 1) % spec.skus;
      used.add(sku);
      const size = SIZES[sku % SIZES.length]!;
      await write(`${order},SKU-${String(sku).padStart(5, '0')}-${size},Bench item ${sku} (${size}),${1 + int(3)},${price(skuPrice[sku]!)}\n`);
    }
    written += count;
  }
  out.end();
  await once(out, 'finish');
  return { orders, lines: written };
}
