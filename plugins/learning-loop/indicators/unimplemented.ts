/**
 * Osmosis Learning loop: insights never implemented
 * ==================================================
 *
 * The learning backlog: every insight created before `until` that no change implements (as of
 * facts.readAt), oldest first — understanding the organisation wrote down and never acted on.
 * Not limited to the window: an old insight still waiting is the most telling one.
 *
 * One pass over the changes and one over the insights, O(C + I).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, invalid } from './check.js';

const MODULE = 'osmosis/learning-loop/unimplemented';

/** Indexes of the insights created before `until` without any change, by createdAt (oldest first). */
export function unimplementedInsights(facts: Facts, until = Infinity): Int32Array {
  checkFacts(MODULE, facts);
  if (typeof until !== 'number' || Number.isNaN(until)) throw invalid(MODULE, 'until must be an instant in ms');
  const { count, createdAt } = facts.insights;
  const implemented = new Uint8Array(count);
  const { insight } = facts.changes;
  for (let c = 0; c < insight.length; c++) implemented[insight[c]] = 1;
  const result: number[] = [];
  for (let i = 0; i < count; i++) if (!implemented[i] && createdAt[i] < until) result.push(i);
  // Insights are ordered by createdAt (Facts); sort anyway, stable on index, so the order never depends on it.
  return Int32Array.from(result).sort((a, b) => createdAt[a] - createdAt[b] || a - b);
}
