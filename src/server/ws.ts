/**
 * GraphQL over WebSocket (graphql-ws, protocol `graphql-transport-ws`) on the GraphQL endpoint. Every
 * operation goes through yoga's envelop (`yoga.getEnveloped`): the same parser limits, validation,
 * authentication, context and error masking as over HTTP. Credentials come in `connectionParams`;
 * they are checked when the connection opens (a refused client is closed with 4401) and again for
 * every operation, by the same plugin.
 *
 * Limits: connection_init must arrive within `initTimeoutMs` (else 4408), at most `maxSubscriptions`
 * operations per connection (TOO_MANY_SUBSCRIPTIONS), messages up to `maxMessageBytes` (else 1009),
 * a ping every `keepAliveMs` (a client that has not answered the previous one is terminated), and a
 * consumer that stays behind its subscription buffer is closed with 4413 (connection.ts).
 *
 * The binding of the graphql-ws protocol (`makeServer`) to `ws` is ours rather than graphql-ws'
 * `useServer`, so that keepalive, errors and logs follow this server's rules (pino, never the console).
 */
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import type { Logger } from 'pino';
import type { ConnectionControl } from '../graphql/context.js';
import { webSocketControl } from './connection.js';
import { OsmosisError } from '../graphql/errors.js';
import { originAllowed } from './cross-origin.js';
import { checkWellFormedVariables } from './well-formed-text.js';
import type { OsmosisServerContext, OsmosisYoga } from './yoga.js';

export interface WebSocketOptions {
  initTimeoutMs: number;
  keepAliveMs: number;
  maxMessageBytes: number;
  maxSubscriptions: number;
  /** OSMOSIS_CORS_ORIGINS: browsers send Origin on the upgrade, and CORS does not guard WebSockets. */
  corsOrigins?: readonly string[];
  log: Logger;
}

export interface GraphQLWebSocketServer {
  /** Open WebSocket connections. */
  connections(): number;
  /** Closes every connection (1001) and stops accepting new ones. */
  close(): Promise<void>;
}

/** Close code for a client refused at connection time (bad or missing API token). */
export const CLOSE_UNAUTHORIZED = 4401;
export { CLOSE_SLOW_CONSUMER } from './connection.js';

type Enveloped = ReturnType<OsmosisYoga['getEnveloped']>;

/** What graphql-ws hands our callbacks about the connection (its `ctx.extra`). */
interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

const asErrors = (error: unknown): readonly GraphQLError[] | null =>
  error instanceof GraphQLError ? [error] : null;

export function attachGraphQLWebSocket(server: Server, yoga: OsmosisYoga, options: WebSocketOptions): GraphQLWebSocketServer {
  const log = options.log;
  const wss = new WebSocketServer({
    server, path: yoga.graphqlEndpoint, maxPayload: options.maxMessageBytes, handleProtocols,
    // A page of another site could otherwise open a socket from a visitor's browser and run mutations.
    verifyClient: ({ origin }: { origin?: string }, done: (ok: boolean, code?: number, message?: string) => void) =>
      (!origin || originAllowed(origin, options.corsOrigins ?? []) ? done(true) : done(false, 403, 'Origin not allowed (OSMOSIS_CORS_ORIGINS)')),
  });
  const envelopes = new WeakMap<object, Enveloped>();
  const controls = new WeakMap<WebSocket, ConnectionControl>();

  const serverContext = (extra: Extra, connectionParams: Readonly<Record<string, unknown>> | undefined, params?: unknown): OsmosisServerContext => {
    let connection = controls.get(extra.socket);
    if (!connection) controls.set(extra.socket, (connection = webSocketControl(extra.socket, log)));
    return { req: extra.request as IncomingMessage, connectionParams: connectionParams ?? {}, connection, ...(params ? { params } : {}) };
  };

  const protocol = makeServer<Record<string, unknown>, Extra>({
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
        checkWellFormedVariables(payload.variables); // as over HTTP (yoga's onParams does not run here)
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
  });

  // The binding of graphql-ws to `ws`: keepalive, message size, errors logged here (never to the console).
  wss.on('connection', (socket, request) => {
    socket.on('error', (error) => log.warn({ err: error }, 'WebSocket connection error')); // ws closes it (e.g. 1009)
    let awaitingPong = false;
    const keepAlive = options.keepAliveMs > 0 ? setInterval(() => {
      if (awaitingPong) return socket.terminate(); // no pong since the last ping: the client is gone
      awaitingPong = true;
      socket.ping();
    }, options.keepAliveMs) : null;
    socket.on('pong', () => (awaitingPong = false));
    const closed = protocol.opened({
      protocol: socket.protocol,
      send: (data) => new Promise<void>((resolve, reject) => {
        if (socket.readyState !== socket.OPEN) return resolve();
        socket.send(data, (error) => (error ? reject(error) : resolve()));
      }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) => socket.on('message', (data) => {
        handle(String(data)).catch((error: unknown) => {
          // graphql-ws throws this plain Error for a well-formed message a client may not send (next,
          // connection_ack, ...): the client's fault, closed as any invalid message is, not logged as ours.
          if (error instanceof Error && /^Unexpected message of type \w+ received$/.test(error.message)) {
            log.info({ reason: error.message }, 'WebSocket client sent a message it may not send');
            socket.close(CloseCode.BadRequest, 'Invalid message received');
            return;
          }
          log.error({ err: error }, 'WebSocket message handling failed');
          socket.close(CloseCode.InternalServerError, 'Internal server error');
        });
      }),
    }, { socket, request });
    socket.once('close', (code, reason) => {
      if (keepAlive) clearInterval(keepAlive);
      closed(code, String(reason)).catch((error: unknown) => log.error({ err: error }, 'WebSocket close handling failed'));
    });
  });

  return {
    connections: () => wss.clients.size,
    /** Closes every connection (1001; cut after a second if the client does not answer), then the server. */
    async close() {
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down');
      const cut = setTimeout(() => wss.clients.forEach((socket) => socket.terminate()), 1_000);
      await closed;
      clearTimeout(cut);
    },
  };
}
