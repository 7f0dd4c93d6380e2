/** Reads a whole plan into arrays (fine for the demo's size), with stand-in ids for stored signals and insights. */
import type { EcosystemPlan } from '../../seeds/plan.js';

export function materialise(plan: EcosystemPlan) {
  const actors = [...plan.actors()].flat();
  const ties = [...plan.ties()].flat();
  const signals = [...plan.signals()].flat();
  const signalIds = signals.map((_, i) => `sig-${i}`);
  const assignments = [...plan.assignments(signalIds)].flat();
  const responses = [...plan.responses(signalIds)].flat();
  const exchanges = [...plan.exchanges()].flat();
  const insights = plan.insights(signalIds);
  const changes = plan.changes(insights.map((_, j) => `ins-${j}`));
  return { actors, ties, signals, signalIds, assignments, responses, exchanges, insights, changes };
}

export type Materialised = ReturnType<typeof materialise>;

/** Index of a stand-in signal id. */
export const signalIndex = (id: string): number => Number(id.slice(4));
