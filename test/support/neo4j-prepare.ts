// CI helper: tsx test/support/neo4j-prepare.ts
// Builds the Neo4j launcher (Maven, first time only: ~2-3 min) before the tests, so no test waits on it.
// Exits non-zero when Java or Maven is missing and CI is set (the Neo4j suites must run there).
import { buildLauncher, javaAvailable } from './neo4j-harness.js';

const java = javaAvailable();
if (!java.ok) {
  const ci = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
  console.error(`neo4j-prepare: Java/Maven not available (${java.why}); the Neo4j suites ${ci ? 'cannot run' : 'will be skipped'}`);
  process.exit(ci && process.env.OSMOSIS_TEST_NEO4J !== '0' ? 1 : 0);
}
const started = performance.now();
await buildLauncher((line) => console.error(line));
console.error(`neo4j-prepare: launcher ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
