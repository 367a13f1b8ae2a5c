import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { orderBody } from '../helpers/orders.js';

let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'auth-shop');
  api = client(t.baseUrl);
});
afterAll(() => t.close());

async function signIn(email: string, password: string) {
  const res = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  const cookie = res.headers.get('set-cookie') ?? '';
  return { res, cookie: cookie.split(';')[0]!, setCookie: cookie, csrf: res.body?.csrfToken as string };
}

describe('staff sessions', () => {
  it('signs in with an httpOnly SameSite=Lax cookie and reads with it', async () => {
    const { res, cookie, setCookie } = await signIn(shop.ownerEmail.toUpperCase(), shop.password);
    expect(res.status).toBe(200);
    expect(res.body.staff.role).toBe('owner');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const session = await api('GET', '/api/v1/auth/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.body.kind).toBe('staff');
    expect(session.body.permissions).toContain('staff:manage');
    expect(session.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const wrong = await signIn(shop.ownerEmail, 'wrong password!');
    const unknown = await signIn('nobody@nowhere.test', 'wrong password!');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.body).toEqual(unknown.res.body);
    expect(wrong.res.body.error.code).toBe('auth.invalid_credentials');
  });

  it('needs the CSRF token on cookie-authenticated writes', async () => {
    const { cookie, csrf } = await signIn(shop.ownerEmail, shop.password);
    const without = await api('POST', '/api/v1/orders', { cookie, body: orderBody() });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('auth.csrf_invalid');
    const forged = await api('POST', '/api/v1/orders', { cookie, body: orderBody(), headers: { 'x-csrf-token': 'x'.repeat(32) } });
    expect(forged.status).toBe(403);
    const withToken = await api('POST', '/api/v1/orders', { cookie, body: orderBody(), headers: { 'x-csrf-token': csrf } });
    expect(withToken.status).toBe(201);
  });

  it('ends the session on logout and when the account is disabled', async () => {
    const a = await signIn(shop.ownerEmail, shop.password);
    await api('POST', '/api/v1/auth/logout', { cookie: a.cookie });
    expect((await api('GET', '/api/v1/auth/session', { cookie: a.cookie })).status).toBe(401);

    const owner = await signIn(shop.ownerEmail, shop.password);
    const created = await api('POST', '/api/v1/staff', {
      cookie: owner.cookie,
      headers: { 'x-csrf-token': owner.csrf },
      body: { email: 'agent@auth-shop.test', name: '客服小美', role: 'agent', password: 'agent password 1' },
    });
    expect(created.status).toBe(201);
    const agent = await signIn('agent@auth-shop.test', 'agent password 1');
    expect((await api('GET', '/api/v1/auth/session', { cookie: agent.cookie })).status).toBe(200);
    const disabled = await api('PATCH', `/api/v1/staff/${created.body.id}`, { cookie: owner.cookie, headers: { 'x-csrf-token': owner.csrf }, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await api('GET', '/api/v1/auth/session', { cookie: agent.cookie })).status).toBe(401);
    expect((await signIn('agent@auth-shop.test', 'agent password 1')).res.status).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const s = await signIn(shop.ownerEmail, shop.password);
    t.clock.advance((t.config.sessionTtlHours + 1) * 3600_000);
    expect((await api('GET', '/api/v1/auth/session', { cookie: s.cookie })).status).toBe(401);
  });

  it('keeps at least one active owner', async () => {
    const staff = await api('GET', '/api/v1/staff', { key: shop.keys.owner });
    const owner = staff.body.data.find((s: any) => s.role === 'owner');
    const demote = await api('PATCH', `/api/v1/staff/${owner.id}`, { key: shop.keys.owner, body: { role: 'agent' } });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('staff.last_owner');
  });

  it('rate limits repeated failed sign-ins', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await signIn('victim@auth-shop.test', `guess ${i}`)).res.status;
    expect(last).toBe(429);
  });
});

describe('API keys', () => {
  it('shows the key once, stores only its hash, records use, and stops working when revoked', async () => {
    const created = await api('POST', '/api/v1/api-keys', { key: shop.keys.owner, body: { name: 'ERP connector', role: 'manager' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^rtr_[A-Za-z0-9]{12}_/);
    const listed = await api('GET', '/api/v1/api-keys', { key: shop.keys.owner });
    const row = listed.body.data.find((k: any) => k.id === created.body.apiKey.id);
    // The secret is everything after the prefix and id: base64url, so it may hold '_' itself
    // (split('_')[2] once took a one-letter piece of it, found by chance in the listing).
    const secret = key.slice(key.indexOf('_', key.indexOf('_') + 1) + 1);
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(row.lastUsedAt).toBeNull();

    expect((await api('GET', '/api/v1/orders', { key })).status).toBe(200);
    const used = (await api('GET', '/api/v1/api-keys', { key: shop.keys.owner })).body.data.find((k: any) => k.id === row.id);
    expect(used.lastUsedAt).not.toBeNull();

    const revoked = await api('DELETE', `/api/v1/api-keys/${row.id}`, { key: shop.keys.owner });
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await api('GET', '/api/v1/orders', { key });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('auth.invalid_api_key');
  });

  it('refuses malformed credentials', async () => {
    expect((await api('GET', '/api/v1/orders', { headers: { authorization: 'Basic abc' } })).body.error.code).toBe('auth.scheme_unsupported');
    expect((await api('GET', '/api/v1/orders', { key: 'rtr_short' })).status).toBe(401);
    const tampered = shop.keys.viewer.slice(0, -2) + (shop.keys.viewer.endsWith('AA') ? 'BB' : 'AA');
    expect((await api('GET', '/api/v1/orders', { key: tampered })).status).toBe(401);
  });
});
