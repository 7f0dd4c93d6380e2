/**
 * The demo ecosystem's story (seeds/story.ts), as the responsiveness report tells it: Logistics
 * never answers outside signals routed to it, Customer Care answers fast and almost everything,
 * R&D answers only colleagues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { generateEcosystem } from '../../seeds/ecosystem.js';
import { loadEcosystem } from '../../seeds/load.js';
import { ok } from '../../test/support/graphql-client.js';
import responsiveness from './index.js';
import { closeApp, pluginApp } from '../../test/support/plugin-app.js';

const LOGISTICS = 'org:team-logistics';
const CARE = 'org:team-customer-care';
const RND = 'org:team-rnd';

describe('responsiveness on the demo ecosystem', () => {
  let app: Osmosis;
  let byTeam: (side: 'INSIDE' | 'OUTSIDE') => Promise<Map<string, any>>;
  beforeAll(async () => {
    app = await pluginApp([responsiveness]);
    const started = performance.now();
    await loadEcosystem(app.store, generateEcosystem());
    console.log(`demo loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    byTeam = async (side) => {
      const data = await ok<any, any>(app.yoga, `{ analytics { responsiveness(side: ${side}, groupBy: [BY_TEAM]) {
        groups { team { key name } signals answered responseRate firstResponseP50Hours backlog breachRate responders } } } }`);
      return new Map(data.analytics.responsiveness.groups.filter((g: any) => g.team).map((g: any) => [g.team.key, g]));
    };
  });
  afterAll(() => closeApp(app));

  it('Logistics answers almost no outside signal routed to it; Customer Care almost all', async () => {
    const outside = await byTeam('OUTSIDE');
    const logistics = outside.get(LOGISTICS);
    const care = outside.get(CARE);
    expect(logistics.signals).toBeGreaterThan(500);
    expect(logistics.responseRate).toBeLessThan(0.05);
    expect(care.responseRate).toBeGreaterThan(0.85);
    expect(logistics.backlog).toBeGreaterThan(0.9 * logistics.signals); // assigned, then left there
    expect(logistics.breachRate).toBeGreaterThan(0.95);
    // Customer Care is the fastest team.
    for (const [key, row] of outside) if (key !== CARE && row.firstResponseP50Hours !== null) expect(row.firstResponseP50Hours).toBeGreaterThan(care.firstResponseP50Hours);
    expect(care.firstResponseP50Hours).toBeLessThan(3);
  });

  it('Logistics and R&D do answer colleagues', async () => {
    const inside = await byTeam('INSIDE');
    expect(inside.get(LOGISTICS).responseRate).toBeGreaterThan(0.3);
    expect(inside.get(RND).responseRate).toBeGreaterThan(0.3);
    const outside = await byTeam('OUTSIDE');
    expect(outside.get(RND)?.responseRate ?? 0).toBeLessThan(0.05);
  });

  it('the overall report and breadth are consistent', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { responsiveness { overall { signals answered responses responders respondingTeams responderGini teamGini } } } }`);
    const o = data.analytics.responsiveness.overall;
    expect(o.signals).toBe(5000);
    expect(o.responses).toBeGreaterThanOrEqual(o.answered);
    expect(o.respondingTeams).toBeGreaterThanOrEqual(8);
    expect(o.teamGini).toBeGreaterThan(0); // Customer Care carries far more than the others
    expect(o.responderGini).toBeGreaterThan(0);
  });
});
