/**
 * Event hooks: `onSignalsRecorded` sees each batch of newly recorded signals once, may enrich
 * those signals (and only those) through the narrow write capability, and cannot stall or break
 * the others: a hook that throws or hangs is logged and counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../src/domain/events.js';
import { actorInput, signalInput } from '../../src/domain/inputs.js';
import type { EventHub, EventListener } from '../../src/events/hub.js';
import { definePlugin, type Enrichment, type SignalView } from '../../src/plugin-api/index.js';
import { createPluginHost, type SignalEnrichmentWriter } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog, hostOf } from './support.js';

/** A hub driven by the test: `flush` hands the store's new outbox events to the listeners. */
function manualHub(store: Store) {
  const listeners = new Set<EventListener>();
  let seq = 0;
  const hub: EventHub = {
    subscribe(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    replay: (after, limit) => store.readOutbox(after, limit),
    head: () => seq,
    poke() {},
    async start() {},
    async stop() {},
  };
  const flush = async (): Promise<OutboxEvent[]> => {
    const events = await store.readOutbox(seq, 1000);
    if (events.length) seq = events[events.length - 1].seq;
    for (const listener of listeners) listener(events);
    return events;
  };
  return { hub, flush, listeners };
}

const signal = (externalId: string, text: string) => signalInput.parse({
  channel: 'email', externalId, kind: 'COMPLAINT', text, occurredAt: '2026-03-01T10:00:00Z', emitterKey: 'crm:1',
});

describe('onSignalsRecorded', () => {
  let embedded: Store;
  let store: Store & SignalEnrichmentWriter;
  const written: { signalId: string; enrichment: Enrichment }[] = [];
  beforeAll(async () => {
    embedded = await embeddedFactory.open();
    await embedded.upsertActors([actorInput.parse({ key: 'crm:1', kind: 'CUSTOMER', name: 'Acme' })]);
    // The store's side of the capability (to come in the port): recorded here.
    store = Object.assign(Object.create(embedded) as Store, {
      async setSignalEnrichment(signalId: string, enrichment: Enrichment) { written.push({ signalId, enrichment }); },
    });
  });
  afterAll(async () => { await embedded.close(); });

  it('hands each new batch to the hooks in order; a hook enriches its batch only; failing hooks do not stop the others', async () => {
    const seen: string[][] = [];
    const denied: string[] = [];
    const tagger = definePlugin({
      name: 'tagger', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) {
        events.onSignalsRecorded(async (signals: readonly SignalView[], { enrich }) => {
          seen.push(signals.map((s) => s.externalId));
          for (const s of signals) if (s.text?.includes('late')) await enrich(s.id, { sentiment: -0.5, topics: ['delivery', 'delivery'] });
          await enrich('not-in-this-batch', { sentiment: 1 }).catch((e: { extensions: { code: string } }) => denied.push(e.extensions.code));
          await enrich(signals[0].id, { sentiment: 7 }).catch((e: { extensions: { code: string } }) => denied.push(e.extensions.code));
        });
      },
    });
    const hangs = definePlugin({
      name: 'hangs', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) { events.onSignalsRecorded(() => new Promise(() => {})); },
    });
    const throws = definePlugin({
      name: 'throws', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) { events.onSignalsRecorded(() => { throw new Error('boom'); }); },
    });
    const after: string[] = [];
    const last = definePlugin({
      name: 'last', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) { events.onSignalsRecorded((signals) => { after.push(...signals.map((s) => s.externalId)); }); },
    });

    const { hub, flush } = manualHub(store);
    const captured = capturedLog();
    const live = createPluginHost({
      candidates: [candidate('t', tagger), candidate('h', hangs), candidate('x', throws), candidate('l', last)],
      store, log: captured.log, events: hub, limits: { hookTimeoutMs: 200 },
    });
    try {
      await flush(); // the actor's creation: no signal, no hook call
      const first = await store.recordSignals([signal('m-1', 'late again'), signal('m-2', 'thanks')]);
      await flush();
      await store.recordSignals([signal('m-1', 'late again')]); // re-sent: no new event
      await store.recordSignals([signal('m-3', 'very late')]);
      await flush();
      await live.deliver([]); // wait for the queue
      expect(seen).toEqual([['m-1', 'm-2'], ['m-3']]);
      expect(after).toEqual(['m-1', 'm-2', 'm-3']);
      const m1 = first.items[0].id;
      expect(written[0]).toEqual({ signalId: m1, enrichment: { sentiment: -0.5, topics: ['delivery'] } });
      expect(written).toHaveLength(2);
      expect(denied).toEqual(['PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED']);
      expect(live.stats().hooks).toEqual({ batches: 2, failures: { hangs: 2, throws: 2 } });
      expect(captured.lines.some((l) => l.plugin === 'hangs' && String((l.err as { message?: string })?.message).includes('did not finish within 200 ms'))).toBe(true);
    } finally {
      await live.close();
    }
  });

  it('rejects enrichment with PLUGIN_CAPABILITY_UNAVAILABLE when the store cannot enrich, and warns when no hub runs the hooks', async () => {
    const codes: string[] = [];
    const plugin = definePlugin({
      name: 'needs-writer', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) {
        events.onSignalsRecorded(async (signals, { enrich }) => {
          await enrich(signals[0].id, { topics: ['x'] }).catch((e: { extensions: { code: string } }) => codes.push(e.extensions.code));
        });
      },
    });
    const captured = capturedLog();
    const host = hostOf(embedded, [candidate('n', plugin)], { log: captured.log });
    try {
      expect(captured.lines.some((l) => String(l.msg).includes('no event hub is configured'))).toBe(true);
      const recorded = await embedded.recordSignals([signal('m-9', 'hello')]);
      await host.deliver(await embedded.readOutbox(0, 1000));
      expect(recorded.created).toBe(1);
      expect(codes).toEqual(['PLUGIN_CAPABILITY_UNAVAILABLE']);
    } finally {
      await host.close();
    }
  });
});
