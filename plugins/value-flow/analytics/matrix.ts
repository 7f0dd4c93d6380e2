/**
 * Worker side of `value-flow/matrix`: value flowing between groups of actors (algorithms/groups.ts,
 * algorithms/group-flows.ts), with how much of it was reciprocated (unless `reciprocity: false`). COMMUNITY groups are Louvain
 * communities of the exchange graph, computed with the silos plugin's own functions (the plugin
 * depends on silos ^1.0.0): the same communities as `silos(on: EXCHANGES)` (weight COUNT by default)
 * with the same filters and resolution.
 */
import { factsOf, type ComputeFunction } from '../../../src/plugin-api/index.js';
import { louvain } from '../../silos/algorithms/louvain.js';
import { undirected } from '../../silos/algorithms/undirected.js';
import { groupFlows } from '../algorithms/group-flows.js';
import { groupsOf } from '../algorithms/groups.js';
import { reciprocated } from '../algorithms/reciprocated.js';
import type { MatrixParams, MatrixResult } from '../params.js';
import { checkAligned, rowsOf } from './common.js';

const DAY = 86_400_000;

const compute: ComputeFunction<MatrixParams, MatrixResult> = (graph, p, context) => {
  const facts = factsOf(context);
  checkAligned(graph, facts);
  const x = facts.exchanges;
  const n = facts.actors.count;
  let modularity = Number.NaN;
  let community: Int32Array | null = null;
  let communityCount = 0;
  if (p.groupBy === 'COMMUNITY') {
    const partition = louvain(undirected(graph, { weighted: true }), { resolution: p.resolution });
    ({ community, count: communityCount, modularity } = partition);
  }
  const groups = groupsOf(p.groupBy, facts.actors.kind, facts.actors.team, community, communityCount);
  const rows = rowsOf(facts, p);
  const flags = p.reciprocity ? reciprocated(x, rows, n, p.window * DAY) : null;
  return { groups, flows: groupFlows(x, rows, n, groups.group, groups.count, flags), reciprocity: p.reciprocity, modularity };
};
export default compute;
