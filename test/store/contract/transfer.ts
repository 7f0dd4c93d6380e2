import { describe, expect, it } from 'vitest';
import { TRANSFER_KINDS, type TransferRecord } from '../../../src/domain/transfer.js';
import type { Store } from '../../../src/store/port.js';
import { actor, at, change, domainError, exchange, insight, response, signal, tie, type StoreRef } from './fixtures.js';

/** Every record of the store, kind after kind, paging `size` at a time (and checking the keyset order). */
async function exportAll(s: Store, size = 3): Promise<TransferRecord[]> {
  const all: TransferRecord[] = [];
  for (const kind of TRANSFER_KINDS) {
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page: TransferRecord[] = await s.exportRecords(kind, after, size);
      expect(page.length).toBeLessThanOrEqual(size);
      for (const r of page) {
        expect(r.type).toBe(kind);
        if (after !== null) expect(r.id > after).toBe(true);
        after = r.id;
      }
      all.push(...page);
      if (page.length < size) break;
    }
  }
  return all;
}

export function transferContract(store: StoreRef): void {
  describe('export and import', () => {
    /** A small graph with every kind of record, an erased actor, an assignment and an exchange without externalId. */
    async function world() {
      const s = store();
      await s.upsertActors([
        actor('crm:alice', { attributes: { email: 'alice@example.org', tags: ['a', 'b'] } }),
        actor('hr:bob', { kind: 'EMPLOYEE' }), actor('crm:carol'), actor('crm:dave', { kind: 'PARTNER' }),
      ]);
      await s.upsertTies([tie('crm:alice', 'hr:bob', { weight: 2.5, since: at(1) }), tie('hr:bob', 'crm:carol'), tie('crm:dave', 'crm:dave', { type: 'FOLLOWS' })]);
      const { items: sig } = await s.recordSignals([
        signal('s1', { emitterKey: 'crm:alice', sentiment: -0.5, occurredAt: at(2),
          about: [{ target: 'TOPIC', ref: 'billing' }, { target: 'ACTOR', ref: 'hr:bob' }, { target: 'PROCESS', ref: 'Invoicing' }] }),
        signal('s2', { channel: 'chat', emitterKey: 'crm:carol', occurredAt: at(3) }),
        signal('s3', { emitterKey: null, occurredAt: at(4), about: [{ target: 'ACTOR', ref: 'crm:alice' }] }),
        signal('s4', { emitterKey: 'crm:dave', occurredAt: at(5) }),
      ]);
      await s.assignSignal(sig[1].id, 'hr:bob');
      await s.assignSignal(sig[3].id, 'hr:bob');
      await s.respond([
        response(sig[0].id, 'hr:bob', { respondedAt: at(10) }),
        response(sig[0].id, 'crm:alice', { text: 'thanks', respondedAt: at(11), channel: 'chat' }),
        response(sig[3].id, 'crm:dave', { respondedAt: at(12) }),
      ]);
      await s.recordExchanges([
        exchange('crm:alice', 'hr:bob', { externalId: 'inv-1', amount: 120.5, occurredAt: at(6) }),
        exchange('hr:bob', 'crm:dave', { kind: 'IDEA', amount: 1, occurredAt: at(7) }),
        exchange('hr:bob', 'crm:dave', { kind: 'IDEA', amount: 1, occurredAt: at(7) }),
      ]);
      const found = await s.createInsight(insight([sig[2].id, sig[0].id], { topics: ['ux', 'billing'], summary: 'two of them' }));
      await s.applyChange(change(found.id, 'Invoicing', { appliedAt: at(20) }));
      await s.applyChange(change(found.id, 'Support', { appliedAt: at(21) }));
      expect(await s.eraseActor('crm:dave')).toBe(true);
      return { signals: sig, insight: found };
    }

    it('counts every kind, and exports in id pages with natural-key references', async () => {
      const s = store();
      await world();
      expect(await s.transferCounts()).toEqual({
        actors: 4, ties: 2, topics: 2, processes: 2, signals: 4, responses: 3, exchanges: 3, insights: 1, changes: 2,
      });
      const records = await exportAll(s);
      const tomb = records.find((r) => r.type === 'actor' && r.key.startsWith('erased:'));
      expect(tomb).toMatchObject({ type: 'actor', kind: 'PARTNER', name: 'Erased actor', attributes: {} });
      expect(tomb && tomb.type === 'actor' && tomb.key).toBe(`erased:${tomb!.id}`);
      const s1 = records.find((r) => r.type === 'signal' && r.externalId === 's1');
      expect(s1).toMatchObject({
        channel: 'email', emitterKey: 'crm:alice', sentiment: -0.5, status: 'ANSWERED', assigneeKey: null,
        about: [{ target: 'TOPIC', ref: 'billing' }, { target: 'ACTOR', ref: 'hr:bob' }, { target: 'PROCESS', ref: 'Invoicing' }],
      });
      const s4 = records.find((r) => r.type === 'signal' && r.externalId === 's4');
      expect(s4).toMatchObject({ text: null, emitterKey: tomb!.type === 'actor' ? tomb!.key : '', status: 'ANSWERED', assigneeKey: 'hr:bob' });
      expect(records.find((r) => r.type === 'insight')).toMatchObject({
        summary: 'two of them', topics: ['billing', 'ux'],
        signals: [{ channel: 'email', externalId: 's3' }, { channel: 'email', externalId: 's1' }],
      });
      expect(records.filter((r) => r.type === 'response').map((r) => r.type === 'response' && r.signal.externalId).sort())
        .toEqual(['s1', 's1', 's4']);
      expect(await s.exportRecords('signal', records.filter((r) => r.type === 'signal').at(-1)!.id, 10)).toEqual([]);
      expect((await domainError(s.exportRecords('actor', null, 0))).issues[0].path).toEqual(['limit']);
      expect((await domainError(s.exportRecords('nothing' as 'actor', null, 10))).issues[0].path).toEqual(['kind']);
    });

    it('imports an export into an empty store as it was, ids and timestamps included, and again without change', async () => {
      const s = store();
      await world();
      const before = await exportAll(s);
      const stats = await s.stats();
      await s.reset!();
      expect((await s.stats()).actors).toBe(0);

      // Batches cut anywhere: each holds runs of several kinds.
      for (let i = 0; i < before.length; i += 7) await s.importRecords(before.slice(i, i + 7));
      expect(await exportAll(s, 4)).toEqual(before);
      expect(await s.stats()).toEqual(stats);

      const version = await s.graphVersion();
      const head = await s.outboxHead();
      expect(await s.importRecords(before)).toEqual({ created: 0, existing: before.length });
      expect(await s.stats()).toEqual(stats);
      expect(await s.graphVersion()).toBe(version);
      expect(await s.outboxHead()).toBe(head);
      expect(await exportAll(s)).toEqual(before);
    });

    it('finds what exists by natural key: actors and ties take the record, the rest stays', async () => {
      const s = store();
      const { signals: sig } = await world();
      const records = await exportAll(s);
      const alice = records.find((r) => r.type === 'actor' && r.key === 'crm:alice')!;
      const version = await s.graphVersion();
      const result = await s.importRecords([
        { ...alice, id: 'another-id', name: 'Alice L.', updatedAt: at(99) } as TransferRecord,
        { type: 'tie', id: 'another-tie', fromKey: 'crm:alice', toKey: 'hr:bob', tieType: 'KNOWS', weight: 7, since: null },
        { type: 'signal', id: 'another-signal', channel: 'chat', externalId: 's2', kind: 'IDEA', text: 'changed', sentiment: null,
          occurredAt: at(50), status: 'CLOSED', emitterKey: null, assigneeKey: null, about: [] },
      ]);
      expect(result).toEqual({ created: 0, existing: 3 });
      expect(await s.graphVersion()).toBeGreaterThan(version);
      const [a] = await s.actorsByKeys(['crm:alice']);
      expect(a).toMatchObject({ id: alice.id, name: 'Alice L.', updatedAt: at(99) });
      const [[t]] = (await s.tiesOfActors([a!.id], { direction: 'OUT', first: 10 })).map((p) => p.items);
      expect(t).toMatchObject({ weight: 7, since: null });
      expect((await s.signalsByIds([sig[1].id]))[0]).toMatchObject({ text: 'text of s2', status: 'ASSIGNED' });
    });

    it('gives a fresh id when the record\'s id belongs to another entity', async () => {
      const s = store();
      const { actors: [alice] } = await s.upsertActors([actor('crm:alice')]);
      await s.importRecords([{
        type: 'actor', id: alice.id, key: 'crm:zoe', kind: 'CUSTOMER', name: 'Zoe', attributes: {}, createdAt: at(1), updatedAt: at(2),
      }]);
      const [zoe, again] = await s.actorsByKeys(['crm:zoe', 'crm:alice']);
      expect(zoe).toMatchObject({ key: 'crm:zoe', createdAt: at(1), updatedAt: at(2) });
      expect(zoe!.id).not.toBe(alice.id);
      expect(again).toEqual(alice);
    });

    it('rejects unknown references with their record index and field, writing nothing of the batch', async () => {
      const s = store();
      await s.upsertActors([actor('crm:alice')]);
      const stats = await s.stats();
      const error = await domainError(s.importRecords([
        { type: 'actor', id: 'x-1', key: 'crm:new', kind: 'CUSTOMER', name: 'New', attributes: {}, createdAt: at(1), updatedAt: at(1) },
        { type: 'tie', id: 'x-2', fromKey: 'crm:alice', toKey: 'crm:ghost', tieType: 'KNOWS', weight: 1, since: null },
        { type: 'tie', id: 'x-3', fromKey: 'crm:new', toKey: 'crm:alice', tieType: 'KNOWS', weight: 1, since: null },
      ]));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues).toEqual([{ path: ['input', 1, 'toKey'], message: "actor 'crm:ghost' not found" }]);
      expect(await s.stats()).toEqual(stats);
      expect(await s.actorsByKeys(['crm:new'])).toEqual([null]);

      const refs = await domainError(s.importRecords([
        { type: 'response', id: 'r-1', signal: { channel: 'email', externalId: 'nope' }, responderKey: 'crm:alice', text: 'x',
          channel: 'email', respondedAt: at(1) },
        { type: 'response', id: 'r-2', signal: { channel: 'email', externalId: 'nope' }, responderKey: 'crm:nobody', text: 'x',
          channel: 'email', respondedAt: at(1) },
      ]));
      expect(refs.issues.map((i) => i.path)).toEqual([['input', 0, 'signal'], ['input', 1, 'signal'], ['input', 1, 'responderKey']]);
      const changes = await domainError(s.importRecords([
        { type: 'change', id: 'c-1', insightId: 'no-insight', processName: 'P', description: 'd', appliedAt: at(1) },
      ]));
      expect(changes.issues).toEqual([{ path: ['input', 0, 'insightId'], message: "insight 'no-insight' not found" }]);
    });
  });
}
