/** Custom scalars: DateTime (ISO-8601, normalised to UTC) and JSONObject. */
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';
import { isCanonicalInstant } from '../domain/inputs.js';

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
builder.addScalarType('JSONObject', JSONObjectResolver);
