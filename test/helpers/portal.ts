import { sql } from 'drizzle-orm';
import type { ApiReply, client, TestApp, TestShop } from './app.js';
import { placeOrder } from './returns.js';

type Api = ReturnType<typeof client>;

export interface PortalOrder {
  id: string;
  number: string;
  email: string;
  phone: string;
  lines: { id: string; sku: string }[];
}

let sequence = 0;

/**
 * An order a buyer can look up in the portal: a T-shirt (another size of it in stock, for
 * exchanges), a mug, and an engraved necklace (custom-made: no return without a fault).
 * Delivered on 2026-10-30, two days before the test clock, unless `deliveredAt` says otherwise.
 */
export async function portalOrder(t: TestApp, api: Api, shop: TestShop, options: { email?: string; phone?: string; number?: string; deliveredAt?: string } = {}): Promise<PortalOrder> {
  sequence++;
  const number = options.number ?? `PT${1000 + sequence}`;
  const email = options.email ?? `portal.buyer${sequence}@example.com`;
  const phone = options.phone ?? `+86 139-0000-${String(1000 + sequence).slice(-4)}`;
  const product = { externalId: 'PT-TEE', category: 'apparel', title: 'Organic cotton tee' };
  const order = await placeOrder(api, shop.keys.manager, {
    overrides: {
      number,
      ...(options.deliveredAt
        ? {
            placedAt: new Date(Date.parse(options.deliveredAt) - 5 * 86_400_000).toISOString(),
            paidAt: new Date(Date.parse(options.deliveredAt) - 5 * 86_400_000 + 60_000).toISOString(),
            shipments: [{ carrier: 'SF', trackingNumber: `SF${Date.now()}${sequence}`, shippedAt: new Date(Date.parse(options.deliveredAt) - 2 * 86_400_000).toISOString(), deliveredAt: options.deliveredAt }],
          }
        : {}),
      customer: { externalId: `portal-buyer-${sequence}`, name: 'Lin Jing 林静', email, phone },
      lines: [
        { sku: 'PT-TEE-M-BLACK', title: '有机棉T恤 Organic cotton tee (M / Black)', quantity: 2, unitPriceMinor: 12900, product, attributes: { size: 'M', colour: 'Black' } },
        { sku: 'PT-MUG-WHITE', title: '陶瓷马克杯 Ceramic mug', quantity: 1, unitPriceMinor: 4900, product: { externalId: 'PT-MUG', category: 'home' } },
        { sku: 'PT-ENGR-SILVER', title: '刻字项链 Engraved necklace', quantity: 1, unitPriceMinor: 36900, product: { externalId: 'PT-ENGR', category: 'jewellery' }, returnFlags: { customMade: true } },
      ],
    },
  });
  // Other sizes of the tee exist and are in stock.
  const stock = await api('POST', '/api/v1/orders', {
    key: shop.keys.manager,
    body: {
      channel: 'manual',
      externalId: `portal-stock-${sequence}-${Date.now()}`,
      currency: 'CNY',
      placedAt: '2026-10-01T00:00:00Z',
      lines: [
        { sku: 'PT-TEE-L-BLACK', title: '有机棉T恤 Organic cotton tee (L / Black)', quantity: 1, unitPriceMinor: 12900, product, attributes: { size: 'L', colour: 'Black' } },
        { sku: 'PT-TEE-M-WHITE', title: '有机棉T恤 Organic cotton tee (M / White)', quantity: 1, unitPriceMinor: 12900, product, attributes: { size: 'M', colour: 'White' } },
      ],
    },
  });
  if (stock.status !== 201 && stock.status !== 200) throw new Error(`stock order not created: ${stock.status} ${JSON.stringify(stock.body)}`);
  await t.ctx.db.execute(sql`update variants set stock_on_hand = 5 where shop_id = ${shop.id} and sku in ('PT-TEE-L-BLACK', 'PT-TEE-M-WHITE')`);
  return { id: order.id, number, email, phone, lines: order.lines.map((l) => ({ id: l.id, sku: l.sku })) };
}

/** Looks the order up and returns the portal token. */
export async function portalToken(api: Api, shopSlug: string, order: Pick<PortalOrder, 'number' | 'email'>): Promise<string> {
  const res: ApiReply = await api('POST', '/portal/v1/sessions', { body: { shopSlug, orderNumber: order.number, email: order.email } });
  if (res.status !== 201) throw new Error(`portal lookup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
