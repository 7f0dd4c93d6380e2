/**
 * Writes a plan through the Store port: batch methods only (≤ 5,000 items per call), inputs
 * validated with the domain schemas first like every other write path. Meant for an empty store:
 * actors, ties, signals and tangible exchanges are idempotent, but responses, insights and changes
 * would be added again on a second run.
 */
import type { Store } from '../src/store/port.js';
import {
  actorInput, changeInput, exchangeInput, insightInput, parseBatch, parseInput, responseInput, signalInput, tieInput,
} from '../src/domain/inputs.js';
import type { EcosystemPlan, PlanCounts } from './plan.js';

export type LoadPhase = keyof PlanCounts;

export interface LoadOptions {
  onProgress?(phase: LoadPhase, done: number, total: number): void;
  /** Assignments in flight at once (the port assigns one signal per call). */
  concurrency?: number;
  /** Validate inputs with the zod schemas before writing (default true). */
  validate?: boolean;
}

/** Largest batch sent in one call, below the port's MAX_BATCH so one transaction stays small. */
export const LOAD_BATCH = 5000;

export async function loadEcosystem(store: Store, plan: EcosystemPlan, options: LoadOptions = {}): Promise<PlanCounts> {
  const totals = plan.counts();
  const validate = options.validate ?? true;
  const done: PlanCounts = { actors: 0, ties: 0, signals: 0, assignments: 0, responses: 0, exchanges: 0, insights: 0, changes: 0 };
  const progress = (phase: LoadPhase, n: number) => {
    done[phase] += n;
    options.onProgress?.(phase, done[phase], totals[phase]);
  };
  const check = <T>(schema: Parameters<typeof parseBatch>[0], batch: T[], root: string): T[] =>
    validate ? (parseBatch(schema, batch, root) as T[]) : batch;

  for (const batch of chunks(plan.actors())) {
    await store.upsertActors(check(actorInput, batch, 'actors'));
    progress('actors', batch.length);
  }
  for (const batch of chunks(plan.ties())) {
    await store.upsertTies(check(tieInput, batch, 'ties'));
    progress('ties', batch.length);
  }
  const signalIds: string[] = [];
  for (const batch of chunks(plan.signals())) {
    const { items } = await store.recordSignals(check(signalInput, batch, 'signals'));
    for (const s of items) signalIds.push(s.id);
    progress('signals', batch.length);
  }
  // Assign before responding: the respond call marks a signal ANSWERED, an assignment must not undo that.
  const concurrency = Math.max(1, options.concurrency ?? 8);
  for (const batch of chunks(plan.assignments(signalIds))) {
    for (let i = 0; i < batch.length; i += concurrency) {
      const slice = batch.slice(i, i + concurrency);
      await Promise.all(slice.map((a) => store.assignSignal(a.signalId, a.assigneeKey)));
      progress('assignments', slice.length);
    }
  }
  for (const batch of chunks(plan.responses(signalIds))) {
    await store.respond(check(responseInput, batch, 'responses'));
    progress('responses', batch.length);
  }
  for (const batch of chunks(plan.exchanges())) {
    await store.recordExchanges(check(exchangeInput, batch, 'exchanges'));
    progress('exchanges', batch.length);
  }
  const insightIds: string[] = [];
  for (const input of plan.insights(signalIds)) {
    const insight = await store.createInsight(validate ? parseInput(insightInput, input, ['insight']) : input);
    insightIds.push(insight.id);
    progress('insights', 1);
  }
  for (const input of plan.changes(insightIds)) {
    await store.applyChange(validate ? parseInput(changeInput, input, ['change']) : input);
    progress('changes', 1);
  }
  return done;
}

/** Re-cuts batches that exceed LOAD_BATCH, whatever batch size the plan uses. */
function* chunks<T>(batches: Iterable<T[]>): Generator<T[]> {
  for (const b of batches) {
    for (let i = 0; i < b.length; i += LOAD_BATCH) yield b.length <= LOAD_BATCH ? b : b.slice(i, i + LOAD_BATCH);
  }
}
