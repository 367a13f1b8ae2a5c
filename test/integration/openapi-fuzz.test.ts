import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { placeOrder } from '../helpers/returns.js';
import { client } from '../helpers/app.js';

/**
 * Walks every operation of /api/openapi.json with bad inputs derived from its schemas (wrong
 * types, huge strings, NUL, unicode, deep nesting, out-of-range numbers, non-canonical ids,
 * malformed multipart) and fails on any 5xx. FUZZ_RUNS sets the inputs per operation (100 by
 * default); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 8;

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; schema: Schema }[];
  body?: Schema;
  multipart: boolean;
}
interface Input {
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

let t: TestApp;
let shop: TestShop;
let realIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'fuzz');
  const api = client(t.baseUrl);
  const order = await placeOrder(api, shop.keys.owner);
  const created = await api('POST', '/api/v1/returns', {
    key: shop.keys.owner,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
  });
  realIds = [order.id, order.lines[0]!.id, created.body.id, order.customer?.id].filter((x): x is string => typeof x === 'string');
});
afterAll(() => t?.close());

const UUID = '01a24186-5c3e-7a51-9f0e-6b1d2c3e4f50';
const deep = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n));
const deepObject = (n: number) => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n));
// 20,000 levels: under the body limit, and deeper than any recursive walk survives (sent as text).
const DEEP_ARRAY = '['.repeat(20_000) + ']'.repeat(20_000);
const DEEP_OBJECT = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);

/** Strings no validator should let through to the database, and some it should. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    `urn:uuid:${UUID}`,
    `{${UUID}}`,
    UUID.toUpperCase(),
    UUID.replace(/-/g, ''),
    '00000000-0000-0000-0000-000000000000',
    '2016-12-31T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-01:00',
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    '0000-01-01',
    '2147483648',
    '-2147483649',
    '9223372036854775808',
    '1e308',
    'NaN',
    '-0',
    '0x10',
    'true',
    'null',
    '../../etc/passwd',
    "' or 1=1 --",
    '%00',
    '\ud800',
    '𝕽𝖊𝖙𝖔𝖚𝖗 退货 🧾',
    'javascript:alert(1)',
    'http://[::ffff:7f00:1]/',
    'a'.repeat(10_001),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, -1, 0, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false),
  fc.constantFrom(() => [], () => ({}), () => deep(200), () => deepObject(200)).map((make) => make()),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function resolve(schema: Schema | undefined, doc: Schema): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 5 && typeof s.$ref === 'string'; i++) {
    const ref = s.$ref as string;
    s = ref.startsWith('#/components/schemas/') ? (doc.components?.schemas?.[ref.slice(21)] ?? {}) : {};
  }
  return s;
}

/** A value that fits `schema` (so requests get past the validator), from fast-check. */
function fitting(schema: Schema, doc: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const variants = s.anyOf ?? s.oneOf;
  if (Array.isArray(variants) && variants.length) return fc.oneof(...variants.map((v: Schema) => fitting(v, doc, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(...realIds, UUID));
      if (s.format === 'date-time') return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date') return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'uri') return fc.webUrl();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
      return fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) }).filter((v) => v.length >= (s.minLength ?? 0));
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -(2 ** 40), -(2 ** 52)), max: Math.min(s.maximum ?? 2 ** 40, 2 ** 52) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e12, max: s.maximum ?? 1e12, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fitting(s.items ?? {}, doc, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = fitting(v, doc, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return nastyJson;
  }
}

/** A fitting value with one place somewhere inside replaced by something nasty (or the whole of it). */
function spoiled(schema: Schema, doc: Schema): fc.Arbitrary<unknown> {
  return fc.tuple(fitting(schema, doc), nastyJson, fc.nat(), fc.boolean()).map(([value, bad, pick, whole]) => {
    if (whole || value === null || typeof value !== 'object') return whole ? bad : value;
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          slots.push([v, i]);
          walk(x);
        });
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          slots.push([v as Record<string, unknown>, k]);
          walk(x);
        }
      }
    };
    walk(value);
    if (!slots.length) return bad;
    const [holder, key] = slots[pick % slots.length]!;
    (holder as Record<string | number, unknown>)[key] = bad;
    return value;
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
/** encodeURIComponent, but a lone surrogate goes out as the bytes Node would send (U+FFFD) instead of throwing. */
const enc = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

