/**
 * Erasure over GraphQL: once erased, a person cannot be named again — the `erased:` key prefix is
 * reserved for every write that names an actor — and answers to their signals lose their text too.
 * Keys with control characters and searches with them are input errors naming the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { storeFactories } from '../support/stores.js';
import {
  ActorByKeyDocument, ActorsDocument, AssignSignalDocument, EraseActorDocument, RecordExchangesDocument, RecordSignalsDocument, RespondDocument,
  SignalsDocument, TieDocument, UpsertActorsDocument,
} from '../../schema/generated/graphql.js';

describe.each(storeFactories)('erasure and keys over GraphQL ($name)', (factory) => {
  let app: TestApp;
  beforeEach(async () => { app = testApp(await factory.open()); });
  afterEach(async () => { await app.store.close(); });

  const people = [
    { key: 'crm:roberto', kind: 'CUSTOMER' as const, name: 'Roberto Bianchi', attributes: { phone: '333 1234567' } },
    { key: 'hr:giulia', kind: 'EMPLOYEE' as const, name: 'Giulia Rossi' },
  ];
  const occurredAt = '2026-01-02T10:00:00Z';

  /** Roberto complains, Giulia answers him by name; then Roberto is erased. The tombstone's key. */
  async function erasedRoberto(): Promise<string> {
    await ok(app.yoga, UpsertActorsDocument, { input: people });
    const recorded = await ok(app.yoga, RecordSignalsDocument, {
      input: [{ channel: 'email', externalId: 'm-1', kind: 'COMPLAINT', text: 'Roberto here, call me', occurredAt, emitterKey: 'crm:roberto' }],
    });
    const signalId = recorded.recordSignals.signals[0].id;
    await ok(app.yoga, RespondDocument, { input: { signalId, responderKey: 'hr:giulia', text: 'Gentile Roberto, la richiamiamo' } });
    expect((await ok(app.yoga, EraseActorDocument, { key: 'crm:roberto' })).eraseActor).toBe(true);
    const tombs = await ok(app.yoga, ActorsDocument, { filter: { search: 'erased:' } });
    expect(tombs.actors.totalCount).toBe(1);
    return tombs.actors.edges[0].node.key;
  }

  it("blanks the answers others gave to the erased person's signals, keeping them", async () => {
    await erasedRoberto();
    const r = await gql(app.yoga, `{ signals(first: 5) { nodes { text status responses { text responder { key } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      signals: { nodes: [{ text: null, status: 'ANSWERED', responses: [{ text: null, responder: { key: 'hr:giulia' } }] }] },
    });
  });

  it("refuses to update a tombstone by its key, naming the field, and changes nothing", async () => {
    const tombKey = await erasedRoberto();
    const r = await gql(app.yoga, UpsertActorsDocument, {
      input: [...people.slice(1), { key: 'crm:new', kind: 'CUSTOMER', name: 'New' }, people[1],
        { key: tombKey, kind: 'CUSTOMER', name: 'Roberto Bianchi', attributes: { phone: '333 1234567' } }],
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[3].key' });
    expect(r.data).toBeNull();
    expect((await ok(app.yoga, ActorByKeyDocument, { key: tombKey })).actor).toMatchObject({ name: 'Erased actor', attributes: {} });
    expect((await ok(app.yoga, ActorByKeyDocument, { key: 'crm:new' })).actor).toBeNull();
    expect((await ok(app.yoga, ActorsDocument, { filter: { search: 'Bianchi' } })).actors.totalCount).toBe(0);
  });

  it('finds and erases an actor by a padded key, as every write trims keys; a tombstone key is refused', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ ...people[0], key: ' crm:roberto ' }, people[1]] });
    expect((await ok(app.yoga, ActorByKeyDocument, { key: '  crm:roberto ' })).actor?.key).toBe('crm:roberto');
    const near = await ok(app.yoga, '{ neighborhood(key: " crm:roberto ") { center { key } } }');
    expect(near).toEqual({ neighborhood: { center: { key: 'crm:roberto' } } });
    expect((await ok(app.yoga, EraseActorDocument, { key: ' crm:roberto ' })).eraseActor).toBe(true);
    expect((await ok(app.yoga, EraseActorDocument, { key: 'crm:roberto' })).eraseActor).toBe(false);
    const tombKey = (await ok(app.yoga, ActorsDocument, { filter: { search: 'erased:' } })).actors.edges[0].node.key;
    const again = await gql(app.yoga, EraseActorDocument, { key: tombKey });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    // The tombstone keeps its key and id: erasing is not repeated on it.
    expect((await ok(app.yoga, ActorsDocument, { filter: { search: 'erased:' } })).actors.edges[0].node.key).toBe(tombKey);
  });

  it('refuses erased: keys made up by a client', async () => {
    const r = await gql(app.yoga, UpsertActorsDocument, { input: [...people, { key: ' erased:anyone ', kind: 'CUSTOMER', name: 'X' }] });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[2].key' });
    expect((await ok(app.yoga, ActorsDocument, {})).actors.totalCount).toBe(0);
  });

  it('refuses to link new ties, signals, responses and exchanges to an erased person', async () => {
    const tombKey = await erasedRoberto();
    const [signal] = (await ok(app.yoga, SignalsDocument, {})).signals.nodes;
    const refused: [string, Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>][] = [
      ['input.toKey', gql(app.yoga, TieDocument, { input: { fromKey: 'hr:giulia', toKey: tombKey, type: 'KNOWS' } })],
      ['input[1].emitterKey', gql(app.yoga, RecordSignalsDocument, { input: [
        { channel: 'email', externalId: 'm-2', kind: 'QUESTION', text: 'ok', occurredAt, emitterKey: 'hr:giulia' },
        { channel: 'email', externalId: 'm-3', kind: 'QUESTION', text: 'me again', occurredAt, emitterKey: tombKey },
      ] })],
      ['input[0].about[1].ref', gql(app.yoga, RecordSignalsDocument, { input: [
        { channel: 'email', externalId: 'm-4', kind: 'MENTION', text: 'about him', occurredAt,
          about: [{ target: 'TOPIC', ref: 'billing' }, { target: 'ACTOR', ref: tombKey }] },
      ] })],
      ['input.responderKey', gql(app.yoga, RespondDocument, { input: { signalId: signal.id, responderKey: tombKey, text: 'me' } })],
      ['assigneeKey', gql(app.yoga, AssignSignalDocument, { signalId: signal.id, assigneeKey: tombKey })],
      ['input[0].fromKey', gql(app.yoga, RecordExchangesDocument, {
        input: [{ fromKey: tombKey, toKey: 'hr:giulia', kind: 'MONEY', amount: 10, occurredAt }],
      })],
    ];
    for (const [field, request] of refused) {
      expect((await request).errors?.[0].extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // Nothing was written: one signal with its one answer, no exchange, the tombstone without ties.
    const r = await gql(app.yoga, `{
      signals(first: 5) { totalCount nodes { responses { responder { key } } } }
      exchanges { totalCount }
      actor(key: "${tombKey}") { ties(first: 5) { nodes { id } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      signals: { totalCount: 1, nodes: [{ responses: [{ responder: { key: 'hr:giulia' } }] }] },
      exchanges: { totalCount: 0 },
      actor: { ties: { nodes: [] } },
    });
  });

  it('refuses keys and external ids with control characters, naming the field', async () => {
    const keyed = await gql(app.yoga, UpsertActorsDocument, { input: [people[0], { key: 't:a\u0000b', kind: 'CUSTOMER', name: 'T' }] });
    expect(keyed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].key' });
    expect((await ok(app.yoga, ActorsDocument, {})).actors.totalCount).toBe(0);
    await ok(app.yoga, UpsertActorsDocument, { input: people });
    const tie = await gql(app.yoga, TieDocument, { input: { fromKey: 'hr:giulia', toKey: 'crm:\u007froberto', type: 'KNOWS' } });
    expect(tie.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toKey' });
    const external = await gql(app.yoga, RecordSignalsDocument, {
      input: [{ channel: 'email', externalId: 'm\u00001', kind: 'QUESTION', text: 'x', occurredAt, emitterKey: 'crm:roberto' }],
    });
    expect(external.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].externalId' });
    const exchange = await gql(app.yoga, RecordExchangesDocument, {
      input: [{ externalId: 'x\u001b', fromKey: 'crm:roberto', toKey: 'hr:giulia', kind: 'MONEY', amount: 1, occurredAt }],
    });
    expect(exchange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].externalId' });
    // A name with a NUL could never be found by a search (which refuses control characters).
    const named = await gql(app.yoga, UpsertActorsDocument, { input: [{ key: 't:named', kind: 'CUSTOMER', name: 'a\u0000b' }] });
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].name' });
    // JSON.parse makes `__proto__` an own key; copying it would drop it silently: refused, at any depth.
    for (const attributes of [JSON.parse('{"__proto__": {"x": 1}}'), JSON.parse('{"a": [{"__proto__": 1}]}')]) {
      const proto = await gql(app.yoga, UpsertActorsDocument, { input: [{ key: 't:proto', kind: 'CUSTOMER', name: 'P', attributes }] });
      expect(proto.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].attributes' });
    }
    expect((await gql(app.yoga, '{ a: actor(key: "t:named") { key } b: actor(key: "t:proto") { key } }')).data).toEqual({ a: null, b: null });
  });

  it('answers a search with a NUL with BAD_USER_INPUT on filter.search, not an internal error', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: people });
    for (const search of ['abc\u0000def', '\u0000']) {
      const r = await gql(app.yoga, ActorsDocument, { filter: { search } });
      expect(r.errors?.[0].extensions, JSON.stringify(search)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    }
    expect((await ok(app.yoga, ActorsDocument, { filter: { search: 'rossi' } })).actors.totalCount).toBe(1);
  });
});
