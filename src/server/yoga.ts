/**
 * The GraphQL endpoint. The plugin list is ordered: limits first (they reject before any work),
 * then readiness, then logging.
 */
import { randomUUID } from 'node:crypto';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import { createContext, type Context } from '../graphql/context.js';
import { useRequestLog } from './request-log.js';
import { useInputErrorCodes } from './input-error-codes.js';

export interface YogaOptions {
  schema: GraphQLSchema;
  store: Store;
  log: Logger;
  graphiql: boolean;
  maxDepth: number;
  maxTokens: number;
}

export type OsmosisYoga = YogaServerInstance<Record<string, never>, Context>;

export function createOsmosisYoga(opts: YogaOptions): OsmosisYoga {
  return createYoga<Record<string, never>, Context>({
    schema: opts.schema,
    graphqlEndpoint: '/graphql',
    graphiql: opts.graphiql ? { title: 'Osmosis', defaultQuery: DEFAULT_QUERY } : false,
    landingPage: false,
    // Everything that is not a coded GraphQLError reaches the client as "Unexpected error.".
    maskedErrors: true,
    logging: false,
    healthCheckEndpoint: '/health',
    context: ({ request }) => {
      const requestId = request?.headers.get('x-request-id') ?? randomUUID();
      return createContext(opts.store, requestId, opts.log.child({ requestId }));
    },
    plugins: [
      // Query limits: depth, tokens, aliases, directives; cost is bounded by `first` caps.
      EnvelopArmorPlugin({
        maxDepth: { n: opts.maxDepth },
        maxTokens: { n: opts.maxTokens },
        maxAliases: { n: 30 },
        maxDirectives: { n: 50 },
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: false },
      }),
      useInputErrorCodes(),
      useReadinessCheck({ endpoint: '/ready', check: () => opts.store.ping() }),
      useRequestLog(),
    ],
  });
}

const DEFAULT_QUERY = `# Osmosis: the ecosystem graph of a social business.
# Try: the actors outside the organisation and what they told us lately.
query Ecosystem {
  actors(filter: { side: OUTSIDE }, first: 5) {
    totalCount
    nodes {
      key
      kind
      name
      signals(first: 2) { nodes { channel kind text status occurredAt } }
      ties(first: 3) { nodes { type other { key name kind } } }
    }
  }
}
`;
