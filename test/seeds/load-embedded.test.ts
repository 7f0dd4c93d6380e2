import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { Store } from '../../src/store/port.js';
import { generateEcosystem } from '../../seeds/ecosystem.js';
import { loadEcosystem, type LoadPhase } from '../../seeds/load.js';
import type { PlanCounts } from '../../seeds/plan.js';

describe('loading the demo into the embedded store', () => {
  const plan = generateEcosystem();
  const expected = plan.counts();
  let store: Store;
  let loaded: PlanCounts;
  const progress = new Map<LoadPhase, { done: number; total: number; calls: number }>();

  beforeAll(async () => {
    store = await openEmbeddedStore({ file: ':memory:' });
    const started = performance.now();
    loaded = await loadEcosystem(store, plan, {
      onProgress: (phase, done, total) => progress.set(phase, { done, total, calls: (progress.get(phase)?.calls ?? 0) + 1 }),
    });
    console.log(`demo loaded into embedded :memory: in ${((performance.now() - started) / 1000).toFixed(2)} s`, loaded);
  });
  afterAll(() => store?.close());

  it('writes every item and reports progress per phase up to its total', () => {
    expect(loaded).toEqual(expected);
    for (const [phase, p] of progress) {
      expect(p.done).toBe(expected[phase]);
      expect(p.total).toBe(expected[phase]);
    }
  });

  it('shows the plan counts in store.stats()', async () => {
    expect(await store.stats()).toEqual({
      actors: expected.actors, ties: expected.ties, signals: expected.signals, responses: expected.responses,
      exchanges: expected.exchanges, insights: expected.insights, changes: expected.changes,
    });
  });

  it('leaves signals answered, assigned or open as planned', async () => {
    expect(await store.countSignals({ statuses: ['ANSWERED'] })).toBe(expected.responses);
    expect(await store.countSignals({ statuses: ['ASSIGNED'] })).toBe(expected.assignments - expected.responses);
    expect(await store.countSignals({ statuses: ['OPEN'] })).toBe(expected.signals - expected.assignments);
    const processes = new Set(plan.changes(Array(expected.insights).fill('x')).map((c) => c.processName));
    for (const batch of plan.signals()) for (const s of batch) for (const a of s.about) if (a.target === 'PROCESS') processes.add(a.ref);
    expect(await store.countProcesses()).toBe(processes.size);
  });

  it('is idempotent for actors, ties, signals and exchanges', async () => {
    const [firstActors] = plan.actors();
    const again = await store.upsertActors(firstActors);
    expect(again.created).toBe(0);
    const [firstSignals] = plan.signals();
    expect((await store.recordSignals(firstSignals)).created).toBe(0);
    const [firstExchanges] = plan.exchanges();
    expect((await store.recordExchanges(firstExchanges)).created).toBe(0);
  });
});
