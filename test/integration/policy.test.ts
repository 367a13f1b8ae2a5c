import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'policy-shop', 'CNY', { automation: true });
  api = client(t.baseUrl);
});
afterAll(() => t.close());

describe('policy API', () => {
  it('starts from the China marketplace preset for a CNY shop', async () => {
    const res = await api('GET', '/api/v1/policy', { key: shop.keys.viewer });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.document.windows.noReasonDays).toBe(7);
    expect(res.body.document.exclusions.customMade).toBe(true);
  });

  it('refuses a document that breaks its schema or its own logic, naming the path, and saves nothing', async () => {
    const current = (await api('GET', '/api/v1/policy', { key: shop.keys.manager })).body.document;
    const broken = { ...current, windows: { ...current.windows, noReasonDays: -3 } };
    const res = await api('PUT', '/api/v1/policy', { key: shop.keys.manager, body: { document: broken } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('policy.invalid');
    expect(res.body.error.details.issues.map((i: any) => i.path)).toContain('/windows/noReasonDays');
    const incoherent = { ...current, windows: { ...current.windows, noReasonDays: 30, sellerFaultDays: 7 } };
    const res2 = await api('PUT', '/api/v1/policy', { key: shop.keys.manager, body: { document: incoherent } });
    expect(res2.status).toBe(422);
    expect(res2.body.error.details.issues[0].path).toBe('/windows/sellerFaultDays');
    const unknownField = await api('PUT', '/api/v1/policy', { key: shop.keys.manager, body: { document: { ...current, colour: 'red' } } });
    expect(unknownField.status).toBe(422);
    expect((await api('GET', '/api/v1/policy/versions', { key: shop.keys.viewer })).body.data).toHaveLength(1);
    expect((await api('PUT', '/api/v1/policy', { key: shop.keys.agent, body: { document: current } })).status).toBe(403);
  });

  it('simulates a draft on past cases, then saves it as a new version; old cases keep theirs', async () => {
    const order = await placeOrder(api, shop.keys.manager);
    const created = await api('POST', '/api/v1/returns', {
      key: shop.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_reason' }] },
    });
    expect(created.status).toBe(201);
    const current = (await api('GET', '/api/v1/policy', { key: shop.keys.manager })).body.document;
    // Delivered 2026-10-30, requested 2026-11-01: inside 7 days, outside 1 day.
    const draft = { ...current, windows: { ...current.windows, noReasonDays: 1 } };
    const sim = await api('POST', '/api/v1/policy/simulate', { key: shop.keys.manager, body: { document: draft } });
    expect(sim.status).toBe(200);
    expect(sim.body.evaluated).toBe(1);
    expect(sim.body.changed).toHaveLength(1);
    expect(sim.body.changed[0]).toMatchObject({ rmaNumber: created.body.rmaNumber, before: { eligible: true }, after: { eligible: false } });
    expect((await api('GET', '/api/v1/policy/versions', { key: shop.keys.viewer })).body.data).toHaveLength(1);

    t.clock.advance(3600_000);
    const saved = await api('PUT', '/api/v1/policy', { key: shop.keys.manager, body: { document: draft, note: 'shorter window' } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const versions = (await api('GET', '/api/v1/policy/versions', { key: shop.keys.viewer })).body.data;
    expect(versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect((await api('GET', `/api/v1/returns/${created.body.id}`, { key: shop.keys.viewer })).body.policyVersion).toBe(1);

    // An order placed before version 2 is still judged by version 1 (what the buyer agreed to).
    const early = await api('GET', `/api/v1/orders/${order.id}/eligibility`, { key: shop.keys.viewer });
    expect(early.body.policyVersion).toBe(1);
    const later = await placeOrder(api, shop.keys.manager, { overrides: { placedAt: new Date(t.clock.now().getTime() + 60_000).toISOString(), paidAt: undefined, shipments: undefined } });
    expect((await api('GET', `/api/v1/orders/${later.id}/eligibility`, { key: shop.keys.viewer })).body.policyVersion).toBe(2);
  });
});
