import { describe, expect, it } from 'vitest';
import type { ActorKind } from '../../../src/domain/kinds.js';
import type { ActorFilter } from '../../../src/store/port.js';
import { UUID, actor, domainError, ids, pageSizes, walk, type StoreRef } from './fixtures.js';

export function actorsContract(store: StoreRef): void {
  describe('lifecycle', () => {
    it('answers ping, migrates idempotently and starts empty', async () => {
      expect(await store().ping()).toBe(true);
      await store().migrate();
      await store().migrate();
      expect(await store().stats()).toEqual({
        actors: 0, ties: 0, signals: 0, responses: 0, exchanges: 0, insights: 0, changes: 0,
      });
      expect(typeof (await store().graphVersion())).toBe('number');
    });
  });

  describe('actors', () => {
    it('creates actors with generated ids and timestamps', async () => {
      const before = new Date().toISOString();
      const r = await store().upsertActors([
        actor('crm:1', { kind: 'CUSTOMER', name: 'Ada Lovelace', attributes: { tier: 'gold', score: 3, tags: ['a'] } }),
        actor('hr:e-1', { kind: 'EMPLOYEE', name: 'Grace Hopper' }),
      ]);
      expect(r.created).toBe(2);
      expect(r.updated).toBe(0);
      expect(r.actors.map((a) => a.key)).toEqual(['crm:1', 'hr:e-1']);
      const [ada, grace] = r.actors;
      expect(ada).toMatchObject({
        key: 'crm:1', kind: 'CUSTOMER', name: 'Ada Lovelace', attributes: { tier: 'gold', score: 3, tags: ['a'] },
      });
      expect(grace.attributes).toEqual({});
      expect(ada.id).toMatch(UUID);
      expect(ada.id).not.toBe(grace.id);
      expect(ada.createdAt >= before).toBe(true);
      expect(ada.updatedAt).toBe(ada.createdAt);
      expect(new Date(ada.createdAt).toISOString()).toBe(ada.createdAt);
      expect((await store().stats()).actors).toBe(2);
    });

    it('updates by key, keeping id and createdAt', async () => {
      const [created] = (await store().upsertActors([actor('crm:1', { name: 'Old', attributes: { a: 1 } })])).actors;
      await new Promise((r) => setTimeout(r, 5));
      const r = await store().upsertActors([actor('crm:1', { kind: 'PARTNER', name: 'New', attributes: { b: 2 } })]);
      expect(r).toMatchObject({ created: 0, updated: 1 });
      const [updated] = r.actors;
      expect(updated).toMatchObject({ id: created.id, key: 'crm:1', kind: 'PARTNER', name: 'New', attributes: { b: 2 } });
      expect(updated.createdAt).toBe(created.createdAt);
      expect(updated.updatedAt > created.updatedAt).toBe(true);
      expect(await store().countActors({})).toBe(1);
    });

    it('changes nothing for an actor given as it is, and keeps attributes left out', async () => {
      const s = store();
      const [first] = (await s.upsertActors([actor('crm:2', { name: 'Same', attributes: { city: 'Torino' } })])).actors;
      const head = await s.outboxHead();
      await new Promise((r) => setTimeout(r, 5));
      // A re-sync of the same record: nothing written, no event, updatedAt as it was.
      const again = await s.upsertActors([actor('crm:2', { name: 'Same', attributes: { city: 'Torino' } })]);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(again.actors[0]).toEqual(first);
      // Attributes left out are kept: the name alone changes.
      const renamed = await s.upsertActors([actor('crm:2', { name: 'Renamed' })]);
      expect(renamed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
      expect(renamed.actors[0]).toMatchObject({ name: 'Renamed', attributes: { city: 'Torino' } });
      expect(renamed.actors[0].updatedAt > first.updatedAt).toBe(true);
      expect((await s.readOutbox(head, 10)).map((e) => e.entityId)).toEqual([first.id]); // one event: the rename
      // Key order is no change.
      await s.upsertActors([actor('crm:4', { attributes: { a: 1, b: { c: 2, d: 3 } } })]);
      expect(await s.upsertActors([actor('crm:4', { attributes: { b: { d: 3, c: 2 }, a: 1 } })])).toMatchObject({ unchanged: 1 });
      // null clears them; a new actor without attributes has none.
      expect((await s.upsertActors([actor('crm:2', { name: 'Renamed', attributes: null })])).actors[0].attributes).toEqual({});
      expect((await s.upsertActors([actor('crm:3')])).actors[0].attributes).toEqual({});
    });

    it('counts a key repeated in one batch as one creation and one update, both returning the final state', async () => {
      const r = await store().upsertActors([actor('k', { name: 'First' }), actor('k', { name: 'Second' })]);
      expect(r).toMatchObject({ created: 1, updated: 1 });
      expect(r.actors).toHaveLength(2);
      expect(r.actors[0].id).toBe(r.actors[1].id);
      expect(r.actors.map((a) => a.name)).toEqual(['Second', 'Second']);
      expect(await store().countActors({})).toBe(1);
    });

    it('looks actors up by ids and keys: one entry per request, in order, null where unknown', async () => {
      const { actors } = await store().upsertActors([actor('a'), actor('b')]);
      const [a, b] = actors;
      expect(ids((await store().actorsByIds([b.id, 'nope', a.id, b.id])).map((x) => x ?? { id: 'null' })))
        .toEqual([b.id, 'null', a.id, b.id]);
      const byKeys = await store().actorsByKeys(['b', 'missing', 'a']);
      expect(byKeys.map((x) => x?.key ?? null)).toEqual(['b', null, 'a']);
      expect(byKeys[0]).toEqual(b);
      expect(await store().actorsByIds([])).toEqual([]);
    });

    it('lists actors by key: 25 actors in pages of 7, each once, in order', async () => {
      const keys = Array.from({ length: 25 }, (_, i) => `k:${String((i * 7) % 25).padStart(2, '0')}`);
      await store().upsertActors(keys.map((k) => actor(k)));
      const { items, sizes } = await walk((p) => store().listActors({}, p), 7);
      expect(sizes).toEqual(pageSizes(25, 7));
      expect(items.map((a) => a.key)).toEqual([...keys].sort());
      expect(await store().countActors({})).toBe(25);
    });

    it('filters by kinds and by case-insensitive substring of name or key', async () => {
      const kinds: ActorKind[] = ['EMPLOYEE', 'CUSTOMER', 'PARTNER', 'SUPPLIER', 'TEAM', 'ORGANIZATION'];
      await store().upsertActors([
        ...Array.from({ length: 12 }, (_, i) => actor(`a:${String(i).padStart(2, '0')}`, { kind: kinds[i % 6], name: `Person ${i}` })),
        actor('crm:lovelace', { kind: 'CUSTOMER', name: 'Ada Lovelace' }),
        actor('crm:hopper', { kind: 'EMPLOYEE', name: 'Grace "Amazing" Hopper' }),
        actor('x:zo', { kind: 'PARTNER', name: 'Zoë Ångström' }),
      ]);
      const keysOf = async (filter: ActorFilter): Promise<string[]> => {
        const { items } = await walk((p) => store().listActors(filter, p), 4);
        expect(await store().countActors(filter)).toBe(items.length);
        return items.map((a) => a.key);
      };
      expect(await keysOf({ kinds: ['TEAM'] })).toEqual(['a:04', 'a:10']);
      expect(await keysOf({ kinds: ['CUSTOMER', 'EMPLOYEE'] }))
        .toEqual(['a:00', 'a:01', 'a:06', 'a:07', 'crm:hopper', 'crm:lovelace']);
      expect(await keysOf({ kinds: [] })).toHaveLength(15);
      expect(await keysOf({ search: 'LOVE' })).toEqual(['crm:lovelace']);
      expect(await keysOf({ search: 'ada' })).toEqual(['crm:lovelace']);
      expect(await keysOf({ search: 'crm:' })).toEqual(['crm:hopper', 'crm:lovelace']);
      expect(await keysOf({ search: 'person 1' })).toEqual(['a:01', 'a:10', 'a:11']);
      expect(await keysOf({ search: '"amazing"' })).toEqual(['crm:hopper']);
      expect(await keysOf({ search: 'ÅNGS' })).toEqual(['x:zo']);
      expect(await keysOf({ search: 'zo' })).toEqual(['x:zo']);
      expect(await keysOf({ search: 'ë' })).toEqual(['x:zo']);
      expect(await keysOf({ search: 'nobody here' })).toEqual([]);
      expect(await keysOf({ search: 'person', kinds: ['TEAM'] })).toEqual(['a:04', 'a:10']);
    });

    it('pages of size 0 report whether items exist; bad page arguments are input errors', async () => {
      expect(await store().listActors({}, { first: 0 })).toEqual({ items: [], cursors: [], hasNextPage: false });
      await store().upsertActors([actor('a')]);
      expect(await store().listActors({}, { first: 0 })).toMatchObject({ items: [], hasNextPage: true });
      expect((await domainError(store().listActors({}, { first: -1 }))).code).toBe('BAD_USER_INPUT');
      const bad = await domainError(store().listActors({}, { first: 5, after: 'not-a-cursor' }));
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.issues[0].path).toEqual(['after']);
    });

    it('keeps key order stable across writes between pages', async () => {
      await store().upsertActors(['b', 'd', 'f'].map((k) => actor(k)));
      const first = await store().listActors({}, { first: 2 });
      expect(first.items.map((a) => a.key)).toEqual(['b', 'd']);
      await store().upsertActors(['a', 'c', 'e'].map((k) => actor(k)));
      const next = await store().listActors({}, { first: 10, after: first.cursors[1] });
      expect(next.items.map((a) => a.key)).toEqual(['e', 'f']);
    });

    it('refuses keys with control characters, naming each one, and writes nothing', async () => {
      const version = await store().graphVersion();
      // Past the validator (which refuses them too): the store checks again.
      const bad = await domainError(store().upsertActors([
        actor('t:ok'), { ...actor('t:x'), key: 't:a\u0000b' }, { ...actor('t:y'), key: 't:bell\u0007' }, { ...actor('t:z'), key: 't:del\u007f' },
      ]));
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.issues.map((i) => i.path)).toEqual([['input', 1, 'key'], ['input', 2, 'key'], ['input', 3, 'key']]);
      expect(await store().countActors({})).toBe(0);
      expect(await store().graphVersion()).toBe(version);
    });

    it('answers a search with control characters with BAD_USER_INPUT on filter.search, never an internal error', async () => {
      await store().upsertActors([actor('crm:abcdef', { name: 'Abc Def' })]);
      // A NUL ended SQLite's FTS5 query ("unterminated string"); short searches take another path, refused alike.
      for (const search of ['abc\u0000def', '\u0000', 'a\u0000', 'abc\u001bdef', 'abc\u007f']) {
        for (const read of [store().listActors({ search }, { first: 5 }), store().countActors({ search })]) {
          const e = await domainError(read);
          expect(e.code, JSON.stringify(search)).toBe('BAD_USER_INPUT');
          expect(e.issues[0].path).toEqual(['filter', 'search']);
        }
      }
      expect((await store().listActors({ search: ' abc ' }, { first: 5 })).items.map((a) => a.key)).toEqual(['crm:abcdef']);
    });
  });
}
