/** The one Pothos schema builder. Fields are non-null unless marked otherwise. */
import SchemaBuilder from '@pothos/core';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { isObjectType } from 'graphql';
import type { Context } from './context.js';
import type { Json } from '../domain/entities.js';

/** The type name a malformed global id decodes to: no type has it. */
const NO_NODE = '__NoNode';

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
    // node(id) is a lookup like actor(id): a malformed id, or one of a type that has no node, finds
    // nothing (null) instead of an uncoded error.
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID);
      } catch {
        return { typename: NO_NODE, id: globalID };
      }
    },
    nodeQueryOptions: {
      nullable: true,
      resolve: (_root, args, _ctx, info, resolveNode) => {
        const type = info.schema.getType(args.id.typename);
        const isNode = isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
        return isNode ? resolveNode(args.id) : null;
      },
    },
    nodesQueryOptions: false,
  },
});

/** The builder's type parameters, for helpers generic over fields and arguments. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
builder.mutationType({});
