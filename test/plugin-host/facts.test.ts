/**
 * Analytics that declare `facts: true` get the activity facts in their worker, in shared memory,
 * built once per graph version; analytics that do not declare it get none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseInput, signalInput } from '../../src/domain/inputs.js';
import type { PluginHost } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import factsReader from '../fixtures/plugins/facts-reader/index.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, hostOf, seedHandGraph } from './support.js';

describe('facts for analytics', () => {
  let store: Store;
  let host: PluginHost;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    await seedHandGraph(store);
    host = hostOf(store, [candidate('./facts-reader', factsReader)]);
  });
  afterAll(async () => {
    await host.close();
    await store.close();
  });

  it('hands the facts to the worker in shared memory and rebuilds them only when the graph changes', async () => {
    const first = await host.run<Record<string, unknown>>('facts-reader', 'count');
    expect(first.value).toEqual({ actors: 4, signals: 0, answered: 0, responses: 0, exchanges: 3, shared: true });
    expect(host.stats().facts.builds).toBe(1);

    const { items: [s] } = await store.recordSignals([signalInput.parse({
      channel: 'email', externalId: 'm1', kind: 'QUESTION', text: 'where is my order?', occurredAt: '2026-02-01T00:00:00Z', emitterKey: 'b',
    })]);
    await store.respond([responseInput.parse({ signalId: s.id, responderKey: 'a', text: 'on its way' })]);
    const second = await host.run<Record<string, unknown>>('facts-reader', 'count');
    expect(second.value).toMatchObject({ signals: 1, answered: 1, responses: 1 });
    expect(host.stats().facts.builds).toBe(2);
  });

  it('gives no facts to an analytic that does not declare them', async () => {
    await expect(host.run('facts-reader', 'blind')).rejects.toMatchObject({ extensions: { code: 'PLUGIN_FAILED' } });
    await expect(host.run('facts-reader', 'blind')).rejects.toThrow(/does not declare `facts: true`/);
  });
});
