import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, SIGNAL_KINDS, SIGNAL_STATUSES, VALUE_KINDS } from '../../../src/domain/kinds.js';
import { actor, at, change, exchange, insight, response, signal, tie, type StoreRef } from './fixtures.js';

export function factsContract(store: StoreRef): void {
  describe('facts', () => {
    it('is empty on an empty store', async () => {
      const f = await store().facts();
      expect([f.actors.count, f.signals.count, f.responses.count, f.exchanges.count, f.insights.count, f.changes.count]).toEqual([0, 0, 0, 0, 0, 0]);
      expect(f.signals.topicOffsets).toEqual(new Uint32Array([0]));
    });

    it('gives every activity as typed columns indexed by actor key order, teams from MEMBER_OF', async () => {
      const s = store();
      await s.upsertActors([
        actor('t:ops', { kind: 'TEAM' }), actor('t:rnd', { kind: 'TEAM' }),
        actor('e2', { kind: 'EMPLOYEE' }), actor('e1', { kind: 'EMPLOYEE' }), actor('c1'), actor('org', { kind: 'ORGANIZATION' }),
      ]);
      await s.upsertTies([
        tie('e1', 't:ops', { type: 'MEMBER_OF', weight: 1 }),
        tie('e1', 't:rnd', { type: 'MEMBER_OF', weight: 2 }), // heavier: e1's team is R&D
        tie('e2', 't:ops', { type: 'MEMBER_OF' }),
        tie('t:ops', 'org', { type: 'MEMBER_OF' }), // a team in the organisation: not a team membership
        tie('c1', 'e1', { type: 'CUSTOMER_OF' }),
      ]);
      const { items: [late, early] } = await s.recordSignals([
        signal('x2', { channel: 'web', kind: 'COMPLAINT', occurredAt: at(20), emitterKey: 'c1', sentiment: -0.5,
          about: [{ target: 'ACTOR', ref: 'e2' }, { target: 'TOPIC', ref: 'billing' }, { target: 'PROCESS', ref: 'Invoicing' }] }),
        signal('x1', { channel: 'email', kind: 'IDEA', occurredAt: at(10), emitterKey: 'e2' }),
      ]);
      await s.assignSignal(early.id, 'e1');
      await s.respond([response(late.id, 'e1', { respondedAt: at(30) }), response(late.id, 'e2', { respondedAt: at(25), channel: 'phone' })]);
      await s.recordExchanges([
        exchange('c1', 'e1', { kind: 'MONEY', amount: 100, occurredAt: at(5) }),
        exchange('e1', 'c1', { kind: 'KNOWLEDGE', amount: 2, occurredAt: at(3) }),
      ]);
      const i = await s.createInsight(insight([late.id, early.id], { topics: ['pricing', 'billing'] }));
      await s.applyChange(change(i.id, 'Invoicing', { appliedAt: at(60) }));

      const f = await s.facts();
      const keys = ['c1', 'e1', 'e2', 'org', 't:ops', 't:rnd'];
      const ix = (k: string) => keys.indexOf(k);
      expect(f.actors.keys).toEqual(keys);
      expect([...f.actors.kind].map((k) => ACTOR_KINDS[k])).toEqual(['CUSTOMER', 'EMPLOYEE', 'EMPLOYEE', 'ORGANIZATION', 'TEAM', 'TEAM']);
      expect([...f.actors.team]).toEqual([-1, ix('t:rnd'), ix('t:ops'), -1, ix('t:ops'), ix('t:rnd')]);
      expect([...f.actors.erased]).toEqual([0, 0, 0, 0, 0, 0]);

      expect(f.channels).toEqual(['email', 'phone', 'web']);
      expect(f.topics).toEqual(['billing', 'pricing']);
      expect(f.processes).toEqual(['Invoicing']);

      // Signals by time: x1 (email, 10) then x2 (web, 20).
      const sg = f.signals;
      expect(sg.count).toBe(2);
      expect([...sg.channel].map((c) => f.channels[c])).toEqual(['email', 'web']);
      expect([...sg.kind].map((k) => SIGNAL_KINDS[k])).toEqual(['IDEA', 'COMPLAINT']);
      expect([...sg.status].map((k) => SIGNAL_STATUSES[k])).toEqual(['ASSIGNED', 'ANSWERED']);
      expect([...sg.occurredAt]).toEqual([Date.parse(at(10)), Date.parse(at(20))]);
      expect(sg.sentiment[0]).toBeNaN();
      expect(sg.sentiment[1]).toBe(-0.5);
      expect([...sg.emitter]).toEqual([ix('e2'), ix('c1')]);
      expect([...sg.assignee]).toEqual([ix('e1'), -1]);
      expect([...sg.aboutActorOffsets]).toEqual([0, 0, 1]);
      expect([...sg.aboutActors]).toEqual([ix('e2')]);
      expect([...sg.topicOffsets]).toEqual([0, 0, 1]);
      expect([...sg.topics]).toEqual([0]);

      // Responses by signal, then time: both answer signal 1; e2's (25, phone) first.
      expect([...f.responses.signal]).toEqual([1, 1]);
      expect([...f.responses.responder]).toEqual([ix('e2'), ix('e1')]);
      expect([...f.responses.respondedAt]).toEqual([Date.parse(at(25)), Date.parse(at(30))]);
      expect([...f.responses.channel].map((c) => f.channels[c])).toEqual(['phone', 'web']);

      // Exchanges by time.
      expect([...f.exchanges.from]).toEqual([ix('e1'), ix('c1')]);
      expect([...f.exchanges.to]).toEqual([ix('c1'), ix('e1')]);
      expect([...f.exchanges.kind].map((k) => VALUE_KINDS[k])).toEqual(['KNOWLEDGE', 'MONEY']);
      expect([...f.exchanges.amount]).toEqual([2, 100]);
      expect([...f.exchanges.occurredAt]).toEqual([Date.parse(at(3)), Date.parse(at(5))]);

      // The insight derives from both signals in the order given; topics by name.
      expect(f.insights.count).toBe(1);
      expect(f.insights.createdAt[0]).toBe(Date.parse(i.createdAt));
      expect([...f.insights.signalOffsets]).toEqual([0, 2]);
      expect([...f.insights.signals]).toEqual([1, 0]);
      expect([...f.insights.topics]).toEqual([0, 1]);
      expect([...f.changes.insight]).toEqual([0]);
      expect([...f.changes.process]).toEqual([0]);
      expect([...f.changes.appliedAt]).toEqual([Date.parse(at(60))]);
    });

    it('keeps an erased actor as a marked tombstone with its signals', async () => {
      const s = store();
      await s.upsertActors([actor('alice')]);
      await s.recordSignals([signal('a1', { emitterKey: 'alice' })]);
      await s.eraseActor('alice');
      const f = await s.facts();
      expect(f.actors.count).toBe(1);
      expect(f.actors.keys[0]).toMatch(/^erased:/);
      expect(f.actors.erased[0]).toBe(1);
      expect(f.signals.count).toBe(1);
    });
  });
}
