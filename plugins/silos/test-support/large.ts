/**
 * The benchmark world of 100,000 actors and 1,000,000 ties (seeds/large.ts, the graph `npm run
 * bench` uses) as a testkit fixture, with 1,000,000 value exchanges drawn from a seeded generator,
 * for the silos and value-flow performance tests. Test code only.
 */
import type { FixtureExchange, FixtureTie, GraphFixture, ValueKind } from '../../../src/plugin-api/index.js';
import { VALUE_KINDS } from '../../../src/plugin-api/index.js';
import { generateLargeGraph } from '../../../seeds/large.js';
import { rng } from './graphs.js';

export interface LargeWorld {
  fixture: GraphFixture;
  actorCount: number;
  tieCount: number;
  exchangeCount: number;
}

/** The large world's actors and ties, plus `exchanges` exchanges over 2025 between random actors (a third crossing sides). */
export function largeWorld(exchanges = 1_000_000, seed = 7): LargeWorld {
  const plan = generateLargeGraph();
  const actors = [...plan.actors()].flat().map((a) => ({ key: a.key, kind: a.kind }));
  const ties: FixtureTie[] = [];
  for (const batch of plan.ties()) for (const t of batch) ties.push({ from: t.fromKey, to: t.toKey, type: t.type, weight: t.weight ?? 1, since: null });
  const random = rng(seed);
  const start = Date.parse('2025-01-01T00:00:00Z');
  const year = 365 * 86_400_000;
  const list: FixtureExchange[] = new Array(exchanges);
  for (let i = 0; i < exchanges; i++) {
    const from = actors[Math.floor(random() * actors.length)].key;
    // Half the exchanges answer an earlier one in the other direction, so that reciprocity has work to do.
    const previous = i > 0 && random() < 0.5 ? list[Math.floor(random() * i)] : null;
    const kind: ValueKind = VALUE_KINDS[Math.floor(random() * VALUE_KINDS.length)];
    list[i] = {
      from: previous ? previous.to : from,
      to: previous ? previous.from : actors[Math.floor(random() * actors.length)].key,
      kind,
      amount: Math.round(1 + random() * 999),
      occurredAt: new Date(start + Math.floor(random() * year)).toISOString(),
    };
  }
  return { fixture: { actors, ties, exchanges: list }, actorCount: actors.length, tieCount: ties.length, exchangeCount: exchanges };
}
