/**
 * The silos plugin on the demo ecosystem (seeds/, the data `npm start` loads), over GraphQL: the
 * story of seeds/ties.ts and seeds/story.ts must come out of the indicators, not be read from the seeds.
 * - R&D only ties inside R&D: the most closed team (E-I close to −1) and a community of its own;
 * - two boundary spanners (a Customer Care specialist and a Partner Manager) bridge every group:
 *   the two best spanners, far ahead of the third.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { ok } from '../../test/support/graphql-client.js';
import { DEMO_DEFAULTS } from '../../seeds/ecosystem.js';
import { World } from '../../seeds/world.js';
import silos from './index.js';
import { closeApp, demoApp } from '../../test/support/plugin-app.js';

/** The demo's two boundary spanners, as the seeds define them. */
const { seed, teams, employees, customers, partners, suppliers } = DEMO_DEFAULTS;
const world = new World(String(seed), { teams, employees, customers, partners, suppliers });
const SPANNERS = world.spanners.map((i) => world.employeeKey(i));

describe('silos on the demo ecosystem', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await demoApp([silos]);
  });
  afterAll(() => closeApp(app));

  it('finds R&D as a silo on ties: the lowest E-I index and a community of its own', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { silos(on: TIES) {
      modularity
      teams { team { name } members eiIndex community communityShare communityPurity }
      organization { eiIndex crossTeamShare crossSideShare }
      communities(top: 20) { id size eiIndex teams { team { name } members } }
    } } }`);
    const r = data.analytics.silos;
    expect(r.modularity).toBeGreaterThan(0.4);
    const [rnd, ...others] = r.teams;
    expect(rnd.team.name).toBe('R&D');
    expect(rnd.eiIndex).toBeLessThan(-0.8);
    for (const t of others) expect(t.eiIndex).toBeGreaterThan(rnd.eiIndex + 0.3);
    // All its people in one community, and that community is R&D (its people and its team node) alone.
    expect(rnd.communityShare).toBe(1);
    expect(rnd.communityPurity).toBeGreaterThan(0.9);
    const own = r.communities.find((c: any) => c.id === rnd.community);
    expect(own.teams).toEqual([{ team: { name: 'R&D' }, members: rnd.members }]);
    expect(own.eiIndex).toBeLessThan(-0.8);
    // The organisation keeps most ties inside teams; a third of the ties reach outside.
    expect(r.organization.eiIndex).toBeLessThan(0);
    expect(r.organization.crossSideShare).toBeGreaterThan(0.2);
  });

  it('closes R&D completely on value exchanges', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { silos(on: EXCHANGES) { teams { team { name } eiIndex externalTies communityShare } } } }');
    expect(data.analytics.silos.teams[0]).toEqual({ team: { name: 'R&D' }, eiIndex: -1, externalTies: 0, communityShare: 1 });
  });

  it('ranks the two boundary spanners first, far ahead of anyone else', async () => {
    for (const on of ['TIES', 'BOTH']) {
      const data = await ok<any, any>(app.yoga, `{ analytics { silos(on: ${on}) { spanners(top: 3) { actor { key } score teams outsideCommunities } } } }`);
      const [first, second, third] = data.analytics.silos.spanners;
      expect(new Set([first.actor.key, second.actor.key]), on).toEqual(new Set(SPANNERS));
      expect(first.teams).toBeGreaterThanOrEqual(9); // their own team and every other open team (R&D is closed)
      expect(second.teams).toBeGreaterThanOrEqual(9);
      expect(second.score).toBeGreaterThanOrEqual(2 * third.score);
    }
  });
});
