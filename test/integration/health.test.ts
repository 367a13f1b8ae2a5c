import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
});
afterAll(() => t.close());

describe('health, readiness and docs', () => {
  it('/healthz answers while the process runs; /readyz reports the database and migrations', async () => {
    expect((await api('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api('GET', '/readyz')).body).toEqual({ status: 'ready' });
    await t.ctx.db.execute(sql`delete from retour_migrations`);
    const pending = await api('GET', '/readyz');
    expect(pending.status).toBe(503);
    expect(pending.body.status).toBe('migrations_pending');
    expect(pending.body.pendingMigrations.length).toBeGreaterThan(0);
  });

  it('publishes OpenAPI 3.1 covering every /api/v1 route, and renders docs', async () => {
    const doc = (await api('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'))) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/api/v1/orders'].post.requestBody.content['application/json'].schema.properties.lines).toBeDefined();
    const page = await fetch(`${t.baseUrl}/api/docs/`).then((r) => r.text());
    expect(page).toContain('swagger');
  });
});
