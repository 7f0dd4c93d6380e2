/** Custom scalars: DateTime (ISO-8601, normalised to UTC) and JSONObject. */
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';
import { isCanonicalInstant } from '../domain/inputs.js';
import type { Json } from '../domain/entities.js';

builder.addScalarType('DateTime', DateTimeISOResolver, {
  serialize: (value) => (typeof value === 'string' ? value : new Date(value as Date).toISOString()),
  // Canonical input comes back unchanged, skipping the full RFC 3339 check (per item of large batches).
  parseValue: (value) => (typeof value === 'string' && isCanonicalInstant(value)
    ? value
    : new Date(DateTimeISOResolver.parseValue(value) as Date).toISOString()),
  // Literals in the query text too: resolvers always receive canonical ISO strings. One parameter: a
  // date literal holds no variables (graphql-jit warns on every compile about a two-parameter one).
  parseLiteral: (ast) => new Date(DateTimeISOResolver.parseLiteral(ast, undefined) as Date).toISOString(),
});
// Variables inside an object literal still arrive (the rest parameter), but the declared arity is one:
// graphql-jit writes an unstructured line to stderr for every document that holds a literal of a
// scalar whose parseLiteral declares two parameters.
builder.addScalarType('JSONObject', JSONObjectResolver, {
  parseLiteral: (ast, ...rest: [(Record<string, unknown> | null)?]) => JSONObjectResolver.parseLiteral(ast, rest[0]) as Record<string, Json>,
});
