/**
 * The demo ecosystem's story (seeds/story.ts), as the learning-loop report tells it: delivery
 * complaints keep coming, in clusters that become insights, and no change is ever made to
 * "Delivery scheduling"; other topics' insights lead to process changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Osmosis } from '../../src/main.js';
import { generateEcosystem } from '../../seeds/ecosystem.js';
import { loadEcosystem } from '../../seeds/load.js';
import { ok } from '../../test/support/graphql-client.js';
import learningLoop from './index.js';
import { closeApp, pluginApp } from '../../test/support/plugin-app.js';

describe('learning loop on the demo ecosystem', () => {
  let app: Osmosis;
  beforeAll(async () => {
    app = await pluginApp([learningLoop]);
    await loadEcosystem(app.store, generateEcosystem());
  });
  afterAll(() => closeApp(app));

  it('"Delivery scheduling" never changes, while most processes do', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { learningLoop(since: "2025-11-01T00:00:00Z", until: "2026-11-01T00:00:00Z") {
      coverage { signals share } processes { count changed share neverChanged rows { name changes changesTotal } } } } }`);
    const r = data.analytics.learningLoop;
    expect(r.coverage.signals).toBe(5000);
    expect(r.processes.neverChanged).toContain('Delivery scheduling');
    expect(r.processes.rows.find((p: any) => p.name === 'Delivery scheduling')).toEqual({ name: 'Delivery scheduling', changes: 0, changesTotal: 0 });
    // The story's 12 changes touch 8 processes, all within the year.
    expect(r.processes.changed).toBe(8);
    expect(r.processes.share).toBeGreaterThan(0.5);
    for (const name of ['Returns handling', 'Invoicing', 'App release', 'Onboarding']) {
      expect(r.processes.rows.find((p: any) => p.name === name).changes).toBeGreaterThan(0);
    }
  });

  it('every delivery insight stays unimplemented', async () => {
    const data = await ok<any, any>(app.yoga, '{ analytics { learningLoop { unimplementedCount unimplementedInsights(first: 100) { topics signals firstChangeAt } } } }');
    const r = data.analytics.learningLoop;
    expect(r.unimplementedCount).toBe(8); // 20 insights, 12 implemented
    const delivery = r.unimplementedInsights.filter((i: any) => i.topics.includes('delivery'));
    expect(delivery).toHaveLength(3);
    for (const i of delivery) expect(i.signals).toBeGreaterThan(50);
  });

  it('delivery is the topic on the rise over the summer, and the mood about it sours', async () => {
    const data = await ok<any, any>(app.yoga, `{ analytics { learningLoop(since: "2026-06-15T00:00:00Z", until: "2026-09-15T00:00:00Z") {
      topics(orderBy: GROWTH, top: 3, minSignals: 50) { name signals previousSignals growth sentimentChange } } } }`);
    const [first] = data.analytics.learningLoop.topics;
    expect(first.name).toBe('delivery');
    expect(first.growth).toBeGreaterThan(0.3);
    expect(first.sentimentChange).toBeLessThan(0);
  });
});
