import { createHash } from 'node:crypto';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type RouteSerializerCompiler = ReturnType<SerializerFactory>;
type Serialize = ReturnType<RouteSerializerCompiler>;

/**
 * Fastify compiles a reply serializer for every route and status, and fast-json-stringify
 * generates source for each: a case's is 160 kB, and some 70 routes answer with a case. Built
 * once per distinct schema, they leave the process about 12 MiB lighter at rest and 15–30 MiB
 * lighter at its peak under load (docs/operations.md, Memory). Serializers are pure functions of
 * their schema and the shared schemas, so routes whose schemas are equal may share one.
 */
export function sharedSerializers(): SerializerFactory {
  const build = SerializerSelector();
  const byContext = new Map<string, { byObject: WeakMap<object, Serialize>; byText: Map<string, Serialize> }>();
  return (externalSchemas, serializerOpts) => {
    const compile = build(externalSchemas, serializerOpts);
    const contextKey = JSON.stringify([externalSchemas ?? null, serializerOpts ?? null]);
    let cache = byContext.get(contextKey);
    if (!cache) byContext.set(contextKey, (cache = { byObject: new WeakMap(), byText: new Map() }));
    const { byObject, byText } = cache;
    return (route) => {
      const schema = route.schema;
      if (typeof schema !== 'object' || schema === null) return compile(route);
      const known = byObject.get(schema);
      if (known) return known;
      // Schemas built per route (a wrapper around the same parts) are equal without being the same object.
      const text = createHash('sha1').update(JSON.stringify(schema)).digest('base64');
      let serialize = byText.get(text);
      if (!serialize) byText.set(text, (serialize = compile(route)));
      byObject.set(schema, serialize);
      return serialize;
    };
  };
}
