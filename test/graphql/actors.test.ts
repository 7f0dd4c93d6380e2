import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { storeFactories } from '../support/stores.js';
import {
  ActorByIdDocument, ActorByKeyDocument, ActorsDocument, EraseActorDocument, NeighborhoodDocument, NodeByIdDocument,
  ShortestPathDocument, TieDocument, UntieDocument, UpsertActorsDocument, RecordSignalsDocument, SignalsDocument,
  RecordExchangesDocument, ExchangesDocument,
} from '../../schema/generated/graphql.js';

describe.each(storeFactories)('actors over GraphQL ($name)', (factory) => {
  let app: TestApp;
  beforeEach(async () => { app = testApp(await factory.open()); });
  afterEach(async () => { await app.store.close(); });

  const someActors = [
    { key: 'hr:e-1', kind: 'EMPLOYEE' as const, name: 'Giulia Rossi', attributes: { team: 'care' } },
    { key: 'crm:c-1', kind: 'CUSTOMER' as const, name: 'Acme Ltd' },
    { key: 'erp:s-1', kind: 'SUPPLIER' as const, name: 'Bulloni SpA' },
    { key: 'org:team-care', kind: 'TEAM' as const, name: 'Customer Care' },
  ];

  it('upserts actors idempotently by key and reads them by key, id and node(id)', async () => {
    const first = await ok(app.yoga, UpsertActorsDocument, { input: someActors });
    expect(first.upsertActors).toMatchObject({ created: 4, updated: 0 });
    const again = await ok(app.yoga, UpsertActorsDocument, {
      input: [{ key: 'hr:e-1', kind: 'EMPLOYEE', name: 'Giulia Rossi-Bianchi' }],
    });
    expect(again.upsertActors).toMatchObject({ created: 0, updated: 1 });

    const byKey = await ok(app.yoga, ActorByKeyDocument, { key: 'hr:e-1' });
    expect(byKey.actor).toMatchObject({ key: 'hr:e-1', kind: 'EMPLOYEE', side: 'INSIDE', name: 'Giulia Rossi-Bianchi' });
    const id = byKey.actor!.id;
    expect((await ok(app.yoga, ActorByIdDocument, { id })).actor?.key).toBe('hr:e-1');
    expect((await ok(app.yoga, NodeByIdDocument, { id })).node).toMatchObject({ __typename: 'Actor', key: 'hr:e-1' });
    const outside = await ok(app.yoga, ActorByKeyDocument, { key: 'crm:c-1' });
    expect(outside.actor?.side).toBe('OUTSIDE');
  });

  it('takes attributes written as an object literal, variables inside it included, and prints nothing outside the log', async () => {
    const stderr = vi.spyOn(console, 'error');
    try {
      const data = await ok<{ upsertActors: { actors: { attributes: unknown }[] } }, { v: number }>(app.yoga,
        'mutation($v: Int) { upsertActors(input: [{ key: "crm:lit", kind: CUSTOMER, name: "Lit", attributes: { x: $v, y: { z: [$v, "a"] } } }]) { actors { attributes } } }',
        { v: 5 });
      expect(data.upsertActors.actors[0].attributes).toEqual({ x: 5, y: { z: [5, 'a'] } });
      const plain = await ok<{ upsertActors: { actors: { attributes: unknown }[] } }, Record<string, never>>(app.yoga,
        'mutation { upsertActors(input: [{ key: "crm:lit2", kind: CUSTOMER, name: "Lit", attributes: { y: { z: [1, "a"] } } }]) { actors { attributes } } }');
      expect(plain.upsertActors.actors[0].attributes).toEqual({ y: { z: [1, 'a'] } });
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
    }
  });

  it('finds a value exchange by node(id), as a signal or an actor', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: someActors });
    const recorded = await ok(app.yoga, RecordExchangesDocument, {
      input: [{ fromKey: 'crm:c-1', toKey: 'erp:s-1', kind: 'MONEY', amount: 12.5, occurredAt: '2026-03-01T10:00:00Z' }],
    });
    const id = recorded.recordExchanges.exchanges[0].id;
    const found = await ok<{ node: { __typename: string; id: string; amount?: number } | null }, { id: string }>(app.yoga,
      'query($id: ID!) { node(id: $id) { __typename id ... on ValueExchange { amount } } }', { id });
    expect(found.node).toEqual({ __typename: 'ValueExchange', id, amount: 12.5 });
  });

  it('answers null for unknown keys and ids, never an error', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: someActors });
    expect((await ok(app.yoga, ActorByKeyDocument, { key: 'nobody' })).actor).toBeNull();
    const bogus = Buffer.from('Actor:00000000-0000-0000-0000-000000000000').toString('base64');
    expect((await ok(app.yoga, ActorByIdDocument, { id: bogus })).actor).toBeNull();
    expect((await ok(app.yoga, NodeByIdDocument, { id: bogus })).node).toBeNull();
    expect((await ok(app.yoga, ActorByIdDocument, { id: 'not-an-id' })).actor).toBeNull();
    // node(id) too, for a malformed id and for an id of a type that has no node.
    for (const id of ['garbage', '', Buffer.from('Foo:123').toString('base64'), Buffer.from('PageInfo:1').toString('base64')]) {
      expect((await ok(app.yoga, NodeByIdDocument, { id })).node, id).toBeNull();
    }
  });

  it('pages through actors by key with cursors, filters and totalCount', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      key: `crm:c-${String(i).padStart(3, '0')}`, kind: 'CUSTOMER' as const, name: `Customer ${i}`,
    }));
    await ok(app.yoga, UpsertActorsDocument, { input: [...many, ...someActors] });
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof ok<any, any>>> = await ok(app.yoga, ActorsDocument, { filter: { side: 'OUTSIDE' }, first: 5, after });
      expect(page.actors.totalCount).toBe(25);
      seen.push(...page.actors.edges.map((e: { node: { key: string } }) => e.node.key));
      if (!page.actors.pageInfo.hasNextPage) break;
      after = page.actors.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(25);
    expect(seen).toEqual([...seen].sort());
    const search = await ok(app.yoga, ActorsDocument, { filter: { search: 'ROSSI' } });
    expect(search.actors.edges.map((e) => e.node.key)).toEqual(['hr:e-1']);
    const kinds = await ok(app.yoga, ActorsDocument, { filter: { kinds: ['TEAM', 'SUPPLIER'] } });
    expect(kinds.actors.totalCount).toBe(2);
    const none = await ok(app.yoga, ActorsDocument, { filter: { kinds: ['EMPLOYEE'], side: 'OUTSIDE' } });
    expect(none.actors.totalCount).toBe(0);
    // An empty list filters nothing, as in every other filter; with a side, the side alone applies.
    const all = await ok(app.yoga, ActorsDocument, {});
    expect((await ok(app.yoga, ActorsDocument, { filter: { kinds: [] } })).actors.totalCount).toBe(all.actors.totalCount);
    expect((await ok(app.yoga, ActorsDocument, { filter: { kinds: [], side: 'OUTSIDE' } })).actors.totalCount).toBe(25);
  });

  it('ties and unties actors, walks neighborhoods and shortest paths', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: someActors });
    const tie = await ok(app.yoga, TieDocument, { input: { fromKey: 'hr:e-1', toKey: 'org:team-care', type: 'MEMBER_OF' } });
    expect(tie.tie).toMatchObject({ type: 'MEMBER_OF', weight: 1, from: { key: 'hr:e-1' }, to: { key: 'org:team-care' } });
    await ok(app.yoga, TieDocument, { input: { fromKey: 'crm:c-1', toKey: 'hr:e-1', type: 'KNOWS', weight: 3 } });
    await ok(app.yoga, TieDocument, { input: { fromKey: 'erp:s-1', toKey: 'org:team-care', type: 'SUPPLIES' } });

    const n1 = await ok(app.yoga, NeighborhoodDocument, { key: 'hr:e-1', depth: 1 });
    expect(n1.neighborhood?.actors.map((a) => a.key).sort()).toEqual(['crm:c-1', 'hr:e-1', 'org:team-care']);
    const n2 = await ok(app.yoga, NeighborhoodDocument, { key: 'hr:e-1', depth: 2 });
    expect(n2.neighborhood?.actors).toHaveLength(4);
    const path = await ok(app.yoga, ShortestPathDocument, { fromKey: 'crm:c-1', toKey: 'erp:s-1' });
    expect(path.shortestPath?.actors.map((a) => a.key)).toEqual(['crm:c-1', 'hr:e-1', 'org:team-care', 'erp:s-1']);
    expect(path.shortestPath?.length).toBe(3);
    expect((await ok(app.yoga, ShortestPathDocument, { fromKey: 'crm:c-1', toKey: 'erp:s-1', maxHops: 2 })).shortestPath).toBeNull();

    expect((await ok(app.yoga, UntieDocument, { fromKey: 'hr:e-1', toKey: 'org:team-care', type: 'MEMBER_OF' })).untie).toBe(true);
    expect((await ok(app.yoga, UntieDocument, { fromKey: 'hr:e-1', toKey: 'org:team-care', type: 'MEMBER_OF' })).untie).toBe(false);
    expect((await ok(app.yoga, ShortestPathDocument, { fromKey: 'crm:c-1', toKey: 'erp:s-1' })).shortestPath).toBeNull();

    // tie takes one input, not a list: an unknown key is named input.toKey, not input[0].toKey.
    const unknown = await gql(app.yoga, TieDocument, { input: { fromKey: 'hr:e-1', toKey: 'nobody', type: 'KNOWS' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.toKey' });
    expect(unknown.errors?.[0].message).not.toContain('[0]');

    // A tie, or an exchange of value, joins two different actors; a batch with one to itself stores nothing.
    const selfTie = await gql(app.yoga, TieDocument, { input: { fromKey: 'hr:e-1', toKey: ' hr:e-1 ', type: 'KNOWS' } });
    expect(selfTie.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toKey' });
    expect((await ok(app.yoga, NeighborhoodDocument, { key: 'hr:e-1', depth: 1 })).neighborhood?.actors.map((a) => a.key).sort())
      .toEqual(['crm:c-1', 'hr:e-1']);
    const selfExchange = await gql(app.yoga, RecordExchangesDocument, { input: [
      { fromKey: 'crm:c-1', toKey: 'hr:e-1', kind: 'MONEY', amount: 1, occurredAt: '2026-01-05T00:00:00Z' },
      { fromKey: 'hr:e-1', toKey: 'hr:e-1', kind: 'MONEY', amount: 1, occurredAt: '2026-01-05T00:00:00Z' },
    ] });
    expect(selfExchange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].toKey' });
    expect((await ok(app.yoga, ExchangesDocument, { filter: {} })).exchanges.totalCount).toBe(0);

    const badDepth = await gql(app.yoga, NeighborhoodDocument, { key: 'hr:e-1', depth: 4 });
    expect(badDepth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
  });

  it('erases a person: key and text gone, anonymous counts kept', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: someActors });
    await ok(app.yoga, TieDocument, { input: { fromKey: 'crm:c-1', toKey: 'hr:e-1', type: 'KNOWS' } });
    await ok(app.yoga, RecordSignalsDocument, {
      input: [1, 2, 3].map((i) => ({
        channel: 'email', externalId: `m-${i}`, kind: 'COMPLAINT' as const, text: `Mario here, my phone is 33312345${i}`,
        occurredAt: `2026-01-0${i}T10:00:00Z`, emitterKey: 'crm:c-1',
      })),
    });
    await ok(app.yoga, RecordExchangesDocument, {
      input: [{ fromKey: 'crm:c-1', toKey: 'org:team-care', kind: 'MONEY', amount: 120, occurredAt: '2026-01-05T00:00:00Z' }],
    });
    expect((await ok(app.yoga, EraseActorDocument, { key: 'crm:c-1' })).eraseActor).toBe(true);
    expect((await ok(app.yoga, EraseActorDocument, { key: 'crm:c-1' })).eraseActor).toBe(false);
    expect((await ok(app.yoga, ActorByKeyDocument, { key: 'crm:c-1' })).actor).toBeNull();
    const signals = await ok(app.yoga, SignalsDocument, { filter: { channels: ['email'] } });
    expect(signals.signals.totalCount).toBe(3);
    for (const s of signals.signals.nodes) {
      expect(s.text).toBeNull();
      expect(s.emitter?.key ?? '').not.toBe('crm:c-1');
    }
    const exchanges = await ok(app.yoga, ExchangesDocument, { filter: {} });
    expect(exchanges.exchanges.totalCount).toBe(1);
    expect(exchanges.exchanges.nodes[0].from.key).not.toBe('crm:c-1');
    const all = await ok(app.yoga, ActorsDocument, { filter: { search: 'Acme' } });
    expect(all.actors.totalCount).toBe(0);
  });
});
