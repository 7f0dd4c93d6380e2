/**
 * Osmosis Silos: Krackhardt & Stern's E-I index
 * ==============================================
 *
 * How much a group looks outward: for a group g, E is the number of ties from its members to
 * non-members and I the number of ties among its members, and
 *
 *   E-I(g) = (E − I) / (E + I)   in [−1, 1]: −1 every tie stays inside (a silo), +1 every tie leaves.
 *
 * For the whole organisation E counts the ties between two different groups and I the ties within
 * one (both ends in some group): (E − I) / (E + I) as in the paper's organisational index.
 *
 * Counting (the choices the paper leaves to the analyst):
 *   - ties are undirected: a pair {u, v} joined in either direction, or both, is ONE tie
 *     (undirected.ts); with `weighted` it counts A_uv = w(u → v) + w(v → u) instead of 1;
 *   - only `counted` nodes take part (the plugin counts people and companies, not TEAM and
 *     ORGANIZATION nodes: a tie to a team node is the membership itself, not a relationship);
 *   - a counted node without a group (group −1, e.g. a customer) is a non-member of every group:
 *     its ties to members are external ties of their groups, and it never enters the organisation's
 *     index; self-loops are ignored;
 *   - a group with no tie at all has an undefined index: NaN.
 * One pass over the edges, O(N + E).
 *
 * [Reference]:
 * D. Krackhardt and R. N. Stern, « Informal networks and organizational crises: an experimental
 * simulation », Social Psychology Quarterly 51(2), 1988, 123–140.
 */
import type { UndirectedGraph } from './graph.js';
import { checkBoolean, checkInteger, checkPerNode, invalidGraph, resolveOptions } from './options.js';

const MODULE = 'osmosis/silos/ei-index';

export interface EiIndexOptions {
  /** Sum the tie weights A_uv instead of counting 1 per tie. */
  weighted: boolean;
}

export const DEFAULTS: Readonly<EiIndexOptions> = Object.freeze({ weighted: false });

export interface EiIndexResult {
  /** Per group: ties from members to non-members. */
  readonly external: Float64Array;
  /** Per group: ties among members. */
  readonly internal: Float64Array;
  /** Per group: (E − I) / (E + I); NaN without ties. */
  readonly index: Float64Array;
  /** The organisation: ties between two groups (E), within one (I), and (E − I) / (E + I). */
  readonly organisation: { readonly external: number; readonly internal: number; readonly index: number };
}

/**
 * E-I index of every group 0 .. groupCount-1 (group[i] = −1: node i has none) and of the
 * organisation; `counted[i]` = 0 leaves node i out (null counts every node).
 */
export function eiIndex(
  graph: UndirectedGraph, group: Int32Array, groupCount: number, counted: Uint8Array | null, options?: Partial<EiIndexOptions>,
): EiIndexResult {
  const { weighted } = resolveOptions(MODULE, DEFAULTS, options);
  checkBoolean(MODULE, 'weighted', weighted);
  checkInteger(MODULE, 'groupCount', groupCount, 0);
  const n = graph.nodeCount;
  checkPerNode(MODULE, 'group', group, n);
  if (counted !== null) checkPerNode(MODULE, 'counted', counted, n);
  for (let i = 0; i < n; i++) if (group[i] < -1 || group[i] >= groupCount) throw invalidGraph(MODULE, `group[${i}] = ${group[i]} is not in [-1, ${groupCount})`);

  const external = new Float64Array(groupCount);
  const internal = new Float64Array(groupCount);
  let orgExternal = 0;
  let orgInternal = 0;
  const { offsets, targets, weights } = graph;
  for (let u = 0; u < n; u++) {
    if (counted !== null && counted[u] === 0) continue;
    const gu = group[u];
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = targets[e];
      if (v <= u || (counted !== null && counted[v] === 0)) continue; // each pair once, no self-loop
      const x = weighted ? weights[e] : 1;
      const gv = group[v];
      if (gu >= 0 && gu === gv) {
        internal[gu] += x;
        orgInternal += x;
        continue;
      }
      if (gu >= 0) external[gu] += x;
      if (gv >= 0) external[gv] += x;
      if (gu >= 0 && gv >= 0) orgExternal += x;
    }
  }
  const ratio = (e: number, i: number) => (e + i > 0 ? (e - i) / (e + i) : Number.NaN);
  const index = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) index[g] = ratio(external[g], internal[g]);
  return { external, internal, index, organisation: { external: orgExternal, internal: orgInternal, index: ratio(orgExternal, orgInternal) } };
}
