/**
 * Which queries a query thread runs: those whose every field resolves from the store alone. The
 * plugin host's fields (plugins, analytics) live on the event loop, and introspection must describe
 * the whole schema, plugins' types included, which the thread's schema does not hold.
 */
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

const ON_THE_EVENT_LOOP: ReadonlySet<string> = new Set(['Query.plugins', 'Query.analytics', '__schema', '__type']);

export function runsOnStoreAlone(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let alone = true;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const name = node.name.value;
      const parent = typeInfo.getParentType()?.name;
      if (ON_THE_EVENT_LOOP.has(name) || ON_THE_EVENT_LOOP.has(`${parent}.${name}`)) alone = false;
    },
  }));
  return alone;
}
