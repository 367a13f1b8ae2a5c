import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, portalToken } from '../helpers/portal.js';

/**
 * Issue 19 §3: where the policy says so, the portal offers an exchange or store credit with a
 * bonus before a refund, and the analytics show the revenue kept by the buyers who took it.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let exchanged: any;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'care-first');
  // Store credit with a 10 % bonus, exchanges on; the current version judges every case.
  const current = (await api('GET', '/api/v1/policy', { key: shop.keys.owner })).body.document;
  const saved = await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document: { ...current, judgeBy: 'current', refunds: { methods: ['original', 'store_credit'], storeCreditBonusBp: 1000 } } } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(() => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const drain = async () => {
  while ((await dispatchOutbox(t.ctx)) > 0);
};

async function ask(resolution: 'refund' | 'store_credit' | 'exchange') {
  const order = await portalOrder(t, api, shop);
  const token = await portalToken(api, shop.slug, order);
  const view = (await api('GET', '/portal/v1/order', { headers: bearer(token) })).body;
  const tee = view.lines.find((l: any) => l.sku === 'PT-TEE-M-BLACK');
  const item = { lineId: tee.lineId, quantity: 1, reasonCode: view.reasons.find((r: any) => r.fault === 'buyer').code, ...(resolution === 'exchange' ? { replacementSku: 'PT-TEE-L-BLACK' } : {}) };
  const created = await api('POST', '/portal/v1/returns', { headers: bearer(token), body: { items: [item], resolution, returnMethod: 'drop_off' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { view, created: created.body, paid: tee.paidMinor / tee.quantity };
}

describe('exchange-first', () => {
  it('is offered only when the policy turns it on, and the policy refuses it with nothing to offer', async () => {
    const before = await ask('refund');
    expect(before.view.exchangeFirst).toEqual({ enabled: false, exchange: true, storeCredit: true, storeCreditBonusBp: 1000 });
    t.clock.advance(60_000);
    const current = (await api('GET', '/api/v1/policy', { key: shop.keys.owner })).body.document;
    const nothing = { ...current, exchanges: { ...current.exchanges, enabled: false }, refunds: { methods: ['original'], storeCreditBonusBp: 0 }, care: { exchangeFirst: { enabled: true } } };
    const refused = await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document: nothing } });
    expect([refused.status, JSON.stringify(refused.body.error.details)]).toEqual([422, expect.stringContaining('/care/exchangeFirst/enabled')]);
    expect((await api('PUT', '/api/v1/policy', { key: shop.keys.owner, body: { document: { ...current, care: { exchangeFirst: { enabled: true } } } } })).status).toBe(200);
    t.clock.advance(60_000);
    const after = await ask('exchange');
    exchanged = after.created;
    expect(after.view.exchangeFirst).toEqual({ enabled: true, exchange: true, storeCredit: true, storeCreditBonusBp: 1000 });
  });

  it('counts the revenue kept by exchanges and store credit, not by refunds', async () => {
    const credit = await ask('store_credit');
    const refund = await ask('refund');
    await drain();
    const care = (await api('GET', '/api/v1/analytics/care?from=2026-10-01&to=2026-11-30', { key: shop.keys.viewer })).body;
    const [cny] = care.exchangeFirst;
    // The exchange of the first test (asked after the policy turned it on), this store credit and this refund; the refund before it was not offered.
    expect(cny).toMatchObject({ currency: 'CNY', offers: 3, exchanges: 1, storeCredits: 1, refunds: 1, acceptedBp: 6667 });
    expect(credit.created.refund.method).toBe('store_credit');
    expect(exchanged.refund.items[0]).toMatchObject({ resolution: 'exchange' });
    expect(cny.keptMinor).toBe(exchanged.refund.items[0].amountMinor + credit.created.refund.refundMinor);
    expect(cny.bonusMinor).toBe(credit.created.refund.storeCreditBonusMinor);
    expect(cny.bonusMinor).toBeGreaterThan(0);
    expect(refund.created.refund.method).toBe('original');
  });
});
