import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorProfileDocument, ActorsWithNetworkDocument } from '../../schema/generated/graphql.js';
import { loadConfig } from '../../src/config/config.js';
import type { ActorInput, SignalInput, TieInput } from '../../src/domain/inputs.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { createOsmosis, type Osmosis, type OsmosisParts } from '../../src/main.js';
import { definePlugin } from '../../src/plugin-api/index.js';
import type { PluginCandidate } from '../../src/plugin-host/index.js';
import type { Store } from '../../src/store/port.js';
import { QueryRunner } from '../../src/server/query-threads/query-runner.js';
import { MAX_FAILURES_IN_A_ROW, QueryThreads } from '../../src/server/query-threads/query-threads.js';
import { EmbeddedStore, openEmbeddedStore } from '../../src/store/embedded/index.js';
import { countingStore, type CountingStore } from '../support/counting-store.js';
import { gql } from '../support/graphql-client.js';
import { startInstance, wsClient } from '../support/realtime.js';

const silent = pino({ level: 'silent' });

/** n customers, each tied to the next two and with three signals. */
async function ring(store: EmbeddedStore, n: number): Promise<void> {
  const actors: ActorInput[] = Array.from({ length: n }, (_, i) => ({
    key: `c${String(i).padStart(3, '0')}`, kind: 'CUSTOMER', name: `Customer ${i}`, attributes: { city: i % 2 ? 'Lyon' : 'Oslo' },
  }));
  const ties: TieInput[] = actors.flatMap((a, i) => [1, 2].map((d) => ({
    fromKey: a.key, toKey: actors[(i + d) % n].key, type: 'KNOWS' as const, weight: 0.5, since: null,
  })));
  const signals: SignalInput[] = actors.flatMap((a, i) => [0, 1, 2].map((j) => ({
    channel: j ? 'chat' : 'email', externalId: `${i}-${j}`, kind: 'QUESTION' as const, text: `question ${i}/${j}`, sentiment: null,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i, j)).toISOString(), emitterKey: a.key, about: [],
  })));
  await store.upsertActors(actors);
  await store.upsertTies(ties);
  await store.recordSignals(signals);
}

const QUERIES: [string, Record<string, unknown>][] = [
  [print(ActorProfileDocument), { key: 'c007' }],
  [print(ActorsWithNetworkDocument), { first: 5, ties: 2, signals: 2 }],
  ['{ actors(first: 3, filter: { search: "customer 1" }) { totalCount edges { cursor node { key attributes } } pageInfo { endCursor hasNextPage } } }', {}],
  ['query($after: String) { signals(first: 4, after: $after, filter: { channels: ["chat"] }) { totalCount nodes { externalId emitter { key } } pageInfo { endCursor } } }', { after: null }],
  ['{ neighborhood(key: "c001", depth: 2) { actors { key } ties { type } } shortestPath(fromKey: "c000", toKey: "c010") { length actors { key } } }', {}],
  ['{ a: actor(key: "c002") { id name } b: actor(key: "nobody") { id } }', {}],
];

/** The same store served with query threads and without, each with its plugins closed by `close`. */
function pairOn(store: EmbeddedStore, threadedStore: Store = store, env: Record<string, string> = {}, parts: OsmosisParts = {}) {
  const threaded = createOsmosis(loadConfig({ OSMOSIS_QUERY_THREADS: '1', ...env }), threadedStore, silent, parts);
  const local = createOsmosis(loadConfig({ ...env, OSMOSIS_QUERY_THREADS: '0' }), store, silent, parts);
  return { threaded, local, close: () => Promise.all([threaded.plugins.close(), local.plugins.close()]) };
}

