import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { A, VALUE_FIXTURE } from '../test-support/fixture.js';
import { selectExchanges } from './select.js';
import { findSignals, traceSignal, VIA } from './trace.js';

const facts = buildFixtureFacts(VALUE_FIXTURE);
const { signals, responses, exchanges: x } = facts;
const rows = selectExchanges(x);
const organization = Uint8Array.from(facts.actors.kind, (k) => (ACTOR_KINDS[k] === 'ORGANIZATION' ? 1 : 0));
const DAY = 86_400_000;

describe('tracing a signal of the hand-checked value network', () => {
  const email = facts.channels.indexOf('email');
  const at = Date.parse('2026-01-02T09:00:00Z');

  it('finds signals by channel and instant, and by emitter', () => {
    expect(findSignals(signals, email, at).length).toBe(2); // e's complaint and the anonymous idea
    const [s] = findSignals(signals, email, at, A.e);
    expect(signals.emitter[s]).toBe(A.e);
    expect(findSignals(signals, facts.channels.indexOf('web'), at).length).toBe(0);
  });

  it('follows e\'s complaint to c\'s response and the exchanges with c, c\'s team and the organisation within 30 days', () => {
    // Window 01-02 09:00 .. 02-01 09:00: r1 org → e (ORGANIZATION), r2 e → c and r3 c → e (RESPONDER).
    // r0 (01-01) is before; r10 (03-02) after.
    const [s] = findSignals(signals, email, at, A.e);
    const t = traceSignal(signals, responses, x, rows, s, 30 * DAY, facts.actors.team, organization);
    expect(Array.from(t.responses, (r) => responses.responder[r])).toEqual([A.c]);
    expect([...t.exchanges]).toEqual([1, 2, 3]);
    expect(Array.from(t.via, (v) => VIA[v])).toEqual(['ORGANIZATION', 'RESPONDER', 'RESPONDER']);
    // 2 days: only r1 (01-03).
    expect([...traceSignal(signals, responses, x, rows, s, 2 * DAY, facts.actors.team, organization).exchanges]).toEqual([1]);
  });

  it('finds nothing after an unanswered signal (f\'s question: f → team is not a counterpart) or an anonymous one', () => {
    const [question] = findSignals(signals, facts.channels.indexOf('web'), Date.parse('2026-02-15T00:00:00Z'));
    const t = traceSignal(signals, responses, x, rows, question, 30 * DAY, facts.actors.team, organization);
    expect([t.responses.length, t.exchanges.length]).toEqual([0, 0]);
    const anonymous = findSignals(signals, email, at).find((s) => signals.emitter[s] < 0)!;
    expect(traceSignal(signals, responses, x, rows, anonymous, 30 * DAY, facts.actors.team, organization).exchanges.length).toBe(0);
  });

  it('counts the responder\'s team as a counterpart', () => {
    // A signal from f answered by d: f → b-team (r9, 03-01) follows it as TEAM, d → f (r7, 02-10) as RESPONDER.
    const fixture = { ...VALUE_FIXTURE, signals: [{ channel: 'web', occurredAt: '2026-02-09T00:00:00Z', emitter: 'f-cust' }], responses: [{ signal: 0, responder: 'd-emp', respondedAt: '2026-02-09T10:00:00Z' }] };
    const f = buildFixtureFacts(fixture);
    const t = traceSignal(f.signals, f.responses, f.exchanges, selectExchanges(f.exchanges), 0, 30 * DAY, f.actors.team, organization);
    expect([...t.exchanges]).toEqual([7, 9]);
    expect(Array.from(t.via, (v) => VIA[v])).toEqual(['RESPONDER', 'TEAM']);
  });
});
