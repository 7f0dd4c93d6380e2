// Dev benchmark of the Neo4j store:
//   tsx test/store/perf/neo4j-bench.ts [--large ACTORS:TIES ...] [--bulk ACTORS:TIES ...] [--skip-writes]
// Starts a throwaway Neo4j (or uses NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, wiping it!) and prints
// timings of a 10,000-actor upsert, a 5,000-signal batch, loading a large graph through the port
// (--large) or with raw Cypher (--bulk, faster, for projection sizes the port would take long to load),
// and projections of it.
import { parseArgs } from 'node:util';
import { actorInput, signalInput } from '../../../src/domain/inputs.js';
import { openNeo4jStore } from '../../../src/store/neo4j/index.js';
import { generateLargeGraph, loadEcosystem } from '../../../seeds/index.js';
import { startNeo4j, type Neo4jInstance } from '../../support/neo4j-harness.js';

const { values } = parseArgs({
  options: {
    large: { type: 'string', multiple: true, default: [] },
    bulk: { type: 'string', multiple: true, default: [] },
    'skip-writes': { type: 'boolean', default: false },
  },
});

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

let neo: Neo4jInstance | undefined;
let uri = process.env.NEO4J_URI;
let user = process.env.NEO4J_USER ?? 'neo4j';
let password = process.env.NEO4J_PASSWORD ?? '';
if (!uri) {
  const t0 = performance.now();
  neo = await startNeo4j({ auth: { user: 'neo4j', password: 'bench' } });
  ({ uri } = neo);
  user = 'neo4j';
  password = 'bench';
  console.log(`Neo4j started in ${ms(t0)} at ${uri}`);
}
const store = await openNeo4jStore({ uri, user, password, database: process.env.NEO4J_DATABASE ?? 'neo4j' });
try {
  await store.reset();
  for (let round = 1; round <= 3 && !values['skip-writes']; round++) {
    const actors = Array.from({ length: 10_000 }, (_, i) => actorInput.parse({
      key: `bench:${i}`, kind: i % 10 ? 'CUSTOMER' : 'EMPLOYEE', name: `Bench actor ${i}`, attributes: { i },
    }));
    const t0 = performance.now();
    const r = await store.upsertActors(actors);
    console.log(`upsertActors 10,000 (round ${round}: ${r.created} created, ${r.updated} updated): ${ms(t0)}`);
  }
  for (let round = 1; round <= 3 && !values['skip-writes']; round++) {
    const batch = Array.from({ length: 5000 }, (_, i) => signalInput.parse({
      channel: ['email', 'chat', 'web'][i % 3], externalId: `r${round}-${i}`, kind: 'FEEDBACK', text: `signal ${i}`,
      occurredAt: new Date(Date.UTC(2024, 0, 1, 0, i % 1440)).toISOString(), emitterKey: `bench:${i % 500}`,
      about: i % 10 === 0 ? [{ target: 'ACTOR', ref: `bench:${(i + 1) % 500}` }, { target: 'TOPIC', ref: `topic ${i % 7}` }] : [],
    }));
    const t0 = performance.now();
    await store.recordSignals(batch);
    const fresh = ms(t0);
    const t1 = performance.now();
    await store.recordSignals(batch);
    console.log(`recordSignals 5,000 (round ${round}): ${fresh}; re-sent: ${ms(t1)}`);
  }

  const projections = async () => {
    for (let round = 1; round <= 2; round++) {
      global.gc?.();
      const before = process.memoryUsage();
      const t1 = performance.now();
      const p = await store.projection({});
      const took = ms(t1);
      const after = process.memoryUsage();
      console.log(`projection ${p.nodeCount} nodes / ${p.edgeCount} edges (round ${round}): ${took}; ` +
        `heap +${mib(after.heapUsed - before.heapUsed)}, rss ${mib(after.rss)}`);
    }
  };
  for (const spec of values.large ?? []) {
    const [actors, ties] = spec.split(':').map(Number);
    await store.reset();
    const t0 = performance.now();
    const counts = await loadEcosystem(store, generateLargeGraph({ actors, ties }), { validate: false });
    console.log(`load ${counts.actors} actors + ${counts.ties} ties through the port: ${ms(t0)}`);
    await projections();
  }
  for (const spec of values.bulk ?? []) {
    const [actors, ties] = spec.split(':').map(Number);
    await store.reset();
    const plan = generateLargeGraph({ actors, ties });
    const t0 = performance.now();
    const conn = store.connection;
    const now = new Date().toISOString();
    for (const batch of plan.actors()) {
      await conn.plainWrite((tx) => tx.run(`UNWIND $rows AS r CREATE (:Actor {id: randomUUID(), key: r.key, kind: r.kind,
        name: r.name, attributes: '{}', createdAt: $now, updatedAt: $now, keyFold: toLower(r.key), nameFold: toLower(r.name)})`,
      { rows: batch.map((a) => ({ key: a.key, kind: a.kind, name: a.name })), now }));
    }
    let n = 0;
    for (const batch of plan.ties()) {
      n += batch.length;
      await conn.plainWrite((tx) => tx.run(`UNWIND $rows AS r MATCH (a:Actor {key: r.f}), (b:Actor {key: r.t})
        CREATE (a)-[:TIE {id: randomUUID(), type: r.type, weight: r.w, since: r.since}]->(b)`,
      { rows: batch.map((t) => ({ f: t.fromKey, t: t.toKey, type: t.type, w: t.weight ?? 1, since: t.since ?? null })) }));
    }
    console.log(`bulk load ${actors} actors + ${n} ties (raw Cypher): ${ms(t0)}`);
    await projections();
  }
} finally {
  await store.close();
  await neo?.stop();
}
