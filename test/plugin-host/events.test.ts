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
import { createPluginHost } from '../../src/plugin-host/index.js';
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
  let store: Store;
  const written: { signalId: string; enrichment: Enrichment }[] = [];
  const storeCalls: number[] = [];
  beforeAll(async () => {
    embedded = await embeddedFactory.open();
    await embedded.upsertActors([actorInput.parse({ key: 'crm:1', kind: 'CUSTOMER', name: 'Acme' })]);
    // The store's side of the capability: recorded here, then written.
    store = Object.assign(Object.create(embedded) as Store, {
      async enrichSignals(inputs: Parameters<Store['enrichSignals']>[0]) {
        storeCalls.push(inputs.length);
        for (const { signalId, ...enrichment } of inputs) written.push({ signalId, enrichment: enrichment as Enrichment });
        return embedded.enrichSignals(inputs);
      },
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
      expect(storeCalls).toEqual([1, 1]); // awaited one by one: one transaction each
      const [stored] = await embedded.signalsByIds([m1]);
      expect(stored?.sentiment).toBe(-0.5);
      expect((await embedded.aboutOfSignals([m1]))[0].map((a) => a.ref)).toEqual(['delivery']);
      expect(denied).toEqual(['PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED', 'PLUGIN_CAPABILITY_DENIED']);
      expect(live.stats().hooks).toEqual({ batches: 2, failures: { hangs: 2, throws: 2 } });
      expect(captured.lines.some((l) => l.plugin === 'hangs' && String((l.err as { message?: string })?.message).includes('did not finish within 200 ms'))).toBe(true);
    } finally {
      await live.close();
    }
  });

  it('writes the enrich calls a hook makes in the same tick in one transaction', async () => {
    const plugin = definePlugin({
      name: 'batcher', version: '1.0.0', apiVersion: '^1.0.0',
      setup({ events }) {
        events.onSignalsRecorded(async (signals, { enrich }) => {
          await Promise.all(signals.map((s, i) => enrich(s.id, { sentiment: i / 10, topics: [`t${i}`] })));
        });
      },
    });
    const { hub, flush } = manualHub(store);
    const live = createPluginHost({ candidates: [candidate('b', plugin)], store, log: capturedLog().log, events: hub });
    try {
      await flush(); // the earlier tests' signals: enriched too
      await live.deliver([]);
      storeCalls.length = 0;
      const { items } = await store.recordSignals([signal('b-1', 'one'), signal('b-2', 'two'), signal('b-3', 'three')]);
      await flush();
      await live.deliver([]);
      expect(storeCalls).toEqual([3]);
      expect((await embedded.signalsByIds(items.map((s) => s.id))).map((s) => s?.sentiment)).toEqual([0, 0.1, 0.2]);
      expect((await embedded.aboutOfSignals([items[2].id]))[0].map((a) => a.ref)).toEqual(['t2']);
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
    const readOnly = Object.assign(Object.create(embedded) as Store, { enrichSignals: undefined });
    const host = hostOf(readOnly, [candidate('n', plugin)], { log: captured.log });
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