describe('query threads (embedded store on a file)', () => {
  let dir: string;
  let store: EmbeddedStore;
  let counting: CountingStore;
  let threaded: Osmosis;
  let local: Osmosis;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osm-query-threads-'));
    store = await openEmbeddedStore({ file: join(dir, 'graph.db') });
    await ring(store, 30);
    counting = countingStore(store);
    ({ threaded, local, close } = pairOn(store, counting.store));
  });
  afterAll(async () => {
    await close();
    await store.close(); // closes the query threads too
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers queries on a query thread, the same as the event loop does', async () => {
    expect(threaded.queryThreads).not.toBeNull();
    expect(local.queryThreads).toBeNull();
    for (const [query, variables] of QUERIES) {
      counting.reset();
      const there = await gql(threaded.yoga, query, variables);
      expect(counting.total(), query).toBe(0); // not one read on the event loop's store
      const here = await gql(local.yoga, query, variables);
      expect(there, query).toEqual(here);
      expect(there.errors).toBeUndefined();
    }
  });

  it('answers node(id) of a core type on the thread', async () => {
    const { data } = await gql(local.yoga, '{ actor(key: "c004") { id } }');
    const id = (data as { actor: { id: string } }).actor.id;
    const query = 'query($id: ID!) { node(id: $id) { id ... on Actor { key } } }';
    counting.reset();
    const there = await gql(threaded.yoga, query, { id });
    expect(counting.total()).toBe(0);
    expect(there).toEqual(await gql(local.yoga, query, { id }));
    expect(there.data).toEqual({ node: { id, key: 'c004' } });
  });

  it("does not give the threads up for a client's variables that cannot reach them", async () => {
    // Variables nested too deep to be cloned to a thread (written by hand: too deep for JSON.stringify here).
    const body = `{"query":"query($k: String!) { actor(key: $k) { key } }","variables":{"k":"c001","junk":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    for (let i = 0; i < 7; i++) {
      const res = await threaded.yoga.fetch('http://osmosis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(await res.json()).toEqual({ data: { actor: { key: 'c001' } } });
    }
    expect(threaded.queryThreads!.usable).toBe(true);
    counting.reset();
    expect((await gql(threaded.yoga, '{ actor(key: "c002") { key } }')).data).toEqual({ actor: { key: 'c002' } });
    expect(counting.total()).toBe(0); // still answered on a thread
  });

  it('sees every write acknowledged before the query was sent', async () => {
    for (const name of ['Renamed once', 'Renamed twice']) {
      const written = await gql(threaded.yoga, 'mutation($i: [ActorInput!]!) { upsertActors(input: $i) { updated } }', {
        i: [{ key: 'c003', kind: 'CUSTOMER', name, attributes: null }],
      });
      expect(written.errors).toBeUndefined();
      const read = await gql(threaded.yoga, '{ actor(key: "c003") { name } }');
      expect(read.data).toEqual({ actor: { name } });
    }
  });

  it('leaves errors, plugin fields and introspection to the event loop, with the same answers', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{ actors(first: -1) { nodes { key } } }', {}],
      ['{ actor(id: "not-an-id") { key } }', {}],
      ['query($k: String!) { actor(key: $k) { key } }', { k: 42 }],
      ['{ plugins { name status } }', {}],
      ['{ __schema { queryType { fields { name } } } }', {}],
      ['{ __typename }', {}],
    ];
    for (const [query, variables] of cases) {
      const there = await gql(threaded.yoga, query, variables);
      const here = await gql(local.yoga, query, variables);
      expect(there, query).toEqual(here);
    }
    const refused = await gql(threaded.yoga, '{ actors(first: -1) { nodes { key } } }');
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers queries over WebSocket too', async () => {
    const instance = await startInstance(store, { OSMOSIS_QUERY_THREADS: '1' });
    const client = wsClient(instance.wsUrl);
    try {
      expect(instance.osmosis.queryThreads).not.toBeNull();
      const result = await new Promise<unknown>((resolve, reject) => {
        let last: unknown;
        client.subscribe({ query: '{ actor(key: "c005") { key ties(first: 1) { nodes { type } } } }' }, {
          next: (value) => { last = value; }, error: reject, complete: () => resolve(last),
        });
      });
      expect(result).toEqual({ data: { actor: { key: 'c005', ties: { nodes: [{ type: 'KNOWS' }] } } } });
    } finally {
      await client.dispose();
      await instance.osmosis.queryThreads?.close();
      await instance.stop();
    }
  });

  it('reads in batches on the thread: round trips do not grow with the results', async () => {
    const reader = countingStore(EmbeddedStore.openReader(store.file!));
    const runner = new QueryRunner(buildSchema(), reader.store, { begin() {}, end() {} }, silent);
    const roundTrips = async (first: number) => {
      reader.reset();
      const reply = await runner.run({
        query: print(ActorsWithNetworkDocument), operationName: null, variables: { first, ties: 2, signals: 2 }, requestId: 'test',
      });
      expect('json' in reply && (JSON.parse(reply.json) as { data: { actors: { nodes: unknown[] } } }).data.actors.nodes).toHaveLength(first);
      return Object.fromEntries(reader.calls);
    };
    try {
      const small = await roundTrips(3);
      expect(await roundTrips(25)).toEqual(small);
      expect(small).toEqual({ listActors: 1, tiesOfActors: 1, signalsOfActors: 1 });
    } finally {
      await reader.store.close();
    }
  });
});

describe('query threads and their store', () => {
  it('stop when the store closes: a later query answers as without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-query-threads-close-'));
    try {
      const store = await openEmbeddedStore({ file: join(dir, 'graph.db') });
      await ring(store, 3);
      const { threaded, local } = pairOn(store, store, { OSMOSIS_QUERY_THREADS: '2', OSMOSIS_PLUGINS: 'none' });
      const query = '{ actor(key: "c001") { key } }';
      expect((await gql(threaded.yoga, query)).data).toEqual({ actor: { key: 'c001' } });
      await store.close();
      await expect(threaded.queryThreads!.execute({ query, operationName: null, variables: {}, requestId: 't' })).rejects.toThrow(/closed/);
      const after = await gql(threaded.yoga, query);
      expect(after).toEqual(await gql(local.yoga, query));
      expect(after.errors?.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A plugin whose type is a Relay node: reachable through the core field `Query.node`. */
const badge = definePlugin({
  name: 'badge', version: '1.0.0', apiVersion: '^1.0.0',
  schema(schema) {
    const Badge = schema.builder.objectRef<{ id: string; label: string }>('BadgeItem');
    schema.builder.node(Badge, {
      id: { resolve: (b) => b.id },
      loadOne: (id) => ({ id, label: `badge of ${id}` }),
      fields: (t) => ({ label: t.exposeString('label') }),
    });
    schema.actorField('badge', (t) => t.field({ type: Badge, resolve: (a) => ({ id: a.key, label: `badge of ${a.key}` }) }));
  },
});

describe("query threads and plugins' node types", () => {
  it('answers node(id) of a plugin node type as the event loop does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-query-threads-plugin-'));
    const store = await openEmbeddedStore({ file: join(dir, 'graph.db') });
    await store.upsertActors([{ key: 'c001', kind: 'CUSTOMER', name: 'Customer 1', attributes: {} }]);
    const plugins: PluginCandidate[] = [{ source: './badge', builtin: false, exported: badge }];
    const { threaded, local, close } = pairOn(store, store, { OSMOSIS_PLUGINS: 'none' }, { plugins });
    try {

      // node(id) of a plugin's Node type validates on the core schema, but the thread's schema lacks the type.
      const made = await gql(local.yoga, '{ actor(key: "c001") { badge { id } } }');
      const id = (made.data as { actor: { badge: { id: string } } }).actor.badge.id;
      const query = 'query($id: ID!) { node(id: $id) { id __typename } }';
      const here = await gql(local.yoga, query, { id });
      expect(here.data).toEqual({ node: { id, __typename: 'BadgeItem' } });
      const there = await gql(threaded.yoga, query, { id });
      expect(there).toEqual(here);
    } finally {
      await close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('query threads that cannot start', () => {
  it('are given up after a few failures in a row, said once in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-query-threads-broken-'));
    const logged: { level: number; msg: string }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => { logged.push(JSON.parse(line) as { level: number; msg: string }); } });
    const threads = new QueryThreads(join(dir, 'no-such.db'), 1, log);
    const request = { query: '{ actor(key: "x") { key } }', operationName: null, variables: {}, requestId: 't' };
    try {
      for (let i = 0; i < MAX_FAILURES_IN_A_ROW; i++) await expect(threads.execute(request)).rejects.toThrow();
      expect(threads.usable).toBe(false);
      await expect(threads.execute(request)).rejects.toThrow(/given up/);
      expect(logged.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([
        `query threads failed ${MAX_FAILURES_IN_A_ROW} times in a row: queries run on the event loop from now on`,
      ]);
    } finally {
      await threads.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
