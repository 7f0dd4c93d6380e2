/**
 * GraphQL over WebSocket (graphql-ws, protocol `graphql-transport-ws`) on the GraphQL endpoint. Every
 * operation goes through yoga's envelop (`yoga.getEnveloped`): the same parser limits, validation,
 * authentication, context and error masking as over HTTP. Credentials come in `connectionParams`;
 * they are checked when the connection opens (a refused client is closed with 4401) and again for
 * every operation, by the same plugin.
 *
 * Limits: connection_init must arrive within `initTimeoutMs` (else 4408), at most `maxSubscriptions`
 * operations per connection (TOO_MANY_SUBSCRIPTIONS), messages up to `maxMessageBytes` (else 1009),
 * a ping every `keepAliveMs` (a client that does not answer is terminated), and a subscriber whose
 * buffer overflows is closed with 4413 (then terminated if it does not read its close frame).
 */
import type { Server } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { ConnectionControl } from '../graphql/context.js';
import { OsmosisError } from '../graphql/errors.js';
import type { OsmosisServerContext, OsmosisYoga } from './yoga.js';

export interface WebSocketOptions {
  initTimeoutMs: number;
  keepAliveMs: number;
  maxMessageBytes: number;
  maxSubscriptions: number;
  log: Logger;
}

export interface GraphQLWebSocketServer {
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes every connection (1001) and stops accepting new ones. */
  close(): Promise<void>;
}

/** Close codes of this server beyond those of the protocol. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_SLOW_CONSUMER = 4413;
/** How long a slow consumer has to read its close frame before the socket is cut. */
const SLOW_CONSUMER_GRACE_MS = 2_000;

type Enveloped = ReturnType<OsmosisYoga['getEnveloped']>;

/** Lets the subscription layer end a connection whose consumer fell behind. */
function connectionControl(socket: WebSocket, log: Logger): ConnectionControl {
  let closing = false;
  return {
    transport: 'ws',
    slowConsumer(reason) {
      if (closing) return;
      closing = true;
      log.warn({ reason }, 'closing a slow WebSocket consumer');
      socket.close(CLOSE_SLOW_CONSUMER, reason.slice(0, 120));
      const cut = setTimeout(() => socket.terminate(), SLOW_CONSUMER_GRACE_MS);
      socket.once('close', () => clearTimeout(cut));
    },
  };
}

const asErrors = (error: unknown): readonly GraphQLError[] | null =>
  error instanceof GraphQLError ? [error] : null;

export function attachGraphQLWebSocket(server: Server, yoga: OsmosisYoga, options: WebSocketOptions): GraphQLWebSocketServer {
  const log = options.log;
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: options.maxMessageBytes });
  const envelopes = new WeakMap<object, Enveloped>();
  const controls = new WeakMap<WebSocket, ConnectionControl>();

  const serverContext = (extra: Extra, connectionParams: Readonly<Record<string, unknown>> | undefined, params?: unknown): OsmosisServerContext => {
    let connection = controls.get(extra.socket);
    if (!connection) controls.set(extra.socket, (connection = connectionControl(extra.socket, log)));
    return { req: extra.request as IncomingMessage, connectionParams: connectionParams ?? {}, connection, ...(params ? { params } : {}) };
  };

  const disposable = useServer<Record<string, unknown>>({
    connectionInitWaitTimeout: options.initTimeoutMs,
    onConnect(ctx) {
      try {
        // Builds an envelope for its plugins' checks (authentication) only; operations build their own.
        yoga.getEnveloped(serverContext(ctx.extra, ctx.connectionParams));
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
        if (code === 'UNAUTHENTICATED') {
          ctx.extra.socket.close(CLOSE_UNAUTHORIZED, (error as Error).message.slice(0, 120));
          return false;
        }
        throw error;
      }
      return true;
    },
    async onSubscribe(ctx, _id, payload) {
      // graphql-ws has reserved this operation's id already: it counts itself.
      if (Object.keys(ctx.subscriptions).length > options.maxSubscriptions) {
        return [new OsmosisError(`Too many operations on this connection (at most ${options.maxSubscriptions})`, 'TOO_MANY_SUBSCRIPTIONS')];
      }
      try {
        const enveloped = yoga.getEnveloped(serverContext(ctx.extra, ctx.connectionParams, payload));
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length) return errors;
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
        };
        envelopes.set(args, enveloped);
        return args;
      } catch (error) {
        const errors = asErrors(error);
        if (errors) return errors;
        log.error({ err: error }, 'cannot prepare a WebSocket operation');
        return [new GraphQLError('Unexpected error.')];
      }
    },
    execute: (args) => envelopes.get(args)!.execute(args),
    subscribe: (args) => envelopes.get(args)!.subscribe(args),
  }, wss, options.keepAliveMs);

  return {
    connections: () => wss.clients.size,
    close: () => disposable.dispose() as Promise<void>,
  };
}
