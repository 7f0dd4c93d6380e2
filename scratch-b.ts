import { preferentialGraph, toProjection } from './plugins/influence/test-support/graphs.js';
import { betweenness } from './plugins/influence/algorithms/betweenness.js';
const p = toProjection(preferentialGraph(42, 100_000, 10));
for (let r = 0; r < 2; r++) {
let t = performance.now(); betweenness(p, { sample: 64 }); console.log('bc64', (performance.now() - t)/64);
t = performance.now(); betweenness(p, { sample: 32, weighted: true }); console.log('bc32w', (performance.now() - t)/32);
}
