/**
 * An EcosystemPlan is what a generator hands the loader: replayable streams of batches for
 * what can be written straight away, and functions of stored ids for what refers to them
 * (responses and assignments need signal ids, changes need insight ids).
 */
import type { ActorInput, ChangeInput, ExchangeInput, InsightInput, ResponseInput, SignalInput, TieInput } from '../src/domain/inputs.js';
import type { World } from './world.js';
import { actorStream } from './actors.js';
import { batched, cached, count, replayable } from './batch.js';
import { exchangeStream } from './exchanges.js';
import { changeInputs, changeSpecs, insightInputs, insightSources } from './learning.js';
import { signalEvents, type SignalEvent } from './signals.js';
import { INSIGHTS } from './story.js';
import { REFERENCE_DATE } from './time.js';

export interface Assignment { signalId: string; assigneeKey: string }

export interface PlanCounts {
  actors: number;
  ties: number;
  signals: number;
  assignments: number;
  responses: number;
  exchanges: number;
  insights: number;
  changes: number;
}

export interface EcosystemPlan {
  readonly name: string;
  readonly seed: string;
  readonly referenceDate: string;
  readonly batchSize: number;
  readonly world: World;
  /** Exact numbers of items each stream yields (computed by a dry run when not known up front). */
  counts(): PlanCounts;
  actors(): Iterable<ActorInput[]>;
  ties(): Iterable<TieInput[]>;
  signals(): Iterable<SignalInput[]>;
  /** `signalIds[i]` is the stored id of the i-th signal yielded by `signals()`. */
  assignments(signalIds: readonly string[]): Iterable<Assignment[]>;
  responses(signalIds: readonly string[]): Iterable<ResponseInput[]>;
  exchanges(): Iterable<ExchangeInput[]>;
  insights(signalIds: readonly string[]): InsightInput[];
  /** `insightIds[j]` is the stored id of the j-th insight returned by `insights()`. */
  changes(insightIds: readonly string[]): ChangeInput[];
  /** Signals with their fate (routing, assignee, response), for tests and analytics checks. */
  signalEvents(): Iterable<SignalEvent>;
}

export interface PlanParts {
  name: string;
  world: World;
  batchSize: number;
  ties: () => Iterator<TieInput>;
  /** Known up front for generators that emit an exact number of ties. */
  tieCount?: number;
  signals: number;
  exchanges: number;
  /** Both spans end at REFERENCE_DATE. */
  days: number;
  insights: number;
  changes: number;
  /** Most signals one insight derives from. */
  signalsPerInsight: number;
}

/** Up to this many signals (with their fates) are kept in memory after the first read. */
const KEEP_SIGNALS = 50_000;

/** Fewer signals than this: no insights nor changes (see makePlan). */
export const MIN_SIGNALS_FOR_INSIGHTS = 100;

export function makePlan(p: PlanParts): EcosystemPlan {
  const { world, batchSize } = p;
  // Signals are read up to five times (counts, inputs, assignments, responses, insights): keep small streams.
  const generateEvents = () => signalEvents(world, { count: p.signals, days: p.days });
  const events = p.signals <= KEEP_SIGNALS ? cached(generateEvents) : replayable(generateEvents);
  // Insights are drawn from signals that precede them (the first on 2026-01-11): with fewer than
  // MIN_SIGNALS_FOR_INSIGHTS spread over the year, one could have none, so a smaller demo has no learning loop.
  const insightCount = p.signals >= MIN_SIGNALS_FOR_INSIGHTS ? Math.min(p.insights, INSIGHTS.length) : 0;
  const changes = changeSpecs(insightCount, p.changes);
  const checkIds = (ids: readonly string[], what: string, expected: number) => {
    if (ids.length !== expected) throw new RangeError(`expected ${expected} ${what} ids, got ${ids.length}`);
  };
  let counted: PlanCounts | undefined;

  return {
    name: p.name,
    seed: world.seed,
    referenceDate: REFERENCE_DATE,
    batchSize,
    world,
    counts() {
      if (counted) return counted;
      let assignments = 0, responses = 0;
      for (const e of events) {
        if (e.assigneeKey) assignments++;
        if (e.response) responses++;
      }
      return (counted = {
        actors: world.actorCount,
        ties: p.tieCount ?? count(replayable(p.ties)),
        signals: p.signals, assignments, responses, exchanges: p.exchanges,
        insights: insightCount, changes: changes.length,
      });
    },
    actors: () => batched(replayable(() => actorStream(world)), batchSize),
    ties: () => batched(replayable(p.ties), batchSize),
    signals: () => batched(map(events, (e) => e.input), batchSize),
    assignments(signalIds) {
      checkIds(signalIds, 'signal', p.signals);
      return batched(flatMap(events, (e) => (e.assigneeKey ? [{ signalId: signalIds[e.index], assigneeKey: e.assigneeKey }] : [])), batchSize);
    },
    responses(signalIds) {
      checkIds(signalIds, 'signal', p.signals);
      return batched(flatMap(events, (e) => (e.response ? [withSignal(e.response, signalIds[e.index])] : [])), batchSize);
    },
    exchanges: () => batched(replayable(() => exchangeStream(world, { count: p.exchanges, days: p.days })), batchSize),
    insights(signalIds) {
      checkIds(signalIds, 'signal', p.signals);
      return insightInputs(insightSources(events, insightCount, p.signalsPerInsight), signalIds);
    },
    changes(insightIds) {
      checkIds(insightIds, 'insight', insightCount);
      return changeInputs(changes, insightIds);
    },
    signalEvents: () => events,
  };
}

const map = <T, U>(items: Iterable<T>, f: (t: T) => U): Iterable<U> =>
  replayable(function* () { for (const t of items) yield f(t); });
const flatMap = <T, U>(items: Iterable<T>, f: (t: T) => U[]): Iterable<U> =>
  replayable(function* () { for (const t of items) yield* f(t); });

const withSignal = (r: Omit<ResponseInput, 'signalId'>, signalId: string): ResponseInput =>
  ({ signalId, responderKey: r.responderKey, text: r.text, channel: r.channel, respondedAt: r.respondedAt });
