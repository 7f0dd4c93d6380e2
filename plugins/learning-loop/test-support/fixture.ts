/**
 * The hand-worked ecosystem of the learning-loop tests (readAt 2026-06-01T00:00:00Z), read with
 * the window [2026-05-01, 2026-05-31) — 30 days — so the previous window is [2026-04-01, 2026-05-01).
 *
 * Signals (index = facts order, by occurredAt; emitter cus (OUTSIDE) unless said):
 *   s0 03-01 delivery −1.0   (before both windows)
 *   s1 04-05 delivery −0.2   s2 04-10 delivery −0.4   s3 04-12 billing 0.5   s4 04-20 billing (sentiment unknown)
 *   s5 05-02 delivery −0.6   s6 05-03 delivery −0.8   s7 05-04 delivery + app −0.7
 *   s8 05-06 app 0.2 (emitter emp, INSIDE)   s9 05-10 billing 0.4   s10 05-20 no topic, sentiment unknown
 * Insights (index = facts order, by createdAt):
 *   i0 04-15 from s1, s2 [delivery]   i1 05-05 from s3, s4 [billing]   i2 05-08 from s5, s6, s7 [delivery]
 *   i3 05-12 from s8 [app]            i4 05-25 from s9 [billing]
 * Changes: i0 → Courier contracts 04-25; i1 → Invoicing 05-15 and 05-20; i3 → App release 05-04
 * (before i3 was created: backdated); i2 → Courier contracts 05-30. i4 has none.
 * Processes: App release, Courier contracts, Delivery scheduling (never changed), Invoicing.
 */
import { buildFixtureFacts, type Facts, type GraphFixture } from '../../../src/plugin-api/index.js';

const at = (mmdd: string) => `2026-${mmdd}T00:00:00Z`;

export const FIXTURE: GraphFixture = {
  actors: [{ key: 'cus', kind: 'CUSTOMER' }, { key: 'emp', kind: 'EMPLOYEE' }],
  signals: [
    { occurredAt: at('03-01'), emitter: 'cus', topics: ['delivery'], sentiment: -1 },
    { occurredAt: at('04-05'), emitter: 'cus', topics: ['delivery'], sentiment: -0.2 },
    { occurredAt: at('04-10'), emitter: 'cus', topics: ['delivery'], sentiment: -0.4 },
    { occurredAt: at('04-12'), emitter: 'cus', topics: ['billing'], sentiment: 0.5 },
    { occurredAt: at('04-20'), emitter: 'cus', topics: ['billing'] },
    { occurredAt: at('05-02'), emitter: 'cus', topics: ['delivery'], sentiment: -0.6, kind: 'COMPLAINT' },
    { occurredAt: at('05-03'), emitter: 'cus', topics: ['delivery'], sentiment: -0.8, kind: 'COMPLAINT' },
    { occurredAt: at('05-04'), emitter: 'cus', topics: ['delivery', 'app'], sentiment: -0.7, kind: 'COMPLAINT' },
    { occurredAt: at('05-06'), emitter: 'emp', topics: ['app'], sentiment: 0.2, kind: 'IDEA', channel: 'intranet' },
    { occurredAt: at('05-10'), emitter: 'cus', topics: ['billing'], sentiment: 0.4 },
    { occurredAt: at('05-20'), emitter: 'cus' },
  ],
  insights: [
    { createdAt: at('04-15'), signals: [1, 2], topics: ['delivery'] },
    { createdAt: at('05-05'), signals: [3, 4], topics: ['billing'] },
    { createdAt: at('05-08'), signals: [5, 6, 7], topics: ['delivery'] },
    { createdAt: at('05-12'), signals: [8], topics: ['app'] },
    { createdAt: at('05-25'), signals: [9], topics: ['billing'] },
  ],
  changes: [
    { insight: 0, process: 'Courier contracts', appliedAt: at('04-25') },
    { insight: 1, process: 'Invoicing', appliedAt: at('05-15') },
    { insight: 1, process: 'Invoicing', appliedAt: at('05-20') },
    { insight: 3, process: 'App release', appliedAt: at('05-04') },
    { insight: 2, process: 'Courier contracts', appliedAt: at('05-30') },
  ],
};

/** Processes the fixture's signals are about without any change (the testkit only knows changed ones). */
export const UNCHANGED = ['Delivery scheduling'];

/** Facts with extra processes, as a store that knows them gives them (names ascending, change.process remapped). */
export function withProcesses(facts: Facts, extra: readonly string[]): Facts {
  const names = [...new Set([...facts.processes, ...extra])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(names.map((n, i) => [n, i]));
  const process = Int32Array.from(facts.changes.process, (p) => index.get(facts.processes[p])!);
  return { ...facts, processes: names, changes: { ...facts.changes, process } };
}

export const facts = (): Facts => withProcesses(buildFixtureFacts(FIXTURE), UNCHANGED);

export const DAY = 86_400_000;
/** The window of the tests. */
export const WINDOW = { previousSince: Date.parse(at('04-01')), since: Date.parse(at('05-01')), until: Date.parse(at('05-31')) };
