/** Lone surrogates in variables are refused (BAD_USER_INPUT naming where), never stored altered. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { embeddedFactory } from '../support/stores.js';
import { illFormedTextAt } from '../../src/server/well-formed-text.js';

const UPSERT = 'mutation($i: [ActorInput!]!) { upsertActors(input: $i) { created } }';

describe('well-formed text in variables', () => {
  let app: TestApp;
  beforeEach(async () => { app = testApp(await embeddedFactory.open()); });
  afterEach(async () => { await app.store.close(); });

  it('refuses a lone surrogate in a value or an object key, naming its path, and stores nothing', async () => {
    const good = { key: 'p:ok', kind: 'CUSTOMER', name: 'Ok 😀' };
    const cases: [unknown[], string][] = [
      [[good, { key: 'p:sur\udc00', kind: 'CUSTOMER', name: 'x' }], 'i[1].key'],
      [[{ ...good, name: 'high \ud800 alone' }], 'i[0].name'],
      [[{ ...good, attributes: { nested: ['fine', { ['k\ud83d']: 1 }] } }], 'i[0].attributes.nested[1].k\ufffd'],
    ];
    for (const [i, field] of cases) {
      const r = await gql(app.yoga, UPSERT, { i });
      expect(r.errors?.[0].extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await ok(app.yoga, '{ actors { totalCount } }')).toEqual({ actors: { totalCount: 0 } });
    // Surrogate pairs (emoji) are well-formed.
    expect(await ok(app.yoga, UPSERT, { i: [good] })).toEqual({ upsertActors: { created: 1 } });
    expect(await ok(app.yoga, '{ actor(key: "p:ok") { name } }')).toEqual({ actor: { name: 'Ok 😀' } });
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 'end \udfff';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(illFormedTextAt(deep, 'v')).toBe(`v${'[0]'.repeat(200_000)}`);
    expect(illFormedTextAt({ a: ['x', { b: 'y' }] }, 'v')).toBeNull();
  });
});
