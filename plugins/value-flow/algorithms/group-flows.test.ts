import { describe, expect, it } from 'vitest';
import { buildFixtureFacts, VALUE_KINDS } from '../../../src/plugin-api/index.js';
import { VALUE_FIXTURE } from '../test-support/fixture.js';
import { groupFlows } from './group-flows.js';
import { groupsOf } from './groups.js';
import { reciprocated } from './reciprocated.js';
import { selectExchanges } from './select.js';

const facts = buildFixtureFacts(VALUE_FIXTURE);
const x = facts.exchanges;
const rows = selectExchanges(x);
const flags = reciprocated(x, rows, 7, 30 * 86_400_000);
const K = VALUE_KINDS.length;
const kinds = (f: ReturnType<typeof groupFlows>, c: number) =>
  Object.fromEntries(VALUE_KINDS.flatMap((kind, k) => (f.count[c * K + k] ? [[kind, [f.count[c * K + k], f.amount[c * K + k]]]] : [])));

describe('group flows of the hand-checked value network', () => {
  it('by SIDE: inside → inside, inside → outside, outside → inside', () => {
    const g = groupsOf('SIDE', facts.actors.kind, facts.actors.team);
    const f = groupFlows(x, rows, 7, g.group, g.count, flags);
    expect(f.cells).toBe(3);
    expect([...f.from, ...f.to]).toEqual([0, 0, 1, 0, 1, 0]);
    // I → I: r4 KNOWLEDGE, r8 RECOGNITION; none reciprocated.
    expect(kinds(f, 0)).toEqual({ KNOWLEDGE: [1, 1], RECOGNITION: [1, 1] });
    // I → O: r1 GOODS 2, r3 SUPPORT 2, r5 MONEY 500 ✓, r7 SUPPORT 1, r11 KNOWLEDGE 1 ✓.
    expect(kinds(f, 1)).toEqual({ MONEY: [1, 500], GOODS: [1, 2], SUPPORT: [2, 3], KNOWLEDGE: [1, 1] });
    // O → I: r0 MONEY 100 ✓, r2 FEEDBACK ✓, r6 GOODS 50, r9 FEEDBACK, r10 MONEY 80, r12 KNOWLEDGE ✓.
    expect(kinds(f, 2)).toEqual({ MONEY: [2, 180], GOODS: [1, 50], FEEDBACK: [2, 2], KNOWLEDGE: [1, 1] });
    expect([...f.reciprocated]).toEqual([0, 2, 3]);
  });

  it('by TEAM: b-team (0), inside without team (1), CUSTOMER (2), PARTNER (3), SUPPLIER (4)', () => {
    const g = groupsOf('TEAM', facts.actors.kind, facts.actors.team);
    const f = groupFlows(x, rows, 7, g.group, g.count, flags);
    // (0,0) r4 r8; (0,2) r3 r7; (0,4) r11 ✓; (1,2) r1; (1,4) r5 ✓; (2,0) r2 ✓ r9; (2,1) r0 ✓ r10; (4,0) r12 ✓; (4,1) r6.
    const cells = Array.from({ length: f.cells }, (_x, c) => [f.from[c], f.to[c], f.reciprocated[c]]);
    expect(cells).toEqual([[0, 0, 0], [0, 2, 0], [0, 4, 1], [1, 2, 0], [1, 4, 1], [2, 0, 1], [2, 1, 1], [4, 0, 1], [4, 1, 0]]);
    expect(kinds(f, 1)).toEqual({ SUPPORT: [2, 3] });
    expect(kinds(f, 6)).toEqual({ MONEY: [2, 180] });
  });

  it('gives the same cells through the sorted path as through the dense one (above 512 groups)', () => {
    const g = groupsOf('TEAM', facts.actors.kind, facts.actors.team);
    const dense = groupFlows(x, rows, 7, g.group, g.count, flags);
    const sorted = groupFlows(x, rows, 7, g.group, 600, flags); // the same groups among 600 possible
    expect(sorted).toEqual(dense);
  });

  it('works without flags, and rejects groups out of range', () => {
    const g = groupsOf('SIDE', facts.actors.kind, facts.actors.team);
    expect([...groupFlows(x, rows, 7, g.group, g.count).reciprocated]).toEqual([0, 0, 0]);
    expect(() => groupFlows(x, rows, 7, g.group, 1)).toThrow('osmosis/value-flow/group-flows: group[4] = 1 is not in [0, 1)');
  });
});
