import { describe, expect, it } from 'vitest';
import { buildFixtureFacts } from '../../../src/plugin-api/index.js';
import { facts, WINDOW } from '../test-support/fixture.js';
import { unimplementedInsights } from './unimplemented.js';

describe('insights never implemented', () => {
  it('created before until, without any change (fixture)', () => {
    // i0 (Courier contracts), i1 (Invoicing), i2 (Courier contracts), i3 (App release) are implemented; i4 is not.
    expect([...unimplementedInsights(facts(), WINDOW.until)]).toEqual([4]);
    // Before 05-20, i4 (05-25) did not exist yet.
    expect([...unimplementedInsights(facts(), Date.parse('2026-05-20T00:00:00Z'))]).toEqual([]);
  });

  it('oldest first', () => {
    const f = buildFixtureFacts({
      actors: ['a'],
      signals: [{ occurredAt: '2026-01-01T00:00:00Z' }],
      insights: [{ createdAt: '2026-03-01T00:00:00Z', signals: [0] }, { createdAt: '2026-02-01T00:00:00Z', signals: [0] }, { createdAt: '2026-04-01T00:00:00Z', signals: [0] }],
      changes: [{ insight: 2, process: 'p', appliedAt: '2026-05-01T00:00:00Z' }],
    });
    // Facts order by createdAt: 02-01 (0), 03-01 (1), 04-01 (2, implemented).
    expect([...unimplementedInsights(f)]).toEqual([0, 1]);
  });
});
