/**
 * Ingest enrichers (`enrichIncomingSignals`, API 1.2.0): every recordSignals batch passes through
 * them, in plugin order, before it is written — the stored signals carry their sentiment and topics
 * from the first commit. A plugin cannot make ingestion fail: an enricher that throws, hangs or
 * answers something invalid leaves the signals as sent, and is logged and counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorInput, signalInput } from '../../src/domain/inputs.js';
import { definePlugin, type IncomingSignal, type SignalsIncomingEnricher } from '../../src/plugin-api/index.js';
import type { Store } from '../../src/store/port.js';
import { embeddedFactory } from '../support/stores.js';
import { candidate, capturedLog, hostOf } from './support.js';

const signal = (externalId: string, text: string, over: Record<string, unknown> = {}) => signalInput.parse({
  channel: 'email', externalId, kind: 'COMPLAINT', text, occurredAt: '2026-03-01T10:00:00Z', emitterKey: 'crm:1', ...over,
});

describe('enrichIncomingSignals', () => {
  let store: Store;
  beforeAll(async () => {
    store = await embeddedFactory.open();
    await store.upsertActors([actorInput.parse({ key: 'crm:1', kind: 'CUSTOMER', name: 'Acme' })]);
  });
  afterAll(async () => { await store.close(); });

  it('enriches each batch before it is written, plugins in order, each seeing what the previous set', async () => {
    const seen: IncomingSignal[][] = [];
    const tone = definePlugin({
      name: 'tone', version: '1.0.0', apiVersion: '^1.2.0',
      setup({ events }) {
        events.enrichIncomingSignals((signals) => {
          seen.push([...signals]);
          return signals.map((s) => (s.text.includes('late') ? { sentiment: -0.5, topics: ['delivery', 'billing'] } : null));
        });
      },
    });
    const topics = definePlugin({
      name: 'topics', version: '1.0.0', apiVersion: '^1.2.0',
      setup({ events }) {
        events.enrichIncomingSignals(async (signals) => signals.map((s) => (s.sentiment === -0.5 ? { topics: ['delivery', 'courier'] } : undefined)));
      },
    });
    const host = hostOf(store, [candidate('tone', tone), candidate('topics', topics)]);
    const ingest = host.ingestStore(store);
    try {
      const input = [
        signal('late-1', 'The parcel is late', { sentiment: 0.3, about: [{ target: 'TOPIC', ref: 'billing' }] }),
        signal('fine-1', 'All good'),
      ];
      const { items: [late, fine] } = await ingest.recordSignals(input);
      expect(seen).toEqual([[
        { channel: 'email', externalId: 'late-1', kind: 'COMPLAINT', text: 'The parcel is late', sentiment: 0.3, occurredAt: '2026-03-01T10:00:00.000Z' },
        { channel: 'email', externalId: 'fine-1', kind: 'COMPLAINT', text: 'All good', sentiment: null, occurredAt: '2026-03-01T10:00:00.000Z' },
      ]]);
      expect(input[0].sentiment).toBe(0.3); // the caller's objects are left alone
      expect(late.sentiment).toBe(-0.5);
      expect(fine.sentiment).toBeNull();
      const [aboutLate, aboutFine] = await store.aboutOfSignals([late.id, fine.id]);
      expect(aboutLate.map((a) => a.ref)).toEqual(['billing', 'delivery', 'courier']);
      expect(aboutFine).toEqual([]);
      expect((await store.signalsByIds([late.id]))[0]?.sentiment).toBe(-0.5);
      expect(host.stats().incoming).toEqual({ batches: 1, failures: {} });
      // The store without the enrichers records as sent.
      const { items: [plain] } = await store.recordSignals([signal('late-2', 'late again')]);
      expect(plain.sentiment).toBeNull();
    } finally {
      await host.close();
    }
  });

  it('records the signals as sent when an enricher throws, hangs, miscounts or answers an invalid enrichment', async () => {
    const captured = capturedLog();
    const plugin = (name: string, enricher: SignalsIncomingEnricher) =>
      candidate(name, definePlugin({ name, version: '1.0.0', apiVersion: '^1.2.0', setup({ events }) { events.enrichIncomingSignals(enricher); } }));
    const host = hostOf(store, [
      plugin('throws', () => { throw new Error('boom'); }),
      plugin('hangs', () => new Promise(() => {})),
      plugin('miscounts', () => [{ sentiment: 1 }]),
      plugin('invalid', (signals) => signals.map((s) => (s.externalId === 'bad-1' ? { sentiment: 7 } : { topics: ['kept'] }))),
    ], { log: captured.log, limits: { hookTimeoutMs: 200 } });
    try {
      const { created, items } = await host.ingestStore(store).recordSignals([signal('bad-1', 'one'), signal('bad-2', 'two')]);
      expect(created).toBe(2);
      expect(items.map((s) => s.sentiment)).toEqual([null, null]);
      const [about1, about2] = await store.aboutOfSignals(items.map((s) => s.id));
      expect(about1).toEqual([]);
      expect(about2.map((a) => a.ref)).toEqual(['kept']);
      expect(host.stats().incoming.failures).toEqual({ throws: 1, hangs: 1, miscounts: 1, invalid: 1 });
      const warned = captured.lines.filter((l) => String(l.msg).startsWith('enrichIncomingSignals')).map((l) => l.plugin);
      expect(warned.sort()).toEqual(['hangs', 'invalid', 'miscounts', 'throws']);
    } finally {
      await host.close();
    }
  });
});
