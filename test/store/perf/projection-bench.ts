/**
 * Measures the embedded store at scale: ingestion of N actors and M ties (through the Store API,
 * 10,000 per call), a projection of the whole graph, paging and traversal.
 *   npx tsx test/store/perf/projection-bench.ts [actors=100000] [ties=1000000] [file=:memory:]
 */
import { actorInput, tieInput, type ActorInput, type TieInput } from '../../../src/domain/inputs.js';
import { ACTOR_KINDS, TIE_TYPES } from '../../../src/domain/kinds.js';
import { openEmbeddedStore } from '../../../src/store/embedded/index.js';

const [actorsArg, tiesArg, fileArg] = process.argv.slice(2);
const N = Number(actorsArg ?? 100_000);
const M = Number(tiesArg ?? 1_000_000);
const file = fileArg ?? ':memory:';
const BATCH = 10_000;

/** mulberry32: a small seeded PRNG, so every run builds the same graph. */
let seed = 42;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const timed = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
  return result;
};
const key = (i: number): string => `bench:${i}`;

const store = await openEmbeddedStore({ file });
await timed(`upsert ${N} actors`, async () => {
  for (let start = 0; start < N; start += BATCH) {
    const batch: ActorInput[] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      batch.push(actorInput.parse({ key: key(i), kind: ACTOR_KINDS[i % ACTOR_KINDS.length], name: `Actor ${i}` }));
    }
    await store.upsertActors(batch);
  }
});
await timed(`upsert ${M} ties`, async () => {
  const seen = new Set<string>();
  for (let start = 0; start < M; start += BATCH) {
    const batch: TieInput[] = [];
    while (batch.length < Math.min(BATCH, M - start)) {
      // Preferential-ish attachment: low indexes are hubs.
      const from = Math.floor(N * random() ** 2);
      const to = Math.floor(N * random());
      const type = TIE_TYPES[Math.floor(random() * TIE_TYPES.length)];
      const id = `${from}|${to}|${type}`;
      if (seen.has(id)) continue;
      seen.add(id);
      batch.push(tieInput.parse({ fromKey: key(from), toKey: key(to), type, weight: 1 + Math.floor(random() * 5) }));
    }
    await store.upsertTies(batch);
  }
});
console.log(await store.stats());
for (let run = 1; run <= 3; run++) {
  const p = await timed(`projection (all ties), run ${run}`, () => store.projection({}));
  if (run === 3) console.log(`  nodes ${p.nodeCount}, edges ${p.edgeCount}, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}
await timed('projection (EMPLOYEE+TEAM, KNOWS+WORKS_WITH)', () =>
  store.projection({ nodeKinds: ['EMPLOYEE', 'TEAM'], tieTypes: ['KNOWS', 'WORKS_WITH'] }));
const hub = (await store.actorsByKeys([key(0)]))[0]!;
const ids = (await store.listActors({}, { first: 50 })).items.map((a) => a.id);
await timed('tiesOfActors(hub, BOTH, first 10)', () => store.tiesOfActors([hub.id], { direction: 'BOTH', first: 10 }));
await timed('tiesOfActors(50 actors, BOTH, first 10)', () => store.tiesOfActors(ids, { direction: 'BOTH', first: 10 }));
await timed('listActors(search "ctor 4242")', () => store.listActors({ search: 'ctor 4242' }, { first: 10 }));
await timed('neighborhood(hub, 2, 500)', () => store.neighborhood(key(0), 2, 500));
await timed(`shortestPath(${key(N - 1)} → ${key(N - 2)}, 6)`, () => store.shortestPath(key(N - 1), key(N - 2), 6));
await store.close();
