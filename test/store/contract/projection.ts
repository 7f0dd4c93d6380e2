import { describe, expect, it } from 'vitest';
import { actor, at, checkCsr, exchange, tie, type StoreRef } from './fixtures.js';

export function projectionContract(store: StoreRef): void {
  describe('projection', () => {
    /** Employees e1, e2; customers c1, c2; partner p1 (isolated); ties and exchanges among them. */
    async function graph() {
      await store().upsertActors([
        actor('e1', { kind: 'EMPLOYEE' }), actor('e2', { kind: 'EMPLOYEE' }),
        actor('c1', { kind: 'CUSTOMER' }), actor('c2', { kind: 'CUSTOMER' }), actor('p1', { kind: 'PARTNER' }),
      ]);
      await store().upsertTies([
        tie('e1', 'e2', { type: 'WORKS_WITH', weight: 2 }),
        tie('e1', 'e2', { type: 'KNOWS', weight: 0.5 }), // parallel: merged with the one above
        tie('e2', 'e1', { type: 'KNOWS', weight: 1 }),
        tie('c1', 'e1', { type: 'CUSTOMER_OF', weight: 3, since: at(100) }),
        tie('c2', 'c2', { type: 'FOLLOWS', weight: 1 }),
      ]);
      await store().recordExchanges([
        exchange('c1', 'e1', { kind: 'MONEY', amount: 100, occurredAt: at(10) }),
        exchange('c1', 'e1', { kind: 'MONEY', amount: 50, occurredAt: at(20) }),
        exchange('e1', 'c1', { kind: 'SERVICE', amount: 1, occurredAt: at(15) }),
        exchange('c2', 'e2', { kind: 'IDEA', amount: 1, occurredAt: at(30) }),
        exchange('e2', 'p1', { kind: 'KNOWLEDGE', amount: 4, occurredAt: at(40) }),
      ]);
    }
    const entries = (m: Map<string, number>) => Object.fromEntries([...m].sort());

    it('projects all actors (isolated ones too, ordered by key) and merged ties as CSR', async () => {
      await graph();
      const p = await store().projection({});
      expect(p.spec).toMatchObject({ edges: 'TIES', weight: 'TIE_WEIGHT' });
      expect(p.nodeCount).toBe(5);
      expect(p.keys).toEqual(['c1', 'c2', 'e1', 'e2', 'p1']);
      expect(p.kinds).toEqual(['CUSTOMER', 'CUSTOMER', 'EMPLOYEE', 'EMPLOYEE', 'PARTNER']);
      expect(p.edgeCount).toBe(4);
      expect(entries(checkCsr(p))).toEqual({ 'c1>e1': 3, 'c2>c2': 1, 'e1>e2': 2.5, 'e2>e1': 1 });
      expect(Array.from(p.out.offsets)).toEqual([0, 1, 2, 3, 4, 4]);
    });

    it('filters nodes by kind, dropping edges that leave the kept kinds', async () => {
      await graph();
      const p = await store().projection({ nodeKinds: ['EMPLOYEE'] });
      expect(p.keys).toEqual(['e1', 'e2']);
      expect(entries(checkCsr(p))).toEqual({ 'e1>e2': 2.5, 'e2>e1': 1 });
      const partners = await store().projection({ nodeKinds: ['PARTNER'] });
      expect(partners.nodeCount).toBe(1);
      expect(partners.edgeCount).toBe(0);
      checkCsr(partners);
    });

    it('filters ties by type and by the time window on since (ties without since always kept)', async () => {
      await graph();
      expect(entries(checkCsr(await store().projection({ tieTypes: ['KNOWS'] })))).toEqual({ 'e1>e2': 0.5, 'e2>e1': 1 });
      expect(entries(checkCsr(await store().projection({ tieTypes: ['KNOWS'], weight: 'COUNT' })))).toEqual({ 'e1>e2': 1, 'e2>e1': 1 });
      expect(entries(checkCsr(await store().projection({ weight: 'COUNT' }))))
        .toEqual({ 'c1>e1': 1, 'c2>c2': 1, 'e1>e2': 2, 'e2>e1': 1 });
      const before = await store().projection({ until: at(100) });
      expect(entries(checkCsr(before))).toEqual({ 'c2>c2': 1, 'e1>e2': 2.5, 'e2>e1': 1 });
      const from = await store().projection({ since: at(100) });
      expect(entries(checkCsr(from))).toEqual({ 'c1>e1': 3, 'c2>c2': 1, 'e1>e2': 2.5, 'e2>e1': 1 });
    });

    it('projects exchanges weighted by amount, filtered by kind, tangibility and window', async () => {
      await graph();
      const p = await store().projection({ edges: 'EXCHANGES' });
      expect(p.spec).toMatchObject({ edges: 'EXCHANGES', weight: 'AMOUNT' });
      expect(entries(checkCsr(p))).toEqual({ 'c1>e1': 150, 'c2>e2': 1, 'e1>c1': 1, 'e2>p1': 4 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', weight: 'COUNT' }))))
        .toEqual({ 'c1>e1': 2, 'c2>e2': 1, 'e1>c1': 1, 'e2>p1': 1 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', tangible: true }))))
        .toEqual({ 'c1>e1': 150, 'e1>c1': 1 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', tangible: false }))))
        .toEqual({ 'c2>e2': 1, 'e2>p1': 4 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', valueKinds: ['MONEY', 'KNOWLEDGE'] }))))
        .toEqual({ 'c1>e1': 150, 'e2>p1': 4 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', since: at(15), until: at(40) }))))
        .toEqual({ 'c1>e1': 50, 'c2>e2': 1, 'e1>c1': 1 });
      expect(entries(checkCsr(await store().projection({ edges: 'EXCHANGES', nodeKinds: ['CUSTOMER', 'EMPLOYEE'] }))))
        .toEqual({ 'c1>e1': 150, 'c2>e2': 1, 'e1>c1': 1 });
    });

    it('combines ties and exchanges, counting each edge once by default', async () => {
      await graph();
      const p = await store().projection({ edges: 'BOTH' });
      expect(p.spec).toMatchObject({ edges: 'BOTH', weight: 'COUNT' });
      expect(entries(checkCsr(p))).toEqual({ 'c1>e1': 3, 'c2>c2': 1, 'c2>e2': 1, 'e1>c1': 1, 'e1>e2': 2, 'e2>e1': 1, 'e2>p1': 1 });
      const weighted = await store().projection({ edges: 'BOTH', weight: 'TIE_WEIGHT' });
      expect(entries(checkCsr(weighted))['c1>e1']).toBe(3 + 2);
      const amounts = await store().projection({ edges: 'BOTH', weight: 'AMOUNT' });
      expect(entries(checkCsr(amounts))['c1>e1']).toBe(1 + 150);
    });

    it('projects an empty store as an empty graph', async () => {
      const p = await store().projection({ edges: 'BOTH' });
      expect(p.nodeCount).toBe(0);
      expect(p.edgeCount).toBe(0);
      expect(Array.from(p.out.offsets)).toEqual([0]);
    });
  });
}
