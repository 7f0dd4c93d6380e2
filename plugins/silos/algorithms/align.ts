/**
 * Osmosis Silos: projection nodes ↔ facts actors
 * ===============================================
 *
 * A projection's nodes and the facts' actors are both ordered by key, and a projection with a
 * `nodeKinds` filter keeps a subsequence of the actors. This maps every node to its actor index
 * in one forward walk (O(N + A)), falling back to a key map if the orders ever disagree; a node
 * whose key is not among the actors maps to −1.
 */
export function alignByKey(nodeKeys: readonly string[], actorKeys: readonly string[]): Int32Array {
  const map = new Int32Array(nodeKeys.length).fill(-1);
  let j = 0;
  for (let i = 0; i < nodeKeys.length; i++) {
    const key = nodeKeys[i];
    while (j < actorKeys.length && actorKeys[j] !== key) j++;
    if (j === actorKeys.length) return alignByMap(nodeKeys, actorKeys);
    map[i] = j++;
  }
  return map;
}

function alignByMap(nodeKeys: readonly string[], actorKeys: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  actorKeys.forEach((k, i) => index.set(k, i));
  return Int32Array.from(nodeKeys, (k) => index.get(k) ?? -1);
}
