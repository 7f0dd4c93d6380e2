import { describe, expect, it } from 'vitest';
import { A, facts } from '../test-support/fixture.js';
import { firstResponses } from './first-responses.js';
import { groupSignals } from './scope.js';
import { signalTeams } from './signal-teams.js';

const f = facts();
const teams = signalTeams(f, firstResponses(f));
const ms = (iso: string) => Date.parse(iso);

describe('groupSignals: the filter', () => {
  it('without dimensions: one group holding every signal kept', () => {
    const all = groupSignals(f);
    expect(all.count).toBe(1);
    expect([...all.group]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([...all.channel]).toEqual([-1]);
  });

  it('since inclusive, until exclusive', () => {
    // [05-02, 05-05): s1 (05-02), s2, s3; s4 is at 05-05, left out.
    const g = groupSignals(f, { since: ms('2026-05-02T00:00:00Z'), until: ms('2026-05-05T00:00:00Z') });
    expect([...g.group]).toEqual([-1, 0, 0, 0, -1, -1, -1]);
  });

  it('channels (trimmed, any case), kinds, side (no emitter = OUTSIDE)', () => {
    expect([...groupSignals(f, { channels: [' Chat '] }).group]).toEqual([-1, -1, 0, 0, -1, -1, 0]);
    expect([...groupSignals(f, { channels: ['fax'] }).group]).toEqual([-1, -1, -1, -1, -1, -1, -1]); // unknown: nothing
    expect([...groupSignals(f, { channels: [], kinds: [] }).group]).toEqual([0, 0, 0, 0, 0, 0, 0]); // empty: no filter
    expect([...groupSignals(f, { kinds: ['COMPLAINT', 'IDEA'] }).group]).toEqual([0, -1, 0, 0, 0, -1, -1]);
    expect([...groupSignals(f, { side: 'INSIDE' }).group]).toEqual([-1, -1, -1, -1, 0, -1, -1]);
    expect([...groupSignals(f, { side: 'OUTSIDE' }).group]).toEqual([0, 0, 0, 0, -1, 0, 0]); // s5 has no emitter
  });
});

describe('groupSignals: the groups', () => {
  it('BY_CHANNEL, in channel-name order', () => {
    // facts.channels = [chat, email, intranet]: chat {s2, s3, s6} = 0, email {s0, s1, s5} = 1, intranet {s4} = 2.
    const g = groupSignals(f, {}, ['BY_CHANNEL']);
    expect(g.count).toBe(3);
    expect([...g.group]).toEqual([1, 1, 0, 0, 2, 1, 0]);
    expect([...g.channel]).toEqual([0, 1, 2]);
    expect([...g.kind]).toEqual([-1, -1, -1]);
  });

  it('BY_TEAM: no team first, then teams by key', () => {
    // none {s6} = 0; care (index 2) {s0, s1, s5} = 1; logi (index 6) {s2, s3, s4} = 2.
    const g = groupSignals(f, {}, ['BY_TEAM'], teams);
    expect([...g.group]).toEqual([1, 1, 2, 2, 2, 1, 0]);
    expect([...g.team]).toEqual([-1, A.care, A.logi]);
  });

  it('several dimensions combine, in DIMENSIONS order whatever the order asked', () => {
    // (kind, side): (COMPLAINT 0, OUT) {s0, s2, s3}; (QUESTION 1, OUT) {s1, s6}; (REQUEST 2, OUT) {s5}; (IDEA 3, IN) {s4}.
    const g = groupSignals(f, {}, ['BY_SIDE', 'BY_KIND']);
    expect(g.dimensions).toEqual(['BY_KIND', 'BY_SIDE']);
    expect([...g.kind]).toEqual([0, 1, 2, 3]);
    expect([...g.side]).toEqual([1, 1, 1, 0]);
    expect([...g.group]).toEqual([0, 1, 0, 0, 3, 2, 1]);
  });

  it('keeps only the combinations of the kept signals', () => {
    const g = groupSignals(f, { side: 'INSIDE' }, ['BY_CHANNEL', 'BY_TEAM'], teams);
    expect(g.count).toBe(1);
    expect([...g.channel]).toEqual([2]);
    expect([...g.team]).toEqual([A.logi]);
  });

  it('checks its input', () => {
    expect(() => groupSignals(f, {}, ['BY_MOOD' as never])).toThrow('osmosis/responsiveness/scope: dimensions must be a list of');
    expect(() => groupSignals(f, {}, ['BY_TEAM'])).toThrow('teams must have one entry per signal');
    expect(() => groupSignals(f, { side: 'ABOVE' as never })).toThrow('side must be one of INSIDE, OUTSIDE');
  });
});
