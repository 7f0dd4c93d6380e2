import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { gql, ok } from '../support/graphql-client.js';
import { DomainError } from '../../src/domain/errors.js';
import { testApp, type TestApp } from '../support/app.js';
import { embeddedFactory } from '../support/stores.js';
import { ActorsDocument, RecordExchangesDocument, RecordSignalsDocument, UpsertActorsDocument, ExchangesDocument } from '../../schema/generated/graphql.js';

describe('bad input, unknown ids and internal errors', () => {
  let app: TestApp;
  beforeEach(async () => { app = testApp(await embeddedFactory.open()); });
  afterEach(async () => { await app.store.close(); });

  it('rejects a 1,000-actor batch with one bad key and stores none', async () => {
    const input = Array.from({ length: 1000 }, (_, i) => ({ key: `crm:${i}`, kind: 'CUSTOMER' as const, name: `C${i}` }));
    input[999] = { ...input[999], key: 'has space' };
    const r = await gql(app.yoga, UpsertActorsDocument, { input });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[999].key' });
    expect((await ok(app.yoga, ActorsDocument, {})).actors.totalCount).toBe(0);
  });

  it('refuses attributes nested deeper than 32 levels, however deep, and stores nothing', async () => {
    // The request body is written out as text: JSON.stringify here would overflow on the deepest one.
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"leaf":1}${'}'.repeat(levels - 1)}`;
    const upsert = async (key: string, levels: number) => {
      const body = `{"query":${JSON.stringify(print(UpsertActorsDocument))},"variables":{"input":[{"key":"a","kind":"CUSTOMER","name":"x"},`
        + `{"key":"${key}","kind":"CUSTOMER","name":"x","attributes":${nested(levels)}}]}}`;
      const res = await app.yoga.fetch('http://osmosis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
    };
    // 32 levels pass; 33, 2,000 (12 KB, under the size limit) and 100,000 (past what JSON.stringify can
    // recurse) are refused with the same input error, not an internal one.
    expect((await upsert('ok:32', 32)).errors).toBeUndefined();
    for (const levels of [33, 2_000, 100_000]) {
      const r = await upsert(`deep:${levels}`, levels);
      expect(r.errors?.[0].extensions, `${levels} levels`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].attributes' });
      expect(r.errors?.[0].message).toMatch(/nest more than 32 levels/);
    }
    expect((await ok(app.yoga, ActorsDocument, {})).actors.totalCount).toBe(2);
  });

  it('gives BAD_USER_INPUT with the field for a wrong enum or type in variables', async () => {
    const r = await gql(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'ALIEN' as never, name: 'x' }] });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.field).toBe('input[0].kind');
    // A missing or unknown input field is named under its item; a wrong whole value names the variable.
    const missing = await gql(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'x' }, { key: 'b', kind: 'CUSTOMER' } as never] });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].name' });
    const unknown = await gql(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'x', age: 3 } as never] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].age' });
    const notAList = await gql(app.yoga, UpsertActorsDocument, { input: null as never });
    expect(notAList.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const inline = await gql(app.yoga, '{ actors(first: "ten") { totalCount } }');
    expect(inline.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const enumLiteral = await gql(app.yoga, '{ actors(filter: { kinds: [ALIEN] }) { totalCount } }');
    expect(enumLiteral.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.kinds[0]' });
  });

  it('names the field at fault for a malformed literal of a custom scalar, however deep', async () => {
    const top = await gql(app.yoga, '{ analytics { influence(since: "yesterday") { score } } }');
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    const nested = await gql(app.yoga, '{ signals(filter: { kinds: [COMPLAINT], since: "not a date" }) { totalCount } }');
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.since' });
    // In a list literal the item's index is named, as for variables.
    const item = await gql(app.yoga, `mutation { upsertActors(input: [{ key: "a", kind: CUSTOMER, name: "A" },
      { key: "b", kind: CUSTOMER, name: "B", attributes: "not an object" }]) { created } }`);
    expect(item.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].attributes' });
    const deep = await gql(app.yoga, `mutation { recordSignals(input: [{ channel: "c", externalId: "1", kind: QUESTION, text: "t",
      occurredAt: "2026-01-01T00:00:00Z", about: [] }, { channel: "c", externalId: "2", kind: QUESTION, text: "t", occurredAt: "soon" }]) { created } }`);
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].occurredAt' });
    // A required input field left out of a literal is the client's input error too, named under its item.
    const missing = await gql(app.yoga, 'mutation { recordSignals(input: [{ channel: "c", externalId: "2", kind: QUESTION, occurredAt: "2026-01-01T00:00:00Z" }]) { created } }');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].text' });
  });

  it('refuses instants whose UTC year has more than four digits (they would compare wrongly as text)', async () => {
    const late = '9999-12-31T23:59:59-01:00'; // year 10000 in UTC
    const literal = await gql(app.yoga, `{ signals(filter: { since: "${late}" }) { totalCount } }`);
    expect(literal.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.since' });
    expect(literal.errors?.[0].message).toContain('years 0000 to 9999');
    const variable = await gql(app.yoga, 'query($s: DateTime) { exchanges(filter: { until: $s }) { totalCount } }', { s: late });
    expect(variable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 's' });
    const write = await gql(app.yoga, RecordSignalsDocument, { input: [{ channel: 'c', externalId: '1', kind: 'QUESTION', text: 't', occurredAt: late }] });
    expect(write.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].occurredAt' });
    expect(await ok(app.yoga, '{ signals { totalCount } }')).toEqual({ signals: { totalCount: 0 } });
    // The store refuses them too (callers other than GraphQL: plugins, import).
    await expect(app.store.listSignals({ since: '+010000-01-01T00:59:59.000Z' }, { first: 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    // Year 0000 and 9999 themselves are fine.
    expect((await gql(app.yoga, '{ signals(filter: { since: "0000-01-01T00:00:00Z", until: "9999-12-31T23:59:59Z" }) { totalCount } }')).errors).toBeUndefined();
  });

  it('gives BAD_USER_INPUT for page sizes out of range and foreign cursors', async () => {
    const big = await gql(app.yoga, ActorsDocument, { first: 100_000 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await gql(app.yoga, ActorsDocument, { after: 'garbage!' });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('gives BAD_USER_INPUT for a bad cursor in a nested connection too, not an internal error', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'A' }] });
    const foreign = Buffer.from(JSON.stringify(['x', 1, 'y', 2])).toString('base64url'); // well-formed, another shape
    for (const connection of ['ties', 'signals', 'exchanges']) {
      for (const after of ['garbage', foreign]) {
        const r = await gql(app.yoga, `{ actor(key: "a") { ${connection}(first: 2, after: "${after}") { nodes { id } } } }`);
        expect(r.errors?.[0].extensions, `${connection} after ${after}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
  });

  it('rejects negative amounts and unknown exchange parties, writing nothing', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'A' }, { key: 'b', kind: 'ORGANIZATION', name: 'B' }] });
    const neg = await gql(app.yoga, RecordExchangesDocument, {
      input: [{ fromKey: 'a', toKey: 'b', kind: 'MONEY', amount: -5, occurredAt: '2026-01-01T00:00:00Z' }],
    });
    expect(neg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].amount' });
    // A subnormal amount or weight (5e-324) loses all precision in sums: one made PageRank fail for everyone.
    const tiny = await gql(app.yoga, RecordExchangesDocument, {
      input: [{ fromKey: 'a', toKey: 'b', kind: 'MONEY', amount: 5e-324, occurredAt: '2026-01-01T00:00:00Z' }],
    });
    expect(tiny.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].amount' });
    const tinyTie = await gql(app.yoga, 'mutation { tie(input: { fromKey: "a", toKey: "b", type: KNOWS, weight: 1e-310 }) { id } }');
    expect(tinyTie.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.weight' });
    expect((await gql(app.yoga, 'mutation { tie(input: { fromKey: "a", toKey: "b", type: KNOWS, weight: 0 }) { weight } }')).data).toEqual({ tie: { weight: 0 } });
    const unknown = await gql(app.yoga, RecordExchangesDocument, {
      input: [
        { fromKey: 'a', toKey: 'b', kind: 'MONEY', amount: 5, occurredAt: '2026-01-01T00:00:00Z' },
        { fromKey: 'a', toKey: 'zz', kind: 'IDEA', amount: 1, occurredAt: '2026-01-01T00:00:00Z' },
      ],
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input[1].toKey' });
    expect((await ok(app.yoga, ExchangesDocument, {})).exchanges.totalCount).toBe(0);
  });

  it('masks internal errors and logs them with the request id', async () => {
    const broken = testApp(new Proxy(app.store, {
      get(target, prop, receiver) {
        if (prop === 'listActors') return () => Promise.reject(new Error('disk on fire: /secret/path'));
        return Reflect.get(target, prop, receiver);
      },
    }));
    const r = await gql(broken.yoga, ActorsDocument, {}, { 'x-request-id': 'req-42' });
    expect(r.errors?.[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(r)).not.toContain('secret');
    const logged = broken.logs.find((l) => l.msg === 'internal error');
    expect(logged?.requestId).toBe('req-42');
    expect(JSON.stringify(logged)).toContain('disk on fire');
  });

  it('keeps the code of a domain error thrown outside domain() (an unavailable store), not logged as internal', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'A' }] });
    const failing = testApp(new Proxy(app.store, {
      get(target, prop, receiver) {
        if (prop === 'countActors') return () => Promise.reject(new DomainError('UNAVAILABLE', 'the Neo4j store is not ready: connecting'));
        return Reflect.get(target, prop, receiver);
      },
    }));
    const unavailable = await gql(failing.yoga, ActorsDocument, {});
    expect(unavailable.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect(unavailable.errors?.[0].message).toContain('not ready');
    expect(failing.logs.some((l) => l.msg === 'internal error')).toBe(false);
  });

  it('answers variables or extensions that are not JSON with 400, in a query string or a form body', async () => {
    const query = encodeURIComponent('query($n: Int) { actors(first: $n) { totalCount } }');
    const requests: [string, RequestInit][] = [
      [`?query=${query}&variables=%7Bbad`, {}],
      [`?query=${query}&extensions=%7Bbad`, {}],
      ['', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${query}&variables=%7Bbad` }],
    ];
    for (const [search, init] of requests) {
      const res = await app.yoga.fetch(`http://localhost/graphql${search}`, { ...init, headers: { accept: 'application/json', ...init.headers } });
      expect(res.status, search || 'form').toBe(400);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0].message).toMatch(/variables and extensions must be JSON/);
    }
    const good = await app.yoga.fetch(`http://localhost/graphql?query=${query}&variables=%7B%22n%22%3A2%7D`, { headers: { accept: 'application/json' } });
    expect(await good.json()).toEqual({ data: { actors: { totalCount: 0 } } });
  });

  it('answers a body that is not a GraphQL request with 415 and a coded error saying what to send', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, {} as Record<string, string>]) {
      const res = await app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body: '{"query":"{ __typename }"}' });
      expect(res.status).toBe(415);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0].message).toContain('application/json');
    }
    const json = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"query":"{ __typename }"}',
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('limits query depth', async () => {
    const deep = `{ actors { nodes { ties { nodes { other { ties { nodes { other { ties { nodes { other { ties { nodes { other { key } } } } } } } } } } } } } } }`;
    const r = await gql(app.yoga, deep);
    expect(r.errors?.[0].message).toMatch(/depth/i);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // Fragments do not count, fields inside them do: twelve nested spreads around a depth-2 selection
    // pass, and the deep query above still fails when every level is a fragment.
    const spreads = `{ ...F0 } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F12 on Query { actors(first: 1) { totalCount } }`;
    expect(await gql(app.yoga, spreads)).toMatchObject({ data: { actors: { totalCount: 0 } } });
    const inline = `{ ${'... on Query { '.repeat(12)}actors(first: 1) { totalCount }${' }'.repeat(12)} }`;
    expect((await gql(app.yoga, inline)).errors).toBeUndefined();
    const deepInFragments = `{ actors { nodes { ...T } } } fragment T on Actor { ties { nodes { other { ...U } } } }
      fragment U on Actor { ties { nodes { other { ...V } } } } fragment V on Actor { ties { nodes { other { ...W } } } }
      fragment W on Actor { ties { nodes { other { key } } } }`;
    expect((await gql(app.yoga, deepInFragments)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(" ")} }`;
    expect((await gql(app.yoga, aliases)).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a query whose pages multiply past the cost limit before it reads anything', async () => {
    const calls: string[] = [];
    const counting = testApp(new Proxy(app.store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (...args: unknown[]) => { calls.push(String(prop)); return value.apply(target, args); } : value;
      },
    }));
    await ok(counting.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'A' }] });
    calls.length = 0;
    // Small in text (depth 9, a few hundred tokens), a billion ties if the graph had them.
    const huge = '{ actors(first: 1000) { nodes { ties(first: 1000) { nodes { other { ties(first: 1000) { nodes { other { key } } } } } } } } }';
    const r = await gql(counting.yoga, huge);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 250_000 });
    expect((r.errors?.[0].extensions as { cost?: number } | undefined)?.cost).toBeGreaterThan(1e9);
    expect(r.data ?? null).toBeNull();
    expect(calls).toEqual([]);
    // Page sizes given as variables count the same; a query within the limit runs.
    const paged = 'query($n: Int) { actors(first: $n) { nodes { key ties(first: 100) { nodes { other { key } } } } } }';
    expect((await gql(counting.yoga, paged, { n: 1000 })).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const fine = await gql(counting.yoga, paged, { n: 10 });
    expect(fine.errors).toBeUndefined();
    expect(fine.data).toMatchObject({ actors: { nodes: [{ key: 'a' }] } });
  });
});
