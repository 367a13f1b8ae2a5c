import SerializerSelector from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = SerializerSelector.SerializerFactory;

/**
 * fastify's reply serializers (fast-json-stringify), each compiled when its route and status first
 * answer instead of all at start. Every route × status gets its own generated function (the case
 * detail's is ~160 kB of source); compiling the 200-odd of them at start kept ~8 MiB of source text
 * alone for the life of the process, although most routes rarely answer.
 */
export function lazySerializers(factory: SerializerFactory = SerializerSelector()): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) => {
      let serialize: SerializerSelector.Serializer | undefined;
      return (doc) => (serialize ??= compile(route))(doc);
    };
  };
}
