/**
 * Subscription filters mean what the query filters mean: keys trimmed, channels compared as queries
 * compare them. And a client following actors by key receives every event of the actor the key names
 * (or named, at the cursor it resumes from), its erasure included, though an erased actor keeps no key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { Store } from '../../src/store/port.js';
import { storeFactories } from '../support/stores.js';
import { eventually, postOk as ok, startInstance, wsClient, wsSubscribe, type Instance } from '../support/realtime.js';

const ACTORS = `mutation($input: [ActorInput!]!) { upsertActors(input: $input) { created updated } }`;
const SIGNALS = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { signals { id } } }`;
const EXCHANGES = `mutation($input: [ExchangeInput!]!) { recordExchanges(input: $input) { created } }`;
const ERASE = `mutation($key: String!) { eraseActor(key: $key) }`;

const ACTOR_EVENTS = `subscription($keys: [String!], $after: String) {
  actorChanged(keys: $keys, after: $after) { cursor actorId erased actor { key } }
}`;
const SIGNAL_EVENTS = `subscription($filter: SignalEventFilter) { signalRecorded(filter: $filter) { cursor signal { externalId } } }`;
const EXCHANGE_EVENTS = `subscription($filter: ExchangeEventFilter) { exchangeRecorded(filter: $filter) { exchange { kind } } }`;

type ActorEvent = { actorChanged: { cursor: string; actorId: string; erased: boolean; actor: { key: string } | null } };
type Result<T> = { data?: T; errors?: unknown[] };


const actorEvents = (results: Result<ActorEvent>[]) => results.map((r) => r.data!.actorChanged);
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(storeFactories)('subscription filters and erased actors ($name store)', (factory) => {
  let store: Store;
  let app: Instance;
  let client: Client;

  beforeAll(async () => {
    store = await factory.open();
    app = await startInstance(store);
    client = wsClient(app.wsUrl);
  });

  afterAll(async () => {
    await client?.dispose();
    await app?.stop();
    await store?.close();
  });

  const subscriptions = () => app.osmosis.realtime.stats().subscriptions;
  // Every subscription a test opened ends with it, even when the test fails.
  let open: { stop(): void }[] = [];
  const subscribe = <T>(query: string, variables: Record<string, unknown>) => {
    const s = wsSubscribe<T>(client, query, variables);
    open.push(s);
    return s;
  };
  const stopAll = async (...subs: { stop(): void }[]) => {
    for (const s of subs) s.stop();
    await eventually(() => subscriptions() === 0, 5_000, 'subscriptions ended');
  };
  afterEach(async () => {
    await stopAll(...open);
    open = [];
  });

  it('a client resuming after an erasure receives the erasure of the actor its key named', async () => {
    const live = subscribe<ActorEvent>(ACTOR_EVENTS, { keys: ['resume:k'] });
    await eventually(() => subscriptions() === 1, 5_000, 'subscription registered');
    await ok(app.url, ACTORS, { input: [{ key: 'resume:k', kind: 'CUSTOMER', name: 'Kim' }] });
    const [created] = actorEvents(await live.waitFor(1));
    expect(created).toMatchObject({ erased: false, actor: { key: 'resume:k' } });
    await stopAll(live);

    // Disconnected: the actor is erased, and the key now names nothing.
    await ok(app.url, ERASE, { key: 'resume:k' });
    const everyone = subscribe<ActorEvent>(ACTOR_EVENTS, { after: created.cursor });
    const resumed = subscribe<ActorEvent>(ACTOR_EVENTS, { keys: ['resume:k'], after: created.cursor });
    const [erased] = actorEvents(await resumed.waitFor(1));
    // Exactly what the unfiltered subscription shows: the id the client knew, nothing else.
    expect(erased).toEqual({ cursor: expect.any(String), actorId: created.actorId, erased: true, actor: null });
    expect(actorEvents(await everyone.waitFor(1))).toEqual([erased]);
    await settle();
    expect(resumed.data).toHaveLength(1);
    expect(resumed.errors).toEqual([]);
  });

  it('a client following a key before its actor exists receives its creation and its erasure', async () => {
    const live = subscribe<ActorEvent>(ACTOR_EVENTS, { keys: ['later:k', 'later:other'] });
    await eventually(() => subscriptions() === 1, 5_000, 'subscription registered');
    await ok(app.url, ACTORS, { input: [{ key: 'later:k', kind: 'CUSTOMER', name: 'Lea' }, { key: 'later:x', kind: 'CUSTOMER', name: 'Xavier' }] });
    // An event carries its actor as it is when delivered: wait for delivery before erasing.
    const [created] = actorEvents(await live.waitFor(1));
    expect(created).toMatchObject({ erased: false, actor: { key: 'later:k' } });
    await ok(app.url, ERASE, { key: 'later:x' });
    await ok(app.url, ERASE, { key: 'later:k' });
    const [, erased] = actorEvents(await live.waitFor(2));
    expect(erased).toEqual({ cursor: expect.any(String), actorId: created.actorId, erased: true, actor: null });
    await settle();
    expect(live.data).toHaveLength(2); // not the erasure of an actor it never followed
  });

  it('actor keys are trimmed as queries trim them', async () => {
    await ok(app.url, ACTORS, { input: [{ key: 'trim:a', kind: 'CUSTOMER', name: 'Ada' }] });
    const padded = subscribe<ActorEvent>(ACTOR_EVENTS, { keys: ['  trim:a  '] });
    await eventually(() => subscriptions() === 1, 5_000, 'subscription registered');
    await ok(app.url, ACTORS, { input: [{ key: 'trim:a', kind: 'CUSTOMER', name: 'Ada Lovelace' }] });
    expect(actorEvents(await padded.waitFor(1))).toMatchObject([{ erased: false, actor: { key: 'trim:a' } }]);
  });

  it('signal and exchange filters are normalised as the query filters are', async () => {
    await ok(app.url, ACTORS, { input: [{ key: 'p:x', kind: 'CUSTOMER', name: 'Pia' }, { key: 'p:y', kind: 'EMPLOYEE', name: 'Yan' }] });
    const matching = [{ channels: ['SUBCH'] }, { channels: [' SubCh '] }, { emitterKey: ' p:x ' }, { aboutKey: '  p:y ' }];
    const blankChannel = { channels: ['  '], emitterKey: 'p:x' }; // as in the query, matches no channel
    const filters = [...matching, blankChannel];
    const subs = filters.map((filter) => subscribe<{ signalRecorded: { signal: { externalId: string } } }>(SIGNAL_EVENTS, { filter }));
    const fromX = subscribe<{ exchangeRecorded: { exchange: { kind: string } } }>(EXCHANGE_EVENTS, { filter: { fromKey: ' p:x', toKey: 'p:y ' } });
    await eventually(() => subscriptions() === filters.length + 1, 5_000, 'subscriptions registered');

    const input = [{
      channel: 'SubCh', externalId: 'norm-1', kind: 'COMPLAINT', text: 'late', occurredAt: '2026-11-02T09:00:00Z',
      emitterKey: 'p:x', about: [{ target: 'ACTOR', ref: 'p:y' }],
    }];
    await ok(app.url, SIGNALS, { input });
    await ok(app.url, EXCHANGES, { input: [{ fromKey: 'p:x', toKey: 'p:y', kind: 'MONEY', amount: 5, occurredAt: '2026-11-02T10:00:00Z' }] });

    // What the query finds with each filter, the subscription delivers.
    const queried = async (filter: Record<string, unknown>) => (await ok<{ signals: { nodes: { externalId: string }[] } }>(app.url,
      `query($filter: SignalFilter) { signals(filter: $filter) { nodes { externalId } } }`, { filter })).signals.nodes.map((s) => s.externalId);
    for (const filter of matching) expect(await queried(filter), JSON.stringify(filter)).toEqual(['norm-1']);
    expect(await queried(blankChannel)).toEqual([]);

    await Promise.all(subs.slice(0, matching.length).map((s) => s.waitFor(1)));
    expect((await fromX.waitFor(1)).map((r) => r.data!.exchangeRecorded.exchange.kind)).toEqual(['MONEY']);
    await settle();
    expect(subs.map((s) => s.data.map((r) => r.data!.signalRecorded.signal.externalId))).toEqual([...matching.map(() => ['norm-1']), []]);
  });
});
