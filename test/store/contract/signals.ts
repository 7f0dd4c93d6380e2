import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../src/domain/entities.js';
import type { SignalFilter } from '../../../src/store/port.js';
import { UUID, actor, at, domainError, exchange, ids, pageSizes, response, signal, sortedBy, walk, type StoreRef } from './fixtures.js';

const newestFirst = (xs: Signal[]): string[] => ids(sortedBy(xs, (s) => [s.occurredAt, s.id], true));

export function signalsContract(store: StoreRef): void {
  describe('signals', () => {
    it('records signals from any channel, open, linked to their emitter', async () => {
      const { actors: [ada] } = await store().upsertActors([actor('crm:ada')]);
      const r = await store().recordSignals([
        signal('m-1', { channel: 'Email', kind: 'COMPLAINT', text: 'Broken', sentiment: -0.5, occurredAt: '2024-03-01T12:00:00+01:00', emitterKey: 'crm:ada' }),
        signal('t-9', { channel: 'twitter', kind: 'MENTION', text: 'anonymous' }),
      ]);
      expect(r).toMatchObject({ created: 2, existing: 0 });
      expect(r.items[0]).toMatchObject({
        channel: 'email', externalId: 'm-1', kind: 'COMPLAINT', text: 'Broken', sentiment: -0.5,
        occurredAt: '2024-03-01T11:00:00.000Z', status: 'OPEN', emitterId: ada.id, assigneeId: null,
      });
      expect(r.items[0].id).toMatch(UUID);
      expect(r.items[1]).toMatchObject({ emitterId: null, sentiment: null, channel: 'twitter' });
      expect(await store().signalsByIds([r.items[1].id, 'nope', r.items[0].id])).toEqual([r.items[1], null, r.items[0]]);
    });

    it('is idempotent by (channel, externalId), across calls and inside one batch', async () => {
      const first = await store().recordSignals([signal('x-1', { text: 'original' })]);
      const again = await store().recordSignals([
        signal('x-1', { text: 'changed on re-send' }),
        signal('x-2'), signal('x-2', { text: 'dup in batch' }),
        signal('x-1', { channel: 'chat' }),
      ]);
      expect(again).toMatchObject({ created: 2, existing: 2 });
      expect(again.items).toHaveLength(4);
      expect(again.items[0]).toEqual(first.items[0]);
      expect(again.items[0].text).toBe('original');
      expect(again.items[2]).toEqual(again.items[1]);
      expect(again.items[3].id).not.toBe(first.items[0].id);
      expect(await store().countSignals({})).toBe(3);
    });

    it('rejects the whole batch for an unknown emitter or about-actor, naming each', async () => {
      await store().upsertActors([actor('known')]);
      const error = await domainError(store().recordSignals([
        signal('1', { emitterKey: 'known' }),
        signal('2', { emitterKey: 'ghost' }),
        signal('3', { about: [{ target: 'TOPIC', ref: 'new topic' }, { target: 'ACTOR', ref: 'phantom' }] }),
      ]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 1, 'emitterKey'], ['input', 2, 'about', 1, 'ref']]);
      expect(await store().stats()).toMatchObject({ signals: 0 });
    });

    it('links signals to actors, topics and processes (created on demand), in the given order', async () => {
      const { actors: [ada] } = await store().upsertActors([actor('ada')]);
      const { items: [s1, s2, s3] } = await store().recordSignals([
        signal('1', { about: [{ target: 'TOPIC', ref: 'pricing' }, { target: 'ACTOR', ref: 'ada' }, { target: 'PROCESS', ref: 'onboarding' }] }),
        signal('2', { about: [{ target: 'TOPIC', ref: 'pricing' }, { target: 'TOPIC', ref: 'pricing' }] }),
        signal('3'),
      ]);
      const [a1, a2, a3, unknown] = await store().aboutOfSignals([s1.id, s2.id, s3.id, 'nope']);
      expect(a1.map((a) => [a.target, a.ref])).toEqual([['TOPIC', 'pricing'], ['ACTOR', 'ada'], ['PROCESS', 'onboarding']]);
      expect(a1[1].id).toBe(ada.id);
      expect(a2).toEqual([a1[0]]);
      expect(a3).toEqual([]);
      expect(unknown).toEqual([]);
      expect(await store().topicsByIds([a1[0].id, 'nope'])).toEqual([{ id: a1[0].id, name: 'pricing' }, null]);
      expect(await store().processesByIds([a1[2].id])).toEqual([{ id: a1[2].id, name: 'onboarding' }]);
      expect(await store().countProcesses()).toBe(1);
    });

    it('lists newest first (ties broken by id): 25 signals in pages of 7', async () => {
      // Several signals share an instant, so the id tie-break is exercised.
      const { items: created } = await store().recordSignals(
        Array.from({ length: 25 }, (_, i) => signal(`e-${i}`, { occurredAt: at(i % 6) })),
      );
      const { items, sizes } = await walk((p) => store().listSignals({}, p), 7);
      expect(sizes).toEqual(pageSizes(25, 7));
      expect(ids(items)).toEqual(newestFirst(created));
    });

    it('orders signals of one instant as they were recorded, so both stores list them alike', async () => {
      // Ids grow with time in both stores: at equal instants, newest first means last recorded first.
      await store().upsertActors([actor('a'), actor('b')]);
      const first = await store().recordSignals([signal('same-1'), signal('same-2')]);
      const second = await store().recordSignals([signal('same-3')]);
      const recorded = [...first.items, ...second.items].map((x) => x.externalId);
      const { items } = await store().listSignals({}, { first: 10 });
      expect(items.map((x) => x.externalId)).toEqual([...recorded].reverse());
      const { items: exchanges } = await store().recordExchanges([exchange('a', 'b', { externalId: 'x-1' }), exchange('a', 'b', { externalId: 'x-2' })])
        .then(() => store().listExchanges({}, { first: 10 }));
      expect(exchanges.map((x) => x.externalId)).toEqual(['x-2', 'x-1']);
    });

    it('filters by channel, kind, status, time window, emitter and about-actor', async () => {
      await store().upsertActors([actor('ada'), actor('bob')]);
      const kinds = ['COMPLAINT', 'QUESTION', 'IDEA'] as const;
      const { items: all } = await store().recordSignals(Array.from({ length: 30 }, (_, i) => signal(`f-${i}`, {
        channel: ['email', 'chat', 'phone'][i % 3],
        kind: kinds[i % 3 === 0 ? 0 : i % 2 === 0 ? 1 : 2],
        occurredAt: at(i),
        emitterKey: i % 5 === 0 ? 'ada' : i % 5 === 1 ? 'bob' : null,
        about: i % 4 === 0 ? [{ target: 'ACTOR', ref: 'bob' }] : [],
      })));
      await store().assignSignal(all[3].id, 'bob');
      await store().respond([response(all[4].id, 'bob')]);
      const byIndex = (pred: (i: number) => boolean) => newestFirst(all.filter((_, i) => pred(i)));
      const check = async (filter: SignalFilter, expected: string[]) => {
        const { items } = await walk((p) => store().listSignals(filter, p), 4);
        expect(ids(items)).toEqual(expected);
        expect(await store().countSignals(filter)).toBe(expected.length);
      };
      await check({}, byIndex(() => true));
      await check({ channels: ['chat'] }, byIndex((i) => i % 3 === 1));
      await check({ channels: ['EMAIL', 'phone'] }, byIndex((i) => i % 3 !== 1));
      await check({ channels: [] }, byIndex(() => true));
      await check({ kinds: ['COMPLAINT'] }, byIndex((i) => i % 3 === 0));
      await check({ statuses: ['ASSIGNED', 'ANSWERED'] }, [all[4].id, all[3].id]);
      await check({ statuses: ['OPEN'] }, byIndex((i) => i !== 3 && i !== 4));
      await check({ since: at(10), until: at(20) }, byIndex((i) => i >= 10 && i < 20));
      await check({ since: '2024-01-01T00:25:00Z' }, byIndex((i) => i >= 25));
      await check({ until: at(3) }, byIndex((i) => i < 3));
      await check({ emitterKey: 'ada' }, byIndex((i) => i % 5 === 0));
      await check({ emitterKey: 'nobody' }, []);
      await check({ aboutKey: 'bob' }, byIndex((i) => i % 4 === 0));
      await check({ aboutKey: 'bob', emitterKey: 'ada', channels: ['email'] }, byIndex((i) => i % 4 === 0 && i % 5 === 0 && i % 3 === 0));
      await check({ kinds: ['QUESTION'], since: at(5) }, byIndex((i) => i >= 5 && i % 3 !== 0 && i % 2 === 0));
      // A window that holds no instant is refused, naming its end.
      for (const window of [{ since: at(20), until: at(10) }, { since: at(10), until: '2024-01-01T00:10:00Z' }]) {
        const listed = await domainError(store().listSignals(window, { first: 5 }));
        expect(listed).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['filter', 'until'] }] });
        expect((await domainError(store().countSignals(window))).code).toBe('BAD_USER_INPUT');
      }
    });

    it('pages the signals of several emitters in one call', async () => {
      const { actors: [ada, bob, cy] } = await store().upsertActors([actor('ada'), actor('bob'), actor('cy')]);
      const { items } = await store().recordSignals([
        ...Array.from({ length: 25 }, (_, i) => signal(`a-${i}`, { emitterKey: 'ada', occurredAt: at(i % 7) })),
        ...Array.from({ length: 3 }, (_, i) => signal(`b-${i}`, { emitterKey: 'bob', occurredAt: at(100 - i) })),
      ]);
      const adas = newestFirst(items.filter((s) => s.emitterId === ada.id));
      const bobs = newestFirst(items.filter((s) => s.emitterId === bob.id));
      const walked = await walk(async (p) => (await store().signalsOfActors([ada.id], p))[0], 7);
      expect(walked.sizes).toEqual(pageSizes(25, 7));
      expect(ids(walked.items)).toEqual(adas);

      const [pa, pb, pc, pu] = await store().signalsOfActors([ada.id, bob.id, cy.id, 'nope'], { first: 2 });
      expect(ids(pa.items)).toEqual(adas.slice(0, 2));
      expect(ids(pb.items)).toEqual(bobs.slice(0, 2));
      expect([pa.hasNextPage, pb.hasNextPage, pc.hasNextPage, pu.hasNextPage]).toEqual([true, true, false, false]);
      expect(pc.items).toEqual([]);
      const [na, nb] = await store().signalsOfActors([ada.id, bob.id], { first: 30, after: pb.cursors[1] });
      // bob's cursor lies after every one of ada's signals (newer), so ada's page starts at her newest.
      expect(ids(na.items)).toEqual(adas);
      expect(ids(nb.items)).toEqual(bobs.slice(2));
    });

    it('assigns a signal: OPEN becomes ASSIGNED, other statuses stay', async () => {
      const { actors: [, bob] } = await store().upsertActors([actor('ada'), actor('bob', { kind: 'EMPLOYEE' })]);
      const { items: [s1, s2] } = await store().recordSignals([signal('1'), signal('2')]);
      const assigned = await store().assignSignal(s1.id, 'bob');
      expect(assigned).toEqual({ ...s1, status: 'ASSIGNED', assigneeId: bob.id });
      await store().respond([response(s2.id, 'ada')]);
      expect(await store().assignSignal(s2.id, 'bob')).toMatchObject({ status: 'ANSWERED', assigneeId: bob.id });
      const missing = await domainError(store().assignSignal('nope', 'ghost'));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.issues.map((i) => i.path)).toEqual([['signalId'], ['assigneeKey']]);
    });

    it('records responses in one transaction and marks signals ANSWERED', async () => {
      const { actors: [, bob] } = await store().upsertActors([actor('ada'), actor('bob', { kind: 'EMPLOYEE' })]);
      const { items: [s1, s2] } = await store().recordSignals([signal('1', { channel: 'chat' }), signal('2')]);
      const out = await store().respond([
        response(s1.id, 'bob', { text: 'second', respondedAt: at(20) }),
        response(s1.id, 'ada', { text: 'first', respondedAt: at(10), channel: 'phone' }),
      ]);
      expect(out).toHaveLength(2);
      expect(out[0].response).toMatchObject({ signalId: s1.id, responderId: bob.id, text: 'second', channel: 'chat', respondedAt: at(20) });
      expect(out[0].response.id).toMatch(UUID);
      expect(out[1].response.channel).toBe('phone');
      expect(out[0].signal).toEqual({ ...s1, status: 'ANSWERED' });
      const [r1, r2] = await store().responsesOfSignals([s1.id, s2.id]);
      expect(r1.map((r) => r.text)).toEqual(['first', 'second']);
      expect(r2).toEqual([]);

      const now = new Date().toISOString();
      const [{ response: r }] = await store().respond([response(s2.id, 'bob')]);
      expect(r.respondedAt >= now).toBe(true);

      const error = await domainError(store().respond([response(s2.id, 'bob'), response('nope', 'bob'), response(s1.id, 'ghost')]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 1, 'signalId'], ['input', 2, 'responderKey']]);
      expect((await store().stats()).responses).toBe(3);
    });

    it('refuses an answer dated before its signal occurred, writing none of the batch', async () => {
      await store().upsertActors([actor('ada')]);
      const { items: [early, late] } = await store().recordSignals([signal('1', { occurredAt: at(5) }), signal('2', { occurredAt: at(50) })]);
      const error = await domainError(store().respond([
        response(early.id, 'ada', { respondedAt: at(5) }), // the same instant is fine
        response(late.id, 'ada', { respondedAt: at(49) }),
      ]));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.issues).toEqual([{ path: ['input', 1, 'respondedAt'], message: expect.stringContaining(at(50)) }]);
      expect((await store().stats()).responses).toBe(0);
      expect((await store().signalsByIds([early.id]))[0]?.status).toBe('OPEN');
    });

    it('refuses an answer without respondedAt to a signal dated in the future: now, the default, is before it', async () => {
      await store().upsertActors([actor('ada')]);
      const { items: [future] } = await store().recordSignals([signal('f', { occurredAt: '9999-12-31T23:59:59.000Z' })]);
      const error = await domainError(store().respond([response(future.id, 'ada', { text: 'thanks' })]));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.issues).toEqual([{ path: ['input', 0, 'respondedAt'], message: expect.stringContaining('9999-12-31T23:59:59.000Z') }]);
      expect((await store().stats()).responses).toBe(0);
      // Dated at or after the signal, it is taken.
      await store().respond([response(future.id, 'ada', { respondedAt: '9999-12-31T23:59:59.000Z' })]);
      expect((await store().stats()).responses).toBe(1);
    });
  });
}
