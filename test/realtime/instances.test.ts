/**
 * Several API instances on one database: a mutation on instance A reaches a subscriber on instance B,
 * through Redis Streams (on Neo4j when available, and on one embedded file) and through the store
 * alone (one embedded file, no Redis). Redis down: mutations still succeed, the outage is logged once,
 * and delivery resumes, complete and in order, when Redis is back — even if it lost the stream.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/port.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { neo4jFactory } from '../support/stores.js';
import { neo4jSkipReason } from '../support/neo4j.js';
import { eventually, post, startInstance, wsClient, wsSubscribe, type Instance } from '../support/realtime.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const REDIS_URL = process.env.OSMOSIS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ACTORS = `mutation($input: [ActorInput!]!) { upsertActors(input: $input) { created } }`;
const SIGNALS = `mutation($input: [SignalInput!]!) { recordSignals(input: $input) { created } }`;
const EVENTS = `subscription($after: String) {
  signalRecorded(filter: { channels: ["multi"] }, after: $after) { cursor signal { externalId emitter { key } } }
}`;
type SignalEvent = { signalRecorded: { cursor: string; signal: { externalId: string; emitter: { key: string } | null } } };

let n = 0;
const signals = (count: number) => Array.from({ length: count }, () => ({
  channel: 'multi', externalId: `i-${++n}`, kind: 'COMPLAINT', text: 'Late again', occurredAt: '2026-11-02T09:00:00Z', emitterKey: 'crm:c1',
}));
const externalIds = (r: { data?: SignalEvent }[]) => r.map((x) => x.data!.signalRecorded.signal.externalId);

async function ok(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const r = await post(url, query, variables);
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
}

/** Two store handles on one database. */
interface SharedDatabase { name: string; open(): Promise<[Store, Store]> }

const embeddedFile: SharedDatabase = {
  name: 'one embedded file',
  async open() {
    const file = join(mkdtempSync(join(tmpdir(), 'osm-multi-')), 'shared.db');
    const a = await openEmbeddedStore({ file });
    await a.migrate();
    return [a, await openEmbeddedStore({ file })];
  },
};
const neo4j: SharedDatabase = {
  name: 'one Neo4j',
  async open() {
    const a = await neo4jFactory.open();
    return [a, await neo4jFactory.open()]; // the second open wipes nothing yet written
  },
};
const databases = neo4jSkipReason() === null ? [neo4j, embeddedFile] : [embeddedFile];

const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
const prefixes: string[] = [];
const freshPrefix = () => {
  const prefix = `osmosis-test-${randomUUID()}`;
  prefixes.push(prefix);
  return prefix;
};

afterAll(async () => {
  if (prefixes.length) await redis.del(...prefixes.map((p) => `${p}:events`));
  redis.disconnect();
});

describe.each(databases)('two instances on $name', (db) => {
  let stores: Store[] = [];
  let instances: Instance[] = [];

  // Stores open in a hook: the first Neo4j start of a worker takes longer than a test may.
  beforeEach(async () => {
    stores = await db.open();
  });

  const start = async (envA: Record<string, string>, envB: Record<string, string> = envA) => {
    instances = [await startInstance(stores[0], envA), await startInstance(stores[1], envB)];
    await ok(instances[0].url, ACTORS, { input: [{ key: 'crm:c1', kind: 'CUSTOMER', name: 'Carla' }] });
    return instances;
  };

  afterEach(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(stores.map((s) => s.close()));
    instances = [];
    stores = [];
  });

  it('through Redis Streams: a mutation on A reaches a subscriber on B; cursors work on either instance', async () => {
    const prefix = freshPrefix();
    const [a, b] = await start({ REDIS_URL, OSMOSIS_REDIS_PREFIX: prefix });
    expect(a.osmosis.events.mode).toBe('redis');
    const onB = wsClient(b.wsUrl);
    const onA = wsClient(a.wsUrl);
    try {
      const subB = wsSubscribe<SignalEvent>(onB, EVENTS);
      const subA = wsSubscribe<SignalEvent>(onA, EVENTS);
      await eventually(() => a.osmosis.realtime.stats().subscriptions === 1 && b.osmosis.realtime.stats().subscriptions === 1);
      const batch = signals(5);
      await ok(a.url, SIGNALS, { input: batch });
      expect(externalIds(await subB.waitFor(5))).toEqual(batch.map((s) => s.externalId));
      expect(externalIds(await subA.waitFor(5))).toEqual(batch.map((s) => s.externalId));
      expect(subB.data[0].data!.signalRecorded.signal.emitter).toEqual({ key: 'crm:c1' });
      // Writes on B reach A too.
      const more = signals(3);
      await ok(b.url, SIGNALS, { input: more });
      expect(externalIds(await subA.waitFor(8)).slice(5)).toEqual(more.map((s) => s.externalId));

      // A cursor received from B resumes on A.
      const cursor = subB.data[1].data!.signalRecorded.cursor;
      const resumed = wsSubscribe<SignalEvent>(onA, EVENTS, { after: cursor });
      expect(externalIds(await resumed.waitFor(6))).toEqual([...batch.slice(2), ...more].map((s) => s.externalId));

      // Both instances relayed the same outbox: the stream holds each event once, in order, without gaps.
      const entries = await redis.xrange(`${prefix}:events`, '-', '+');
      const seqs = entries.map(([id]) => Number(id.split('-')[0]));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
      expect(seqs[seqs.length - 1]).toBe(await stores[0].outboxHead());
    } finally {
      await onA.dispose();
      await onB.dispose();
    }
  });

  it.skipIf(db !== embeddedFile)('through the store alone (no Redis): B follows the shared outbox', async () => {
    const [a, b] = await start({ OSMOSIS_EVENTS_POLL_MS: '50' });
    expect(b.osmosis.events.mode).toBe('store');
    const client = wsClient(b.wsUrl);
    try {
      const sub = wsSubscribe<SignalEvent>(client, EVENTS);
      await eventually(() => b.osmosis.realtime.stats().subscriptions === 1);
      const batch = signals(4);
      await ok(a.url, SIGNALS, { input: batch });
      expect(externalIds(await sub.waitFor(4))).toEqual(batch.map((s) => s.externalId));
    } finally {
      await client.dispose();
    }
  });
});

