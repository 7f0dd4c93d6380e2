/**
 * Large worlds for benchmarks: the demo's company grown to `actors` actors (10% employees over
 * one team per function and site, 83% customers, 4% partners, 3% suppliers) with exactly `ties`
 * ties, streamed in batches. Signals and exchanges use the demo's generators, off by default.
 */
import type { Seed } from './random.js';
import { World, type WorldSizes } from './world.js';
import { largeTies } from './large-ties.js';
import { makePlan, type EcosystemPlan } from './plan.js';
import { stripUndefined } from './ecosystem.js';

export interface LargeGraphOptions {
  seed?: Seed;
  actors?: number;
  ties?: number;
  signals?: number;
  exchanges?: number;
  insights?: number;
  changes?: number;
  days?: number;
  batchSize?: number;
}

export const LARGE_DEFAULTS: Required<LargeGraphOptions> = {
  seed: 'osmosis-large', actors: 100_000, ties: 1_000_000, signals: 0, exchanges: 0,
  insights: 20, changes: 12, days: 365, batchSize: 5000,
};

/** How a total number of actors splits into kinds and teams. */
export function largeSizes(actors: number): WorldSizes {
  if (actors < 200) throw new RangeError('a large world needs at least 200 actors');
  const teams = 10 * Math.max(1, Math.round(actors / 20_000));
  const employees = Math.max(teams + 1, Math.round(actors * 0.1));
  const partners = Math.round(actors * 0.04);
  const suppliers = Math.round(actors * 0.03);
  return { teams, employees, partners, suppliers, customers: actors - 1 - teams - employees - partners - suppliers };
}

export function generateLargeGraph(options: LargeGraphOptions = {}): EcosystemPlan {
  const o = { ...LARGE_DEFAULTS, ...stripUndefined(options) };
  const world = new World(String(o.seed), largeSizes(o.actors));
  return makePlan({
    name: `Osmosis large (${o.actors} actors, ${o.ties} ties)`, world, batchSize: o.batchSize,
    ties: () => largeTies(world, o.ties), tieCount: o.ties,
    signals: o.signals, exchanges: o.exchanges, days: o.days, insights: o.insights, changes: o.changes,
    signalsPerInsight: 500,
  });
}
