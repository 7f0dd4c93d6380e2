/** What every resolver receives. Built once per request (HTTP or WebSocket operation). */
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import { createLoaders, type Loaders } from './loaders.js';
// --- realtime (issue 4): subscriptions' event feed and the client's connection --------------------
import type { RealtimeFeed } from './types/subscription-topics.js';

/** What the subscription layer may ask of the client's connection. */
export interface ConnectionControl {
  readonly transport: 'ws' | 'http';
  /** Ends the connection because its consumer fell too far behind (closed with a clear code). */
  slowConsumer(reason: string): void;
}

export interface Context {
  store: Store;
  /**
   * Per-request DataLoaders. A subscription swaps in the loaders its event was resolved with, shared
   * by every subscriber of that event on this instance, so N subscribers cost one store read.
   */
  loaders: Loaders;
  requestId: string;
  log: Logger;
  /** Committed events for subscriptions; absent where the server runs without them. */
  realtime?: RealtimeFeed;
  /** The client's connection, where the transport can act on it. */
  connection?: ConnectionControl;
}

export const createContext = (
  store: Store,
  requestId: string,
  log: Logger,
  extra: Pick<Context, 'realtime' | 'connection'> = {},
): Context => ({
  store,
  loaders: createLoaders(store),
  requestId,
  log,
  ...extra,
});