describe('Redis outage', () => {
  let proxy: TcpProxy;
  let stores: Store[] = [];
  let instances: Instance[] = [];

  beforeAll(async () => {
    const url = new URL(REDIS_URL);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 6379));
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(stores.map((s) => s.close()));
    await proxy?.close();
  });

  it('mutations succeed while Redis is down, the outage is logged once, and delivery resumes complete and in order', async () => {
    const prefix = freshPrefix();
    const env = { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, OSMOSIS_REDIS_PREFIX: prefix, OSMOSIS_EVENTS_POLL_MS: '50' };
    stores = await embeddedFile.open();
    instances = [await startInstance(stores[0], env), await startInstance(stores[1], env)];
    const [a, b] = instances;
    await ok(a.url, ACTORS, { input: [{ key: 'crm:c1', kind: 'CUSTOMER', name: 'Carla' }] });
    const clients = [wsClient(a.wsUrl), wsClient(b.wsUrl)];
    try {
      const subs = clients.map((c) => wsSubscribe<SignalEvent>(c, EVENTS));
      await eventually(() => instances.every((i) => i.osmosis.realtime.stats().subscriptions === 1));
      const before = signals(3);
      await ok(a.url, SIGNALS, { input: before });
      for (const s of subs) await s.waitFor(3);

      await proxy.down();
      const during: ReturnType<typeof signals> = [];
      for (let i = 0; i < 5; i++) {
        const batch = signals(4);
        during.push(...batch);
        await ok(i % 2 ? b.url : a.url, SIGNALS, { input: batch }); // mutations unaffected
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      // Redis restarted without persistence: the stream is gone.
      await redis.del(`${prefix}:events`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const s of subs) expect(s.data).toHaveLength(3); // paused, not lost
      await proxy.up();

      const after = signals(2);
      await ok(b.url, SIGNALS, { input: after });
      const expected = [...before, ...during, ...after].map((s) => s.externalId);
      for (const s of subs) {
        await s.waitFor(expected.length, 15_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(externalIds(s.data)).toEqual(expected); // all of them, in order, once
        expect(s.errors).toEqual([]);
      }
      for (const i of instances) {
        expect(i.logs.filter((l) => String(l.msg).startsWith('Redis unavailable'))).toHaveLength(1);
        expect(i.logs.filter((l) => String(l.msg).startsWith('Redis available again'))).toHaveLength(1);
      }
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('stops promptly while Redis is down (SIGTERM used to wait for ever)', async () => {
    const prefix = freshPrefix();
    const opened = await embeddedFile.open();
    stores.push(...opened);
    const [store] = opened;
    await proxy.down();
    try {
      const instance = await startInstance(store, { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, OSMOSIS_REDIS_PREFIX: prefix, OSMOSIS_EVENTS_POLL_MS: '50' });
      await ok(instance.url, ACTORS, { input: [{ key: 'crm:c9', kind: 'CUSTOMER', name: 'Cleo' }] }); // an event waits to be relayed
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      await instance.stop();
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await proxy.up();
    }
  });
});
