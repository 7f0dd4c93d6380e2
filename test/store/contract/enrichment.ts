import { describe, expect, it } from 'vitest';
import { signalEnrichmentInput, type SignalEnrichmentInput } from '../../../src/domain/inputs.js';
import { actor, domainError, signal, type StoreRef } from './fixtures.js';

const enrichment = (signalId: string, over: Partial<Record<keyof SignalEnrichmentInput, unknown>> = {}): SignalEnrichmentInput =>
  signalEnrichmentInput.parse({ signalId, ...over });

export function enrichmentContract(store: StoreRef): void {
  describe('signal enrichment', () => {
    it('replaces the sentiment and links topics after the existing ABOUT links, creating topics by name', async () => {
      await store().upsertActors([actor('ada')]);
      const { items: [s1, s2] } = await store().recordSignals([
        signal('1', { sentiment: 0.2, about: [{ target: 'ACTOR', ref: 'ada' }, { target: 'TOPIC', ref: 'billing' }] }),
        signal('2'),
      ]);
      const out = await store().enrichSignals([
        enrichment(s1.id, { sentiment: -0.75, topics: ['delivery', 'billing', 'courier'] }),
        enrichment(s2.id, { topics: ['delivery'] }),
      ]);
      expect(out).toEqual([{ ...s1, sentiment: -0.75 }, { ...s2, sentiment: null }]);
      expect(await store().signalsByIds([s1.id, s2.id])).toEqual(out);
      const [about1, about2] = await store().aboutOfSignals([s1.id, s2.id]);
      expect(about1.map((a) => [a.target, a.ref])).toEqual([['ACTOR', 'ada'], ['TOPIC', 'billing'], ['TOPIC', 'delivery'], ['TOPIC', 'courier']]);
      expect(about2.map((a) => [a.target, a.ref])).toEqual([['TOPIC', 'delivery']]);
      // One Topic per name, shared by both signals.
      expect(about2[0].id).toBe(about1[2].id);
      const [billing] = await store().topicsByIds([about1[1].id]);
      expect(billing).toEqual({ id: about1[1].id, name: 'billing' });
    });

    it('writes the same without returning the signals when told so', async () => {
      const { items: [s1, s2] } = await store().recordSignals([signal('1'), signal('2', { about: [{ target: 'TOPIC', ref: 'app' }] })]);
      const out = await store().enrichSignals([
        enrichment(s1.id, { sentiment: 0.4, topics: ['app', 'app', 'billing'] }),
        enrichment(s2.id, { topics: ['billing', 'app'] }),
      ], { returnSignals: false });
      expect(out.length === 0 || out.length === 2).toBe(true); // a store may skip the read-back
      expect((await store().signalsByIds([s1.id]))[0]?.sentiment).toBe(0.4);
      const [about1, about2] = await store().aboutOfSignals([s1.id, s2.id]);
      expect(about1.map((a) => a.ref)).toEqual(['app', 'billing']);
      expect(about2.map((a) => a.ref)).toEqual(['app', 'billing']);
      expect(about2[1].id).toBe(about1[1].id);
    });

    it('is idempotent: re-running the same enrichment changes nothing and leaves the graph version', async () => {
      const { items: [s] } = await store().recordSignals([signal('1')]);
      const before = await store().graphVersion();
      await store().enrichSignals([enrichment(s.id, { sentiment: 0.5, topics: ['app', 'pairing'] })]);
      const after = await store().graphVersion();
      expect(after).toBeGreaterThan(before);
      const again = await store().enrichSignals([enrichment(s.id, { sentiment: 0.5, topics: ['pairing', 'app'] })]);
      expect(again[0].sentiment).toBe(0.5);
      expect(await store().graphVersion()).toBe(after);
      const [about] = await store().aboutOfSignals([s.id]);
      expect(about.map((a) => a.ref)).toEqual(['app', 'pairing']);
      // Only a new topic changes something.
      await store().enrichSignals([enrichment(s.id, { topics: ['app', 'update'] })]);
      expect(await store().graphVersion()).toBeGreaterThan(after);
      expect((await store().aboutOfSignals([s.id]))[0].map((a) => a.ref)).toEqual(['app', 'pairing', 'update']);
    });

    it('keeps the sentiment when absent, clears it with null, and applies items of one signal in order', async () => {
      const { items: [s] } = await store().recordSignals([signal('1', { sentiment: 0.3 })]);
      expect((await store().enrichSignals([enrichment(s.id, { topics: ['x'] })]))[0].sentiment).toBe(0.3);
      const out = await store().enrichSignals([
        enrichment(s.id, { sentiment: 1, topics: ['y'] }),
        enrichment(s.id, { sentiment: -1, topics: ['x', 'z', 'y'] }),
      ]);
      expect(out.map((x) => x.sentiment)).toEqual([-1, -1]);
      expect((await store().aboutOfSignals([s.id]))[0].map((a) => a.ref)).toEqual(['x', 'y', 'z']);
      expect((await store().enrichSignals([enrichment(s.id, { sentiment: null })]))[0].sentiment).toBeNull();
      expect(await store().enrichSignals([])).toEqual([]);
    });

    it('rejects the whole batch for unknown signals, naming each; nothing is written', async () => {
      const { items: [s] } = await store().recordSignals([signal('1')]);
      const before = await store().graphVersion();
      const error = await domainError(store().enrichSignals([
        enrichment(s.id, { sentiment: 0.9, topics: ['never created'] }),
        enrichment('ghost', { sentiment: 0.1 }),
        enrichment('phantom'),
      ]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 1, 'signalId'], ['input', 2, 'signalId']]);
      expect(await store().graphVersion()).toBe(before);
      expect((await store().signalsByIds([s.id]))[0]!.sentiment).toBeNull();
      expect(await store().aboutOfSignals([s.id])).toEqual([[]]);
    });

    it('appends no outbox event', async () => {
      const { items: [s] } = await store().recordSignals([signal('1')]);
      const head = await store().outboxHead();
      await store().enrichSignals([enrichment(s.id, { sentiment: 0.1, topics: ['t'] })]);
      expect(await store().outboxHead()).toBe(head);
    });
  });
}
