import { describe, expect, it } from 'vitest';
import type { Actor, Tie } from '../../../src/domain/entities.js';
import { actor, ids, sortedBy, tie, type StoreRef } from './fixtures.js';

export function traversalContract(store: StoreRef): void {
  describe('traversal', () => {
    /** a→b←c→d←e (a chain of mixed directions), b→x, b→y, and f alone. */
    async function graph() {
      const { actors } = await store().upsertActors(['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y'].map((k) => actor(k)));
      const ties = await store().upsertTies([
        tie('a', 'b'), tie('c', 'b'), tie('c', 'd'), tie('e', 'd'), tie('b', 'x'), tie('b', 'y', { type: 'WORKS_WITH' }),
      ]);
      return { byKey: Object.fromEntries(actors.map((a) => [a.key, a])), ties };
    }
    const keys = (actors: Actor[]) => actors.map((a) => a.key);
    const tieIdsAmong = (ties: Tie[], actors: Actor[]) => {
      const set = new Set(ids(actors));
      return ids(sortedBy(ties.filter((t) => set.has(t.fromId) && set.has(t.toId)), (t) => [t.id]));
    };

    it('returns the neighbourhood within a depth, over ties in either direction', async () => {
      const { ties } = await graph();
      const d0 = await store().neighborhood('a', 0, 100);
      expect(keys(d0!.actors)).toEqual(['a']);
      expect(d0!.ties).toEqual([]);
      const d1 = await store().neighborhood('a', 1, 100);
      expect(keys(d1!.actors)).toEqual(['a', 'b']);
      expect(ids(d1!.ties)).toEqual(tieIdsAmong(ties, d1!.actors));
      const d2 = await store().neighborhood('a', 2, 100);
      expect(keys(d2!.actors)).toEqual(['a', 'b', 'c', 'x', 'y']);
      expect(ids(d2!.ties)).toEqual(tieIdsAmong(ties, d2!.actors));
      expect(d2!.ties).toHaveLength(4);
      const fromD = await store().neighborhood('d', 1, 100);
      expect(keys(fromD!.actors)).toEqual(['d', 'c', 'e']);
      const all = await store().neighborhood('a', 10, 100);
      expect(keys(all!.actors)).toEqual(['a', 'b', 'c', 'x', 'y', 'd', 'e']);
      expect(all!.ties).toHaveLength(6);
    });

    it('keeps at most `limit` actors, nearest first, then lowest keys', async () => {
      const { ties } = await graph();
      const n = await store().neighborhood('a', 2, 4);
      expect(keys(n!.actors)).toEqual(['a', 'b', 'c', 'x']);
      expect(ids(n!.ties)).toEqual(tieIdsAmong(ties, n!.actors));
      expect(keys((await store().neighborhood('b', 3, 1))!.actors)).toEqual(['b']);
    });

    it('answers null for an unknown actor and only itself for an isolated one', async () => {
      await graph();
      expect(await store().neighborhood('ghost', 2, 10)).toBeNull();
      expect(keys((await store().neighborhood('f', 3, 10))!.actors)).toEqual(['f']);
    });

    it('finds the fewest-ties path in either direction, within maxHops', async () => {
      const { byKey } = await graph();
      const path = await store().shortestPath('a', 'e', 4);
      expect(keys(path!.actors)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(path!.ties).toHaveLength(4);
      path!.ties.forEach((t, i) => {
        const ends = [path!.actors[i].id, path!.actors[i + 1].id].sort();
        expect([t.fromId, t.toId].sort()).toEqual(ends);
      });
      expect(await store().shortestPath('a', 'e', 3)).toBeNull();
      const back = await store().shortestPath('e', 'a', 10);
      expect(keys(back!.actors)).toEqual(['e', 'd', 'c', 'b', 'a']);

      await store().upsertTies([tie('y', 'e')]);
      const shorter = await store().shortestPath('a', 'e', 3);
      expect(keys(shorter!.actors)).toEqual(['a', 'b', 'y', 'e']);
      expect(shorter!.ties.map((t) => [t.fromId, t.toId])).toEqual([
        [byKey.a.id, byKey.b.id], [byKey.b.id, byKey.y.id], [byKey.y.id, byKey.e.id],
      ]);
    });

    it('handles the trivial, disconnected and unknown cases', async () => {
      await graph();
      const self = await store().shortestPath('c', 'c', 0);
      expect(keys(self!.actors)).toEqual(['c']);
      expect(self!.ties).toEqual([]);
      expect(await store().shortestPath('a', 'b', 0)).toBeNull();
      expect(keys((await store().shortestPath('a', 'b', 1))!.actors)).toEqual(['a', 'b']);
      expect(await store().shortestPath('a', 'f', 10)).toBeNull();
      expect(await store().shortestPath('a', 'ghost', 10)).toBeNull();
      expect(await store().shortestPath('ghost', 'a', 10)).toBeNull();
    });
  });
}
