import { describe, expect, it } from 'vitest';
import { score, towards, unit, within, type Indicator } from './score.js';

const ind = (capability: Indicator['capability'], name: string, s: number | null): Indicator =>
  ({ capability, name, description: '', value: s, score: s, source: 'test' });

describe('maturity score', () => {
  it('averages the defined indicator scores of each capability, ×100', () => {
    const m = score([
      ind('SERVES_THE_PERSON', 'a', 0.9), ind('SERVES_THE_PERSON', 'b', 0.7), ind('SERVES_THE_PERSON', 'c', null),
      ind('LISTENS', 'd', 0.5),
      ind('RESPONDS', 'e', 1), ind('RESPONDS', 'f', 0.2),
    ]);
    // (0.9 + 0.7) / 2 = 0.8 → 80; the null one does not count. 0.5 → 50. (1 + 0.2) / 2 = 0.6 → 60.
    expect(m.capabilities.map((c) => c.score)).toEqual([80, 50, 60, null, null]);
    expect(m.capabilities.map((c) => c.reached)).toEqual([true, false, true, false, false]);
    // Overall: mean of the defined capability scores, (80 + 50 + 60) / 3.
    expect(m.overall).toBeCloseTo(190 / 3, 12);
    // Stage 1 reached; stage 2 is not, so RESPONDS at 60 does not lift the stage.
    expect(m.stage).toBe(1);
  });

  it('stages are cumulative, and 0 when the first capability is not reached', () => {
    const all = (s: number) => ['SERVES_THE_PERSON', 'LISTENS', 'RESPONDS', 'LEARNS', 'BECOMES_SOCIAL']
      .map((c, k) => ind(c as Indicator['capability'], `i${k}`, s));
    expect(score(all(0.6)).stage).toBe(5);
    expect(score(all(0.59)).stage).toBe(0);
    expect(score(all(0.59), 50).stage).toBe(5);
    const gap = all(0.9);
    gap[3] = ind('LEARNS', 'i3', 0.1);
    expect(score(gap).stage).toBe(3);
    expect(score([]).stage).toBe(0);
    expect(score([]).overall).toBeNull();
    expect(() => score([], 101)).toThrow(RangeError);
  });

  it('maps raw values to [0, 1]', () => {
    expect(unit(1.7)).toBe(1);
    expect(unit(-0.2)).toBe(0);
    expect(unit(Number.NaN)).toBeNull();
    expect(towards(2, 4)).toBe(0.5);
    expect(towards(9, 4)).toBe(1);
    expect(within(10, 30)).toBe(1);
    expect(within(60, 30)).toBe(0.5);
    expect(within(null, 30)).toBeNull();
  });
});
