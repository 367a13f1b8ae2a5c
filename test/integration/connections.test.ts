import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/services/connections/run-connections.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';

/**
 * Issue 16, point 1: a shop's connections to outside systems. Credentials are checked against the
 * kind's schema, sealed at rest and never returned; every route is scoped to the shop.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'conn-a');
  other = await createTestShop(t.ctx, 'conn-b');
});
afterAll(() => t.close());

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';
const shopify = { kind: 'shopify', name: 'Main store', credentials: { accessToken: TOKEN, apiSecretKey: 'hush-hush' }, settings: { shopDomain: 'retour-demo.myshopify.com', apiVersion: '2026-07' } };

describe('connections', () => {
  it('lists the kinds with the schema of their fields', async () => {
    const kinds = await api('GET', '/api/v1/connections/kinds', { key: shop.keys.viewer });
    expect(kinds.status).toBe(200);
    const found = kinds.body.data.find((k: any) => k.kind === 'shopify');
    expect(found.category).toBe('storefront');
    expect(Object.keys(found.credentials.properties)).toEqual(['accessToken', 'apiSecretKey']);
  });

  it('saves a connection with its credentials sealed, and never returns them', async () => {
    const created = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: shopify });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'shopify', category: 'storefront', name: 'Main store', status: 'active', settings: shopify.settings, failures: 0 });
    expect(JSON.stringify(created.body)).not.toContain(TOKEN);
    const listed = await api('GET', '/api/v1/connections', { key: shop.keys.viewer });
    expect(listed.body.data.map((c: any) => c.id)).toEqual([created.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);

    const stored = (await t.ctx.db.execute(sql`select credentials_sealed from connections where id = ${created.body.id}`)) as unknown as { rows: { credentials_sealed: string }[] };
    const sealed = stored.rows[0]!.credentials_sealed;
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain('hush-hush');

    const dup = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: shopify });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('connection.name_taken');
  });

  it('refuses unknown kinds and fields that do not fit the kind, naming them', async () => {
    const unknown = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: { ...shopify, kind: 'myspace' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('connection.unknown_kind');
    const missing = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: { ...shopify, name: 'x', credentials: { accessToken: TOKEN } } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('connection.invalid_credentials');
    expect(JSON.stringify(missing.body.error.details)).toContain('apiSecretKey');
    const badSettings = await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: { ...shopify, name: 'y', settings: { shopDomain: 'https://evil/' } } });
    expect(badSettings.status).toBe(422);
    expect(badSettings.body.error.code).toBe('connection.invalid_settings');
  });

  it('pauses, renames, replaces credentials and disconnects; only managers of the shop may', async () => {
    const created = (await api('POST', '/api/v1/connections', { key: shop.keys.owner, body: { ...shopify, name: 'Outlet' } })).body;
    expect((await api('POST', '/api/v1/connections', { key: shop.keys.agent, body: { ...shopify, name: 'z' } })).status).toBe(403);
    expect((await api('PATCH', `/api/v1/connections/${created.id}`, { key: other.keys.owner, body: { status: 'paused' } })).status).toBe(404);
    expect((await api('GET', `/api/v1/connections/${created.id}`, { key: other.keys.owner })).status).toBe(404);

    const paused = await api('PATCH', `/api/v1/connections/${created.id}`, { key: shop.keys.owner, body: { status: 'paused', name: 'Outlet (old)' } });
    expect(paused.body).toMatchObject({ status: 'paused', name: 'Outlet (old)' });
    const rekeyed = await api('PATCH', `/api/v1/connections/${created.id}`, { key: shop.keys.owner, body: { credentials: { accessToken: 'shpat_new', apiSecretKey: 'new' } } });
    expect(rekeyed.status).toBe(200);
    expect((await api('PATCH', `/api/v1/connections/${created.id}`, { key: shop.keys.owner, body: { credentials: { accessToken: 'only' } } })).status).toBe(422);

    const runs = await api('GET', `/api/v1/connections/${created.id}/runs`, { key: shop.keys.viewer });
    expect(runs.body).toEqual({ data: [], nextCursor: null });
    expect((await api('GET', `/api/v1/connections/${created.id}/runs?cursor=abc`, { key: shop.keys.viewer })).status).toBe(400);

    expect((await api('DELETE', `/api/v1/connections/${created.id}`, { key: other.keys.owner })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/connections/${created.id}`, { key: shop.keys.owner })).status).toBe(204);
    expect((await api('GET', `/api/v1/connections/${created.id}`, { key: shop.keys.owner })).status).toBe(404);
  });

  it('backs off from one minute to an hour', () => {
    expect([1, 2, 3, 7, 8, 30].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
  });
});
