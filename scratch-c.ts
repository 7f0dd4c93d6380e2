import { preferentialGraph, toProjection } from './plugins/influence/test-support/graphs.js';
const p = toProjection(preferentialGraph(42, 100_000, 10));
const n = p.nodeCount;
const { offsets: outOffsets, targets: outTargets } = p.out;
const { offsets: inOffsets, targets: inTargets } = p.in;
const dist = new Int32Array(n).fill(-1), sigma = new Float64Array(n), delta = new Float64Array(n), queue = new Uint32Array(n);
const centrality = new Float64Array(n);
let tf = 0, tb = 0, tr = 0, reach = 0;
for (let s = 0; s < 50; s++) {
  let t = performance.now();
  dist[s] = 0; sigma[s] = 1; queue[0] = s; let head = 0, tail = 1;
  while (head < tail) {
    const v = queue[head++]; const dv = dist[v] + 1; const sv = sigma[v]; const end = outOffsets[v + 1];
    for (let e = outOffsets[v]; e < end; e++) { const w = outTargets[e]; if (dist[w] < 0) { dist[w] = dv; queue[tail++] = w; } if (dist[w] === dv) sigma[w] += sv; }
  }
  tf += performance.now() - t; t = performance.now(); reach += tail;
  for (let q = tail - 1; q > 0; q--) {
    const w = queue[q]; const coefficient = (1 + delta[w]) / sigma[w]; const before = dist[w] - 1; const end = inOffsets[w + 1];
    for (let e = inOffsets[w]; e < end; e++) { const v = inTargets[e]; if (dist[v] === before) delta[v] += sigma[v] * coefficient; }
    centrality[w] += delta[w];
  }
  tb += performance.now() - t; t = performance.now();
  for (let q = 0; q < tail; q++) { const v = queue[q]; dist[v] = -1; sigma[v] = 0; delta[v] = 0; }
  tr += performance.now() - t;
}
console.log({ tf: tf / 50, tb: tb / 50, tr: tr / 50, reach: reach / 50 });
