import { describe, expect, it } from 'vitest';
import { SIGNAL_KINDS } from '../../../src/plugin-api/index.js';
import { facts, HOUR } from '../test-support/fixture.js';
import { breaches, DEFAULT_TARGETS, targetTable } from './breaches.js';
import { firstResponses } from './first-responses.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';

const f = facts();
const first = firstResponses(f);

describe('breaches of first-response targets', () => {
  it('default targets: COMPLAINT 24 h, others 72 h (fixture)', () => {
    // s0 COMPLAINT answered in 2 h ≤ 24: met.      s1 QUESTION 30 h ≤ 72: met.
    // s2 COMPLAINT unanswered, 696 h old > 24: breach.   s3 COMPLAINT closed unanswered, 672 h > 24: breach.
    // s4 IDEA answered in 80 h > 72: breach.        s5 REQUEST 10 h ≤ 72: met.
    // s6 QUESTION unanswered, 24 h old ≤ 72: not due yet.   → due 6, breaches 3, rate 0.5.
    const b = breaches(f, groupSignals(f), first);
    expect([...b.due]).toEqual([6]);
    expect([...b.breaches]).toEqual([3]);
    expect([...b.breachRate]).toEqual([0.5]);
  });

  it('by team: every due Logistics signal is a breach', () => {
    // none {s6}: nothing due → rate NaN; care {s0, s1, s5}: 3 due, 0 breaches; logi {s2, s3, s4}: 3 due, 3 breaches.
    const b = breaches(f, groupSignals(f, {}, ['BY_TEAM'], signalTeams(f, first)), first);
    expect([...b.due]).toEqual([0, 3, 3]);
    expect([...b.breaches]).toEqual([0, 0, 3]);
    expect([...b.breachRate]).toEqual([NaN, 0, 1]);
  });

  it('the strictest of kind and channel target applies', () => {
    // chat 12 h: s6 (chat QUESTION, 24 h old) becomes due and breached; s2, s3 (chat COMPLAINT: min(24, 12) = 12) still breached.
    // QUESTION 20 h: s1 (30 h) becomes a breach. → due 7, breaches 5.
    const b = breaches(f, groupSignals(f), first, { defaultHours: 72, kinds: { COMPLAINT: 24, QUESTION: 20 }, channels: { Chat: 12 } });
    expect([...b.due]).toEqual([7]);
    expect([...b.breaches]).toEqual([5]);
  });

  it('a response exactly at the target meets it', () => {
    // IDEA target 80 h: s4 answered in exactly 80 h → met; breaches s2, s3 only.
    const b = breaches(f, groupSignals(f), first, { ...DEFAULT_TARGETS, kinds: { COMPLAINT: 24, IDEA: 80 } });
    expect([...b.breaches]).toEqual([2]);
  });

  it('targetTable: channel × kind, in ms', () => {
    const t = targetTable(f, { defaultHours: 72, kinds: { COMPLAINT: 24 }, channels: { email: 48 } });
    const K = SIGNAL_KINDS.length;
    const at = (channel: number, kind: string) => t[channel * K + SIGNAL_KINDS.indexOf(kind as never)] / HOUR;
    // channels: chat 0, email 1, intranet 2.
    expect([at(0, 'COMPLAINT'), at(0, 'IDEA'), at(1, 'COMPLAINT'), at(1, 'IDEA'), at(2, 'PRAISE')]).toEqual([24, 72, 24, 48, 72]);
  });

  it('checks the targets', () => {
    expect(() => breaches(f, groupSignals(f), first, { defaultHours: 0, kinds: {}, channels: {} })).toThrow(
      'osmosis/responsiveness/breaches: targets.defaultHours must be a positive number of hours');
    expect(() => targetTable(f, { defaultHours: 1, kinds: { GRIPE: 3 } as never, channels: {} })).toThrow('unknown kind "GRIPE"');
  });
});
