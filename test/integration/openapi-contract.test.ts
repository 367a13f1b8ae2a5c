import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/server.js';
import { client, startTestApp, type TestApp } from '../helpers/app.js';

/**
 * The API contract (issue 15, "replies closed"): /api/openapi.json describes every success reply of
 * every /api/v1 operation exactly, so the web's types can be generated from it. Every object in a
 * success reply is closed (additionalProperties: false); the only open places are explicit free-form
 * leaves: a Record (patternProperties / additionalProperties holding a schema) or Unknown ({}).
 * Under tests every reply is also checked against its schema before serialisation (config.validateReplies).
 */

type Schema = Record<string, any>;

const NO_BODY = new Set(['204', '301', '302', '303', '304', '307', '308']);

let t: TestApp;
let doc: Schema;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await client(t.baseUrl)('GET', '/api/openapi.json')).body;
});
afterAll(() => t.close());

function resolve(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s?.$ref === 'string'; i++) {
    const ref: string = s.$ref;
    const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : ref;
    s = doc.components?.schemas?.[name];
    if (!s) throw new Error(`unresolved $ref ${ref}`);
  }
  return s;
}

/** Paths (JSON-pointer-ish) of the object schemas under `schema` that are open without being a free-form leaf. */
function openPlaces(schema: Schema, path = '', seen = new Set<Schema>()): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = resolve(schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const found: string[] = [];
  const isObject = s.type === 'object' || [s.type].flat().includes('object') || s.properties !== undefined;
  if (isObject) {
    const map = s.patternProperties ?? (typeof s.additionalProperties === 'object' ? { '*': s.additionalProperties } : undefined);
    if (s.properties !== undefined && s.additionalProperties !== false) found.push(`${path || '/'} (properties without additionalProperties: false)`);
    else if (s.properties === undefined && map === undefined) found.push(`${path || '/'} (an object of any shape: declare its fields, or make it a Record)`);
    for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) found.push(...openPlaces(v, `${path}/${k}`, seen));
    for (const [k, v] of Object.entries<Schema>(map ?? {})) found.push(...openPlaces(v, `${path}/{${k}}`, seen));
  }
  if (s.items) for (const item of [s.items].flat()) found.push(...openPlaces(item, `${path}/[]`, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const [i, v] of (s[key] ?? []).entries()) found.push(...openPlaces(v, `${path}/${key}[${i}]`, seen));
  return found;
}

function operations(): { id: string; responses: Record<string, Schema> }[] {
  const ops: { id: string; responses: Record<string, Schema> }[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ id: `${method.toUpperCase()} ${path}`, responses: op.responses ?? {} });
    }
  }
  return ops;
}

/** The problems of one operation's success replies: none declared, one without a schema, open objects. */
function problemsOf(responses: Record<string, Schema>): string[] {
  const success = Object.entries(responses).filter(([code]) => /^[23]/.test(code));
  if (success.length === 0) return ['no 2xx/3xx reply declared'];
  const problems: string[] = [];
  for (const [code, reply] of success) {
    const content: Record<string, Schema> = reply.content ?? {};
    if (Object.keys(content).length === 0) {
      if (!NO_BODY.has(code)) problems.push(`${code}: no schema`);
      continue;
    }
    for (const [media, { schema }] of Object.entries(content)) {
      if (!schema) problems.push(`${code} ${media}: no schema`);
      else for (const place of openPlaces(schema)) problems.push(`${code} ${media}: open at ${place}`);
    }
  }
  return problems;
}

describe('OpenAPI contract: every reply (/api/v1, /portal/v1, /hooks, health) declared and closed', () => {
  it('lists the operations of every API (the walk below is not vacuous)', () => {
    const ids = operations().map((op) => op.id);
    expect(ids.length).toBeGreaterThan(100);
    for (const prefix of ['/api/v1/', '/portal/v1/', '/hooks/', '/healthz']) expect(ids.some((id) => id.includes(` ${prefix}`)), prefix).toBe(true);
  });

  it('every operation declares a success reply with a schema, every object in it closed', () => {
    const failures = operations().flatMap((op) => problemsOf(op.responses).map((p) => `${op.id}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('the walk finds what it must: an open object, an object of any shape, an open object in an array or a union', () => {
    const closed = Type.Object({ a: Type.String(), m: Type.Record(Type.String(), Type.Unknown()), u: Type.Unknown() }, { additionalProperties: false });
    expect(openPlaces(closed)).toEqual([]);
    expect(openPlaces(Type.Object({ a: Type.String() }))).toHaveLength(1);
    expect(openPlaces(Type.Object({}, { additionalProperties: true }))).toHaveLength(1);
    expect(openPlaces(Type.Array(Type.Object({ a: Type.String() })))).toEqual(['/[] (properties without additionalProperties: false)']);
    expect(openPlaces(Type.Union([Type.Null(), Type.Object({ a: Type.String() })]))).toHaveLength(1);
    expect(openPlaces(Type.Object({ inner: Type.Object({ b: Type.Integer() }) }, { additionalProperties: false }))).toEqual(['/inner (properties without additionalProperties: false)']);
  });

  it('a reply with a field its schema does not declare, or of the wrong type, fails under tests instead of being dropped', async () => {
    const app = await buildApp({ ctx: t.ctx, logger: false });
    const reply = Type.Object({ id: Type.String(), count: Type.Integer() }, { additionalProperties: false });
    app.get('/contract-probe/:kind', { config: { public: true }, schema: { response: { 200: reply } } }, async (req) => {
      const { kind } = req.params as { kind: string };
      if (kind === 'extra') return { id: 'a', count: 1, secret: 'x' };
      if (kind === 'type') return { id: 'a', count: '1' };
      return { id: 'a', count: 1 };
    });
    await app.ready();
    try {
      const ok = await app.inject({ method: 'GET', url: '/contract-probe/ok' });
      expect([ok.statusCode, ok.json()]).toEqual([200, { id: 'a', count: 1 }]);
      for (const kind of ['extra', 'type']) {
        const bad = await app.inject({ method: 'GET', url: `/contract-probe/${kind}` });
        expect(bad.statusCode, kind).toBe(500);
        expect(bad.json().error.code, kind).toBe('internal.reply_invalid');
      }
    } finally {
      await app.close();
    }
  });
});
