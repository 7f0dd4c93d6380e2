import { describe, expect, it } from 'vitest';
import { rng } from '../test-support/graphs.js';
import { rank } from './rank.js';
import { top } from './top.js';

describe('rank', () => {
  it('hand-checked: best first, ties by index, NaN unranked', () => {
    // Order: 0.9 (5), 0.5 (1), 0.5 (3), 0.3 (2), 0.1 (0), 0 (6); 4 is NaN.
    expect([...rank(Float64Array.from([0.1, 0.5, 0.3, 0.5, Number.NaN, 0.9, 0]))]).toEqual([5, 2, 4, 3, 0, 1, 6]);
    expect([...rank([])]).toEqual([]);
  });

  it('agrees with top: rank(top(k)[j]) = j + 1', () => {
    const random = rng(9);
    const scores = Float64Array.from({ length: 3000 }, () => Math.floor(random() * 40) / 3);
    const ranks = rank(scores);
    top(scores, 3000).forEach((i, j) => expect(ranks[i]).toBe(j + 1));
  });

  it('checks its input', () => {
    expect(() => rank(null as never)).toThrow('osmosis/influence/rank: scores must be an array-like of numbers');
  });
});
