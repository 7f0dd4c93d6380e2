import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { storeFactories } from '../support/stores.js';
import { countingStore, type CountingStore } from '../support/counting-store.js';
import { ActorsWithNetworkDocument } from '../../schema/generated/graphql.js';
import type { ActorInput, SignalInput, TieInput } from '../../src/domain/inputs.js';

/** A ring of n customers, each tied to the next two, each with three signals. */
async function ring(counting: CountingStore, n: number): Promise<void> {
  const actors: ActorInput[] = Array.from({ length: n }, (_, i) => ({ key: `c${String(i).padStart(4, '0')}`, kind: 'CUSTOMER', name: `C${i}`, attributes: {} }));
  const ties: TieInput[] = actors.flatMap((a, i) => [1, 2].map((d) => ({
    fromKey: a.key, toKey: actors[(i + d) % n].key, type: 'KNOWS' as const, weight: 1, since: null,
  })));
  const signals: SignalInput[] = actors.flatMap((a, i) => [0, 1, 2].map((j) => ({
    channel: 'chat', externalId: `${i}-${j}`, kind: 'QUESTION' as const, text: 'hi', sentiment: null,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i, j)).toISOString(), emitterKey: a.key, about: [],
  })));
  await counting.store.upsertActors(actors);
  await counting.store.upsertTies(ties);
  await counting.store.recordSignals(signals);
  counting.reset();
}

describe.each(storeFactories)('no N+1 ($name)', (factory) => {
  let app: TestApp;
  let counting: CountingStore;
  beforeEach(async () => {
    counting = countingStore(await factory.open());
    app = testApp(counting.store);
  });
  afterEach(async () => { await counting.store.close(); });

  it('a depth-2 query costs the same round trips for 5 or 100 results', async () => {
    await ring(counting, 120);
    const roundTrips = async (first: number) => {
      counting.reset();
      const data = await ok(app.yoga, ActorsWithNetworkDocument, { first, ties: 4, signals: 2 });
      expect(data.actors.nodes).toHaveLength(first);
      expect(data.actors.nodes[0].ties.nodes.length).toBeGreaterThan(0);
      expect(data.actors.nodes[0].ties.nodes[0].other.signals.nodes).toHaveLength(2);
      return { total: counting.total(), calls: Object.fromEntries(counting.calls) };
    };
    const small = await roundTrips(5);
    const large = await roundTrips(100);
    expect(large.total).toBe(small.total);
    // actors page, ties of all actors (with the actors at their other ends: TiePage.others), their
    // signals: one call per level, and the other ends cost none.
    expect(large.calls).toEqual({ listActors: 1, tiesOfActors: 1, signalsOfActors: 1 });
  });
});
