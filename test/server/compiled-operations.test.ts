/**
 * Queries and mutations run compiled by graphql-jit (useCompiledOperations), with the same answers as
 * graphql-js: results, resolver errors with their path and code, and — through the graphql-js fallback —
 * the path-precise BAD_USER_INPUT of invalid variables.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as jit from 'graphql-jit';
import { RecordSignalsDocument, SignalsDocument, UpsertActorsDocument } from '../../schema/generated/graphql.js';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { embeddedFactory } from '../support/stores.js';

vi.mock('graphql-jit', async (original) => {
  const real = await original<typeof import('graphql-jit')>();
  return { ...real, compileQuery: vi.fn(real.compileQuery) };
});
const compileQuery = vi.mocked(jit.compileQuery);

const signal = (i: number, over: Record<string, unknown> = {}) => ({
  channel: 'web', externalId: `w-${i}`, kind: 'QUESTION' as const, text: `question ${i}`, occurredAt: '2026-01-01T00:00:00Z', emitterKey: 'crm:a', ...over,
});

describe('compiled operations', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = testApp(await embeddedFactory.open());
    compileQuery.mockClear();
  });
  afterEach(async () => { await app.store.close(); });

  it('compiles each operation once and answers as graphql-js would', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'crm:a', kind: 'CUSTOMER', name: 'A' }] });
    const first = await ok(app.yoga, RecordSignalsDocument, { input: [signal(1), signal(2)] });
    const again = await ok(app.yoga, RecordSignalsDocument, { input: [signal(2), signal(3)] });
    expect(compileQuery).toHaveBeenCalledTimes(2); // upsertActors and recordSignals, each once
    expect(first.recordSignals).toMatchObject({ created: 2, existing: 0 });
    expect(again.recordSignals).toMatchObject({ created: 1, existing: 1 });
    expect(again.recordSignals.signals[0]).toEqual(first.recordSignals.signals[1]);
    const listed = await ok(app.yoga, SignalsDocument, {});
    await ok(app.yoga, SignalsDocument, {});
    expect(compileQuery).toHaveBeenCalledTimes(3); // and the query, once for both runs
    expect(listed.signals.totalCount).toBe(3);
  });

  it('keeps a variable written inside a JSON literal (graphql-js runs such documents)', async () => {
    const upsert = 'mutation($c: String, $k: [Int!]) { upsertActors(input: [{ key: "k", kind: CUSTOMER, name: "n", '
      + 'attributes: { city: $c, n: 2, nested: { codes: $k, flag: true } } }]) { actors { attributes } } }';
    const r = (await ok(app.yoga, upsert, { c: "Bologna", k: [1, 2] })) as { upsertActors: { actors: { attributes: unknown }[] } };
    expect(r.upsertActors.actors[0].attributes).toEqual({ city: 'Bologna', n: 2, nested: { codes: [1, 2], flag: true } });
    expect(compileQuery).not.toHaveBeenCalled();
    // A variable at the top of an argument or inside an input object still compiles.
    await ok(app.yoga, 'query($s: DateTime) { signals(filter: { since: $s, kinds: [COMPLAINT] }) { totalCount } }', { s: '2026-01-01T00:00:00Z' });
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('names the field at fault of invalid variables, and keeps resolver errors with their path', async () => {
    await ok(app.yoga, UpsertActorsDocument, { input: [{ key: 'crm:a', kind: 'CUSTOMER', name: 'A' }] });
    const input = Array.from({ length: 1000 }, (_, i) => signal(i));
    const badEnum = await gql(app.yoga, RecordSignalsDocument, { input: input.map((s, i) => (i === 417 ? { ...s, kind: 'NOPE' } : s)) as never });
    expect(badEnum.errors?.[0]).toMatchObject({ message: expect.stringContaining('input[417].kind'), extensions: { code: 'BAD_USER_INPUT', field: 'input[417].kind' } });
    const badDate = await gql(app.yoga, RecordSignalsDocument, { input: input.map((s, i) => (i === 3 ? { ...s, occurredAt: 12 } : s)) as never });
    expect(badDate.errors?.[0]).toMatchObject({ message: expect.stringContaining('input[3].occurredAt'), extensions: { code: 'BAD_USER_INPUT', field: 'input[3].occurredAt' } });
    const unknown = await gql(app.yoga, RecordSignalsDocument, { input: input.map((s, i) => (i === 9 ? { ...s, emitterKey: 'crm:nobody' } : s)) });
    expect(unknown.errors?.[0]).toMatchObject({ path: ['recordSignals'], extensions: { code: 'NOT_FOUND', field: 'input[9].emitterKey' } });
    expect((await ok(app.yoga, SignalsDocument, {})).signals.totalCount).toBe(0);
  });
});
