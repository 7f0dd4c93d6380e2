/**
 * The GraphQL endpoint. The plugin list is ordered: a body that is not a GraphQL request is refused
 * first, then authentication (nothing runs for an unknown client), then limits (they reject before
 * any work), then readiness, then logging.
 * HTTP, SSE and WebSocket (ws.ts, through `getEnveloped`) share this one envelop pipeline.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createYoga, maskError, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { codedDomainError } from '../graphql/errors.js';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import { createContext, type ConnectionControl, type Context } from '../graphql/context.js';
import type { RealtimeFeed } from '../graphql/types/subscription-topics.js';
import { useApiTokens } from './auth.js';
import { httpControl } from './connection.js';
import { useSharedSubscriptionResults } from './shared-subscriptions.js';
import { useRequestLog } from './request-log.js';
import { useInputErrorCodes } from './input-error-codes.js';
import { useCompiledOperations } from './compiled-operations.js';
import type { QueryThreads } from './query-threads/query-threads.js';
import { useQueryThreads } from './query-threads/use-query-threads.js';
import { useHealth } from './health.js';
import { requestIdOf, useRequestId } from './request-id.js';
import { useWellFormedText } from './well-formed-text.js';
import { corsFor, useNoMutationsFromForms, useVaryOrigin } from './cross-origin.js';
import { useUnsupportedMediaTypeError } from './unsupported-media.js';
import { useMalformedParamsError } from './malformed-params.js';
import { QUERY_TOO_COMPLEX, useQueryCost } from './query-cost.js';
import { useRequestBodyLimit } from './request-body-limit.js';

/** The largest request body accepted (yoga's default limit). */
export const MAX_REQUEST_BODY_BYTES = 25_000_000;

export interface YogaOptions {
  schema: GraphQLSchema;
  store: Store;
  log: Logger;
  graphiql: boolean;
  maxDepth: number;
  maxTokens: number;
  /** Largest estimated cost of an operation (query-cost.ts). */
  maxCost: number;
  /** Live events for subscriptions (realtime, issue 4). */
  realtime?: RealtimeFeed;
  /** Accepted API tokens; empty: no authentication. */
  apiTokens?: readonly string[];
  /** Origins whose pages may call the API (cross-origin.ts); empty: this machine's pages; ['*']: any. */
  corsOrigins?: readonly string[];
  /** Largest request body in bytes (OSMOSIS_MAX_BODY); default MAX_REQUEST_BODY_BYTES. */
  maxBody?: number;
  /** Threads that run read-only queries next to the embedded data (OSMOSIS_QUERY_THREADS). */
  queryThreads?: QueryThreads | null;
}

/**
 * What a transport hands yoga: over HTTP the node request (`req`, beside yoga's `request`); over
 * WebSocket the upgrade request, the connection_init payload and a handle on the connection.
 */
export interface OsmosisServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
  connectionParams?: Readonly<Record<string, unknown>>;
  connection?: ConnectionControl;
}

export type OsmosisYoga = YogaServerInstance<OsmosisServerContext, Context>;

/** Armor's limit errors carry no code: the same one as the cost limit's, so clients can tell them apart. */
const coded = (_: unknown, error: GraphQLError): void => {
  (error.extensions as Record<string, unknown>).code = QUERY_TOO_COMPLEX;
};

export function createOsmosisYoga(opts: YogaOptions): OsmosisYoga {
  return createYoga<OsmosisServerContext, Context>({
    schema: opts.schema,
    graphqlEndpoint: '/graphql',
    graphiql: opts.graphiql ? { title: 'Osmosis', defaultQuery: DEFAULT_QUERY } : false,
    // The page with GraphiQL's scripts inlined: yoga's default loads them from unpkg.com, which leaves
    // a blank page on a machine without internet access.
    renderGraphiQL,
    landingPage: false,
    // Everything that is not a coded GraphQLError or a domain error reaches the client as "Unexpected error.".
    maskedErrors: { maskError: (error, message, isDev) => codedDomainError(error) ?? maskError(error, message, isDev) },
    logging: false,
    // Yoga always installs its check, matching any URL that ends with this: a suffix with blanks, which
    // no request target can hold, turns it off; useHealth answers /health.
    healthCheckEndpoint: ' health is answered by useHealth ',
    cors: corsFor(opts.corsOrigins ?? []),
    // Enforced by useRequestBodyLimit, which reads the declared length instead of streaming every body.
    maxRequestBodySize: false,
    // Over WebSocket there is no `request`: the id comes from the upgrade request, else a new one.
    context: ({ request, req, res, connection }) => {
      const requestId = requestIdOf(request as Request | undefined, req);
      const log = opts.log.child({ requestId });
      return createContext(opts.store, requestId, log, {
        realtime: opts.realtime,
        connection: connection ?? (res ? httpControl(res, log) : undefined),
      });
    },
    plugins: [
      useUnsupportedMediaTypeError('/graphql'),
      useMalformedParamsError(),
      useWellFormedText(),
      useNoMutationsFromForms(),
      useVaryOrigin(),
      // API tokens (OSMOSIS_API_TOKENS): checked whenever an envelope is built, on every transport.
      useApiTokens(opts.apiTokens ?? []),
      // Query limits: depth, tokens, aliases, directives, then the cost of the pages asked for.
      EnvelopArmorPlugin({
        // Fields count, fragments do not: clients that compose queries from fragments (Relay, Apollo)
        // nest spreads several levels deep around a shallow selection.
        maxDepth: { n: opts.maxDepth, flattenFragments: true, onReject: [coded] },
        maxTokens: { n: opts.maxTokens, onReject: [coded] },
        maxAliases: { n: 30, onReject: [coded] },
        maxDirectives: { n: 50, onReject: [coded] },
        // Armor's cost limit ignores page sizes; useQueryCost multiplies by them.
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: false },
      }),
      useQueryCost(opts.maxCost),
      useInputErrorCodes(),
      // Queries and mutations compiled once per document (graphql-jit); subscriptions on graphql-js.
      useCompiledOperations(),
      ...(opts.queryThreads ? [useQueryThreads(opts.queryThreads)] : []),
      useHealth(),
      useRequestId(),
      useReadinessCheck({ endpoint: '/ready', check: () => opts.store.ping() }),
      // Subscriptions: one execution per event per distinct operation, whatever the subscriber count.
      useSharedSubscriptionResults(),
      useRequestLog(),
      useRequestBodyLimit(opts.maxBody ?? MAX_REQUEST_BODY_BYTES),
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
