/**
 * Connection handles for the subscription layer: what "close this slow consumer" means on each
 * transport. WebSocket: a close frame with 4413 and the reason, then the socket is cut if the client
 * does not read it. HTTP (SSE): the subscription ends with a SLOW_CONSUMER error event; a client that
 * does not read it has its response destroyed. The grace timer never outlives the connection.
 */
import type { ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { ConnectionControl } from '../graphql/context.js';

export const CLOSE_SLOW_CONSUMER = 4413;
/** How long a slow consumer has to read its close frame or final event before the socket is cut. */
export const SLOW_CONSUMER_GRACE_MS = 2_000;

export function webSocketControl(socket: WebSocket, log: Logger): ConnectionControl {
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

export function httpControl(res: ServerResponse, log: Logger): ConnectionControl {
  let closing = false;
  return {
    transport: 'http',
    slowConsumer(reason) {
      if (closing || res.writableEnded || res.destroyed) return;
      closing = true;
      log.warn({ reason }, 'ending a slow SSE consumer');
      const cut = setTimeout(() => res.destroy(), SLOW_CONSUMER_GRACE_MS);
      res.once('close', () => clearTimeout(cut));
    },
  };
}
