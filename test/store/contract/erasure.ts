import { describe, expect, it } from 'vitest';
import { actor, at, domainError, exchange, response, signal, tie, type StoreRef } from './fixtures.js';

export function erasureContract(store: StoreRef): void {
  describe('erasure (right to be forgotten)', () => {
    /** Alice (customer) talks, answers, exchanges value and is talked about; Bob and Carol stay. */
    async function world() {
      const s = store();
      const { actors } = await s.upsertActors([
        actor('crm:alice', { name: 'Alice Liddell', attributes: { email: 'alice@example.org' } }),
        actor('crm:bob', { name: 'Bob Builder', kind: 'EMPLOYEE' }),
        actor('crm:carol', { name: 'Carol Danvers' }),
      ]);
      await s.upsertTies([tie('crm:alice', 'crm:bob'), tie('crm:carol', 'crm:alice', { type: 'FOLLOWS' }), tie('crm:bob', 'crm:carol')]);
      const { items: signals } = await s.recordSignals([
        signal('s1', { emitterKey: 'crm:alice', text: 'Alice says hi', occurredAt: at(1) }),
        signal('s2', { emitterKey: 'crm:alice', text: 'Alice complains', occurredAt: at(2), about: [{ target: 'TOPIC', ref: 'billing' }] }),
        signal('s3', { emitterKey: 'crm:bob', text: 'About Alice', occurredAt: at(3),
          about: [{ target: 'ACTOR', ref: 'crm:alice' }, { target: 'ACTOR', ref: 'crm:carol' }] }),
      ]);
      await s.respond([
        response(signals[2].id, 'crm:alice', { text: 'Alice answers', respondedAt: at(10) }),
        response(signals[0].id, 'crm:bob', { text: 'Dear Alice, Bob answers', respondedAt: at(11) }),
        response(signals[2].id, 'crm:carol', { text: 'Carol answers Bob', respondedAt: at(12) }),
      ]);
      await s.recordExchanges([
        exchange('crm:alice', 'crm:bob', { kind: 'MONEY', amount: 100 }),
        exchange('crm:bob', 'crm:alice', { kind: 'SERVICE', amount: 1 }),
        exchange('crm:bob', 'crm:carol', { kind: 'IDEA', amount: 1 }),
      ]);
      return { alice: actors[0], bob: actors[1], carol: actors[2], signals };
    }

    it('removes identity and ties, blanks texts, keeps counts on an anonymous tombstone', async () => {
      const s = store();
      const { alice, bob, carol, signals } = await world();
      const before = await s.stats();
      const version = await s.graphVersion();

      expect(await s.eraseActor('crm:alice')).toBe(true);
      expect(await s.graphVersion()).toBeGreaterThan(version);

      // Identity gone: neither key, id, name nor attributes lead to the person.
      expect(await s.actorsByKeys(['crm:alice'])).toEqual([null]);
      expect(await s.actorsByIds([alice.id])).toEqual([null]);
      expect((await s.listActors({ search: 'alice' }, { first: 10 })).items).toEqual([]);
      expect((await s.listActors({ search: 'Liddell' }, { first: 10 })).items).toEqual([]);

      // The tombstone stands in, anonymous, same kind.
      const tombstones = (await s.listActors({ search: 'erased:' }, { first: 10 })).items;
      expect(tombstones).toHaveLength(1);
      const [tomb] = tombstones;
      expect(tomb).toMatchObject({ kind: 'CUSTOMER', name: 'Erased actor', attributes: {} });
      expect(tomb.key).toBe(`erased:${tomb.id}`);
      expect(tomb.id).not.toBe(alice.id);

      // Counts stay, except ties, which go.
      const after = await s.stats();
      expect(after).toEqual({ ...before, ties: 1 });
      expect(await s.countSignals({})).toBe(3);

      // Signals she emitted keep their place but lose their text; they hang on the tombstone.
      const [s1, s2, s3] = await s.signalsByIds(signals.map((x) => x.id));
      expect(s1).toMatchObject({ text: null, emitterId: tomb.id, status: 'ANSWERED' });
      expect(s2).toMatchObject({ text: null, emitterId: tomb.id });
      expect(s3).toMatchObject({ text: 'About Alice', emitterId: bob.id });
      expect(await s.countSignals({ emitterKey: tomb.key })).toBe(2);

      // Her responses lose their text, and so do answers to her signals (they speak to her); the rest stays.
      const [r3, r1] = await s.responsesOfSignals([signals[2].id, signals[0].id]);
      expect(r3.map((r) => [r.text, r.responderId])).toEqual([[null, tomb.id], ['Carol answers Bob', carol.id]]);
      expect(r1.map((r) => [r.text, r.responderId])).toEqual([[null, bob.id]]);

      // Signals about her no longer point at her; other ABOUT links stay.
      const [about3, about2] = await s.aboutOfSignals([signals[2].id, signals[1].id]);
      expect(about3.map((a) => [a.target, a.ref])).toEqual([['ACTOR', 'crm:carol']]);
      expect(about2.map((a) => [a.target, a.ref])).toEqual([['TOPIC', 'billing']]);
      expect(await s.countSignals({ aboutKey: 'crm:alice' })).toBe(0);

      // Exchanges stay, attached to the tombstone.
      expect(await s.countExchanges({})).toBe(3);
      const [tombExchanges] = await s.exchangesOfActors([tomb.id], { direction: 'BOTH', first: 10 });
      expect(tombExchanges.items.map((x) => x.kind).sort()).toEqual(['MONEY', 'SERVICE']);
      expect(await s.countExchanges({ fromKey: tomb.key, kinds: ['MONEY'] })).toBe(1);
      const [tombTies] = await s.tiesOfActors([tomb.id], { direction: 'BOTH', first: 10 });
      expect(tombTies.items).toEqual([]);
    });

    it('blanks answers others gave to her signals, keeping them, their responders and the signal status', async () => {
      const s = store();
      const { bob, signals } = await world();
      // Bob answers her again, in a second batch: every answer to her signals goes, whenever written.
      await s.respond([response(signals[1].id, 'crm:bob', { text: 'Gentile Alice, …', respondedAt: at(20) })]);
      await s.eraseActor('crm:alice');
      const [r1, r2, r3] = await s.responsesOfSignals(signals.map((x) => x.id));
      expect(r1.map((r) => [r.text, r.responderId])).toEqual([[null, bob.id]]);
      expect(r2.map((r) => [r.text, r.responderId])).toEqual([[null, bob.id]]);
      expect(r3.map((r) => r.text)).toEqual([null, 'Carol answers Bob']);
      const [s1, s2] = await s.signalsByIds([signals[0].id, signals[1].id]);
      expect([s1?.status, s2?.status]).toEqual(['ANSWERED', 'ANSWERED']);
      expect((await s.facts()).responses.count).toBe(4);
    });

    it("refuses a new answer to an erased person's signal: nothing new is linked to them", async () => {
      const s = store();
      const { signals } = await world();
      await s.eraseActor('crm:alice');
      const before = (await s.stats()).responses;
      const error = await domainError(s.respond([response(signals[0].id, 'crm:bob', { text: 'Dear Alice, again', respondedAt: at(30) })]));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.issues).toEqual([{ path: ['input', 0, 'signalId'], message: expect.stringContaining('erased') }]);
      expect((await s.stats()).responses).toBe(before);
      expect((await s.responsesOfSignals([signals[0].id]))[0].map((r) => r.text)).toEqual([null]);
    });

    it("refuses upserts by a tombstone's key: the erased person gets no name back", async () => {
      const s = store();
      await world();
      await s.eraseActor('crm:alice');
      const [tomb] = (await s.listActors({ search: 'erased:' }, { first: 10 })).items;
      const version = await s.graphVersion();
      // Past the validator (which refuses it too): the store checks again.
      const bad = await domainError(s.upsertActors([
        actor('crm:dave'),
        { ...actor('crm:x'), key: tomb.key, name: 'Alice Liddell', attributes: { email: 'alice@example.org' } },
      ]));
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.issues.map((i) => i.path)).toEqual([['input', 1, 'key']]);
      expect(await s.graphVersion()).toBe(version);
      expect(await s.actorsByKeys([tomb.key, 'crm:dave'])).toEqual([tomb, null]);
      expect((await s.listActors({ search: 'Liddell' }, { first: 10 })).items).toEqual([]);
    });

    it('refuses new keys with the reserved erased: prefix and writes nothing', async () => {
      const s = store();
      const version = await s.graphVersion();
      const bad = await domainError(s.upsertActors([
        actor('crm:ok'), { ...actor('crm:x'), key: 'erased:mine' }, { ...actor('crm:y'), key: 'erased:00000000-0000-4000-8000-000000000001' },
      ]));
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.issues.map((i) => i.path)).toEqual([['input', 1, 'key'], ['input', 2, 'key']]);
      expect(await s.countActors({})).toBe(0);
      expect(await s.graphVersion()).toBe(version);
      // Only the prefix itself is reserved.
      expect((await s.upsertActors([actor('crm:erased:1'), actor('Erased:1')])).created).toBe(2);
    });

    it('returns false for an unknown key and writes nothing', async () => {
      await world();
      const version = await store().graphVersion();
      expect(await store().eraseActor('crm:nobody')).toBe(false);
      expect(await store().graphVersion()).toBe(version);
      expect((await store().stats()).ties).toBe(3);
    });

    it('frees the key: a new actor with the old key is a new person', async () => {
      const { alice } = await world();
      await store().eraseActor('crm:alice');
      const r = await store().upsertActors([actor('crm:alice', { name: 'Another Alice' })]);
      expect(r.created).toBe(1);
      expect(r.actors[0].id).not.toBe(alice.id);
      expect(await store().countSignals({ emitterKey: 'crm:alice' })).toBe(0);
    });
  });
}
