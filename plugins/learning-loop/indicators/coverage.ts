/**
 * Osmosis Learning loop: coverage of signals by insights
 * =======================================================
 *
 * Of the signals of the window (occurredAt in [since, until), kept by the filter), how many an
 * insight was derived from (any insight, whenever it was created up to facts.readAt), and that
 * share: how much of what the organisation hears it turns into understanding. NaN for no signals.
 *
 * [Definition]:
 * The first step of the learning loop signal → insight → change (DESIGN.md, capability 4):
 * coverage = |signals of the window linked to ≥ 1 insight| / |signals of the window|.
 *
 * One pass over the insight–signal links and one over the signals, O(L + N).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkMask, checkWindow } from './check.js';
import type { Window } from './window.js';

const MODULE = 'osmosis/learning-loop/coverage';

export interface Coverage {
  /** Signals of the window kept by the filter. */
  signals: number;
  /** Those an insight was derived from. */
  linked: number;
  /** linked / signals, NaN when no signals. */
  share: number;
}

export function coverage(facts: Facts, kept: Uint8Array, window: Window): Coverage {
  checkFacts(MODULE, facts);
  checkMask(MODULE, facts, kept);
  checkWindow(MODULE, window);
  const { count, occurredAt } = facts.signals;
  const linkedFlag = new Uint8Array(count);
  const links = facts.insights.signals;
  for (let l = 0; l < links.length; l++) linkedFlag[links[l]] = 1;
  let signals = 0;
  let linked = 0;
  for (let s = 0; s < count; s++) {
    const t = occurredAt[s];
    if (!kept[s] || !(t >= window.since && t < window.until)) continue;
    signals++;
    linked += linkedFlag[s];
  }
  return { signals, linked, share: signals ? linked / signals : Number.NaN };
}
