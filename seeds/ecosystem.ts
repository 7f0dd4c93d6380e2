/**
 * "Osmosis demo": Aurora Caffè, a mid-size Italian maker of espresso machines and coffee with
 * international customers — ~300 actors of every kind, ~5,000 signals, ~3,000 value exchanges,
 * 20 insights and 12 process changes, deterministic for a seed.
 */
import type { Seed } from './random.js';
import { World } from './world.js';
import { demoTies } from './ties.js';
import { makePlan, type EcosystemPlan } from './plan.js';

export interface EcosystemOptions {
  seed?: Seed;
  teams?: number;
  /** Includes the CEO. */
  employees?: number;
  customers?: number;
  partners?: number;
  suppliers?: number;
  signals?: number;
  exchanges?: number;
  /** At most 20 (the story has 20 clusters). */
  insights?: number;
  /** At most 12. */
  changes?: number;
  /** Signals and exchanges span this many days before the reference date. */
  days?: number;
  /** Items per batch; the loader never sends more than 5,000 per call. */
  batchSize?: number;
}

export const DEMO_DEFAULTS: Required<EcosystemOptions> = {
  seed: 'osmosis-demo', teams: 10, employees: 120, customers: 120, partners: 25, suppliers: 25,
  signals: 5000, exchanges: 3000, insights: 20, changes: 12, days: 365, batchSize: 1000,
};

export function generateEcosystem(options: EcosystemOptions = {}): EcosystemPlan {
  const o = { ...DEMO_DEFAULTS, ...stripUndefined(options) };
  const world = new World(String(o.seed), {
    teams: o.teams, employees: o.employees, customers: o.customers, partners: o.partners, suppliers: o.suppliers,
  });
  return makePlan({
    name: 'Osmosis demo', world, batchSize: o.batchSize, ties: () => demoTies(world),
    signals: o.signals, exchanges: o.exchanges, days: o.days, insights: o.insights, changes: o.changes,
    signalsPerInsight: 500,
  });
}

export const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
