/**
 * Queries and mutations run compiled by graphql-jit, once per document. graphql-js interprets each
 * operation anew: it coerces every variable value field by field (about 7 µs per signal of a
 * recordSignals batch; the compiled parser takes about 1.4) and walks the whole selection per result
 * (the typical actor profile resolves ~350 fields; compiled, that query serves ~20% more requests/s).
 * graphql-jit's variable errors name only the variable, so an operation whose variables are invalid
 * (no resolver has run then) is answered by graphql-js instead, with its path-precise errors.
 * Subscriptions stay on graphql-js.
 */
import {
  execute, getNamedType, isScalarType, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

type Compiled = CompiledQuery | null; // null: graphql-jit could not compile it

export function useCompiledOperations(): Plugin {
  // Yoga parses a query text once and reuses the document, so a document object is a cache key.
  const compiled = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Compiled>>>();

  const compiledFor = (args: ExecutionArgs): Compiled => {
    let bySchema = compiled.get(args.schema);
    if (!bySchema) compiled.set(args.schema, (bySchema = new WeakMap()));
    let byName = bySchema.get(args.document);
    if (!byName) bySchema.set(args.document, (byName = new Map()));
    const name = args.operationName ?? '';
    let entry = byName.get(name);
    if (entry === undefined) {
      entry = compileOperation(args.schema, args.document, args.operationName);
      byName.set(name, entry);
    }
    return entry;
  };

  return {
    onExecute({ args, setExecuteFn }) {
      if (operationOf(args.document, args.operationName) === 'subscription') return;
      setExecuteFn(async (a: ExecutionArgs) => {
        const query = compiledFor(a);
        if (!query) return execute(a);
        const result = (await query.query(a.rootValue, a.contextValue, a.variableValues ?? {})) as ExecutionResult;
        // Errors without a path and without data come before execution: the variables were refused.
        const refused = result.errors?.length && !result.data && result.errors.every((e) => !e.path);
        return refused ? execute(a) : result;
      });
    },
  };
}

/** The operation compiled by graphql-jit, or null where it must run on graphql-js. */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Compiled {
  if (variableInScalarLiteral(schema, document)) return null;
  const result = compileQuery(schema, document, operationName ?? undefined);
  return isCompiledQuery(result) ? result : null;
}

/** The kind of operation `operationName` (or the only one) names in `document`. */
export function operationOf(document: DocumentNode, operationName: string | null | undefined): string | undefined {
  const ops = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  return op?.operation;
}

/**
 * Whether a variable stands inside the literal of a scalar, e.g. `attributes: { city: $c }` for a
 * JSONObject: graphql-jit parses such literals without variables and silently drops `city` (it
 * only warns on stderr), so those documents run on graphql-js. Variables elsewhere compile fine.
 */
function variableInScalarLiteral(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  const inScalar: boolean[] = [];
  let found = false;
  const enter = () => {
    const type = typeInfo.getInputType();
    inScalar.push(inScalar.at(-1) === true || (type !== null && type !== undefined && isScalarType(getNamedType(type))));
  };
  const leave = () => { inScalar.pop(); };
  visit(document, visitWithTypeInfo(typeInfo, {
    ObjectValue: { enter, leave },
    ListValue: { enter, leave },
    Variable: () => { if (inScalar.at(-1) === true) found = true; },
  }));
  return found;
}
