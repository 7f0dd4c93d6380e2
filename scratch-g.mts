import { DirectedGraph } from 'graphology';
import wd from 'graphology-metrics/node/weighted-degree.js';
import dc from 'graphology-metrics/centrality/degree.js';
const g = new DirectedGraph(); g.addNode('a'); g.addNode('b'); g.addEdge('a','a',{weight:2}); g.addEdge('a','b',{weight:3});
const m = wd as any, d = dc as any;
console.log(g.degree('a'), g.inDegree('a'), g.outDegree('a'), m.weightedDegree(g,'a'), m.weightedInDegree(g,'a'), m.weightedOutDegree(g,'a'));
console.log(Object.keys(d), d.degreeCentrality(g), d.inDegreeCentrality(g));
