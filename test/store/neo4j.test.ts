/**
 * The Neo4j store on a real Neo4j 5.26 (test/support/neo4j.ts): the shared contract, plus what only
 * this adapter has — connection handling, migrations, schema, concurrency of the write protocol.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_MIGRATIONS, Neo4jConnectError, openNeo4jStore, openNeo4jStoreInBackground, type Neo4jStore } from '../../src/store/neo4j/index.js';
import type { StoreLogger } from '../../src/store/neo4j/index.js';
import { describeStoreContract } from './contract.js';
import { actor, at, exchange, insight, response, signal, tie, walk } from './contract/fixtures.js';
import { neo4jFactory } from '../support/stores.js';
import { neo4jServer, neo4jSkipReason } from '../support/neo4j.js';

const skipped = neo4jSkipReason();

/** Captures log lines (pino's call shape). */
function captureLog(): StoreLogger & { lines: { level: string; message: string; fields: object }[] } {
  const lines: { level: string; message: string; fields: object }[] = [];
  const at = (level: string) => (fields: object, message: string) => { lines.push({ level, message, fields }); };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** The operators of a query's profile (PROFILE: run), with the rows each produced. */
async function profiled(store: Neo4jStore, cypher: string, params: object): Promise<{ op: string; rows: number }[]> {
  const session = store.connection.driver.session({ database: 'neo4j' });
  try {
    const run = await session.run(`PROFILE ${cypher}`, params);
    const ops: { op: string; rows: number }[] = [];
    const visit = (n: { operatorType: string; rows: number; children: unknown[] }) => {
      ops.push({ op: n.operatorType.replace(/@.*/, ''), rows: Number(n.rows) });
      (n.children as typeof n[]).forEach(visit);
    };
    visit(run.summary.profile as unknown as { operatorType: string; rows: number; children: unknown[] });
    return ops;
  } finally {
    await session.close();
  }
}

if (skipped) {
  describe.skip(`Neo4j store — SKIPPED: ${skipped}`, () => {
    it('runs the store contract and the Neo4j specifics on a real Neo4j', () => {});
  });
} else {
  describeStoreContract('neo4j (real Neo4j 5.26)', () => neo4jFactory.open());

  describe('Neo4j store specifics', () => {
    let server: Awaited<ReturnType<typeof neo4jServer>>;
    const opened: { close(): Promise<void> }[] = [];
    const open = async (): Promise<Neo4jStore> => {
      const store = (await neo4jFactory.open()) as Neo4jStore;
      opened.push(store);
      return store;
    };
    /** Stores of their own (own drivers) on the same database, as other service instances would be. */
    const otherClients = async (n: number): Promise<Neo4jStore[]> => {
      const clients = await Promise.all(Array.from({ length: n }, () => openNeo4jStore({ ...server, database: 'neo4j', migrate: false })));
      opened.push(...clients);
      return clients;
    };
    beforeAll(async () => { server = await neo4jServer(); });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('starts queries without formatting a stack trace, and a failed query still says why', async () => {
      const store = await open();
      const limit = Error.stackTraceLimit;
      // The driver formats a stack for each result it creates; around our queries it finds none to format
      // (the commit of a managed transaction, inside the driver, still does: one per write).
      let formatted = 0;
      const prepare = Error.prepareStackTrace;
      Error.prepareStackTrace = (error, frames) => {
        if (frames.some((f) => /neo4j-driver-core/.test(f.getFileName() ?? ''))) formatted++;
        return prepare ? prepare(error, frames) : `${error}\n${frames.map((f) => `    at ${f}`).join('\n')}`;
      };
      try {
        await store.upsertActors([actor('a')]);
        await store.recordSignals([signal('s-1', { emitterKey: 'a' })]); // an explicit transaction (lock last)
        formatted = 0;
        await store.recordSignals([signal('s-2', { emitterKey: 'a' })]);
        expect((await store.actorsByKeys(['a']))[0]?.key).toBe('a');
        expect((await store.tiesOfActors([(await store.actorsByKeys(['a']))[0]!.id], { first: 5, direction: 'BOTH' }))[0].items).toEqual([]);
        expect(formatted).toBe(0);
        const failed = await store.connection.query('RETURN nonsense(').then(() => null, (e: unknown) => e as { code?: string; message: string });
        expect(failed?.code).toBe('Neo.ClientError.Statement.SyntaxError');
        expect(failed?.message).toMatch(/nonsense/);
      } finally {
        Error.prepareStackTrace = prepare;
      }
      expect(Error.stackTraceLimit).toBe(limit);
    });

    it('fails fast and clearly on wrong credentials, without retrying', async () => {
      const log = captureLog();
      const started = performance.now();
      const error = await openNeo4jStore({ ...server, password: 'wrong-password', database: 'neo4j', log })
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectError);
      expect((error as Error).message).toMatch(/rejected the credentials of user 'neo4j'.*Neo\.ClientError\.Security\.Unauthorized/);
      expect((error as Error).message).toContain('NEO4J_PASSWORD');
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]); // no retries
      expect(log.lines.map((l) => l.level)).toEqual(['error']);
    });

    it('names an unknown database instead of retrying', async () => {
      const error = await openNeo4jStore({ ...server, database: 'nosuchdb' }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectError);
      expect((error as Error).message).toMatch(/no database 'nosuchdb'.*NEO4J_DATABASE/);
    });

    it('retries an unreachable server with backoff, logging one line per attempt, and gives up when told', async () => {
      const log = captureLog();
      const error = await openNeo4jStore({
        uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j', log,
        maxAttempts: 3, initialDelayMs: 50,
      }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Neo4jConnectError);
      const warnings = log.lines.filter((l) => l.level === 'warn').map((l) => l.message);
      expect(warnings).toEqual([
        'Neo4j at bolt://127.0.0.1:1 unreachable (ECONNREFUSED); retrying in 50 ms (attempt 1)',
        'Neo4j at bolt://127.0.0.1:1 unreachable (ECONNREFUSED); retrying in 100 ms (attempt 2)',
      ]);
      expect((error as Error).message).toMatch(/unreachable \(ECONNREFUSED\); gave up after 3 attempts/);
    });

    it('connects in the background: ping stays false while unreachable, calls wait, close stops the retries', async () => {
      const log = captureLog();
      const store = openNeo4jStoreInBackground({
        uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j', log, initialDelayMs: 50, waitMs: 300,
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(await store.ping()).toBe(false);
      expect(log.lines.some((l) => l.level === 'warn' && /unreachable \(ECONNREFUSED\); retrying in/.test(l.message))).toBe(true);
      await expect(store.countActors({})).rejects.toThrow(/not ready: Neo4j at bolt:\/\/127\.0\.0\.1:1 unreachable \(ECONNREFUSED\)/);
      // Coded, and at once: after a failed attempt a call does not wait for the next one.
      const started = performance.now();
      await expect(store.listActors({}, { first: 1 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      expect(performance.now() - started).toBeLessThan(250); // waitMs is 300
      await store.close();
      const attempts = log.lines.length;
      await new Promise((r) => setTimeout(r, 300));
      expect(log.lines.length).toBe(attempts);
      expect(await store.ping()).toBe(false);
    });

    it('becomes ready in the background once Neo4j answers, and migrates', async () => {
      const store = openNeo4jStoreInBackground({ ...server, database: 'neo4j' });
      opened.push(store);
      await store.ready;
      expect(await store.ping()).toBe(true);
      expect(typeof (await store.countActors({}))).toBe('number');
    });

    it('stops retrying at once on wrong credentials in the background, with ready rejecting', async () => {
      const log = captureLog();
      const store = openNeo4jStoreInBackground({ ...server, password: 'nope', database: 'neo4j', log });
      await expect(store.ready).rejects.toThrow(/rejected the credentials/);
      expect(await store.ping()).toBe(false);
      await expect(store.countActors({})).rejects.toThrow(/rejected the credentials/);
      expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
      await store.close();
    });

    it('records migrations once; migrating again (and from another connection) changes nothing', async () => {
      const store = await open();
      const applied = await store.appliedMigrations();
      expect(applied.map((m) => m.version)).toEqual(NEO4J_MIGRATIONS.map((m) => m.version));
      await store.upsertActors([actor('kept')]);
      await store.migrate();
      await Promise.all([store.migrate(), store.migrate()]);
      const other = await openNeo4jStore({ ...server, database: 'neo4j' });
      opened.push(other);
      await other.migrate();
      expect(await store.appliedMigrations()).toEqual(applied);
      expect((await other.actorsByKeys(['kept']))[0]?.key).toBe('kept');
      const schema = await store.connection.query('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      expect(schema[0].get('names')).toEqual(expect.arrayContaining(['actor_key', 'signal_identity', 'value_external_id', 'outbox_batch_last']));
    });

    it('backs idempotency keys and time windows with constraints and indexes', async () => {
      const store = await open();
      /** The operators of a query's plan (EXPLAIN: planned, not run). */
      const plan = async (cypher: string): Promise<string> => {
        const session = store.connection.driver.session({ database: 'neo4j' });
        try {
          const result = await session.run(`EXPLAIN ${cypher}`, { k: 'k', c: 'c', e: 'e', t: '2024-01-01T00:00:00.000Z' });
          const ops: string[] = [];
          const walk = (p: { operatorType: string; children: unknown[] }) => {
            ops.push(p.operatorType);
            (p.children as typeof p[]).forEach(walk);
          };
          walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
          return ops.join(' ');
        } finally {
          await session.close();
        }
      };
      expect(await plan('MATCH (a:Actor {key: $k}) RETURN a')).toMatch(/NodeUniqueIndexSeek/);
      expect(await plan('MATCH (s:Signal {channel: $c, externalId: $e}) RETURN s')).toMatch(/NodeUniqueIndexSeek/);
      expect(await plan('MATCH ()-[x:VALUE {externalId: $e}]->() RETURN x')).toMatch(/RelationshipUniqueIndexSeek|DirectedRelationshipIndexSeek|UndirectedRelationshipIndexSeek/);
      expect(await plan('MATCH (s:Signal) WHERE s.occurredAt >= $t RETURN s')).toMatch(/NodeIndexSeekByRange/);
      expect(await plan('MATCH ()-[x:VALUE]->() WHERE x.occurredAt < $t RETURN x')).toMatch(/RelationshipIndexSeekByRange/);
      expect(await plan('MATCH (a:Actor) WHERE a.nameFold CONTAINS $k RETURN a')).toMatch(/NodeIndexContainsScan/);
    });

    it('reads newest-first pages in time-index order instead of sorting every node', async () => {
      const store = await open();
      await store.upsertActors([actor('p0'), actor('p1')]);
      await store.recordSignals(Array.from({ length: 30 }, (_, i) => signal(`n${i}`, { emitterKey: 'p0', occurredAt: at(i) })));
      await store.recordExchanges(Array.from({ length: 30 }, (_, i) => exchange('p0', 'p1', { occurredAt: at(i) })));
      const signals = await store.listSignals({}, { first: 5 });
      await store.createInsight(insight([signals.items[0].id]));
      // The statements the store sends, explained with their own parameters.
      const sent: { cypher: string; params: object }[] = [];
      const query = store.connection.query.bind(store.connection);
      store.connection.query = (cypher, params = {}) => { sent.push({ cypher, params }); return query(cypher, params); };
      const exchanges = await store.listExchanges({}, { first: 5 });
      const next = await store.listSignals({}, { first: 5, after: signals.cursors[4] });
      const ofChannel = await store.listSignals({ channels: [signals.items[0].channel], kinds: [signals.items[0].kind] }, { first: 5 });
      await store.listExchanges({}, { first: 5, after: exchanges.cursors[4] });
      await store.listInsights({ first: 5 });
      expect(next.items.map((s) => s.externalId)).toEqual(['n24', 'n23', 'n22', 'n21', 'n20']);
      expect(ofChannel.items).toHaveLength(5);
      const session = store.connection.driver.session({ database: 'neo4j' });
      try {
        for (const { cypher, params } of sent) {
          const result = await session.run(`EXPLAIN ${cypher}`, params);
          const ops: string[] = [];
          const walk = (p: { operatorType: string; children: unknown[] }) => {
            ops.push(p.operatorType.replace(/@.*/, ''));
            (p.children as typeof p[]).forEach(walk);
          };
          walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
          expect(ops.join(' '), cypher).toMatch(/PartialTop/); // a top-k over the index order, stopping at the LIMIT
          expect(ops.join(' '), cypher).not.toMatch(/LabelScan|AllNodesScan|RelationshipTypeScan|\bTop\b|\bSort\b/);
        }
      } finally {
        await session.close();
      }
      expect(sent).toHaveLength(5);
    });

    it("pages a hub's ties by walking the id index, an ordinary actor's by sorting its own", async () => {
      const store = await open();
      await store.upsertActors([actor('hub'), actor('solo'), ...Array.from({ length: 40 }, (_, i) => actor(`m${i}`))]);
      await store.upsertTies([
        ...Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? tie('hub', `m${i}`, { type: 'FOLLOWS' }) : tie(`m${i}`, 'hub'))),
        tie('solo', 'm1'), tie('m2', 'solo'),
      ]);
      const [hub, solo] = await store.actorsByKeys(['hub', 'solo']);
      const sent: { cypher: string; params: object }[] = [];
      const query = store.connection.query.bind(store.connection);
      store.connection.query = (cypher, params = {}) => { sent.push({ cypher, params }); return query(cypher, params); };
      // 40² > 8 × 42 ties: the hub walks; 2² does not: the solo actor sorts. Both give the same pages.
      const all = (await store.tiesOfActors([hub!.id], { direction: 'BOTH', first: 100 }))[0].items;
      expect(all).toHaveLength(40);
      const ids = all.map((t) => t.id);
      expect(ids).toEqual([...ids].sort());
      for (const [direction, types, expected] of [
        ['BOTH', undefined, all], ['OUT', undefined, all.filter((t) => t.fromId === hub!.id)],
        ['IN', ['KNOWS'], all.filter((t) => t.toId === hub!.id)],
      ] as const) {
        const pages = await walk((p) => store.tiesOfActors([hub!.id, solo!.id], { direction, types: types ? [...types] : undefined, ...p })
          .then(([page]) => page), 7);
        expect(pages.items.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      }
      const [, soloPage] = await store.tiesOfActors([hub!.id, solo!.id], { direction: 'BOTH', first: 7 });
      expect(soloPage.items.map((t) => [t.fromId, t.toId])).toEqual(expect.arrayContaining([[solo!.id, expect.any(String)], [expect.any(String), solo!.id]]));
      // What each way reads: the walk does not expand the hub; the solo actor's walk reads no index entry.
      // A page of 7 in both directions (a page of 100 is sorted for the hub too: 40² < 101 × 42).
      const pageOf7 = sent.find((x) => x.cypher.includes('(p)-[t:TIE]-(') && Number((x.params as { limit: unknown }).limit) === 8)!;
      const hubOps = await profiled(store, pageOf7.cypher, { ...pageOf7.params, ids: [hub!.id] });
      const walked = (ops: { op: string; rows: number }[]) => ops.find((o) => /Relationship(Unique)?Index(Scan|SeekByRange)/.test(o.op))?.rows;
      expect(hubOps.find((o) => o.op === 'Expand(All)')?.rows).toBe(0);
      expect(walked(hubOps)).toBeGreaterThanOrEqual(8); // a page and a little more, not all 42 ties
      expect(walked(hubOps)).toBeLessThanOrEqual(12);
      const soloOps = await profiled(store, pageOf7.cypher, { ...pageOf7.params, ids: [solo!.id] });
      expect(soloOps.find((o) => o.op === 'Expand(All)')?.rows).toBe(2);
      expect(walked(soloOps)).toBe(0);
    });

    it("pages a busy emitter's signals by walking the time index, a quiet one's by sorting its own", async () => {
      const store = await open();
      await store.upsertActors([actor('busy'), actor('quiet')]);
      // Same instants in pairs, so the id decides between them.
      await store.recordSignals([
        ...Array.from({ length: 30 }, (_, i) => signal(`b${i}`, { emitterKey: 'busy', occurredAt: at(Math.floor(i / 2)) })),
        signal('q0', { emitterKey: 'quiet', occurredAt: at(3) }), signal('q1', { emitterKey: 'quiet', occurredAt: at(40) }),
      ]);
      const [busy, quiet] = await store.actorsByKeys(['busy', 'quiet']);
      const expected = (await store.listSignals({ emitterKey: 'busy' }, { first: 100 })).items.map((x) => x.id);
      const sent: { cypher: string; params: object }[] = [];
      const query = store.connection.query.bind(store.connection);
      store.connection.query = (cypher, params = {}) => { sent.push({ cypher, params }); return query(cypher, params); };
      // 30² > 8 × 32 signals: the busy emitter walks; 2² does not: the quiet one sorts.
      const pages = await walk((p) => store.signalsOfActors([busy!.id, quiet!.id], p).then(([page]) => page), 7);
      expect(pages.items.map((x) => x.id)).toEqual(expected);
      const [, quietPage] = await store.signalsOfActors([busy!.id, quiet!.id], { first: 7 });
      expect(quietPage.items.map((x) => x.externalId)).toEqual(['q1', 'q0']);
      const first = sent[0];
      const busyOps = await profiled(store, first.cypher, { ...first.params, ids: [busy!.id] });
      const walked = (ops: { op: string; rows: number }[]) => ops.find((o) => /NodeIndex(Scan|SeekByRange)/.test(o.op))?.rows;
      expect(busyOps.find((o) => o.op === 'Expand(All)')?.rows).toBe(0); // its 30 signals are not all read
      expect(walked(busyOps)).toBeGreaterThanOrEqual(8); // a page and a little more of the 32 signals
      expect(walked(busyOps)).toBeLessThanOrEqual(12);
      const quietOps = await profiled(store, first.cypher, { ...first.params, ids: [quiet!.id] });
      expect(walked(quietOps)).toBe(0);
    });

    it('keeps outbox sequence numbers gap-free and in commit order under concurrent writers', async () => {
      const store = await open();
      await store.upsertActors(Array.from({ length: 5 }, (_, i) => actor(`w${i}`)));
      const head = await store.outboxHead();
      const clients = await otherClients(4);
      await Promise.all(clients.flatMap((c, k) => Array.from({ length: 5 }, (_, j) =>
        c.recordSignals(Array.from({ length: 20 }, (_, i) => signal(`c${k}-${j}-${i}`, { emitterKey: `w${i % 5}` }))))));
      // The same signals again, concurrently: idempotent, no events.
      await Promise.all(clients.map((c, k) => c.recordSignals([signal(`c${k}-0-0`), signal(`c${k}-1-1`)])));
      const events = await store.readOutbox(head, 1_000);
      expect(events).toHaveLength(4 * 5 * 20);
      events.forEach((e, i) => expect(e.seq).toBe(head + i + 1));
      expect(new Set(events.map((e) => e.entityId)).size).toBe(400);
      expect(await store.outboxHead()).toBe(head + 400);
      expect(await store.countSignals({})).toBe(400);
    });

    it('records the same new signals from concurrent writers once, with their new topics once (they write before the outbox lock)', async () => {
      const store = await open();
      await store.upsertActors(Array.from({ length: 5 }, (_, i) => actor(`m${i}`)));
      const head = await store.outboxHead();
      const clients = await otherClients(4);
      // Every client sends the same 60 signals (in its own order), about topics nobody created yet,
      // while other writers (which lock first) run between them.
      const same = Array.from({ length: 60 }, (_, i) => signal(`same-${i}`, {
        emitterKey: `m${i % 5}`, about: [{ target: 'TOPIC', ref: `race-topic-${i % 3}` }, { target: 'ACTOR', ref: `m${(i + 1) % 5}` }],
      }));
      const results = await Promise.all([
        ...clients.map((c, k) => c.recordSignals(k % 2 ? [...same].reverse() : same)),
        ...clients.map((c, k) => c.upsertActors([actor(`m${k}`, { name: `renamed ${k}` })])),
        store.upsertTies([tie('m0', 'm1')]),
      ]);
      const recorded = results.slice(0, 4) as Awaited<ReturnType<Neo4jStore['recordSignals']>>[];
      expect(recorded.reduce((n, r) => n + r.created, 0)).toBe(60);
      expect(recorded.reduce((n, r) => n + r.existing, 0)).toBe(3 * 60);
      // Every client answers the one stored signal of each identity.
      const idOf = new Map(recorded[0].items.map((s) => [s.externalId, s.id]));
      for (const r of recorded) for (const s of r.items) expect(s.id).toBe(idOf.get(s.externalId));
      expect(await store.countSignals({ channels: ['email'] })).toBe(60);
      const [row] = await store.connection.query(`
        MATCH (t:Topic) WHERE t.name STARTS WITH 'race-topic-'
        RETURN count(t) AS topics, sum(COUNT { (:Signal)-[:ABOUT]->(t) }) AS links`);
      expect({ topics: row.get('topics'), links: row.get('links') }).toEqual({ topics: 3, links: 60 });
      const events = await store.readOutbox(head, 1_000);
      events.forEach((e, i) => expect(e.seq).toBe(head + i + 1));
      expect(events.filter((e) => e.type === 'SIGNAL_RECORDED').map((e) => e.entityId).sort()).toEqual([...idOf.values()].sort());
    });

    it('reads the outbox (one node per write) from any seq, across writes, at most limit', async () => {
      const store = await open();
      await store.reset();
      await store.upsertActors([actor('a'), actor('b'), actor('c')]);
      const { items: [s1] } = await store.recordSignals(['1', '2', '3', '4'].map((id) => signal(id, { emitterKey: 'a' })));
      await store.respond([response(s1.id, 'b')]);
      await store.upsertActors([actor('d'), actor('e')]);
      const all = await store.readOutbox(0, 100);
      expect(all.map((e) => [e.seq, e.type])).toEqual([
        ...[1, 2, 3].map((n) => [n, 'ACTOR_CHANGED']), ...[4, 5, 6, 7].map((n) => [n, 'SIGNAL_RECORDED']),
        [8, 'SIGNAL_RESPONDED'], [9, 'ACTOR_CHANGED'], [10, 'ACTOR_CHANGED'],
      ]);
      expect(all[7].detail).toEqual(expect.any(String));
      expect(all.filter((e) => e.detail !== null)).toHaveLength(1);
      // Starting before, inside and at the end of a write's events; ending inside, at the end, beyond.
      for (const after of [0, 2, 3, 5, 7, 8, 10]) {
        for (const limit of [1, 2, 4, 7, 11]) expect(await store.readOutbox(after, limit)).toEqual(all.slice(after, after + limit));
      }
    });

    it('migrates events stored one node each (schema version 1) into the one-node-per-write outbox', async () => {
      const store = await open();
      await store.reset();
      const at = '2024-01-01T00:00:00.000Z';
      await store.connection.plainWrite((tx) => tx.run(`
        MATCH (c:OutboxCounter {name: 'outbox'}) SET c.seq = 3
        CREATE (:OutboxEvent {seq: 1, type: 'ACTOR_CHANGED', entityId: 'a1', at: $at}),
               (:OutboxEvent {seq: 2, type: 'SIGNAL_RESPONDED', entityId: 's1', detail: 'r1', at: $at}),
               (:OutboxEvent {seq: 3, type: 'SIGNAL_RECORDED', entityId: 's2', at: $at})
        WITH 1 AS one
        MATCH (m:Migration {version: 2}) DELETE m`, { at }));
      await store.migrate();
      await store.upsertActors([actor('after')]);
      const events = await store.readOutbox(0, 10);
      expect(events.map((e) => [e.seq, e.type, e.entityId, e.detail, e.at])).toEqual([
        [1, 'ACTOR_CHANGED', 'a1', null, at], [2, 'SIGNAL_RESPONDED', 's1', 'r1', at], [3, 'SIGNAL_RECORDED', 's2', null, at],
        [4, 'ACTOR_CHANGED', expect.any(String), null, expect.any(String)],
      ]);
      const [left] = await store.connection.query('MATCH (e:OutboxEvent) RETURN count(e) AS n');
      expect(left.get('n')).toBe(0);
      expect((await store.appliedMigrations()).map((m) => m.version)).toEqual(NEO4J_MIGRATIONS.map((m) => m.version));
    });

    it('reset wipes data but keeps schema, migrations and a monotonic graph version', async () => {
      const store = await open();
      await store.upsertActors([actor('a')]);
      const version = await store.graphVersion();
      await store.reset();
      expect(await store.stats()).toMatchObject({ actors: 0, signals: 0 });
      expect(await store.graphVersion()).toBeGreaterThan(version);
      expect(await store.outboxHead()).toBe(0);
      expect((await store.appliedMigrations()).length).toBe(NEO4J_MIGRATIONS.length);
    });

    it('refuses a database migrated by a newer build', async () => {
      const store = await open();
      await store.connection.plainWrite((tx) => tx.run('CREATE (:Migration {version: 999, name: "future", appliedAt: "x"})'));
      try {
        await expect(store.migrate()).rejects.toThrow(/newer than this build/);
      } finally {
        await store.connection.plainWrite((tx) => tx.run('MATCH (m:Migration {version: 999}) DELETE m'));
      }
    });

    it('closes twice and then answers ping false', async () => {
      const store = await neo4jFactory.open();
      await store.close();
      await store.close();
      expect(await store.ping()).toBe(false);
    });
  });

}
