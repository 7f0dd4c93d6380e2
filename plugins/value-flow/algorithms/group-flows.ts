/**
 * Osmosis Value Flow: flows between groups
 * =========================================
 *
 * The value network seen from above: how much of each value kind flows from one group of actors
 * to another (groups.ts), as a sparse matrix — only the (from group, to group) cells that carry an
 * exchange, in order of from group, then to group:
 *   count[c · K + k], amount[c · K + k]   exchanges of kind k in cell c and their summed amount;
 *   reciprocated[c]                       of the cell's exchanges, how many were reciprocated
 *                                         (reciprocated.ts; 0 everywhere when no flags are given).
 * Amounts add up within a kind only (units differ between kinds). Up to 512 groups the cells are
 * accumulated in a dense matrix in one sequential pass; above, two stable counting sorts by group
 * put each cell's exchanges together. O(rows + groups²) or O(rows + groups), no per-cell object,
 * no hash map.
 *
 * [Reference]:
 * V. Allee, « Value network analysis and value conversion of tangible and intangible assets »,
 * Journal of Intellectual Capital 9(1), 2008 (the exchange analysis between roles).
 */
import { VALUE_KINDS } from '../../../src/plugin-api/index.js';
import type { ExchangeColumns } from './columns.js';
import { checkPerActor, checkRows, invalidInput } from './options.js';

const MODULE = 'osmosis/value-flow/group-flows';
const K = VALUE_KINDS.length;
/** Largest group count accumulated in a dense groups × groups matrix. */
const DENSE_UP_TO = 512;

export interface GroupFlows {
  /** Number of non-empty cells. */
  readonly cells: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** count[c · K + k], K = VALUE_KINDS.length. */
  readonly count: Uint32Array;
  readonly amount: Float64Array;
  readonly reciprocated: Uint32Array;
}

export function groupFlows(
  x: ExchangeColumns, rows: Uint32Array, actorCount: number, group: Int32Array, groupCount: number, flags: Uint8Array | null = null,
): GroupFlows {
  checkRows(MODULE, x, rows, actorCount);
  checkPerActor(MODULE, 'group', group, actorCount);
  for (let a = 0; a < actorCount; a++) if (group[a] < 0 || group[a] >= groupCount) throw invalidInput(MODULE, `group[${a}] = ${group[a]} is not in [0, ${groupCount})`);
  if (flags !== null && flags.length !== rows.length) throw invalidInput(MODULE, 'flags must have one entry per row');

  if (groupCount <= DENSE_UP_TO) return dense(x, rows, group, groupCount, flags);
  const n = rows.length;
  // Groups of both ends of every exchange, gathered once; then by to group, then (stable) by from group.
  const gFrom = new Int32Array(n);
  const gTo = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    gFrom[p] = group[x.from[rows[p]]];
    gTo[p] = group[x.to[rows[p]]];
  }
  const counts = new Uint32Array(groupCount + 1);
  for (let p = 0; p < n; p++) counts[gTo[p] + 1]++;
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const byTo = new Uint32Array(n);
  for (let p = 0; p < n; p++) byTo[counts[gTo[p]]++] = p;
  counts.fill(0);
  for (let p = 0; p < n; p++) counts[gFrom[p] + 1]++;
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const p = byTo[k];
    order[counts[gFrom[p]]++] = p;
  }

  let cells = 0;
  for (let k = 0; k < n; k++) {
    const p = order[k];
    if (k === 0 || gFrom[p] !== gFrom[order[k - 1]] || gTo[p] !== gTo[order[k - 1]]) cells++;
  }
  const from = new Int32Array(cells);
  const to = new Int32Array(cells);
  const count = new Uint32Array(cells * K);
  const amount = new Float64Array(cells * K);
  const reciprocated = new Uint32Array(cells);
  let c = -1;
  for (let k = 0; k < n; k++) {
    const p = order[k];
    const f = gFrom[p];
    const t = gTo[p];
    if (c < 0 || f !== from[c] || t !== to[c]) {
      c++;
      from[c] = f;
      to[c] = t;
    }
    const r = rows[p];
    const at = c * K + x.kind[r];
    count[at]++;
    amount[at] += x.amount[r];
    if (flags !== null && flags[p]) reciprocated[c]++;
  }
  return { cells, from, to, count, amount, reciprocated };
}

/** The cells accumulated in a dense groups × groups × kinds matrix, then the non-empty ones in order. */
function dense(x: ExchangeColumns, rows: Uint32Array, group: Int32Array, groupCount: number, flags: Uint8Array | null): GroupFlows {
  const size = groupCount * groupCount;
  const countAll = new Uint32Array(size * K);
  const amountAll = new Float64Array(size * K);
  const reciprocatedAll = new Uint32Array(size);
  const used = new Uint8Array(size);
  for (let p = 0; p < rows.length; p++) {
    const r = rows[p];
    const cell = group[x.from[r]] * groupCount + group[x.to[r]];
    used[cell] = 1;
    countAll[cell * K + x.kind[r]]++;
    amountAll[cell * K + x.kind[r]] += x.amount[r];
    if (flags !== null && flags[p]) reciprocatedAll[cell]++;
  }
  let cells = 0;
  for (let cell = 0; cell < size; cell++) cells += used[cell];
  const from = new Int32Array(cells);
  const to = new Int32Array(cells);
  const count = new Uint32Array(cells * K);
  const amount = new Float64Array(cells * K);
  const reciprocated = new Uint32Array(cells);
  let c = 0;
  for (let cell = 0; cell < size; cell++) {
    if (!used[cell]) continue;
    from[c] = Math.floor(cell / groupCount);
    to[c] = cell % groupCount;
    count.set(countAll.subarray(cell * K, (cell + 1) * K), c * K);
    amount.set(amountAll.subarray(cell * K, (cell + 1) * K), c * K);
    reciprocated[c] = reciprocatedAll[cell];
    c++;
  }
  return { cells, from, to, count, amount, reciprocated };
}
