/** The influence plugin's network algorithms: one pure function per file over a read-only graph. */
export { betweenness, DEFAULT_SAMPLE_SIZE, type BetweennessOptions } from './betweenness.js';
export { degree, type DegreeDirection, type DegreeOptions } from './degree.js';
export { eigenvector, type EigenvectorOptions } from './eigenvector.js';
export { pagerank, type PagerankOptions } from './pagerank.js';
export { top, type TopOptions } from './top.js';
export { AlgorithmError, type AlgorithmErrorCode } from './options.js';
export type { Graph } from './graph.js';
export { rank } from './rank.js';
