import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) without an exports map: Node loads the CJS
    // build for yoga and Pothos, Vite would load the ESM one for our sources. One instance only.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts', 'plugins/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // One real Neo4j per worker, started on a worker's first request (OSMOSIS_TEST_NEO4J=0 skips them).
    globalSetup: ['test/support/neo4j-global-setup.ts'],
  },
});
