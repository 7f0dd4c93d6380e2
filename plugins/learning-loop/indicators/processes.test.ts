import { describe, expect, it } from 'vitest';
import { facts, WINDOW } from '../test-support/fixture.js';
import { processChanges } from './processes.js';

const at = (mmdd: string) => Date.parse(`2026-${mmdd}T00:00:00Z`);

describe('processes changed by feedback', () => {
  it('in [05-01, 05-31) (fixture)', () => {
    const f = facts();
    expect(f.processes).toEqual(['App release', 'Courier contracts', 'Delivery scheduling', 'Invoicing']);
    // In the window: App release 05-04 (i3); Courier contracts 05-30 (i2; its 04-25 change is before);
    // Invoicing 05-15, 05-20 (both i1); Delivery scheduling nothing, ever. → 3 of 4 changed = 0.75.
    const p = processChanges(f, WINDOW);
    expect([p.count, p.changed, p.share]).toEqual([4, 3, 0.75]);
    expect([...p.changesInWindow]).toEqual([1, 1, 0, 2]);
    expect([...p.changesTotal]).toEqual([1, 2, 0, 2]);
    expect([...p.lastAppliedAt]).toEqual([at('05-04'), at('05-30'), NaN, at('05-20')]);
    // Distinct insights per process: App release [i3], Courier contracts [i2], Delivery scheduling [], Invoicing [i1].
    expect([...p.insightOffsets]).toEqual([0, 1, 2, 2, 3]);
    expect([...p.insights]).toEqual([3, 2, 1]);
  });

  it('in the previous window: only Courier contracts (04-25, i0)', () => {
    const p = processChanges(facts(), { previousSince: WINDOW.previousSince, since: WINDOW.previousSince, until: WINDOW.since });
    expect([p.changed, p.share, ...p.changesInWindow]).toEqual([1, 0.25, 0, 1, 0, 0]);
    expect([...p.insights]).toEqual([0]);
  });
});
