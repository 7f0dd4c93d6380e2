/**
 * Osmosis Influence: top-N selection
 * ===================================
 *
 * The indices of the `count` highest scores, best first, without sorting every score: a bounded
 * min-heap keeps the best `count` seen so far (O(N log count) time, O(count) memory), then only
 * those are sorted.
 *
 * [Reference]:
 * Donald E. Knuth. The Art of Computer Programming, Vol. 3: Sorting and Searching, 2nd ed.,
 * Addison-Wesley, 1998, §5.2.3 (heaps) and §5.3.3 (selecting the t largest).
 *
 * Order: higher score first; equal scores by ascending index, so the answer is deterministic.
 * NaN scores are never selected. `filter` receives a node index and keeps the node when it
 * returns true; callers filter by kind, side or anything else they can decide from the index.
 */
import { checkInteger, invalidOption, resolveOptions } from './options.js';

const MODULE = 'osmosis/influence/top';

export interface TopOptions {
  /** Keep only the nodes for which this returns true; null keeps every node. */
  filter: ((index: number) => boolean) | null;
}

export const DEFAULTS: Readonly<TopOptions> = Object.freeze({ filter: null });

/** Node indices of the `count` best scores (fewer when fewer nodes qualify), best first. */
export function top(scores: ArrayLike<number>, count: number, options?: Partial<TopOptions>): Uint32Array {
  const { filter } = resolveOptions(MODULE, DEFAULTS, options);
  if (scores === null || typeof scores !== 'object' || typeof scores.length !== 'number') {
    throw invalidOption(MODULE, 'scores must be an array-like of numbers');
  }
  checkInteger(MODULE, 'count', count, 0);
  if (filter !== null && typeof filter !== 'function') throw invalidOption(MODULE, 'filter must be a function or null');

  const n = scores.length;
  const capacity = Math.min(count, n);
  // heap[0] is the worst of the kept nodes: the lowest score, and among equal scores the highest index.
  const heap = new Uint32Array(capacity);
  let size = 0;
  const worse = (a: number, b: number): boolean => {
    const sa = scores[a];
    const sb = scores[b];
    return sa < sb || (sa === sb && a > b);
  };

  for (let i = 0; i < n && capacity > 0; i++) {
    const score = scores[i];
    if (score !== score) continue; // NaN
    if (filter !== null && !filter(i)) continue;
    if (size < capacity) {
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(i, heap[parent])) break;
        heap[at] = heap[parent];
        at = parent;
      }
      heap[at] = i;
    } else if (worse(heap[0], i)) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && worse(heap[child + 1], heap[child])) child++;
        if (!worse(heap[child], i)) break;
        heap[at] = heap[child];
        at = child;
      }
      heap[at] = i;
    }
  }

  const result = heap.slice(0, size);
  result.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return result;
}
