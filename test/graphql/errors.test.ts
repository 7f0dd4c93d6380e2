import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { embeddedFactory } from '../support/stores.js';
import { ActorsDocument, RecordExchangesDocument, UpsertActorsDocument, ExchangesDocument } from '../../schema/generated/graphql.js';

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
  });

  it('names the field at fault for a malformed literal of a custom scalar, however deep', async () => {
    const top = await gql(app.yoga, '{ analytics { influence(since: "yesterday") { score } } }');
    expect(top.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    const nested = await gql(app.yoga, '{ signals(filter: { kinds: [COMPLAINT], since: "not a date" }) { totalCount } }');
    expect(nested.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.since' });
  });

  it('gives BAD_USER_INPUT for page sizes out of range and foreign cursors', async () => {
    const big = await gql(app.yoga, ActorsDocument, { first: 100_000 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await gql(app.yoga, ActorsDocument, { after: 'garbage!' });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('rejects negative amounts and unknown exchange parties, writing nothing', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'a', kind: 'CUSTOMER', name: 'A' }, { key: 'b', kind: 'ORGANIZATION', name: 'B' }] });
    const neg = await gql(app.yoga, RecordExchangesDocument, {
      input: [{ fromKey: 'a', toKey: 'b', kind: 'MONEY', amount: -5, occurredAt: '2026-01-01T00:00:00Z' }],
    });
    expect(neg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[0].amount' });
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

  it('limits query depth', async () => {
    const deep = `{ actors { nodes { ties { nodes { other { ties { nodes { other { ties { nodes { other { ties { nodes { other { key } } } } } } } } } } } } } } }`;
    const r = await gql(app.yoga, deep);
    expect(r.errors?.[0].message).toMatch(/depth/i);
  });
});
