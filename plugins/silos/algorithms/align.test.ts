import { describe, expect, it } from 'vitest';
import { alignByKey } from './align.js';

describe('alignByKey: projection nodes to facts actors', () => {
  it('walks both key-ordered lists once', () => {
    // A projection with a nodeKinds filter keeps a subsequence of the actors.
    expect([...alignByKey(['b', 'd'], ['a', 'b', 'c', 'd'])]).toEqual([1, 3]);
    expect([...alignByKey(['a', 'b'], ['a', 'b'])]).toEqual([0, 1]);
  });

  it('falls back to a key map when the orders disagree, −1 for an unknown key', () => {
    expect([...alignByKey(['d', 'b', 'x'], ['a', 'b', 'c', 'd'])]).toEqual([3, 1, -1]);
  });
});
