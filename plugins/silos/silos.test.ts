/** The silos analytic through the public testkit, on the hand-checked fixture of test-support/fixture.ts. */
import { describe, expect, it } from 'vitest';
import { buildProjection, checkPlugin, runAnalytic } from '../../src/plugin-api/index.js';
import { modularity } from './algorithms/modularity.js';
import { undirected } from './algorithms/undirected.js';
import silos from './index.js';
import { SILOS_FIXTURE } from './test-support/fixture.js';
import type { SilosResult } from './params.js';

const run = (params: Record<string, unknown> = {}) => runAnalytic<SilosResult>(silos, 'silos', params, { graph: SILOS_FIXTURE });

describe('silos analytic (testkit)', () => {
  it('registers cleanly with default options', () => {
    expect(checkPlugin(silos)).toEqual({ maxTop: 1000 });
  });

  it('reports E-I per team and for the organisation, counting ties between people once per pair', async () => {
    // As in algorithms/ei-index.test.ts (the MEMBER_OF ties join people to team nodes, not people):
    // t1: I 3, E 6 → 1/3; t2: I 1, E 3 → 1/2; organisation: I 4, E 2 → −1/3.
    const { value } = await run();
    expect(value.teamKeys).toEqual(['t1', 't2']);
    expect([...value.teams.internalTies]).toEqual([3, 1]);
    expect([...value.teams.externalTies]).toEqual([6, 3]);
    expect(value.teams.eiIndex[0]).toBeCloseTo(1 / 3, 15);
    expect(value.teams.eiIndex[1]).toBeCloseTo(1 / 2, 15);
    expect(value.organisation).toMatchObject({ internalTies: 4, externalTies: 2, ties: 12, teamTies: 11, crossTeam: 7, crossSide: 5 });
    expect(value.organisation.eiIndex).toBeCloseTo(-1 / 3, 15);
    expect([...value.teams.members]).toEqual([3, 2]);
  });

  it('finds the communities of highest modularity, with their hand-checked Q', async () => {
    // Undirected tie weights: e4 – e5 weighs 2 + 1 = 3, every other pair 1; m = 19, 2m = 38.
    // Degrees: e1 7, e2 4, e3 4, e4 6, e5 5, c1 2, c2 2, p1 3, t1 3, t2 2.
    // Louvain: {c1, c2, e1, p1} (Σin = 2·4 = 8, Σtot = 14), {e2, e3, t1} (Σin 6, Σtot 11),
    // {e4, e5, t2} (Σin 2·(3 + 1 + 1) = 10, Σtot 13): Q = 24/38 − (14² + 11² + 13²)/38² ≈ 0.2950,
    // better than the teams themselves with c1, c2, p1 apart: 24/38 − (18² + 13² + 7²)/38² ≈ 0.2562.
    const { value, graph } = await run();
    expect(value.modularity).toBeCloseTo(24 / 38 - 486 / 1444, 15);
    const ug = undirected(buildProjection(SILOS_FIXTURE, { edges: 'TIES' }));
    expect(value.modularity).toBeCloseTo(modularity(ug, value.community), 15);
    const byKey = Object.fromEntries(graph.keys.map((k, i) => [k, value.community[i]]));
    expect(byKey).toEqual({ c1: 0, c2: 0, e1: 0, p1: 0, e2: 1, e3: 1, t1: 1, e4: 2, e5: 2, t2: 2 });
    expect([...value.communities.size]).toEqual([4, 3, 3]);
    // t1's people: e1 in 0, e2 and e3 in 1 → community 1, share 2/3, purity 2/3 (t1 node included in the size).
    expect([...value.teams.community]).toEqual([1, 2]);
    expect(value.teams.communityShare[0]).toBeCloseTo(2 / 3, 15);
    expect(value.teams.communityShare[1]).toBe(1);
  });

  it('ranks boundary spanners', async () => {
    // Outside actors c1, c2, p1 are all in community 0. e1: teams t1 (own) and t2 (e4), outside
    // community 0 → 2 × 1 = 2; p1: teams t1 (e1, e2) and t2 (e5), its own community 0 → 2; e2: t1 and
    // p1's community → 1; e5 likewise 1; e3, e4 touch no outsider; c1, c2 touch one team only.
    const { value, graph } = await run();
    const scores = Object.fromEntries(graph.keys.map((k, i) => [k, value.spanners.score[i]]));
    expect(scores).toEqual({ c1: 0, c2: 0, e1: 2, e2: 1, e3: 0, e4: 0, e5: 1, p1: 2, t1: 0, t2: 0 });
  });

  it('counts weighted E-I on tie weights even when Louvain ignores them', async () => {
    // e4 – e5 weighs 2 + 1 = 3: t2 I = 3, E = 3 → 0 (see algorithms/ei-index.test.ts).
    const { value } = await run({ weighted: false, eiWeighted: true });
    expect(value.teams.eiIndex[1]).toBe(0);
  });

  it('runs on exchanges in a time window', async () => {
    // Only e4 → e5 (KNOWLEDGE, 2026-03-01) is in March: t2 has one internal tie, t1 none.
    const { value } = await run({ on: 'EXCHANGES', since: '2026-02-01T00:00:00Z' });
    expect([...value.teams.internalTies]).toEqual([0, 1]);
    expect(value.teams.eiIndex[0]).toBeNaN();
    expect(value.teams.eiIndex[1]).toBe(-1);
  });

  it('rejects bad params', async () => {
    await expect(run({ resolution: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(run({ seed: 3 })).rejects.toThrow(/seed|unrecognized/i);
  });
});
