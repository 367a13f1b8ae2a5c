import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { registerAuth } from '../../src/http/plugins/auth.js';
import { can, ROLES, type Permission } from '../../src/domain/auth/permissions.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';

let t: TestApp;
let shopA: TestShop;
let shopB: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shopA = await createTestShop(t.ctx, 'shop-a');
  shopB = await createTestShop(t.ctx, 'shop-b');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

const concrete = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());
const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));

describe('every merchant route is authenticated', () => {
  it('walks every registered /api/v1 route: 401 without credentials (public ones excepted)', async () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const publicRoutes = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
    for (const route of routes) {
      if (publicRoutes.has(`${route.method} ${route.url}`)) continue;
      const res = await api(route.method, concrete(route.url), { body: ['GET', 'DELETE'].includes(route.method) ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: res.status, code: res.body?.error?.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'auth.required',
      });
    }
  });

  it('a merchant route without a permission cannot even be registered', async () => {
    const bare = Fastify();
    registerAuth(bare);
    expect(() => bare.get('/api/v1/forgotten', async () => 'open')).toThrow(/must declare a permission/);
    await bare.close();
  });

  it('a role without the route\'s permission gets 403', async () => {
    // Roles against a representative write: only roles with orders:write may create orders.
    for (const role of ROLES) {
      const res = await api('POST', '/api/v1/orders', { key: shopA.keys[role], body: orderBody() });
      expect({ role, status: res.status }).toEqual({ role, status: can(role, 'orders:write' as Permission) ? 201 : 403 });
      if (res.status === 403) expect(res.body.error.code).toBe('auth.forbidden');
    }
    expect((await api('GET', '/api/v1/staff', { key: shopA.keys.manager })).status).toBe(403);
    expect((await api('POST', '/api/v1/api-keys', { key: shopA.keys.agent, body: { name: 'x', role: 'owner' } })).status).toBe(403);
    expect((await api('PATCH', '/api/v1/shop', { key: shopA.keys.viewer, body: { name: 'x' } })).status).toBe(403);
  });
});

describe('tenants are isolated', () => {
  it("shop A's key gets 404 for shop B's order and never sees it in lists", async () => {
    const b = await api('POST', '/api/v1/orders', { key: shopB.keys.manager, body: orderBody({ number: 'B-ONLY-1' }) });
    expect(b.status).toBe(201);
    const read = await api('GET', `/api/v1/orders/${b.body.id}`, { key: shopA.keys.owner });
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('order.not_found');
    const list = await api('GET', '/api/v1/orders?number=B-ONLY-1', { key: shopA.keys.owner });
    expect(list.body.data).toEqual([]);
    const ship = await api('POST', `/api/v1/orders/${b.body.id}/shipments`, { key: shopA.keys.owner, body: { carrier: 'SF', trackingNumber: 'SF1' } });
    expect(ship.status).toBe(404);
    const staffB = (await api('GET', '/api/v1/staff', { key: shopB.keys.owner })).body.data[0];
    const patch = await api('PATCH', `/api/v1/staff/${staffB.id}`, { key: shopA.keys.owner, body: { name: 'hijack' } });
    expect(patch.status).toBe(404);
    const keysB = (await api('GET', '/api/v1/api-keys', { key: shopB.keys.owner })).body.data[0];
    expect((await api('DELETE', `/api/v1/api-keys/${keysB.id}`, { key: shopA.keys.owner })).status).toBe(404);
    expect((await api('GET', '/api/v1/orders', { key: shopB.keys.viewer })).body.data.map((o: any) => o.id)).toEqual([b.body.id]);
  });

  it('the same external id in two shops makes two separate orders', async () => {
    const body = orderBody({ externalId: 'SAME-EXT-1', number: 'SAME-1' });
    const a = await api('POST', '/api/v1/orders', { key: shopA.keys.manager, body });
    const b = await api('POST', '/api/v1/orders', { key: shopB.keys.manager, body });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('errors never leak internals', () => {
  it('answers unknown routes with the error shape, and sets a request id', async () => {
    const res = await api('GET', '/api/v1/nope', { key: shopA.keys.owner, headers: { 'x-request-id': 'trace-123' } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route.not_found');
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });
});
