/** Custom scalars: DateTime (ISO-8601, normalised to UTC) and JSONObject. */
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { hasFourDigitYear, isCanonicalInstant } from '../domain/inputs.js';
import type { Json } from '../domain/entities.js';

builder.addScalarType('DateTime', DateTimeISOResolver, {
  serialize: (value) => (typeof value === 'string' ? value : new Date(value as Date).toISOString()),
  // Canonical input comes back unchanged, skipping the full RFC 3339 check (per item of large batches).
  parseValue: (value) => (typeof value === 'string' && isCanonicalInstant(value)
    ? value
    : inStoredRange(new Date(DateTimeISOResolver.parseValue(value) as Date).toISOString(), value)),
  // Literals in the query text too: resolvers always receive canonical ISO strings. One parameter: a
  // date literal holds no variables (graphql-jit warns on every compile about a two-parameter one).
  parseLiteral: (ast) => inStoredRange(new Date(DateTimeISOResolver.parseLiteral(ast, undefined) as Date).toISOString(), ast),
});

/**
 * Instants are stored and compared as ISO text, which orders correctly only with a 4-digit year:
 * "9999-12-31T23:59:59-01:00" is year 10000 in UTC, and would sort before 2026.
 */
function inStoredRange(iso: string, input: unknown): string {
  if (!hasFourDigitYear(iso)) {
    const literal = typeof input === 'object' && input !== null && 'kind' in input ? (input as ValueNode) : undefined;
    const shown = literal?.kind === Kind.STRING ? literal.value : input;
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(shown)}: years 0000 to 9999 in UTC only`, { nodes: literal });
  }
  return iso;
}

// Variables inside an object literal still arrive (the rest parameter), but the declared arity is one:
// graphql-jit writes an unstructured line to stderr for every document that holds a literal of a
// scalar whose parseLiteral declares two parameters.
builder.addScalarType('JSONObject', JSONObjectResolver, {
  parseLiteral: (ast, ...rest: [(Record<string, unknown> | null)?]) => JSONObjectResolver.parseLiteral(ast, rest[0]) as Record<string, Json>,
});
