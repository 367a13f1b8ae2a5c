import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySerializers } from './lazy-serializers.js';

describe('lazySerializers', () => {
  it("compiles a route's reply serializer when that reply is first sent, once, and serialises as fastify's own", async () => {
    const compiled: string[] = [];
    const counting: SerializerSelector.SerializerFactory = (external, options) => {
      const compile = SerializerSelector()(external, options);
      return (route) => {
        compiled.push(`${route.method} ${route.url} ${route.httpStatus}`);
        return compile(route);
      };
    };
    const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: lazySerializers(counting) } } });
    const reply = { type: 'object', properties: { id: { type: 'integer' }, at: { type: 'string', format: 'date-time' } }, additionalProperties: false };
    app.get('/a', { schema: { response: { 200: reply, 404: reply } } }, async () => ({ id: 1, at: new Date(Date.UTC(2026, 11, 6)), secret: 'dropped' }));
    app.get('/b', { schema: { response: { 200: reply } } }, async () => ({ id: 2 }));
    await app.ready();
    expect(compiled).toEqual([]);

    for (let i = 0; i < 3; i++) {
      const res = await app.inject('/a');
      expect(res.json()).toEqual({ id: 1, at: '2026-12-06T00:00:00.000Z' });
    }
    expect(compiled).toEqual(['GET /a 200']);
    expect((await app.inject('/b')).body).toBe('{"id":2}');
    expect(compiled).toEqual(['GET /a 200', 'GET /b 200']);
    await app.close();
  });
});
