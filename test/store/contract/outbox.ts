import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../../src/domain/events.js';
import { actor, change, domainError, exchange, insight, response, signal, tie, type StoreRef } from './fixtures.js';

export function outboxContract(store: StoreRef): void {
  describe('outbox', () => {
    /** The events committed since `head`, checked to be gap-free and increasing. */
    async function since(head: number): Promise<OutboxEvent[]> {
      const events = await store().readOutbox(head, 10_000);
      events.forEach((e, i) => {
        expect(e.seq).toBe(head + i + 1);
        expect(new Date(e.at).toISOString()).toBe(e.at);
      });
      expect(await store().outboxHead()).toBe(head + events.length);
      return events;
    }
    const brief = (events: OutboxEvent[]) => events.map((e) => [e.type, e.entityId, e.detail]);

    it('appends one event per change, in the transaction of the write', async () => {
      const s = store();
      let head = await s.outboxHead();

      const { actors: [a, b] } = await s.upsertActors([actor('a'), actor('b'), actor('a', { name: 'A again' })]);
      expect(brief(await since(head))).toEqual([['ACTOR_CHANGED', a.id, null], ['ACTOR_CHANGED', b.id, null]]);
      head = await s.outboxHead();

      const { items: [s1, s2] } = await s.recordSignals([signal('1', { emitterKey: 'a' }), signal('2'), signal('1')]);
      expect(brief(await since(head))).toEqual([['SIGNAL_RECORDED', s1.id, null], ['SIGNAL_RECORDED', s2.id, null]]);
      head = await s.outboxHead();

      await s.recordSignals([signal('1'), signal('2')]);
      expect(await since(head)).toEqual([]);

      const [r1, r2] = await s.respond([response(s1.id, 'b'), response(s1.id, 'a')]);
      expect(brief(await since(head))).toEqual([
        ['SIGNAL_RESPONDED', s1.id, r1.response.id], ['SIGNAL_RESPONDED', s1.id, r2.response.id],
      ]);
      head = await s.outboxHead();

      const { items: [x1, , x2] } = await s.recordExchanges([
        exchange('a', 'b', { externalId: 'x' }), exchange('a', 'b', { externalId: 'x' }), exchange('b', 'a'),
      ]);
      expect(brief(await since(head))).toEqual([['EXCHANGE_RECORDED', x1.id, null], ['EXCHANGE_RECORDED', x2.id, null]]);
      head = await s.outboxHead();

      await s.recordExchanges([exchange('a', 'b', { externalId: 'x' })]);
      expect(await since(head)).toEqual([]);

      await s.eraseActor('a');
      expect(brief(await since(head))).toEqual([['ACTOR_CHANGED', a.id, null]]);
    });

    it('appends nothing for a rejected batch', async () => {
      const s = store();
      await s.upsertActors([actor('a')]);
      const head = await s.outboxHead();
      await domainError(s.recordSignals([signal('1', { emitterKey: 'a' }), signal('2', { emitterKey: 'ghost' })]));
      await domainError(s.recordExchanges([exchange('a', 'ghost')]));
      await domainError(s.respond([response('nope', 'a')]));
      expect(await s.outboxHead()).toBe(head);
      expect(await s.readOutbox(head, 10)).toEqual([]);
    });

    it('reads after a seq, oldest first, at most limit', async () => {
      const s = store();
      const head = await s.outboxHead();
      await s.upsertActors(Array.from({ length: 10 }, (_, i) => actor(`k${i}`)));
      await s.upsertTies([tie('k0', 'k1')]);
      const { items: [sig] } = await s.recordSignals([signal('1')]);
      await s.applyChange(change((await s.createInsight(insight([sig.id]))).id, 'P'));
      const all = await since(head);
      expect(all.map((e) => e.type)).toEqual([...Array(10).fill('ACTOR_CHANGED'), 'SIGNAL_RECORDED']);
      expect(await s.readOutbox(head + 3, 4)).toEqual(all.slice(3, 7));
      expect(await s.readOutbox(head + 11, 5)).toEqual([]);
      expect(await s.readOutbox(head, 0)).toEqual([]);
      expect((await domainError(s.readOutbox(-1, 5))).code).toBe('BAD_USER_INPUT');
      expect((await domainError(s.readOutbox(0, -5))).code).toBe('BAD_USER_INPUT');
    });
  });
}
