/** Custom scalars: DateTime (ISO-8601, normalised to UTC) and JSONObject. */
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('DateTime', DateTimeISOResolver, {
  serialize: (value) => (typeof value === 'string' ? value : new Date(value as Date).toISOString()),
  parseValue: (value) => new Date(DateTimeISOResolver.parseValue(value) as Date).toISOString(),
});
builder.addScalarType('JSONObject', JSONObjectResolver);
