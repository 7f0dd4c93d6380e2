import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, type ExchangeFacts } from '../../../src/plugin-api/index.js';
import { A, VALUE_FIXTURE } from '../test-support/fixture.js';
import { brokers } from './brokers.js';
import { selectExchanges } from './select.js';

type Columns = Pick<ExchangeFacts, 'count' | 'from' | 'to' | 'kind' | 'amount' | 'occurredAt'>;

/** Exchanges from [from, to, amount] triples, one time unit apart. */
const columns = (list: [number, number, number][]): Columns => ({
  count: list.length,
  from: Int32Array.from(list, (e) => e[0]),
  to: Int32Array.from(list, (e) => e[1]),
  kind: new Uint8Array(list.length),
  amount: Float64Array.from(list, (e) => e[2]),
  occurredAt: Float64Array.from(list, (_e, i) => i),
});
const all = (x: Columns) => Uint32Array.from({ length: x.count }, (_v, i) => i);
/** M without actor v, recomputed from scratch: the exchanges touching v removed. */
const withoutActor = (x: Columns, outside: Uint8Array, v: number, measure: 'COUNT' | 'AMOUNT' = 'COUNT') =>
  brokers(x, all(x).filter((r) => x.from[r] !== v && x.to[r] !== v), outside.length, outside, measure).total;

describe('value brokers: a relay and its endpoint', () => {
  // Inside: 0 org, 1 agent A, 2 agent B, 3 colleague X. Outside: 4 customer P, 5 customer Q, 6 partner R.
  // P → A ×3, A → X ×2, X → A, A → Q (A relays outside → inside and inside → outside);
  // R → B, B → X (B relays outside → inside); P → org ×2, org → P (direct, no relay).
  const x = columns([
    [4, 1, 1], [4, 1, 1], [4, 1, 1], [1, 3, 1], [1, 3, 1], [3, 1, 1], [1, 5, 1],
    [6, 2, 1], [2, 3, 1], [4, 0, 100], [4, 0, 100], [0, 4, 5],
  ]);
  const outside = Uint8Array.from([0, 0, 0, 0, 1, 1, 1]);
  const r = brokers(x, all(x), 7, outside);

  it('relays min(in from one side, out to the other), both ways', () => {
    // A: in from inside 1 (X), out to outside 1 (Q) → 1; in from outside 3 (P), out to inside 2 (X) → 2; relay 3.
    // B: in from outside 1 (R), out to inside 1 (X) → relay 1. org: in from outside only, out to outside only → 0.
    expect([r.inFromInside[1], r.inFromOutside[1], r.outToInside[1], r.outToOutside[1]]).toEqual([1, 3, 2, 1]);
    expect([...r.insideToOutside]).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect([...r.outsideToInside]).toEqual([0, 2, 1, 0, 0, 0, 0]);
    expect([...r.relay]).toEqual([0, 3, 1, 0, 0, 0, 0]);
    expect(r.total).toBe(4);
  });

  it('ranks by vitality, the exact drop of M without the actor', () => {
    // Without X, A has nobody inside to pass value to nor to get it from (relay 0) and B neither: M drops
    // by 4 although X relays nothing itself. Without A: M drops by A's own 3. Without B: by 1.
    // Without P: A gets nothing from outside, keeps min(1, 1) = 1 → M = 1 + 1 = 2, a drop of 2.
    // Without Q: A gives nothing outside (min(1, 0) = 0), keeps 2 → a drop of 1. Without R: B's 1.
    expect([...r.vitality]).toEqual([0, 3, 1, 4, 2, 1, 1]);
    for (let v = 0; v < 7; v++) expect(r.vitality[v]).toBe(r.total - withoutActor(x, outside, v));
  });

  it('measures amounts with AMOUNT', () => {
    // org: P → org 200 in from outside, org → P 5 out to outside: still no relay (same side both ways).
    const byAmount = brokers(x, all(x), 7, outside, 'AMOUNT');
    expect(byAmount.total).toBe(4);
    expect(byAmount.inFromOutside[0]).toBe(200);
  });
});

describe('value brokers: the hand-checked value network of test-support/fixture.ts', () => {
  const facts = buildFixtureFacts(VALUE_FIXTURE);
  const x = facts.exchanges;
  const outside = Uint8Array.from([0, 0, 0, 0, 1, 1, 1]);
  const r = brokers(x, selectExchanges(x), 7, outside);

  it('finds c and d relaying between the customers, the supplier and the team', () => {
    // c: from e (r2) and from d (r8) in, to e (r3) and to d (r4) out → min(1, 1) + min(1, 1) = 2.
    // d: in from c (r4), from g (r12); out to f (r7), g (r11), c (r8) → min(1, 2) + min(1, 1) = 2. M = 4.
    expect([...r.relay]).toEqual([0, 0, 2, 2, 0, 0, 0]);
    // Without c, d loses r4 and r8 (relay 0): 2 + 2. Without d, c loses r4 and r8: 2 + 2.
    // Without e, c loses r2 and r3 (relay 0): 2. Without g, d loses r11 and r12 (relay min(1, 1) = 1): 1.
    // Without f, d still gives to g outside: no change.
    expect([...r.vitality]).toEqual([0, 0, 4, 4, 2, 0, 1]);
  });

  it('removing the top broker reduces the measured flow the most (recomputed without each actor)', () => {
    const drops = Array.from({ length: 7 }, (_x, v) => r.total - brokers(x, selectExchanges(x).filter((row) => x.from[row] !== v && x.to[row] !== v), 7, outside).total);
    expect(drops).toEqual([...r.vitality]);
    const top = [...r.vitality].indexOf(Math.max(...r.vitality));
    expect(top).toBe(A.c);
    expect(drops[top]).toBe(Math.max(...drops));
  });

  it('rejects a bad measure', () => {
    expect(() => brokers(x, selectExchanges(x), 7, outside, 'VALUE' as never)).toThrow('osmosis/value-flow/brokers: measure must be "COUNT" or "AMOUNT"');
  });
});
