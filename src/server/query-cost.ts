/**
 * The cost of an operation, estimated before it runs: each field costs 1, and a connection field
 * (one with `first`) costs its page size times what one of its items selects. Nested pages multiply,
 * so `actors(first: 1000) { ties(first: 1000) { other { ties(first: 1000) … } } }` is refused before
 * it reads a billion rows, while the depth and token limits alone would let it through.
 * graphql-query-complexity walks the document with the request's variables (`first: $n` counts).
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE, MAX_PAGE } from '../graphql/connection.js';
import { OsmosisError } from '../graphql/errors.js';

/** The code every query limit answers with (cost here, depth/tokens/aliases/directives in yoga.ts). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const pageSizeOf = (first: unknown): number =>
  typeof first === 'number' && Number.isInteger(first) && first >= 0 ? Math.min(first, MAX_PAGE) : DEFAULT_PAGE;

const estimator: ComplexityEstimator = ({ field, args, childComplexity }) =>
  field.args.some((a) => a.name === 'first') ? 1 + pageSizeOf(args.first) * childComplexity : 1 + childComplexity;

export function operationCost(args: { schema: Parameters<typeof getComplexity>[0]['schema']; document: Parameters<typeof getComplexity>[0]['query'];
  variableValues?: Record<string, unknown> | null; operationName?: string | null }): number {
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

/** Refuses queries, mutations and subscriptions whose estimated cost exceeds `maxCost`. */
export function useQueryCost(maxCost: number): Plugin {
  const check = (args: Parameters<typeof operationCost>[0]): GraphQLError | null => {
    let cost: number;
    try {
      cost = operationCost(args);
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
