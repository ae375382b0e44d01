import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']
>;

/**
 * Fastify's own response serializers (fast-json-stringify), each built when its route first answers with that
 * status instead of at start-up. Building every route's serializers at start was about as costly as
 * compiling its validators, and most of the 60-odd routes are never called by a given process, which also
 * keeps their generated code out of memory. The serializers are the same; a malformed response schema now
 * shows on the route's first reply rather than at start (the OpenAPI test still checks every schema).
 */
export const serializersBuiltOnFirstUse: SerializerFactory = (externalSchemas, options) => {
  const build = SerializerSelector()(externalSchemas, options);
  return (route) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => {
      serialize ??= build(route) as (data: unknown) => string;
      return serialize(data);
    };
  };
};