function multipartInputs(): fc.Arbitrary<{ contentType: string; payload: Buffer }> {
  const b = 'fuzzboundary';
  const part = (name: string, filename: string, content: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
  return fc.oneof(
    fc.constant({ contentType: 'multipart/form-data', payload: part('file', 'a.jpg', jpeg) }), // no boundary
    fc.constant({ contentType: `multipart/form-data; boundary=${b}`, payload: part('file', 'a.jpg', jpeg).subarray(0, 40) }), // truncated
    fc.constant({ contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.concat([part('file', 'a\u0000.jpg', jpeg), Buffer.from(`--${b}--\r\n`)]) }),
    fc.constant({ contentType: `multipart/form-data; boundary=other`, payload: Buffer.concat([part('file', 'a.jpg', jpeg), Buffer.from(`--${b}--\r\n`)]) }),
    fc.constant({ contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.from(`--${b}--\r\n`) }),
    fc.tuple(nastyString, nastyString, fc.uint8Array({ maxLength: 64 })).map(([name, filename, bytes]) => ({
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.concat([part(name.replace(/["\r\n]/g, ''), filename.replace(/["\r\n]/g, ''), Buffer.from(bytes)), Buffer.from(`--${b}--\r\n`)]),
    })),
    fc.tuple(nastyString, nastyString).map(([field, value]) => ({
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${field.replace(/["\r\n]/g, '')}"\r\n\r\n${value}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n${value}\r\n--${b}--\r\n`),
    })),
  );
}

function inputsFor(op: Operation, doc: Schema): fc.Arbitrary<Input> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => fc.oneof(fitting(p.schema, doc), nastyString))).map((values) =>
    values.reduce<string>((url, v, i) => url.replace(`{${pathParams[i]!.name}}`, enc(text(v)) || '%20'), op.path),
  );
  const queryArb = fc
    .tuple(
      ...queryParams.map((p) => fc.option(fc.oneof({ weight: 2, arbitrary: spoiled(p.schema, doc) }, { weight: 1, arbitrary: fitting(p.schema, doc) }), { nil: undefined })),
      fc.option(fc.tuple(nastyString, nastyString), { nil: undefined }),
    )
    .map((values) => {
      const pairs: string[] = [];
      values.slice(0, queryParams.length).forEach((v, i) => {
        if (v === undefined) return;
        for (const one of Array.isArray(v) ? v : [v]) pairs.push(`${enc(queryParams[i]!.name)}=${enc(text(one))}`);
      });
      const extra = values[queryParams.length] as [string, string] | undefined;
      if (extra) pairs.push(`${enc(extra[0])}=${enc(extra[1])}`);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });
  const bodyArb: fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }> = op.multipart
    ? fc.oneof({ weight: 3, arbitrary: multipartInputs() }, { weight: 1, arbitrary: nastyJson.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) })) })
    : op.body
      ? fc.oneof(
          { weight: 4, arbitrary: spoiled(op.body, doc).map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' })) },
          { weight: 2, arbitrary: fitting(op.body, doc).map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' })) },
          { weight: 1, arbitrary: fc.constantFrom('{', '{"a":1}{', '\u0000', '[]', 'null', '"x"', DEEP_ARRAY, DEEP_OBJECT).map((p) => ({ contentType: 'application/json', payload: p })) },
          { weight: 1, arbitrary: nastyString.map((p) => ({ contentType: 'text/plain', payload: p })) },
        )
      : fc.constant({});
  return fc.tuple(pathArb, queryArb, bodyArb).map(([path, query, body]) => ({
    url: `${path}${query}`,
    headers: { authorization: `Bearer ${shop.keys.owner}`, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
    payload: body.payload,
  }));
}

function operations(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).map((p: Schema) => ({ name: p.name, in: p.in, schema: p.schema ?? {} })),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

describe('OpenAPI fuzz: no input gives a 5xx', () => {
  it(`every operation, ${RUNS} generated bad inputs each (seed ${SEED})`, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Schema;
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let tried = 0;
    for (const [i, op] of ops.entries()) {
      const inputs = fc.sample(inputsFor(op, doc), { numRuns: RUNS, seed: SEED + i });
      for (let start = 0; start < inputs.length; start += CONCURRENCY) {
        await Promise.all(
          inputs.slice(start, start + CONCURRENCY).map(async (input) => {
            const res = await t.app.inject({ method: op.method as 'GET', url: input.url, headers: input.headers, payload: input.payload });
            tried++;
            if (res.statusCode >= 500) failures.push(`${op.method} ${input.url.slice(0, 300)} ${String(input.payload ?? '').slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          }),
        );
      }
    }
    console.log(`openapi fuzz: ${ops.length} operations, ${tried} inputs, ${failures.length} 5xx (seed ${SEED}, FUZZ_RUNS=${RUNS})`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);
});

describe('the inputs that gave 500 before (issue 14.3), each a 4xx now', () => {
  const inject = (method: string, url: string, options: { payload?: string | Buffer; headers?: Record<string, string> } = {}) =>
    t.app.inject({ method: method as 'GET', url, payload: options.payload, headers: { authorization: `Bearer ${shop.keys.owner}`, ...options.headers } });

  it('non-canonical UUIDs (a), deep nesting (b), NUL anywhere (c), unstorable dates (d), int4 overflow (f)', async () => {
    const cases: [string, string, number, string?, string?][] = [
      ['GET', `/api/v1/orders/urn:uuid:${UUID}`, 400],
      ['GET', `/api/v1/orders/%7B${UUID}%7D`, 400],
      ['GET', `/api/v1/returns?orderId=urn:uuid:${UUID}`, 400],
      ['PATCH', '/api/v1/shop', 400, DEEP_OBJECT, 'request.too_deep'],
      ['PATCH', '/api/v1/shop', 400, DEEP_ARRAY],
      ['GET', '/api/v1/orders?number=%00', 400],
      ['GET', '/portal/v1/shops/%00', 400],
      ['GET', '/api/v1/orders?placedFrom=2016-12-31T23:59:60Z', 400],
      ['GET', '/api/v1/orders?placedFrom=0000-01-01T00:00:00Z', 400],
      ['GET', '/api/v1/orders?placedFrom=10000-01-01T00:00:00Z', 400],
      ['GET', '/api/v1/analytics/predictions?minLines=2147483648', 400],
      // An unpaired surrogate in a key of a free-form object (jsonb refuses it): found by the fuzz test, seed 1214731195.
      ['PATCH', '/api/v1/notification-settings', 400, '{"\\ud800":"x"}', 'request.invalid'],
      ['PATCH', '/api/v1/shop', 400, '{"name":"\\udc00 shop"}', 'request.invalid'],
      // An unknown field: Type.Partial dropped the settings' additionalProperties: false, so it was stored and
      // echoed back; the closed reply schema caught it (fuzz seed 1234833482).
      ['PATCH', '/api/v1/notification-settings', 400, '{"smsDailyCap":5,"junk":"x"}', 'request.invalid'],
    ];
    for (const [method, url, status, payload, code] of cases) {
      const res = await inject(method, url, payload ? { payload, headers: { 'content-type': 'application/json' } } : {});
      expect([method, url, res.statusCode]).toEqual([method, url, status]);
      if (code) expect(res.json().error.code).toBe(code);
    }
  });

  it('a shop logo is an http(s) URL only (issue 14.8)', async () => {
    const patch = (logoUrl: string) => inject('PATCH', '/api/v1/shop', { payload: JSON.stringify({ logoUrl }), headers: { 'content-type': 'application/json' } });
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'vbscript:x', 'file:///etc/passwd', 'https:evil']) {
      expect([bad, (await patch(bad)).statusCode]).toEqual([bad, 400]);
    }
    expect((await patch('https://cdn.example.com/logo.png')).statusCode).toBe(200);
  });

  it('malformed multipart uploads are refused with 4xx (e)', async () => {
    const caseId = realIds[2]!;
    const b = 'xx';
    const head = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const jpeg = '\xff\xd8\xff\xe0';
    for (const [contentType, payload] of [
      ['multipart/form-data', `${head}${jpeg}\r\n--${b}--\r\n`],
      [`multipart/form-data; boundary=${b}`, head.slice(0, 30)],
      [`multipart/form-data; boundary=${b}`, `${head.replace('a.jpg', 'a\u0000.jpg')}${jpeg}\r\n--${b}--\r\n`],
    ] as const) {
      const res = await inject('POST', `/api/v1/returns/${caseId}/evidence`, { payload: Buffer.from(payload, 'latin1'), headers: { 'content-type': contentType } });
      expect([contentType, payload.slice(0, 120), res.statusCode, res.json().error.code]).toEqual([contentType, payload.slice(0, 120), 400, expect.any(String)]);
    }
  });

  it('two concurrent staff creations with one e-mail: one 201, one 409 staff.email_taken (g)', async () => {
    const body = JSON.stringify({ email: 'twice@fuzz.test', name: 'Twice', role: 'agent', password: 'long enough password 1' });
    const replies = await Promise.all([1, 2].map(() => inject('POST', '/api/v1/staff', { payload: body, headers: { 'content-type': 'application/json' } })));
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.statusCode === 409)!.json().error.code).toBe('staff.email_taken');
  });
});
