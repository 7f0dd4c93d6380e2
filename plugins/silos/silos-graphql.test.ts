/** The silos plugin over GraphQL on the real app (embedded store), on the hand-checked fixture of test-support/fixture.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { gql, ok } from '../../test/support/graphql-client.js';
import silos from './index.js';
import { closeApp, pluginApp, seedFixture } from '../../test/support/plugin-app.js';
import { SILOS_FIXTURE } from './test-support/fixture.js';

describe('silos over GraphQL (embedded)', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await pluginApp([silos]);
    await seedFixture(app.store, SILOS_FIXTURE);
  });
  afterAll(() => closeApp(app));

  it('lists the plugin as active', async () => {
    const data = await ok<any, any>(app.yoga, '{ plugins { name version status analytics } }');
    expect(data.plugins).toEqual([{ name: 'silos', version: '1.0.0', status: 'ACTIVE', analytics: ['silos'] }]);
  });

  it('reports modularity, communities, teams, the organisation and the spanners (hand-checked, see silos.test.ts)', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { silos {
      modularity communityCount levels nodeCount
      communities(top: 5) { id size inside outside kinds { kind count } internalTies externalTies density eiIndex teams { team { key } members } members(first: 2) { key } }
      teams { team { key name } members internalTies externalTies eiIndex community communityShare communityPurity }
      organization { eiIndex internalTies externalTies ties crossTeamShare crossSideShare }
      spanners(top: 3) { actor { key } rank score teams outsideCommunities community }
    } } }`);
    const r = data.analytics.silos;
    expect(r.modularity).toBeCloseTo(24 / 38 - 486 / 1444, 12);
    expect(r).toMatchObject({ communityCount: 3, nodeCount: 10 });
    // Community 0 {c1, c2, e1, p1}: pairs inside e1–c1, e1–c2, e1–p1, c1–c2 = 4 of 6 → density 2/3;
    // pairs leaving it: e1–e2, e1–e3, e1–e4, e1–t1, e2–p1, e5–p1 = 6 → E-I (6 − 4)/10 = 0.2.
    expect(r.communities[0]).toEqual({
      id: 0, size: 4, inside: 1, outside: 3,
      kinds: [{ kind: 'EMPLOYEE', count: 1 }, { kind: 'CUSTOMER', count: 2 }, { kind: 'PARTNER', count: 1 }],
      internalTies: 4, externalTies: 6, density: 2 / 3, eiIndex: 0.2,
      teams: [{ team: { key: 't1' }, members: 1 }], members: [{ key: 'c1' }, { key: 'c2' }],
    });
    // Most closed first: t1 (E-I 1/3) then t2 (1/2).
    expect(r.teams.map((t: any) => [t.team.key, t.members, t.internalTies, t.externalTies])).toEqual([['t1', 3, 3, 6], ['t2', 2, 1, 3]]);
    expect(r.teams[0].eiIndex).toBeCloseTo(1 / 3, 12);
    expect(r.teams[0].team.name).toBe('t1') // fixture actors are named by their key;
    expect(r.teams[1]).toMatchObject({ eiIndex: 0.5, community: 2, communityShare: 1, communityPurity: 2 / 3 });
    expect(r.organization).toMatchObject({ internalTies: 4, externalTies: 2, ties: 12 });
    expect(r.organization.eiIndex).toBeCloseTo(-1 / 3, 12);
    expect(r.organization.crossTeamShare).toBeCloseTo(7 / 11, 12);
    expect(r.organization.crossSideShare).toBeCloseTo(5 / 12, 12);
    expect(r.spanners).toEqual([
      { actor: { key: 'e1' }, rank: 1, score: 2, teams: 2, outsideCommunities: 1, community: 0 },
      { actor: { key: 'p1' }, rank: 2, score: 2, teams: 2, outsideCommunities: 1, community: 0 },
      { actor: { key: 'e2' }, rank: 3, score: 1, teams: 1, outsideCommunities: 1, community: 1 },
    ]);
  });

  it('filters spanners by side, and answers Actor.silos', async () => {
    const data = await ok<any, any>(app.yoga, `{
      analytics { silos { outside: spanners(side: OUTSIDE) { actor { key } rank } } }
      e1: actor(key: "e1") { silos { community communitySize team { key } spannerScore spannerRank } }
      c1: actor(key: "c1") { silos { spannerScore spannerRank team { key } } }
      t1: actor(key: "t1") { silos(nodeKinds: [EMPLOYEE]) { community } }
    }`);
    expect(data.analytics.silos.outside).toEqual([{ actor: { key: 'p1' }, rank: 1 }]);
    expect(data.e1.silos).toEqual({ community: 0, communitySize: 4, team: { key: 't1' }, spannerScore: 2, spannerRank: 1 });
    expect(data.c1.silos).toEqual({ spannerScore: 0, spannerRank: null, team: null });
    expect(data.t1.silos).toBeNull(); // a graph of employees leaves the team out
  });

  it('takes the time window and the relationships as arguments', async () => {
    // Exchanges since February: only e4 → e5: t2 is closed (E-I −1), t1 has no tie (null).
    const data = await ok<any, any>(app.yoga, `{ analytics { silos(on: EXCHANGES, since: "2026-02-01T00:00:00Z") {
      edgeCount teams { team { key } eiIndex } } } }`);
    expect(data.analytics.silos).toEqual({ edgeCount: 1, teams: [{ team: { key: 't2' }, eiIndex: -1 }, { team: { key: 't1' }, eiIndex: null }] });
  });

  it('serves the result generically through analytics.run', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { run(plugin: "silos", analytic: "silos", params: { resolution: 1 }) { nodeCount result } } }');
    const { result } = data.analytics.run;
    expect(result.community).toEqual({ c1: 0, c2: 0, e1: 0, p1: 0, e2: 1, e3: 1, t1: 1, e4: 2, e5: 2, t2: 2 });
    expect(result.teams[0]).toMatchObject({ team: 't1', internalTies: 3, externalTies: 6 });
    expect(result.spanners[0]).toEqual({ actor: 'e1', score: 2, teams: 2, outsideCommunities: 1, community: 0 });
  });

  it('rejects bad arguments naming them', async () => {
    const cases: [string, string][] = [
      ['{ analytics { silos(resolution: 0) { modularity } } }', 'resolution'],
      ['{ analytics { silos(since: "2026-03-01T00:00:00Z", until: "2026-02-01T00:00:00Z") { modularity } } }', 'until'],
      ['{ analytics { silos { spanners(top: -1) { rank } } } }', 'top'],
      ['{ analytics { silos { communities(minSize: 0) { id } } } }', 'minSize'],
      ['{ analytics { silos { communities { members(first: 100000) { key } } } } }', 'first'],
    ];
    for (const [query, field] of cases) {
      const r = await gql(app.yoga, query);
      expect(r.errors?.[0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const params = await gql(app.yoga, '{ analytics { run(plugin: "silos", analytic: "silos", params: { resolution: -1 }) { cached } } }');
    expect(params.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.resolution' });
  });
});
