import { describe, expect, it } from 'vitest';
import { facts } from '../test-support/fixture.js';
import { firstResponses } from './first-responses.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';
import { volume } from './volume.js';

const f = facts();
const first = firstResponses(f);

describe('volume and response rate', () => {
  it('overall (fixture)', () => {
    // 7 signals; answered s0, s1, s4, s5 = 4 → 4/7.
    const v = volume(f, groupSignals(f), first);
    expect([...v.signals]).toEqual([7]);
    expect([...v.answered]).toEqual([4]);
    expect(v.responseRate[0]).toBeCloseTo(4 / 7, 15);
  });

  it('by team: Logistics answers one in three', () => {
    // none {s6}: 0/1; care {s0, s1, s5}: 3/3; logi {s2, s3, s4}: s4 only → 1/3.
    const v = volume(f, groupSignals(f, {}, ['BY_TEAM'], signalTeams(f, first)), first);
    expect([...v.signals]).toEqual([1, 3, 3]);
    expect([...v.answered]).toEqual([0, 3, 1]);
    expect([...v.responseRate]).toEqual([0, 1, 1 / 3]);
  });

  it('an empty group has an undefined rate', () => {
    const v = volume(f, groupSignals(f, { channels: ['fax'] }), first);
    expect([...v.signals]).toEqual([0]);
    expect(v.responseRate[0]).toBeNaN();
  });

  it('checks its input', () => {
    expect(() => volume(f, { ...groupSignals(f), group: new Int32Array(2) }, first)).toThrow(
      'osmosis/responsiveness/volume: grouping.group must be an Int32Array with one entry per signal');
  });
});
