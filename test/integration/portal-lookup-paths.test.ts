import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lookupCheck } from '../../src/services/portal/session.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, type PortalOrder } from '../helpers/portal.js';

/**
 * Order numbers must not be enumerable by timing (issue 14.7): a known order with a wrong contact,
 * an unknown order and an unknown shop take the same path: one order query, one contact comparison.
 * Asserted on the work done, not on the clock.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
let order: PortalOrder;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'lookup-paths');
  api = client(t.baseUrl);
  order = await portalOrder(t, api, shop, { email: 'buyer@example.cn', phone: '+86 138-0013-8000' });
});
afterAll(() => t.close());

describe('portal look-up does the same work whether or not the order exists', () => {
  it('known order with a wrong contact, unknown order, unknown shop: same queries, same comparison, same answer', async () => {
    const compare = vi.spyOn(lookupCheck, 'contactMatches');
    const select = vi.spyOn(t.ctx.db, 'select');
    const attempts = {
      wrongEmail: { shopSlug: shop.slug, orderNumber: order.number, email: 'someone.else@example.cn' },
      wrongPhone: { shopSlug: shop.slug, orderNumber: order.number, phone: '+86 139-0000-0000' },
      unknownOrder: { shopSlug: shop.slug, orderNumber: `${order.number}9`, email: 'someone.else@example.cn' },
      unknownOrderPhone: { shopSlug: shop.slug, orderNumber: `${order.number}9`, phone: '+86 139-0000-0000' },
      unknownShop: { shopSlug: 'no-such-shop', orderNumber: order.number, email: 'someone.else@example.cn' },
    };
    const work: Record<string, unknown> = {};
    for (const [name, body] of Object.entries(attempts)) {
      compare.mockClear();
      select.mockClear();
      const res = await api('POST', '/portal/v1/sessions', { body });
      work[name] = { status: res.status, code: res.body.error?.code, comparisons: compare.mock.calls.length, selects: select.mock.calls.length, compared: compare.mock.results[0]?.value };
    }
    // The shop and the order are read (selects) whatever exists; the contact compared once, and fails.
    const same = { status: 404, code: 'portal.not_found', comparisons: 1, selects: 2, compared: false };
    expect(work).toEqual(Object.fromEntries(Object.keys(attempts).map((k) => [k, same])));

    // And the right contact still opens the order through the same comparison.
    compare.mockClear();
    const ok = await api('POST', '/portal/v1/sessions', { body: { shopSlug: shop.slug, orderNumber: order.number, email: 'buyer@example.cn' } });
    expect(ok.status).toBe(201);
    expect(compare.mock.results.map((r) => r.value)).toEqual([true]);
    compare.mockRestore();
    select.mockRestore();
  });
});
