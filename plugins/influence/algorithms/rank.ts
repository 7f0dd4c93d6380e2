/**
 * Osmosis Influence: ranks
 * ========================
 *
 * The rank of every node by score: 1 for the best, in the order `top` uses (higher score first,
 * equal scores by ascending index), so `rank(scores)[top(scores, k)[j]] === j + 1`. NaN scores get
 * rank 0 (unranked). One sort of the node indices: O(N log N) time, O(N) memory.
 *
 * [Reference]:
 * Donald E. Knuth. The Art of Computer Programming, Vol. 3: Sorting and Searching, 2nd ed.,
 * Addison-Wesley, 1998, §5.2 (internal sorting).
 */
import { invalidOption } from './options.js';

const MODULE = 'osmosis/influence/rank';

/** Rank of each node (1 = highest score), 0 for NaN. */
export function rank(scores: ArrayLike<number>): Uint32Array {
  if (scores === null || typeof scores !== 'object' || typeof scores.length !== 'number') {
    throw invalidOption(MODULE, 'scores must be an array-like of numbers');
  }
  const n = scores.length;
  const order = new Uint32Array(n);
  let ranked = 0;
  for (let i = 0; i < n; i++) if (scores[i] === scores[i]) order[ranked++] = i;
  const kept = order.subarray(0, ranked);
  kept.sort((a, b) => scores[b] - scores[a] || a - b);
  const ranks = new Uint32Array(n);
  for (let r = 0; r < ranked; r++) ranks[kept[r]] = r + 1;
  return ranks;
}
