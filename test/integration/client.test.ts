import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetourClient, type RetourClient } from '../../src/client/index.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';

// The typed client integrators import as `retour/client` (docs/api-guide.md), against a real server.
let t: TestApp;
let shop: TestShop;
let retour: RetourClient;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'typed-client');
  retour = createRetourClient({ baseUrl: t.baseUrl, headers: { authorization: `Bearer ${shop.keys.agent}` } });
});
afterAll(() => t.close());

describe('retour/client', () => {
  it('creates a return with an API key and reads it back', async () => {
    const order = await placeOrder(client(t.baseUrl), shop.keys.manager);
    const line = order.lines[0]!;

    const created = await retour.POST('/api/v1/returns', {
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(created.response.status).toBe(201);
    expect(created.error).toBeUndefined();
    const id = created.data!.id;

    const read = await retour.GET('/api/v1/returns/{id}', { params: { path: { id } } });
    expect(read.response.status).toBe(200);
    expect(read.data).toMatchObject({ id, rmaNumber: created.data!.rmaNumber, status: 'requested', type: 'return_refund' });
  });

  it('gives the error body of a refused call, with its stable code', async () => {
    const missing = await retour.GET('/api/v1/returns/{id}', { params: { path: { id: randomUUID() } } });
    expect(missing.data).toBeUndefined();
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('case.not_found');

    const anonymous = createRetourClient({ baseUrl: t.baseUrl });
    const refused = await anonymous.GET('/api/v1/returns/{id}', { params: { path: { id: randomUUID() } } });
    expect(refused.response.status).toBe(401);
  });
});
