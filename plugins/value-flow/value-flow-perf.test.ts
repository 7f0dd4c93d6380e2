/**
 * The value-flow analytics on the benchmark world (100,000 actors) with 1,000,000 value exchanges,
 * each in a real worker thread as the host runs it (after one warm-up in process). Slow to set up
 * (the world and its facts are built in memory): runs with OSMOSIS_PERF=1.
 */
import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, buildProjection, runAnalytic } from '../../src/plugin-api/index.js';
import { largeWorld } from '../silos/test-support/large.js';
import valueFlow from './index.js';

describe.runIf(process.env.OSMOSIS_PERF === '1')('value-flow on 100,000 actors and 1,000,000 exchanges', () => {
  it('computes every analytic on the whole world (times printed; npm run bench measures)', async () => {
    const world = largeWorld(1_000_000);
    const fixture = { ...world.fixture, ties: world.fixture.ties!.filter((t) => !Array.isArray(t) && (t as { type?: string }).type === 'MEMBER_OF') };
    const facts = buildFixtureFacts(fixture);
    const graph = buildProjection(fixture, { edges: 'EXCHANGES', weight: 'COUNT' });
    expect(facts.exchanges.count).toBe(1_000_000);
    expect(graph.nodeCount).toBe(100_000);
    const signalAt = new Date(facts.exchanges.occurredAt[0]).toISOString();
    const cases: [string, Record<string, unknown>][] = [
      ['balances', {}], ['reciprocity', {}], ['matrix', { groupBy: 'TEAM' }], ['matrix', { groupBy: 'COMMUNITY', reciprocity: false }], ['matrix', { groupBy: 'COMMUNITY' }],
      ['brokers', {}], ['series', { period: 'DAY' }], ['trace', { channel: 'email', occurredAt: signalAt }],
    ];
    for (const [analytic, params] of cases) {
      const times: number[] = [];
      for (const isolated of [false, true]) {
        const { computeMs } = await runAnalytic(valueFlow, analytic, params, { graph, facts, isolated, timeoutMs: 60_000 });
        times.push(computeMs);
      }
      console.log(`value-flow/${analytic} ${JSON.stringify(params)}: in process ${times[0].toFixed(0)} ms, worker ${times[1].toFixed(0)} ms`);
    }
  }, 600_000);
});
