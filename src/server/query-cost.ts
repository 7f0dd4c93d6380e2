/**
 * The cost of an operation, estimated before it runs: each field costs 1, and a connection field
 * (one with `first`) costs its page size times what one of its items selects. Nested pages multiply,
 * so `actors(first: 1000) { ties(first: 1000) { other { ties(first: 1000) … } } }` is refused before
 * it reads a billion rows, while the depth and token limits alone would let it through.
 * graphql-query-complexity walks the document with the request's variables (`first: $n` counts).
 */
import type { Plugin } from 'graphql-yoga';
import { visit, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE, MAX_PAGE } from '../graphql/connection.js';
import { OsmosisError } from '../graphql/errors.js';

/** The code every query limit answers with (cost here, depth/tokens/aliases/directives in yoga.ts). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const pageSizeOf = (first: unknown): number =>
  typeof first === 'number' && Number.isInteger(first) && first >= 0 ? Math.min(first, MAX_PAGE) : DEFAULT_PAGE;

const estimator: ComplexityEstimator = ({ field, args, childComplexity }) =>
  field.args.some((a) => a.name === 'first') ? 1 + pageSizeOf(args.first) * childComplexity : 1 + childComplexity;

/** What an operation's cost depends on (the shape of envelop's execute and subscribe arguments). */
interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: Record<string, unknown> | null;
  operationName?: string | null;
}

function operationCost(args: Operation): number {
  return getComplexity({
    schema: args.schema, query: args.document, variables: args.variableValues ?? {},
    operationName: args.operationName ?? undefined, estimators: [estimator],
  });
}

function tooCostly(cost: number, maxCost: number): GraphQLError {
  return new OsmosisError(
    `The query would cost ${cost.toLocaleString('en-US')}, more than the limit of ${maxCost.toLocaleString('en-US')} ` +
    '(each field counts 1, a page multiplies what it selects by its size): ask for smaller pages and page through them.',
    QUERY_TOO_COMPLEX, { cost, maxCost },
  );
}

/**
 * The variables a document's cost depends on: those given to a `first` argument or to a directive
 * (@include/@skip). Most documents have none, so their cost is computed once.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inCostArgument = 0;
  visit(document, {
    Argument: {
      enter: (a) => { if (a.name.value === 'first') inCostArgument++; },
      leave: (a) => { if (a.name.value === 'first') inCostArgument--; },
    },
    Directive: { enter: () => { inCostArgument++; }, leave: () => { inCostArgument--; } },
    Variable: (v) => { if (inCostArgument > 0) names.add(v.name.value); },
  });
  return [...names];
}

/** At most this many costs kept per document (distinct values of its cost variables). */
const COSTS_PER_DOCUMENT = 256;

/** Refuses queries, mutations and subscriptions whose estimated cost exceeds `maxCost`. */
export function useQueryCost(maxCost: number): Plugin {
  // Yoga parses a query text once and reuses the document, so a document object is a cache key.
  const known = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  const costOf = (args: Operation): number => {
    let entry = known.get(args.document);
    if (!entry) known.set(args.document, (entry = { variables: costVariables(args.document), costs: new Map() }));
    const key = `${args.operationName ?? ''}\u0000${entry.variables.map((n) => JSON.stringify(args.variableValues?.[n] ?? null)).join(',')}`;
    let cost = entry.costs.get(key);
    if (cost === undefined) {
      cost = operationCost(args);
      if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
      entry.costs.set(key, cost);
    }
    return cost;
  };
  const check = (args: Operation): GraphQLError | null => {
    let cost: number;
    try {
      cost = costOf(args);
    } catch {
      return null; // invalid variables: execution reports them with the field at fault
    }
    return cost > maxCost ? tooCostly(cost, maxCost) : null;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
