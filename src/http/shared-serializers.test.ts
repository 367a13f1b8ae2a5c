import { describe, expect, it } from 'vitest';
import { sharedSerializers } from './shared-serializers.js';

const route = (schema: unknown, url = '/a') => ({ method: 'GET', url, httpStatus: '200', schema });
const Case = () => ({ type: 'object', properties: { id: { type: 'string' }, amountMinor: { type: 'integer' } } });

describe('sharedSerializers', () => {
  it('gives routes with the same schema, or equal ones, one serializer that still serialises by the schema', () => {
    const compile = sharedSerializers()({}, {});
    const schema = Case();
    const first = compile(route(schema, '/a'));
    expect(compile(route(schema, '/b'))).toBe(first);
    expect(compile(route(Case(), '/c'))).toBe(first);
    // Undeclared fields are dropped, as fast-json-stringify does for every route.
    expect(first({ id: 'x', amountMinor: 5, secret: 'no' })).toBe('{"id":"x","amountMinor":5}');
  });

  it('compiles apart what differs: the schema, the shared schemas, the options', () => {
    const factory = sharedSerializers();
    const compile = factory({}, {});
    const first = compile(route(Case()));
    const other = compile(route({ type: 'object', properties: { id: { type: 'string' } } }));
    expect(other).not.toBe(first);
    expect(other({ id: 'x', amountMinor: 5 })).toBe('{"id":"x"}');
    const withShared = factory({ Error: { $id: 'Error', type: 'object', properties: { code: { type: 'string' } } } }, {});
    expect(withShared(route(Case()))).not.toBe(first);
    expect(factory({}, { rounding: 'floor' })(route(Case()))).not.toBe(first);
    // A second context with the same shared schemas reuses the first's serializers.
    expect(factory({}, {})(route(Case()))).toBe(first);
  });
});
