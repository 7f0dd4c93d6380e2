import { describe, expect, it } from 'vitest';
import type { PageArgs } from '../../../src/store/port.js';
import { actor, change, domainError, exchange, insight, signal, tie, type StoreRef } from './fixtures.js';

export function cursorsContract(store: StoreRef): void {
  describe('cursors', () => {
    it("refuses another connection's cursor, and takes the cursors of its own kind", async () => {
      const s = store();
      const { actors: [a] } = await s.upsertActors([actor('a'), actor('b'), actor('c')]);
      await s.upsertTies([tie('a', 'b'), tie('a', 'c')]);
      const { items: [sig] } = await s.recordSignals([signal('s-1', { emitterKey: 'a' }), signal('s-2', { emitterKey: 'a' })]);
      await s.recordExchanges([exchange('a', 'b'), exchange('a', 'c')]);
      const found = await s.createInsight(insight([sig.id]));
      await s.applyChange(change(found.id, 'billing'));
      await s.applyChange(change(found.id, 'onboarding'));
      await s.createInsight(insight([sig.id]));

      const page: PageArgs = { first: 1 };
      // Each connection of each kind, and the cursor of its first page (every one has a second page).
      const lists = {
        actors: (p: PageArgs) => s.listActors({}, p),
        ties: async (p: PageArgs) => (await s.tiesOfActors([a.id], { ...p, direction: 'BOTH' }))[0],
        signals: (p: PageArgs) => s.listSignals({}, p),
        actorSignals: async (p: PageArgs) => (await s.signalsOfActors([a.id], p))[0],
        exchanges: (p: PageArgs) => s.listExchanges({}, p),
        actorExchanges: async (p: PageArgs) => (await s.exchangesOfActors([a.id], { ...p, direction: 'BOTH' }))[0],
        insights: (p: PageArgs) => s.listInsights(p),
        processes: (p: PageArgs) => s.listProcesses(p),
      };
      const kind: Record<keyof typeof lists, string> = {
        actors: 'actor', ties: 'tie', signals: 'signal', actorSignals: 'signal', exchanges: 'exchange',
        actorExchanges: 'exchange', insights: 'insight', processes: 'process',
      };
      const cursors = {} as Record<keyof typeof lists, string>;
      for (const [name, list] of Object.entries(lists) as [keyof typeof lists, (p: PageArgs) => Promise<{ cursors: string[]; hasNextPage: boolean }>][]) {
        const first = await list(page);
        expect(first.hasNextPage, name).toBe(true);
        cursors[name] = first.cursors[0];
      }
      for (const [name, list] of Object.entries(lists) as [keyof typeof lists, (p: PageArgs) => Promise<{ items: unknown[] }>][]) {
        for (const [from, cursor] of Object.entries(cursors) as [keyof typeof lists, string][]) {
          if (kind[from] === kind[name]) {
            expect((await list({ first: 1, after: cursor })).items, `${from} cursor on ${name}`).toHaveLength(1);
          } else {
            const error = await domainError(list({ first: 1, after: cursor }));
            expect(error.code, `${from} cursor on ${name}`).toBe('BAD_USER_INPUT');
            expect(error.issues[0].path).toEqual(['after']);
          }
        }
      }
      // A cursor of the right kind holding numbers instead of its text sort key is forged: refused by
      // both stores (one paged from the start, the other answered an empty page).
      const forged = (...value: unknown[]) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const forgeries: [keyof typeof lists, string][] = [
        ['actors', forged('actor', 5)], ['ties', forged('tie', 5)], ['signals', forged('signal', 5, 5)],
        ['processes', forged('process', 3)], ['exchanges', forged('exchange', '2026-01-01T00:00:00.000Z', 7)],
      ];
      for (const [name, cursor] of forgeries) {
        const error = await domainError(lists[name]({ first: 1, after: cursor }));
        expect([error.code, error.issues[0].path], name).toEqual(['BAD_USER_INPUT', ['after']]);
      }
    });
  });
}
