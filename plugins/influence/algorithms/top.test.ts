import { describe, expect, it } from 'vitest';
import { rng } from '../test-support/graphs.js';
import { DEFAULTS, top } from './top.js';

describe('top: hand-checked values', () => {
  const scores = Float64Array.from([0.1, 0.5, 0.3, 0.5, Number.NaN, 0.9, 0]);

  it('best first, ties by ascending index, NaN never selected', () => {
    // Sorted: 0.9 (5), 0.5 (1), 0.5 (3), 0.3 (2), 0.1 (0), 0 (6); index 4 is NaN.
    expect([...top(scores, 3)]).toEqual([5, 1, 3]);
    expect([...top(scores, 2)]).toEqual([5, 1]);
    expect([...top(scores, 100)]).toEqual([5, 1, 3, 2, 0, 6]);
    expect([...top(scores, 0)]).toEqual([]);
    expect([...top([], 5)]).toEqual([]);
  });

  it('keeps only the nodes the filter accepts', () => {
    // Even indices: 0 (0.1), 2 (0.3), 4 (NaN), 6 (0): best two are 2 then 0.
    expect([...top(scores, 2, { filter: (i) => i % 2 === 0 })]).toEqual([2, 0]);
    expect([...top(scores, 3, { filter: () => false })]).toEqual([]);
  });

  it('accepts any array-like of numbers', () => {
    expect([...top([3, 1, 2], 2)]).toEqual([0, 2]);
    expect([...top(Int32Array.from([-5, -1, -3]), 1)]).toEqual([1]);
  });
});

describe('top: agrees with a full sort', () => {
  it('on random scores with many ties', () => {
    const random = rng(5);
    for (let round = 0; round < 20; round++) {
      const n = 1 + Math.floor(random() * 2000);
      const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 50) / 7);
      const keep = (i: number) => i % 3 !== 1;
      const count = Math.floor(random() * 80);
      const expected = [...scores.keys()].filter(keep).sort((a, b) => scores[b] - scores[a] || a - b).slice(0, count);
      expect([...top(scores, count, { filter: keep })]).toEqual(expected);
    }
  });
});

describe('top: input checks', () => {
  it.each([
    [[1, 2], -1, undefined, 'count must be an integer >= 0'],
    [[1, 2], 1.5, undefined, 'count must be an integer >= 0'],
    [null, 1, undefined, 'scores must be an array-like of numbers'],
    [[1, 2], 1, { filter: 'kind' }, 'filter must be a function or null'],
    [[1, 2], 1, { where: () => true }, 'unknown option "where"'],
  ])('%j %j %j', (scores, count, options, message) => {
    expect(() => top(scores as never, count, options as never)).toThrow(`osmosis/influence/top: ${message}`);
  });

  it('keeps its defaults', () => {
    expect(DEFAULTS).toEqual({ filter: null });
  });
});
