import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { VALUE_FIXTURE } from '../test-support/fixture.js';
import { groupsOf } from './groups.js';

const { actors } = buildFixtureFacts(VALUE_FIXTURE);

describe('groups of the hand-checked value network (org, team, c, d, e, f, g)', () => {
  it('SIDE: org, team, c, d inside; e, f, g outside', () => {
    const g = groupsOf('SIDE', actors.kind, actors.team);
    expect([...g.group]).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect([...g.side]).toEqual([0, 1]);
  });

  it('KIND: the kind codes (EMPLOYEE 0, CUSTOMER 1, SUPPLIER 3, TEAM 4, ORGANIZATION 5)', () => {
    const g = groupsOf('KIND', actors.kind, actors.team);
    expect([...g.group]).toEqual([5, 4, 0, 0, 1, 1, 3]);
    expect(g.count).toBe(6);
    expect([...g.side]).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('TEAM: b-team (0), the inside without a team (1: org), then CUSTOMER (2), PARTNER (3), SUPPLIER (4)', () => {
    const g = groupsOf('TEAM', actors.kind, actors.team);
    expect([...g.group]).toEqual([1, 0, 0, 0, 2, 2, 4]);
    expect([...g.team]).toEqual([1, -1, -1, -1, -1]);
    expect([...g.kind]).toEqual([-1, -1, 1, 2, 3]);
    expect([...g.side]).toEqual([0, 0, 1, 1, 1]);
  });

  it('COMMUNITY: the partition given', () => {
    const g = groupsOf('COMMUNITY', actors.kind, actors.team, Int32Array.from([0, 0, 1, 1, 2, 2, 2]), 3);
    expect([...g.group]).toEqual([0, 0, 1, 1, 2, 2, 2]);
    expect([...g.community]).toEqual([0, 1, 2]);
    expect(() => groupsOf('COMMUNITY', actors.kind, actors.team)).toThrow('osmosis/value-flow/groups: COMMUNITY needs a community per actor');
    expect(() => groupsOf('ROLE' as never, actors.kind, actors.team)).toThrow('unknown grouping "ROLE"');
  });
});
