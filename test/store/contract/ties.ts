import { describe, expect, it } from 'vitest';
import type { Tie } from '../../../src/domain/entities.js';
import { UUID, actor, at, domainError, ids, pageSizes, sortedBy, tie, walk, type StoreRef } from './fixtures.js';

export function tiesContract(store: StoreRef): void {
  describe('ties', () => {
    async function people(...keys: string[]) {
      const { actors } = await store().upsertActors(keys.map((k) => actor(k)));
      return Object.fromEntries(actors.map((a) => [a.key, a]));
    }

    it('creates a tie per (from, to, type) and updates weight and since on re-send', async () => {
      const p = await people('a', 'b');
      const [t1, t2, t3] = await store().upsertTies([
        tie('a', 'b', { type: 'KNOWS', weight: 2, since: '2020-05-01T10:00:00+02:00' }),
        tie('a', 'b', { type: 'WORKS_WITH' }),
        tie('b', 'a', { type: 'KNOWS' }),
      ]);
      expect(t1).toMatchObject({ fromId: p.a.id, toId: p.b.id, type: 'KNOWS', weight: 2, since: '2020-05-01T08:00:00.000Z' });
      expect(t1.id).toMatch(UUID);
      expect(t2).toMatchObject({ type: 'WORKS_WITH', weight: 1, since: null });
      expect(t3).toMatchObject({ fromId: p.b.id, toId: p.a.id });
      expect(new Set([t1.id, t2.id, t3.id]).size).toBe(3);

      const [again] = await store().upsertTies([tie('a', 'b', { type: 'KNOWS', weight: 5 })]);
      expect(again).toEqual({ ...t1, weight: 5 });
      const [moved] = await store().upsertTies([tie('a', 'b', { type: 'KNOWS', weight: 5, since: at(0) })]);
      expect(moved).toEqual({ ...t1, weight: 5, since: at(0) });
      expect((await store().stats()).ties).toBe(3);
    });

    it('returns one tie per input, repeated inputs as stored at commit', async () => {
      await people('a', 'b');
      const result = await store().upsertTies([tie('a', 'b', { weight: 1 }), tie('a', 'b', { weight: 3 })]);
      expect(result).toHaveLength(2);
      expect(result[0]).toEqual(result[1]);
      expect(result[1].weight).toBe(3);
      expect((await store().stats()).ties).toBe(1);
    });

    it('rejects a batch naming an unknown actor, writing none of it', async () => {
      await people('a', 'b');
      const error = await domainError(store().upsertTies([tie('a', 'b'), tie('b', 'ghost'), tie('ghost2', 'a')]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 1, 'toKey'], ['input', 2, 'fromKey']]);
      expect((await store().stats()).ties).toBe(0);
    });

    it('removes a tie by its pair and type', async () => {
      await people('a', 'b');
      await store().upsertTies([tie('a', 'b', { type: 'KNOWS' }), tie('a', 'b', { type: 'FOLLOWS' })]);
      expect(await store().removeTie('a', 'b', 'KNOWS')).toBe(true);
      expect(await store().removeTie('a', 'b', 'KNOWS')).toBe(false);
      expect(await store().removeTie('b', 'a', 'FOLLOWS')).toBe(false);
      expect(await store().removeTie('a', 'ghost', 'FOLLOWS')).toBe(false);
      expect((await store().stats()).ties).toBe(1);
    });

    it('pages the ties of several actors in one call, by direction and type, ordered by id', async () => {
      const p = await people('hub', 'x', 'y', 'z', 'lonely');
      const created = await store().upsertTies([
        tie('hub', 'x', { type: 'KNOWS' }), tie('hub', 'y', { type: 'WORKS_WITH' }), tie('z', 'hub', { type: 'KNOWS' }),
        tie('x', 'y', { type: 'KNOWS' }), tie('hub', 'hub', { type: 'FOLLOWS' }),
      ]);
      const [hubSelf] = created.filter((t) => t.fromId === p.hub.id && t.toId === p.hub.id);
      const byId = (ts: Tie[]) => ids(sortedBy(ts, (t) => [t.id]));
      const touching = (id: string, dir: 'OUT' | 'IN' | 'BOTH') => created.filter((t) =>
        (dir !== 'IN' && t.fromId === id) || (dir !== 'OUT' && t.toId === id));

      for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
        const pages = await store().tiesOfActors([p.hub.id, p.x.id, 'unknown', p.lonely.id, p.hub.id], { direction, first: 10 });
        expect(pages).toHaveLength(5);
        expect(ids(pages[0].items)).toEqual(byId(touching(p.hub.id, direction)));
        expect(ids(pages[1].items)).toEqual(byId(touching(p.x.id, direction)));
        expect(pages[2]).toEqual({ items: [], cursors: [], hasNextPage: false });
        expect(pages[3].items).toEqual([]);
        expect(pages[4]).toEqual(pages[0]);
      }
      const [both] = await store().tiesOfActors([p.hub.id], { direction: 'BOTH', first: 10 });
      expect(ids(both.items).filter((id) => id === hubSelf.id)).toHaveLength(1);
      expect(both.items).toHaveLength(4);

      const [known] = await store().tiesOfActors([p.hub.id], { direction: 'BOTH', first: 10, types: ['KNOWS'] });
      expect(known.items.map((t) => t.type)).toEqual(['KNOWS', 'KNOWS']);
      const [kf] = await store().tiesOfActors([p.hub.id], { direction: 'OUT', first: 10, types: ['KNOWS', 'FOLLOWS'] });
      expect(kf.items).toHaveLength(2);
    });

    it("answers the actor at each tie's other end with the page, a self-tie its own actor", async () => {
      const p = await people('hub', 'x', 'z');
      await store().upsertActors([actor('x', { name: 'Renamed x', attributes: { tier: 2 } })]);
      await store().upsertTies([tie('hub', 'x'), tie('z', 'hub'), tie('hub', 'hub', { type: 'FOLLOWS' })]);
      // first: 1 makes the hub's page the index walk on Neo4j (degree² > page × all ties).
      for (const first of [10, 1]) {
        for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
          const [page] = await store().tiesOfActors([p.hub.id, p.x.id], { direction, first });
          const far = page.items.map((t) => (t.fromId === p.hub.id ? t.toId : t.fromId));
          expect(far.length, `${direction} first ${first}`).toBeGreaterThan(0);
          expect(page.others, `${direction} first ${first}`).toEqual(await store().actorsByIds(far));
        }
      }
    });

    it('walks 25 ties of each of two actors in pages of 7, the cursor applying to both', async () => {
      const others = Array.from({ length: 25 }, (_, i) => `o${i}`);
      const p = await people('a', 'b', ...others);
      await store().upsertTies([...others.map((o) => tie('a', o)), ...others.map((o) => tie(o, 'b'))]);
      const expectedA = ids(sortedBy((await store().tiesOfActors([p.a.id], { direction: 'OUT', first: 100 }))[0].items, (t) => [t.id]));
      const expectedB = ids(sortedBy((await store().tiesOfActors([p.b.id], { direction: 'IN', first: 100 }))[0].items, (t) => [t.id]));
      expect(expectedA).toHaveLength(25);

      const { items, sizes } = await walk(async (page) => (await store().tiesOfActors([p.a.id], { direction: 'BOTH', ...page }))[0], 7);
      expect(sizes).toEqual(pageSizes(25, 7));
      expect(ids(items)).toEqual(expectedA);

      // One cursor, two parents: each gets the items after it in its own list.
      const [pa, pb] = await store().tiesOfActors([p.a.id, p.b.id], { direction: 'BOTH', first: 7 });
      expect(ids(pa.items)).toEqual(expectedA.slice(0, 7));
      expect(ids(pb.items)).toEqual(expectedB.slice(0, 7));
      expect(pa.hasNextPage && pb.hasNextPage).toBe(true);
      const cursor = pa.cursors[6];
      const pivot = expectedA[6];
      const [na, nb] = await store().tiesOfActors([p.a.id, p.b.id], { direction: 'BOTH', first: 7, after: cursor });
      expect(ids(na.items)).toEqual(expectedA.slice(7, 14));
      expect(ids(nb.items)).toEqual(expectedB.filter((id) => id > pivot).slice(0, 7));
    });
  });
}
