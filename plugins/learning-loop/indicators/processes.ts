/**
 * Osmosis Learning loop: processes changed by feedback
 * =====================================================
 *
 * Of every process the store knows (Facts.processes: created by a change or named by a signal's
 * ABOUT link), how many were changed in the window — at least one change with appliedAt in
 * [since, until) — and that share; per process, its changes in the window and in total, its last
 * change, and the insights its changes of the window implement. Every change implements an insight
 * derived from signals, so every change is a change "by feedback". NaN share when there are no
 * processes.
 *
 * [Definition]:
 * Capability 5 of DESIGN.md (processes change on feedback):
 * share = |processes with ≥ 1 change in the window| / |processes|.
 *
 * One pass over the changes and a sort of the window's (process, insight) pairs, O(C log C).
 */
import type { Facts } from '../../../src/plugin-api/index.js';
import { checkFacts, checkWindow } from './check.js';
import type { Window } from './window.js';

const MODULE = 'osmosis/learning-loop/processes';

export interface ProcessChanges {
  /** Processes known. */
  count: number;
  /** Processes with at least one change in the window. */
  changed: number;
  /** changed / count, NaN when no process. */
  share: number;
  /** Per process (Facts.processes order): changes in the window. */
  changesInWindow: Float64Array;
  /** Per process: all its changes up to facts.readAt. */
  changesTotal: Float64Array;
  /** Per process: appliedAt of its last change (ms), NaN when never changed. */
  lastAppliedAt: Float64Array;
  /** The distinct insights implemented by each process's changes of the window (CSR, ascending). */
  insightOffsets: Uint32Array;
  insights: Int32Array;
}

export function processChanges(facts: Facts, window: Window): ProcessChanges {
  checkFacts(MODULE, facts);
  checkWindow(MODULE, window);
  const P = facts.processes.length;
  const I = facts.insights.count;
  const { count: C, process, insight, appliedAt } = facts.changes;
  const changesInWindow = new Float64Array(P);
  const changesTotal = new Float64Array(P);
  const lastAppliedAt = new Float64Array(P).fill(Number.NaN);
  const pairs = new Float64Array(C);
  let np = 0;
  for (let c = 0; c < C; c++) {
    const p = process[c];
    changesTotal[p]++;
    if (!(appliedAt[c] <= lastAppliedAt[p])) lastAppliedAt[p] = appliedAt[c];
    if (appliedAt[c] >= window.since && appliedAt[c] < window.until) {
      changesInWindow[p]++;
      pairs[np++] = p * I + insight[c];
    }
  }
  const sorted = pairs.subarray(0, np).sort();
  const insightOffsets = new Uint32Array(P + 1);
  const insights: number[] = [];
  for (let k = 0; k < np; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const p = Math.floor(sorted[k] / I);
    insightOffsets[p + 1]++;
    insights.push(sorted[k] - p * I);
  }
  for (let p = 0; p < P; p++) insightOffsets[p + 1] += insightOffsets[p];
  let changed = 0;
  for (let p = 0; p < P; p++) if (changesInWindow[p] > 0) changed++;
  return {
    count: P, changed, share: P ? changed / P : Number.NaN,
    changesInWindow, changesTotal, lastAppliedAt, insightOffsets, insights: Int32Array.from(insights),
  };
}
