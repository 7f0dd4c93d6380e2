/**
 * Maturity on the demo ecosystem (seeds/story.ts), through GraphQL: the story's weaknesses —
 * outside signals routed to Logistics are never answered, R&D keeps to itself — show up in the
 * indicators behind the scores, and each score is the mean of its indicators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { ok } from '../../test/support/graphql-client.js';
import { closeApp, demoApp } from '../../test/support/plugin-app.js';
import learningLoop from '../learning-loop/index.js';
import responsiveness from '../responsiveness/index.js';
import silos from '../silos/index.js';
import valueFlow from '../value-flow/index.js';
import maturity from './index.js';

const REPORT = `
  stage previousStage overall change threshold since until previousSince
  capabilities { name stage score reached previousScore change
    indicators { name value score previousValue previousScore change source description } }`;

describe('maturity on the demo ecosystem', () => {
  let app: Osmosis;
  let report: any;
  beforeAll(async () => {
    app = await demoApp([responsiveness, learningLoop, silos, valueFlow, maturity]);
    // The demo's last year, ending where its data ends (seeds REFERENCE_DATE).
    const data = await ok<any, any>(app.yoga, `{ analytics { maturity(since: "2026-05-01T00:00:00Z", until: "2026-11-01T00:00:00Z") { ${REPORT} } } }`);
    report = data.analytics.maturity;
    if (process.env.OSMOSIS_PRINT) console.log(JSON.stringify(report, null, 1));
  }, 120_000);
  afterAll(() => closeApp(app));

  const indicator = (name: string) => report.capabilities.flatMap((c: any) => c.indicators).find((i: any) => i.name === name);

  it('reports five capabilities, each the mean of its defined indicator scores, and a cumulative stage', () => {
    expect(report.capabilities.map((c: any) => c.name)).toEqual(['SERVES_THE_PERSON', 'LISTENS', 'RESPONDS', 'LEARNS', 'BECOMES_SOCIAL']);
    for (const c of report.capabilities) {
      const scores = c.indicators.map((i: any) => i.score).filter((s: any) => s !== null);
      expect(scores.length).toBeGreaterThan(0);
      expect(c.score).toBeCloseTo((100 * scores.reduce((a: number, b: number) => a + b, 0)) / scores.length, 1);
      expect(c.reached).toBe(c.score >= report.threshold);
    }
    let stage = 0;
    while (stage < 5 && report.capabilities[stage].reached) stage++;
    expect(report.stage).toBe(stage);
    // The previous window has the same length (184 days) and ends where this one starts.
    expect(report.previousSince).toBe(new Date(Date.parse('2026-05-01T00:00:00Z') - 184 * 86_400_000).toISOString());
  });

  it('shows that outside signals are answered far less than inside ones (Logistics never answers outside)', () => {
    const parity = indicator('outsideAnswerParity');
    expect(parity.value).toBeLessThan(0.9);
    expect(parity.source).toBe('responsiveness/report');
    expect(indicator('onTime').value).toBeLessThan(0.8);
  });

  it('shows the silo: teams keep their ties inside (E-I index below zero)', () => {
    expect(indicator('teamOpenness').value).toBeLessThan(0);
  });

  it('measures the learning loop with the insights\' real dates', () => {
    const lead = indicator('changeLeadDays');
    expect(lead.value).toBeGreaterThan(0);
    expect(indicator('implementedInsights').value).toBeGreaterThan(0);
    expect(indicator('implementedInsights').value).toBeLessThan(1); // delivery insights are never implemented
  });

  it('reports the change since the previous window for every score', () => {
    for (const c of report.capabilities) {
      if (c.score !== null && c.previousScore !== null) expect(c.change).toBeCloseTo(c.score - c.previousScore, 1);
    }
    if (report.overall !== null) expect(typeof report.previousStage).toBe('number');
  });

  it('refuses a window that ends before it starts, naming the argument', async () => {
    const r = await app.yoga.fetch('http://osmosis/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ analytics { maturity(since: "2026-05-01T00:00:00Z", until: "2026-04-01T00:00:00Z") { stage } } }' }),
    });
    const body = await r.json() as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
  });
});
