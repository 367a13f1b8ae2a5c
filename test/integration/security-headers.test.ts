import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

/** Security headers on every response and an explicit CORS policy (issue 14.4). */
let plain: TestApp;
let https: TestApp;

beforeAll(async () => {
  plain = await startTestApp();
  https = await startTestApp({ PUBLIC_URL: 'https://returns.example.com', CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173' });
});
afterAll(async () => {
  await plain?.close();
  await https?.close();
});

const get = (t: TestApp, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('security headers', () => {
  it('the console and portal pages carry a CSP without inline script, refuse framing and leak no referrer', async () => {
    for (const page of ['/console/', '/portal/', '/portal/some/deep/link']) {
      const res = await get(plain, page);
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      // The Vite build loads every script from a file, which the CSP allows; an inline one it would block.
      for (const tag of res.body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/assets\//);
    }
  });

  it('nosniff and the other headers are on every response: API, errors, 404s, health, docs', async () => {
    for (const url of ['/api/v1/orders', '/api/v1/nope', '/health', '/api/openapi.json', '/portal/v1/shops/nope', '/assets/nope.js']) {
      const res = await get(plain, url);
      expect([url, res.headers['x-content-type-options'], res.headers['x-frame-options']]).toEqual([url, 'nosniff', 'DENY']);
      // Helmet's whole set, worked out once at start, on every reply.
      expect(res.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
    }
  });

  it('HSTS only when PUBLIC_URL is https', async () => {
    expect((await get(https, '/console/')).headers['strict-transport-security']).toMatch(/max-age=\d+; includeSubDomains/);
    expect((await get(https, '/console/')).headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect((await get(plain, '/console/')).headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('CORS', () => {
  const preflight = (t: TestApp, origin: string) =>
    t.app.inject({ method: 'OPTIONS', url: '/portal/v1/shops/demo', headers: { origin, 'access-control-request-method': 'GET' } });

  it('is off by default: no origin is allowed', async () => {
    const res = await preflight(plain, 'https://shop.example.com');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get(plain, '/health', { origin: 'https://shop.example.com' })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows exactly the configured origins, without credentials', async () => {
    const allowed = await preflight(https, 'https://shop.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await get(https, '/health', { origin: 'http://localhost:5173' })).headers['access-control-allow-origin']).toBe('http://localhost:5173');
    for (const origin of ['https://evil.example.com', 'https://shop.example.com.evil.com', 'null']) {
      expect((await preflight(https, origin)).headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
