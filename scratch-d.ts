import { preferentialGraph, toProjection } from './plugins/influence/test-support/graphs.js';
const p = toProjection(preferentialGraph(42, 100_000, 10));
const n = p.nodeCount;
const { offsets: outOffsets, targets: outTargets } = p.out;
const { offsets: inOffsets, targets: inTargets } = p.in;
const S = 3;
const st = new Float64Array(S * n); for (let i = 0; i < n; i++) st[S * i] = -1;
const queue = new Uint32Array(n);
const centrality = new Float64Array(n);
let tf = 0, tb = 0, tr = 0, reach = 0;
for (let s = 0; s < 50; s++) {
  let t = performance.now();
  st[S * s] = 0; st[S * s + 1] = 1; queue[0] = s; let head = 0, tail = 1;
  while (head < tail) {
    const v = queue[head++]; const dv = st[S * v] + 1; const sv = st[S * v + 1]; const end = outOffsets[v + 1];
    for (let e = outOffsets[v]; e < end; e++) { const w = S * outTargets[e]; const dw = st[w]; if (dw < 0) { st[w] = dv; st[w + 1] = sv; queue[tail++] = w / S; } else if (dw === dv) st[w + 1] += sv; }
  }
  tf += performance.now() - t; t = performance.now(); reach += tail;
  for (let q = tail - 1; q > 0; q--) {
    const w = queue[q]; const W = S * w; const coefficient = (1 + st[W + 2]) / st[W + 1]; const before = st[W] - 1; const end = inOffsets[w + 1];
    for (let e = inOffsets[w]; e < end; e++) { const v = S * inTargets[e]; if (st[v] === before) st[v + 2] += st[v + 1] * coefficient; }
    centrality[w] += st[W + 2];
  }
  tb += performance.now() - t; t = performance.now();
  for (let q = 0; q < tail; q++) { const v = S * queue[q]; st[v] = -1; st[v + 1] = 0; st[v + 2] = 0; }
  tr += performance.now() - t;
}
console.log({ tf: tf / 50, tb: tb / 50, tr: tr / 50, reach: reach / 50 });
