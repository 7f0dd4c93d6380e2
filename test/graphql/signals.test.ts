import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gql, ok } from '../support/graphql-client.js';
import { testApp, type TestApp } from '../support/app.js';
import { storeFactories } from '../support/stores.js';
import {
  AssignSignalDocument, RecordSignalsCountDocument, RecordSignalsDocument, RespondDocument, SignalsDocument,
  UpsertActorsDocument, type SignalInput,
} from '../../schema/generated/graphql.js';

const signal = (i: number, over: Partial<SignalInput> = {}): SignalInput => ({
  channel: 'web-form',
  externalId: `f-${i}`,
  kind: 'QUESTION',
  text: `Question number ${i}`,
  occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  emitterKey: 'crm:c-1',
  ...over,
});

describe.each(storeFactories)('signals over GraphQL ($name)', (factory) => {
  let app: TestApp;
  beforeEach(async () => {
    app = testApp(await factory.open());
    await ok(app.yoga, UpsertActorsDocument, {
      input: [
        { key: 'crm:c-1', kind: 'CUSTOMER', name: 'Acme' },
        { key: 'hr:e-1', kind: 'EMPLOYEE', name: 'Giulia' },
        { key: 'org:team-care', kind: 'TEAM', name: 'Customer Care' },
      ],
    });
  });
  afterEach(async () => { await app.store.close(); });

  it('records signals idempotently by (channel, externalId), counting new and known ones', async () => {
    const first = await ok(app.yoga, RecordSignalsDocument, { input: [signal(1), signal(2)] });
    expect(first.recordSignals).toMatchObject({ created: 2, existing: 0 });
    const again = await ok(app.yoga, RecordSignalsDocument, { input: [signal(2), signal(3), signal(3)] });
    expect(again.recordSignals).toMatchObject({ created: 1, existing: 2 });
    expect(again.recordSignals.signals[0].id).toBe(first.recordSignals.signals[1].id);
    expect(again.recordSignals.signals[1].id).toBe(again.recordSignals.signals[2].id);
    // The same externalId on another channel is another signal.
    const other = await ok(app.yoga, RecordSignalsDocument, { input: [signal(1, { channel: 'EMAIL' })] });
    expect(other.recordSignals).toMatchObject({ created: 1, existing: 0 });
    expect(other.recordSignals.signals[0].channel).toBe('email');
    expect((await ok(app.yoga, SignalsDocument, {})).signals.totalCount).toBe(4);
  });

  it('takes 5,000 signals in one call', async () => {
    const input = Array.from({ length: 5000 }, (_, i) => signal(i));
    const r = await ok(app.yoga, RecordSignalsCountDocument, { input });
    expect(r.recordSignals).toEqual({ created: 5000, existing: 0 });
    expect((await ok(app.yoga, SignalsDocument, { first: 1 })).signals.totalCount).toBe(5000);
  });

  it('rejects a batch of 1,000 with one bad item, naming the field, and stores none', async () => {
    const input = Array.from({ length: 1000 }, (_, i) => signal(i));
    input[417] = { ...input[417], sentiment: 7 };
    const r = await gql(app.yoga, RecordSignalsDocument, { input });
    expect(r.data).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[417].sentiment' });
    expect((await ok(app.yoga, SignalsDocument, {})).signals.totalCount).toBe(0);

    input[417] = signal(417, { emitterKey: 'crm:nobody' });
    const unknown = await gql(app.yoga, RecordSignalsDocument, { input });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input[417].emitterKey' });
    expect((await ok(app.yoga, SignalsDocument, {})).signals.totalCount).toBe(0);
  });

  it('filters by channel, kind, status, window, emitter and subject', async () => {
    await ok(app.yoga, RecordSignalsDocument, {
      input: [
        signal(1, { channel: 'email', kind: 'COMPLAINT', about: [{ target: 'ACTOR', ref: 'org:team-care' }] }),
        signal(2, { channel: 'phone', kind: 'PRAISE' }),
        signal(3, { channel: 'email', kind: 'IDEA', emitterKey: 'hr:e-1' }),
      ],
    });
    const count = async (filter: object) => (await ok(app.yoga, SignalsDocument, { filter })).signals.totalCount;
    expect(await count({ channels: ['email'] })).toBe(2);
    expect(await count({ kinds: ['PRAISE', 'IDEA'] })).toBe(2);
    expect(await count({ status: ['OPEN'] })).toBe(3);
    expect(await count({ since: signal(2).occurredAt })).toBe(2);
    expect(await count({ until: signal(2).occurredAt })).toBe(1);
    expect(await count({ emitterKey: 'hr:e-1' })).toBe(1);
    expect(await count({ aboutKey: 'org:team-care' })).toBe(1);
    const list = await ok(app.yoga, SignalsDocument, {});
    expect(list.signals.nodes.map((s) => s.externalId)).toEqual(['f-3', 'f-2', 'f-1']);
    expect(list.signals.nodes.find((s) => s.externalId === 'f-3')?.side).toBe('INSIDE');
    expect(list.signals.nodes.find((s) => s.externalId === 'f-1')?.about).toEqual([{ target: 'ACTOR', ref: 'org:team-care' }]);
  });

  it('assigns and answers a signal, which becomes ANSWERED', async () => {
    const [s] = (await ok(app.yoga, RecordSignalsDocument, { input: [signal(1)] })).recordSignals.signals;
    const assigned = await ok(app.yoga, AssignSignalDocument, { signalId: s.id, assigneeKey: 'hr:e-1' });
    expect(assigned.assignSignal).toMatchObject({ status: 'ASSIGNED', assignee: { key: 'hr:e-1' } });
    const answered = await ok(app.yoga, RespondDocument, { input: { signalId: s.id, responderKey: 'hr:e-1', text: 'Here you go' } });
    expect(answered.respond.response).toMatchObject({ text: 'Here you go', channel: 'web-form', responder: { key: 'hr:e-1' } });
    expect(answered.respond.signal).toMatchObject({ status: 'ANSWERED', responses: [{ text: 'Here you go' }] });

    const wrongId = await gql(app.yoga, RespondDocument, { input: { signalId: 'nope', responderKey: 'hr:e-1', text: 'x' } });
    expect(wrongId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signalId' });
    // The store's errors name the fields of the one input too, not of item 0 of a batch.
    const unknown = Buffer.from('Signal:00000000-0000-0000-0000-000000000000').toString('base64');
    const noSignal = await gql(app.yoga, RespondDocument, { input: { signalId: unknown, responderKey: 'hr:e-1', text: 'x' } });
    expect(noSignal.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.signalId' });
    const noResponder = await gql(app.yoga, RespondDocument, { input: { signalId: s.id, responderKey: 'hr:nobody', text: 'x' } });
    expect(noResponder.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.responderKey' });
    const early = await gql(app.yoga, RespondDocument, { input: { signalId: s.id, responderKey: 'hr:e-1', text: 'x', respondedAt: '2000-01-01T00:00:00Z' } });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.respondedAt' });
    expect(early.errors?.[0].message).not.toContain('input[0]');
    const unknownSignal = Buffer.from('Signal:00000000-0000-0000-0000-000000000000').toString('base64');
    const missing = await gql(app.yoga, AssignSignalDocument, { signalId: unknownSignal, assigneeKey: 'hr:e-1' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
