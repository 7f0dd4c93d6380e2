/** The one Pothos schema builder. Fields are non-null unless marked otherwise. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import type { Json } from '../domain/entities.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSONObject: { Input: Record<string, Json>; Output: Record<string, Json> };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { nullable: true },
    nodesQueryOptions: false,
  },
});

/** The builder's type parameters, for helpers generic over fields and arguments. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
builder.mutationType({});
