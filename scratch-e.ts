import { preferentialGraph, toProjection } from './plugins/influence/test-support/graphs.js';
const p = toProjection(preferentialGraph(42, 100_000, 10));
const n = p.nodeCount;
const { offsets: outOffsets, targets: outTargets } = p.out;
const { offsets: inOffsets, targets: inTargets } = p.in;
const dist = new Int32Array(n).fill(-1), sigma = new Float64Array(n), delta = new Float64Array(n), queue = new Uint32Array(n);
const coef = new Float64Array(n); const sigma2 = new Float64Array(n); const dist2 = new Int32Array(n).fill(-1);
const centrality = new Float64Array(n), c2 = new Float64Array(n);
function push(s: number) {
  dist[s] = 0; sigma[s] = 1; queue[0] = s; let head = 0, tail = 1;
  while (head < tail) {
    const v = queue[head++]; const dv = dist[v] + 1; const sv = sigma[v]; const end = outOffsets[v + 1];
    for (let e = outOffsets[v]; e < end; e++) { const w = outTargets[e]; if (dist[w] < 0) { dist[w] = dv; queue[tail++] = w; } if (dist[w] === dv) sigma[w] += sv; }
  }
  for (let q = tail - 1; q > 0; q--) {
    const w = queue[q]; const coefficient = (1 + delta[w]) / sigma[w]; const before = dist[w] - 1; const end = inOffsets[w + 1];
    for (let e = inOffsets[w]; e < end; e++) { const v = inTargets[e]; if (dist[v] === before) delta[v] += sigma[v] * coefficient; }
    centrality[w] += delta[w];
  }
  for (let q = 0; q < tail; q++) { const v = queue[q]; dist[v] = -1; sigma[v] = 0; delta[v] = 0; }
}
function pull(s: number) {
  dist2[s] = 0; sigma2[s] = 1; queue[0] = s; let head = 0, tail = 1;
  while (head < tail) {
    const v = queue[head++]; const dv = dist2[v] + 1; const sv = sigma2[v]; const end = outOffsets[v + 1];
    for (let e = outOffsets[v]; e < end; e++) { const w = outTargets[e]; const dw = dist2[w]; if (dw < 0) { dist2[w] = dv; sigma2[w] = sv; queue[tail++] = w; } else if (dw === dv) sigma2[w] += sv; }
  }
  for (let q = tail - 1; q >= 0; q--) {
    const v = queue[q]; const next = dist2[v] + 1; const end = outOffsets[v + 1]; let acc = 0;
    for (let e = outOffsets[v]; e < end; e++) { const w = outTargets[e]; if (dist2[w] === next) acc += coef[w]; }
    const sv = sigma2[v]; const d = sv * acc; coef[v] = (1 + d) / sv;
    if (q > 0) c2[v] += d;
  }
  for (let q = 0; q < tail; q++) { const v = queue[q]; dist2[v] = -1; }
}
for (let round = 0; round < 6; round++) {
  let t = performance.now(); for (let s = 0; s < 30; s++) push(s); const a = (performance.now() - t) / 30;
  t = performance.now(); for (let s = 0; s < 30; s++) pull(s); const b = (performance.now() - t) / 30;
  let md = 0; for (let i = 0; i < n; i++) md = Math.max(md, Math.abs(centrality[i] - c2[i]) / Math.max(1, centrality[i]));
  console.log({ push: a, pull: b, md });
}
