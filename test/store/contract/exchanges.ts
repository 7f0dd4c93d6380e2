import { describe, expect, it } from 'vitest';
import type { ValueExchange } from '../../../src/domain/entities.js';
import type { ExchangeFilter } from '../../../src/store/port.js';
import { UUID, actor, at, domainError, exchange, ids, pageSizes, sortedBy, walk, type StoreRef } from './fixtures.js';

const newestFirst = (xs: ValueExchange[]): string[] => ids(sortedBy(xs, (x) => [x.occurredAt, x.id], true));

export function exchangesContract(store: StoreRef): void {
  describe('value exchanges', () => {
    it('records exchanges with tangibility derived from the kind and a default unit', async () => {
      const { actors: [org, ada] } = await store().upsertActors([actor('org', { kind: 'ORGANIZATION' }), actor('ada')]);
      const r = await store().recordExchanges([
        exchange('ada', 'org', { kind: 'MONEY', amount: 99.5, occurredAt: '2024-02-02T10:00:00Z', externalId: 'inv-1' }),
        exchange('org', 'ada', { kind: 'KNOWLEDGE', amount: 1 }),
        exchange('org', 'ada', { kind: 'GOODS', amount: 3, unit: 'boxes' }),
      ]);
      expect(r).toMatchObject({ created: 3, existing: 0 });
      expect(r.items[0]).toMatchObject({
        externalId: 'inv-1', fromId: ada.id, toId: org.id, kind: 'MONEY', tangible: true, amount: 99.5, unit: 'EUR',
        occurredAt: '2024-02-02T10:00:00.000Z',
      });
      expect(r.items[0].id).toMatch(UUID);
      expect(r.items[1]).toMatchObject({ externalId: null, kind: 'KNOWLEDGE', tangible: false, unit: 'count' });
      expect(r.items[2]).toMatchObject({ tangible: true, unit: 'boxes' });
    });

    it('is idempotent by externalId when given, also inside one batch; without one every exchange counts', async () => {
      await store().upsertActors([actor('a'), actor('b')]);
      const first = await store().recordExchanges([exchange('a', 'b', { externalId: 'x1', amount: 5 })]);
      const again = await store().recordExchanges([
        exchange('a', 'b', { externalId: 'x1', amount: 500 }),
        exchange('a', 'b', { externalId: 'x2' }), exchange('a', 'b', { externalId: 'x2' }),
        exchange('a', 'b'), exchange('a', 'b'),
      ]);
      expect(again).toMatchObject({ created: 3, existing: 2 });
      expect(again.items[0]).toEqual(first.items[0]);
      expect(again.items[2]).toEqual(again.items[1]);
      expect(again.items[3].id).not.toBe(again.items[4].id);
      expect(await store().countExchanges({})).toBe(4);
    });

    it('rejects a batch naming an unknown actor, writing none of it', async () => {
      await store().upsertActors([actor('a'), actor('b')]);
      const error = await domainError(store().recordExchanges([exchange('a', 'b'), exchange('ghost', 'b'), exchange('a', 'ghost')]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues.map((i) => i.path)).toEqual([['input', 1, 'fromKey'], ['input', 2, 'toKey']]);
      expect(await store().countExchanges({})).toBe(0);
    });

    it('lists newest first and filters by kind, tangibility, ends and time window', async () => {
      await store().upsertActors([actor('a'), actor('b'), actor('c')]);
      const kinds = ['MONEY', 'IDEA', 'SERVICE', 'FEEDBACK', 'SUPPORT'] as const;
      const pairs = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'c']] as const;
      const { items: all } = await store().recordExchanges(Array.from({ length: 25 }, (_, i) =>
        exchange(pairs[i % 4][0], pairs[i % 4][1], { kind: kinds[i % 5], occurredAt: at(i % 9), amount: i })));
      const pick = (pred: (i: number) => boolean) => newestFirst(all.filter((_, i) => pred(i)));
      const walked = await walk((p) => store().listExchanges({}, p), 7);
      expect(walked.sizes).toEqual(pageSizes(25, 7));
      expect(ids(walked.items)).toEqual(pick(() => true));
      const check = async (filter: ExchangeFilter, expected: string[]) => {
        const { items } = await walk((p) => store().listExchanges(filter, p), 4);
        expect(ids(items)).toEqual(expected);
        expect(await store().countExchanges(filter)).toBe(expected.length);
      };
      await check({ kinds: ['IDEA', 'SUPPORT'] }, pick((i) => i % 5 === 1 || i % 5 === 4));
      await check({ tangible: true }, pick((i) => i % 5 === 0 || i % 5 === 2));
      await check({ tangible: false }, pick((i) => i % 5 !== 0 && i % 5 !== 2));
      await check({ fromKey: 'a' }, pick((i) => i % 4 === 0 || i % 4 === 3));
      await check({ toKey: 'a' }, pick((i) => i % 4 === 2));
      await check({ fromKey: 'a', toKey: 'c' }, pick((i) => i % 4 === 3));
      await check({ fromKey: 'nobody' }, []);
      await check({ since: at(3), until: at(6) }, pick((i) => i % 9 >= 3 && i % 9 < 6));
      await check({ tangible: true, since: at(4) }, pick((i) => (i % 5 === 0 || i % 5 === 2) && i % 9 >= 4));
      const backwards = await domainError(store().listExchanges({ since: at(6), until: at(3) }, { first: 5 }));
      expect(backwards).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['filter', 'until'] }] });
    });

    it('pages the exchanges of several actors in one call, by direction', async () => {
      const { actors: [a, b, c] } = await store().upsertActors([actor('a'), actor('b'), actor('c')]);
      const { items: all } = await store().recordExchanges([
        ...Array.from({ length: 25 }, (_, i) => exchange(i % 2 ? 'a' : 'b', i % 2 ? 'b' : 'a', { occurredAt: at(i % 4) })),
        exchange('a', 'a', { occurredAt: at(50) }),
        exchange('b', 'c', { occurredAt: at(60) }),
      ]);
      const of = (id: string, dir: 'OUT' | 'IN' | 'BOTH') =>
        newestFirst(all.filter((x) => (dir !== 'IN' && x.fromId === id) || (dir !== 'OUT' && x.toId === id)));
      for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
        const pages = await store().exchangesOfActors([a.id, b.id, c.id, 'nope'], { direction, first: 100 });
        expect(pages.map((p) => ids(p.items))).toEqual([of(a.id, direction), of(b.id, direction), of(c.id, direction), []]);
      }
      expect(of(a.id, 'BOTH')).toHaveLength(26);
      const walked = await walk(async (p) => (await store().exchangesOfActors([a.id], { direction: 'BOTH', ...p }))[0], 7);
      expect(walked.sizes).toEqual(pageSizes(26, 7));
      expect(ids(walked.items)).toEqual(of(a.id, 'BOTH'));
      const [pa, pc] = await store().exchangesOfActors([a.id, c.id], { direction: 'IN', first: 3 });
      expect(ids(pa.items)).toEqual(of(a.id, 'IN').slice(0, 3));
      expect(pa.hasNextPage).toBe(true);
      expect(pc.hasNextPage).toBe(false);
      const [na] = await store().exchangesOfActors([a.id, c.id], { direction: 'IN', first: 3, after: pa.cursors[2] });
      expect(ids(na.items)).toEqual(of(a.id, 'IN').slice(3, 6));
    });
  });
}
