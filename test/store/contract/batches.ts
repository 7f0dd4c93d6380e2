import { describe, expect, it } from 'vitest';
import { actor, at, change, domainError, exchange, insight, response, signal, tie, type StoreRef } from './fixtures.js';

export function batchesContract(store: StoreRef): void {
  describe('batches and the graph version', () => {
    it('stores nothing of a 1,000-item batch when one item names an unknown key', async () => {
      await store().upsertActors(Array.from({ length: 20 }, (_, i) => actor(`a${i}`)));
      const before = await store().stats();
      const version = await store().graphVersion();

      const signals = Array.from({ length: 1000 }, (_, i) => signal(`b-${i}`, {
        emitterKey: i === 637 ? 'ghost' : `a${i % 20}`,
        about: [{ target: 'TOPIC', ref: `topic ${i % 3}` }, { target: 'PROCESS', ref: `process ${i % 2}` }],
      }));
      const error = await domainError(store().recordSignals(signals));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues).toEqual([{ path: ['input', 637, 'emitterKey'], message: expect.stringContaining('ghost') }]);

      const ties = Array.from({ length: 1000 }, (_, i) => tie(`a${i % 20}`, i === 999 ? 'ghost' : `a${(i * 7 + 1) % 20}`, {
        type: (['KNOWS', 'FOLLOWS', 'WORKS_WITH'] as const)[i % 3],
      }));
      expect((await domainError(store().upsertTies(ties))).issues.map((i) => i.path)).toEqual([['input', 999, 'toKey']]);

      const exchanges = Array.from({ length: 1000 }, (_, i) => exchange(i === 0 ? 'ghost' : `a${i % 20}`, `a${(i + 1) % 20}`, {
        externalId: `x-${i}`,
      }));
      expect((await domainError(store().recordExchanges(exchanges))).issues.map((i) => i.path)).toEqual([['input', 0, 'fromKey']]);

      expect(await store().stats()).toEqual(before);
      expect(await store().graphVersion()).toBe(version);
      expect(await store().countProcesses()).toBe(0);

      // The same batch without the bad item goes through whole.
      const fixed = signals.map((s, i) => (i === 637 ? { ...s, emitterKey: 'a0' } : s));
      const recorded = await store().recordSignals(fixed);
      expect(recorded).toMatchObject({ created: 1000, existing: 0 });
      expect(await store().countSignals({})).toBe(1000);
      expect(await store().countProcesses()).toBe(2);
      // Topics and processes created by the batch's first signals are the ones its later signals are about.
      const about = await store().aboutOfSignals(recorded.items.slice(0, 6).map((s) => s.id));
      expect(about.map((links) => links.map((a) => a.ref))).toEqual([0, 1, 2, 3, 4, 5].map((i) => [`topic ${i % 3}`, `process ${i % 2}`]));
      expect(new Set(about.flatMap((links) => links.map((a) => a.id))).size).toBe(5);
    });

    it('ingests 5,000 signals in one call, and recognises all of them when re-sent', async () => {
      await store().upsertActors(Array.from({ length: 50 }, (_, i) => actor(`a${i}`)));
      const batch = Array.from({ length: 5000 }, (_, i) => signal(`big-${i}`, {
        channel: ['email', 'chat', 'web'][i % 3], emitterKey: `a${i % 50}`, occurredAt: at(i % 1440),
        about: i % 10 === 0 ? [{ target: 'ACTOR', ref: `a${(i + 1) % 50}` }] : [],
      }));
      const started = performance.now();
      const r = await store().recordSignals(batch);
      const ms = performance.now() - started;
      expect(r).toMatchObject({ created: 5000, existing: 0 });
      expect(r.items.map((s) => s.externalId)).toEqual(batch.map((s) => s.externalId));
      expect(await store().countSignals({})).toBe(5000);
      expect(await store().countSignals({ channels: ['chat'] })).toBe(1667);
      expect(await store().countSignals({ emitterKey: 'a7' })).toBe(100);
      const again = await store().recordSignals(batch);
      expect(again).toMatchObject({ created: 0, existing: 5000 });
      expect(again.items.map((s) => s.id)).toEqual(r.items.map((s) => s.id));
      console.info(`5,000-signal batch: ${ms.toFixed(0)} ms`);
    });

    it('bumps the graph version on every write, and not on reads or failed writes', async () => {
      const s = store();
      let last = await s.graphVersion();
      const bumped = async (what: string, write: () => Promise<unknown>) => {
        await write();
        const now = await s.graphVersion();
        expect(now, `${what} bumps the version`).toBeGreaterThan(last);
        last = now;
      };
      const unchanged = async (what: string, action: () => Promise<unknown>) => {
        await action().catch(() => undefined);
        expect(await s.graphVersion(), `${what} leaves the version`).toBe(last);
      };

      await bumped('upsertActors', () => s.upsertActors([actor('a'), actor('b')]));
      await bumped('upsertActors (update)', () => s.upsertActors([actor('a', { name: 'Renamed' })]));
      await bumped('upsertTies', () => s.upsertTies([tie('a', 'b')]));
      await bumped('removeTie', () => s.removeTie('a', 'b', 'KNOWS'));
      let signalId = '';
      await bumped('recordSignals', async () => { signalId = (await s.recordSignals([signal('1')])).items[0].id; });
      await bumped('assignSignal', () => s.assignSignal(signalId, 'b'));
      await bumped('respond', () => s.respond([response(signalId, 'b')]));
      await bumped('recordExchanges', () => s.recordExchanges([exchange('a', 'b')]));
      let insightId = '';
      await bumped('createInsight', async () => { insightId = (await s.createInsight(insight([signalId]))).id; });
      await bumped('applyChange', () => s.applyChange(change(insightId, 'P')));
      await bumped('eraseActor', () => s.eraseActor('a'));

      await unchanged('reads', async () => {
        await s.stats();
        await s.listActors({}, { first: 5 });
        await s.listSignals({}, { first: 5 });
        await s.projection({ edges: 'BOTH' });
        await s.neighborhood('b', 2, 10);
      });
      await unchanged('a failed write', () => s.upsertTies([tie('b', 'ghost')]));
      await unchanged('removing a missing tie', () => s.removeTie('a', 'b', 'KNOWS'));
      await unchanged('re-sending a signal', () => s.recordSignals([signal('1')]));
    });
  });
}
