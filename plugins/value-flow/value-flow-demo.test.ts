/**
 * The value-flow plugin on the demo ecosystem (seeds/, the data `npm start` loads), over GraphQL:
 * what the indicators show of the story of seeds/exchanges.ts and seeds/story.ts.
 * - Logistics receives the carriers' services and gives nothing outside: no cell from Logistics to
 *   an outside group, none of what it receives answered;
 * - R&D exchanges only among itself;
 * - the service centres are the value brokers of tangible value: the organisation pays them and
 *   they serve its customers;
 * - a signal answered by the organisation can be traced to its responses and to the value exchanged after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { ok } from '../../test/support/graphql-client.js';
import { DEMO_DEFAULTS } from '../../seeds/ecosystem.js';
import { World } from '../../seeds/world.js';
import silos from '../silos/index.js';
import { closeApp, demoApp } from '../../test/support/plugin-app.js';
import valueFlow from './index.js';

const { seed, teams, employees, customers, partners, suppliers } = DEMO_DEFAULTS;
const world = new World(String(seed), { teams, employees, customers, partners, suppliers });
const partnerType = (key: string) => world.partnerType(Number(key.slice('crm:p-'.length)) - 1);

describe('value-flow on the demo ecosystem', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await demoApp([silos, valueFlow]);
  });
  afterAll(() => closeApp(app));

  it('shows Logistics taking the carriers\' services and giving nothing outside, and R&D closed on itself', async () => {
    const data = await ok<any, any>(app.yoga, `{
      analytics { valueFlow { matrix(groupBy: TEAM) { cells { from { key side } to { key side } count tangibleCount reciprocated } } } }
      logistics: actor(key: "org:team-logistics") { name }
    }`);
    const cells = data.analytics.valueFlow.matrix.cells as any[];
    const logistics = 'org:team-logistics';
    const fromLogistics = cells.filter((c) => c.from.key === logistics);
    expect(fromLogistics.length).toBeGreaterThan(0);
    expect(fromLogistics.every((c) => c.to.side === 'INSIDE')).toBe(true);
    const carriers = cells.find((c) => c.from.key === 'SUPPLIER' && c.to.key === logistics);
    expect(carriers.count).toBeGreaterThan(30);
    expect(carriers.tangibleCount).toBe(carriers.count); // SERVICE
    expect(carriers.reciprocated).toBe(0);
    const rnd = 'org:team-rnd';
    const touchingRnd = cells.filter((c) => c.from.key === rnd || c.to.key === rnd);
    expect(touchingRnd.map((c) => [c.from.key, c.to.key])).toEqual([[rnd, rnd]]);
    expect(data.logistics.name).toBe('Logistics');
  });

  it('counts what Logistics received and answered', async () => {
    const data = await ok<any, any>(app.yoga, `{ actor(key: "org:team-logistics") { valueFlow {
      tangible { inCount outCount } reciprocity { received receivedAnswered receivedShare }
    } } }`);
    const v = data.actor.valueFlow;
    expect(v.tangible.inCount).toBeGreaterThan(30);
    expect(v.tangible.outCount).toBe(0);
    expect(v.reciprocity.receivedAnswered).toBe(0);
    expect(v.reciprocity.receivedShare).toBe(0);
  });

  it('finds the service centres as the brokers of tangible value between the organisation and its customers', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow(tangible: true) { brokerage {
      total brokers(top: 3, kinds: [EMPLOYEE, CUSTOMER, PARTNER, SUPPLIER]) { actor { key kind } vitality insideToOutside inFromInside outToOutside }
    } } } }`);
    const { total, brokers } = data.analytics.valueFlow.brokerage;
    expect(total).toBeGreaterThan(0);
    for (const b of brokers) {
      expect(b.actor.kind).toBe('PARTNER');
      expect(partnerType(b.actor.key)).toBe('service-centre');
      // Paid by the organisation (inside), serving customers (outside).
      expect(b.insideToOutside).toBeGreaterThan(0);
      expect(b.outToOutside).toBeGreaterThan(b.inFromInside);
    }
  });

  it('traces an answered signal to its responses and to the value exchanged with its emitter afterwards', async () => {
    const found = await ok<any, any>(app.yoga, `{ signals(filter: { status: [ANSWERED] }, first: 200) { nodes { channel occurredAt emitter { key kind } } } }`);
    const candidates = (found.signals.nodes as any[]).filter((s) => s.emitter?.kind === 'CUSTOMER');
    expect(candidates.length).toBeGreaterThan(0);
    let traced = 0;
    let withValue = 0;
    for (const s of candidates.slice(0, 40)) {
      const data = await ok<any, any>(app.yoga, `{ analytics { valueFlow { trace(channel: "${s.channel}", occurredAt: "${s.occurredAt}", emitterKey: "${s.emitter.key}", days: 60) {
        responses { responder { key } hours } exchanges { from { key } to { key } via days }
      } } } }`);
      for (const t of data.analytics.valueFlow.trace) {
        traced++;
        expect(t.responses.length).toBeGreaterThan(0);
        for (const x of t.exchanges) {
          expect([x.from.key, x.to.key]).toContain(s.emitter.key);
          expect(x.days).toBeGreaterThanOrEqual(0);
          expect(x.days).toBeLessThanOrEqual(60);
        }
        if (t.exchanges.length) withValue++;
      }
    }
    expect(traced).toBeGreaterThan(0);
    expect(withValue).toBeGreaterThan(0);
  });
});
