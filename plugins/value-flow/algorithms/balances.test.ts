import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, VALUE_KINDS } from '../../../src/plugin-api/index.js';
import { A, VALUE_FIXTURE } from '../test-support/fixture.js';
import { balances } from './balances.js';
import { selectExchanges } from './select.js';

const x = buildFixtureFacts(VALUE_FIXTURE).exchanges;
const K = VALUE_KINDS.length;
const k = (kind: (typeof VALUE_KINDS)[number]) => VALUE_KINDS.indexOf(kind);

describe('balances: the hand-checked value network of test-support/fixture.ts', () => {
  const b = balances(x, selectExchanges(x), 7);
  const at = (actor: number, kind: (typeof VALUE_KINDS)[number]) => ({
    in: b.inAmount[actor * K + k(kind)], out: b.outAmount[actor * K + k(kind)], inCount: b.inCount[actor * K + k(kind)], outCount: b.outCount[actor * K + k(kind)],
  });

  it('sums inflow and outflow per actor and kind', () => {
    // org: MONEY in r0 100 + r10 80 = 180 (2), out r5 500 (1); GOODS in r6 50, out r1 2.
    expect(at(A.org, 'MONEY')).toEqual({ in: 180, out: 500, inCount: 2, outCount: 1 });
    expect(at(A.org, 'GOODS')).toEqual({ in: 50, out: 2, inCount: 1, outCount: 1 });
    // e: MONEY out 180 (2); GOODS in 2; FEEDBACK out 1; SUPPORT in 2.
    expect(at(A.e, 'MONEY')).toEqual({ in: 0, out: 180, inCount: 0, outCount: 2 });
    expect(at(A.e, 'SUPPORT')).toEqual({ in: 2, out: 0, inCount: 1, outCount: 0 });
    // d: KNOWLEDGE in r4 + r12 = 2, out r11 = 1; SUPPORT out r7; RECOGNITION out r8.
    expect(at(A.d, 'KNOWLEDGE')).toEqual({ in: 2, out: 1, inCount: 2, outCount: 1 });
    expect(at(A.team, 'FEEDBACK')).toEqual({ in: 1, out: 0, inCount: 1, outCount: 0 });
  });

  it('balances out: every exchange is one inflow and one outflow', () => {
    const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(sum(b.inCount)).toBe(13);
    expect(sum(b.outCount)).toBe(13);
    // 100 + 2 + 1 + 2 + 1 + 500 + 50 + 1 + 1 + 1 + 80 + 1 + 1 = 741
    expect(sum(b.inAmount)).toBe(741);
    expect(sum(b.outAmount)).toBe(741);
  });

  it('rejects rows out of time order or naming unknown actors', () => {
    expect(() => balances(x, Uint32Array.from([2, 1]), 7)).toThrow('osmosis/value-flow/balances: rows must be in ascending occurredAt');
    expect(() => balances(x, selectExchanges(x), 5)).toThrow('names an actor outside [0, 5)');
  });
});
