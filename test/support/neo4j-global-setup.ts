/**
 * vitest globalSetup: decides whether the Neo4j suites run, and serves each worker its own Neo4j
 * (see neo4j.ts). Servers start lazily, on a worker's first request, so a run without Neo4j tests
 * starts none; they stop when the run ends.
 *
 * - OSMOSIS_TEST_NEO4J=0: Neo4j suites are skipped.
 * - java or mvn missing: skipped with the reason, unless CI is set, where the run fails instead.
 * - a server that fails to start fails the tests that need it (never a silent skip).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { javaAvailable, startNeo4j, type Neo4jInstance } from './neo4j-harness.js';
import type { Neo4jTestEnv } from './neo4j.js';

export const TEST_USER = 'neo4j';
export const TEST_PASSWORD = 'osmosis-test';

const isCi = (): boolean => !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provide = (env: Neo4jTestEnv) => project.provide('neo4j', env);
  if (process.env.OSMOSIS_TEST_NEO4J === '0') {
    console.info('[neo4j] Neo4j suites skipped: OSMOSIS_TEST_NEO4J=0');
    provide({ status: 'skipped', reason: 'OSMOSIS_TEST_NEO4J=0' });
    return async () => {};
  }
  const java = javaAvailable();
  if (!java.ok) {
    const reason = `Java/Maven not available (${java.why})`;
    if (isCi()) throw new Error(`CI is set but Neo4j cannot start: ${reason}. Install Java 17 and Maven, or set OSMOSIS_TEST_NEO4J=0.`);
    console.info(`[neo4j] Neo4j suites skipped: ${reason}`);
    provide({ status: 'skipped', reason });
    return async () => {};
  }

  const instances = new Map<string, Promise<Neo4jInstance>>();
  const serverFor = (worker: string): Promise<Neo4jInstance> => {
    let instance = instances.get(worker);
    if (!instance) {
      // A failed start is reported to the worker (with the launcher's last stderr lines) and not retried.
      instance = startNeo4j({ auth: { user: TEST_USER, password: TEST_PASSWORD } });
      instances.set(worker, instance);
    }
    return instance;
  };

  const broker: Server = createServer((req, res) => {
    const m = /^\/neo4j\/([\w-]+)$/.exec(req.url ?? '');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m) return reply(404, { error: `unknown path ${req.url}` });
    serverFor(m[1]).then(
      (n) => reply(200, { uri: n.uri, user: TEST_USER, password: TEST_PASSWORD }),
      (e: unknown) => reply(500, { error: (e as Error).message }),
    );
  });
  // Starting a server can take minutes the first time (Maven builds the launcher): no socket timeouts.
  broker.requestTimeout = 0;
  broker.headersTimeout = 0;
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  const { port } = broker.address() as AddressInfo;
  provide({ status: 'available', broker: `http://127.0.0.1:${port}` });

  return async () => {
    broker.close();
    const started = await Promise.allSettled(instances.values());
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    if (started.length) console.info(`[neo4j] stopped ${started.filter((s) => s.status === 'fulfilled').length} Neo4j server(s)`);
  };
}
