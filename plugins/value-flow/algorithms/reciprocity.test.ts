import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { A, VALUE_FIXTURE } from '../test-support/fixture.js';
import { actorReciprocity } from './actor-reciprocity.js';
import { pairOrder } from './pair-order.js';
import { pairReciprocity } from './pair-reciprocity.js';
import { reciprocated } from './reciprocated.js';
import { selectExchanges } from './select.js';

const x = buildFixtureFacts(VALUE_FIXTURE).exchanges;
const rows = selectExchanges(x);
const DAY = 86_400_000;

describe('reciprocity: the hand-checked value network of test-support/fixture.ts', () => {
  it('groups exchanges by pair, both directions in time order', () => {
    const po = pairOrder(x, rows, 7);
    // {org, e}: r0 e → org, r1 org → e, r10 e → org; {org, g}: r5 org → g, r6 g → org; then {team, f}: r9.
    expect([...po.order.subarray(0, 6)]).toEqual([0, 1, 10, 5, 6, 9]);
    expect([...po.forward.subarray(0, 6)]).toEqual([0, 1, 0, 1, 0, 0]);
    expect([...po.lo.subarray(0, 6)]).toEqual([A.org, A.org, A.org, A.org, A.org, A.team]);
    expect([...po.hi.subarray(0, 6)]).toEqual([A.e, A.e, A.e, A.g, A.g, A.f]);
  });

  it('flags the exchanges answered within the window (30 days): r0, r2, r5, r11, r12', () => {
    expect([...reciprocated(x, rows, 7, 30 * DAY)]).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]);
    // 40 days: r4 (c → d, 01-12) is answered by r8 (d → c, 02-20, 39 days later).
    expect(reciprocated(x, rows, 7, 40 * DAY)[4]).toBe(1);
    // 0 days: only the same-instant pair r11, r12.
    expect([...reciprocated(x, rows, 7, 0)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('counts per actor what came back and what it answered', () => {
    const flags = reciprocated(x, rows, 7, 30 * DAY);
    const r = actorReciprocity(x, rows, 7, flags);
    // e gave r0 ✓, r2 ✓, r10 → 3 / 2; received r1, r3, neither answered → 2 / 0.
    // org gave r1, r5 ✓ → 2 / 1; received r0 ✓, r6, r10 → 3 / 1. g gave r6, r12 ✓ → 2 / 1; received r5 ✓, r11 ✓ → 2 / 2.
    expect([r.given[A.e], r.givenReciprocated[A.e], r.received[A.e], r.receivedAnswered[A.e]]).toEqual([3, 2, 2, 0]);
    expect([r.given[A.org], r.givenReciprocated[A.org], r.received[A.org], r.receivedAnswered[A.org]]).toEqual([2, 1, 3, 1]);
    expect([r.given[A.g], r.givenReciprocated[A.g], r.received[A.g], r.receivedAnswered[A.g]]).toEqual([2, 1, 2, 2]);
    expect(Array.from(r.givenReciprocated).reduce((s, v) => s + v, 0)).toBe(5);
  });

  it('counts per pair both directions', () => {
    const flags = reciprocated(x, rows, 7, 30 * DAY);
    const p = pairReciprocity(x, rows, 7, flags);
    const pairs = Array.from({ length: p.count }, (_x, i) => [p.a[i], p.b[i], p.aToB[i], p.bToA[i], p.aToBReciprocated[i], p.bToAReciprocated[i]]);
    // {org, e}: org → e 1 (r1), e → org 2 (r0 ✓, r10); {org, g}: 1 ✓ / 1; {team, f}: f → team 1;
    // {c, d}: 1 / 1; {c, e}: c → e 1, e → c 1 ✓; {d, f}: 1 / 0; {d, g}: 1 ✓ / 1 ✓.
    expect(pairs).toEqual([
      [A.org, A.e, 1, 2, 0, 1], [A.org, A.g, 1, 1, 1, 0], [A.team, A.f, 0, 1, 0, 0],
      [A.c, A.d, 1, 1, 0, 0], [A.c, A.e, 1, 1, 0, 1], [A.d, A.f, 1, 0, 0, 0], [A.d, A.g, 1, 1, 1, 1],
    ]);
  });

  it('never reciprocates an exchange an actor gives itself', () => {
    const self = { count: 2, from: Int32Array.from([0, 0]), to: Int32Array.from([0, 0]), kind: new Uint8Array(2), amount: Float64Array.from([1, 1]), occurredAt: Float64Array.from([0, 1]) };
    expect([...reciprocated(self, Uint32Array.from([0, 1]), 1, DAY)]).toEqual([0, 0]);
    expect(pairReciprocity(self, Uint32Array.from([0, 1]), 1, new Uint8Array(2)).count).toBe(0);
  });

  it('rejects a bad window', () => {
    expect(() => reciprocated(x, rows, 7, -1)).toThrow('osmosis/value-flow/reciprocated: windowMs must be a finite number >= 0');
  });
});
