/**
 * Composition root: configuration → store → schema → server. Everything a running Osmosis is
 * made of is wired here and nowhere else.
 */
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Store } from './store/port.js';
import { openStore } from './store/open.js';
import { buildSchema } from './graphql/schema.js';
import { createOsmosisYoga, type OsmosisYoga } from './server/yoga.js';
import { listen, type RunningServer } from './server/http.js';
import { createLogger } from './server/logger.js';

export interface Osmosis {
  config: Config;
  store: Store;
  yoga: OsmosisYoga;
  log: Logger;
}

/** Builds the service around a store (tests pass their own; `start` opens the configured one). */
export function createOsmosis(config: Config, store: Store, log: Logger = createLogger(config.LOG_LEVEL)): Osmosis {
  const yoga = createOsmosisYoga({
    schema: buildSchema(),
    store,
    log,
    graphiql: config.OSMOSIS_GRAPHIQL,
    maxDepth: config.OSMOSIS_MAX_DEPTH,
    maxTokens: config.OSMOSIS_MAX_TOKENS,
  });
  return { config, store, yoga, log };
}

export interface StartedOsmosis extends Osmosis {
  http: RunningServer;
  stop(): Promise<void>;
}

export async function startOsmosis(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<StartedOsmosis> {
  const store = await openStore(config);
  const osmosis = createOsmosis(config, store, log);
  const http = await listen(osmosis.yoga, config.HOST, config.PORT);
  return {
    ...osmosis,
    http,
    async stop() {
      await http.close();
      await store.close();
    },
  };
}
