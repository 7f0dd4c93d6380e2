/**
 * The silos analytic on the benchmark world (100,000 actors, 1,000,000 ties): the whole compute —
 * undirected view, Louvain, profiles, E-I, crossings, spanners — in a real worker thread as the
 * host runs it. Slow to set up (the world is generated in memory): runs with OSMOSIS_PERF=1.
 */
import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, buildProjection, runAnalytic } from '../../src/plugin-api/index.js';
import silos from './index.js';
import type { SilosResult } from './params.js';
import { largeWorld } from './test-support/large.js';

describe.runIf(process.env.OSMOSIS_PERF === '1')('silos on 100,000 actors and 1,000,000 ties', () => {
  it('computes on the whole world, in process and in a worker (times printed; npm run bench measures)', async () => {
    const world = largeWorld(0);
    const graph = buildProjection(world.fixture, { edges: 'TIES' });
    const facts = buildFixtureFacts(world.fixture);
    expect(graph.nodeCount).toBe(100_000);
    expect(world.tieCount).toBe(1_000_000);
    const times: number[] = [];
    for (const isolated of [false, true, true]) {
      const { value, computeMs } = await runAnalytic<SilosResult>(silos, 'silos', {}, { graph, facts, isolated, timeoutMs: 60_000 });
      times.push(computeMs);
      console.log(`silos (${isolated ? 'worker' : 'in process'}): ${computeMs.toFixed(0)} ms, ${value.communityCount} communities, Q = ${value.modularity.toFixed(4)}, ${graph.edgeCount} edges`);
    }
  }, 300_000);
});
