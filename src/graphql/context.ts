/** What every resolver receives. Built once per request (HTTP or WebSocket operation). */
import type { Logger } from 'pino';
import type { Store } from '../store/port.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  store: Store;
  loaders: Loaders;
  requestId: string;
  log: Logger;
}

export const createContext = (store: Store, requestId: string, log: Logger): Context => ({
  store,
  loaders: createLoaders(store),
  requestId,
  log,
});
