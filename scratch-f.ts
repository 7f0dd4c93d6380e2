import { EdgeListBuilder as Old } from '/tmp/scratch/projection-orig.js';
import { EdgeListBuilder as New } from './src/store/projection.js';
import { randomGraph, preferentialGraph, keyOf, type EdgeList } from './plugins/influence/test-support/graphs.js';
function fill(B: typeof Old | typeof New, l: EdgeList) {
  const b = new B(1 << 16);
  for (let i = 0; i < l.nodeCount; i++) b.node(keyOf(i), 'EMPLOYEE');
  for (let e = 0; e < l.edgeCount; e++) b.edge(l.from[e], l.to[e], l.weight[e]);
  return b;
}
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.prototype.every.call(a, (x: number, i: number) => Object.is(x, b[i]));
for (let seed = 1; seed <= 30; seed++) {
  const l = randomGraph(seed, { nodes: 50 + seed * 7, edges: 300 + seed * 40, weights: 'real', selfLoops: true, isolated: seed % 3, dangling: 0.2 });
  const a = fill(Old, l).build({}), b = fill(New, l).build({});
  for (const side of ['out', 'in'] as const) for (const f of ['offsets', 'targets', 'weights'] as const)
    if (!same(a[side][f], b[side][f])) throw new Error(`mismatch ${seed} ${side}.${f}`);
  if (a.edgeCount !== b.edgeCount) throw new Error('count');
}
console.log('identical on 30 random multigraphs');
const big = preferentialGraph(42, 100_000, 10);
// add 10% parallel duplicates to exercise merging
for (const [name, B] of [['old', Old], ['new', New], ['old', Old], ['new', New], ['old', Old], ['new', New]] as const) {
  const b = fill(B, big);
  const t = performance.now(); const p = b.build({}); console.log(name, (performance.now() - t).toFixed(1), 'ms', p.edgeCount);
}
