/**
 * `node(id)` and `nodes(ids)` on a query thread: a plugin may declare a Node type of its own, which
 * the thread's core schema does not hold, and Relay's resolver answers null for a type it does not
 * know. Here an id of such a type (or one that does not decode) fails the operation instead, so the
 * event loop, which holds every type, answers it.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { decodeGlobalID } from '@pothos/plugin-relay';

export function refuseForeignNodes(schema: GraphQLSchema): void {
  const fields = schema.getQueryType()?.getFields() ?? {};
  const known = (id: unknown) => {
    const typename = typeof id === 'string' ? decodeGlobalID(id).typename : '';
    const type = schema.getType(typename);
    if (!type || !isObjectType(type)) throw new Error(`no node type "${typename}" on this thread`);
  };
  for (const [name, ids] of [['node', (a: { id?: unknown }) => [a.id]], ['nodes', (a: { ids?: unknown[] }) => a.ids ?? []]] as const) {
    const field = fields[name];
    if (!field?.resolve) continue;
    const resolve: GraphQLFieldResolver<unknown, unknown, never> = field.resolve;
    field.resolve = (root, args, context, info) => {
      for (const id of ids(args)) known(id);
      return resolve(root, args as never, context, info);
    };
  }
}
