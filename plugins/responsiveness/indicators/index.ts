/** The responsiveness plugin's indicators: one pure function per file over the activity facts. */
export { backlog, type Backlog } from './backlog.js';
export { breaches, DEFAULT_TARGETS, targetTable, type Breaches, type Targets } from './breaches.js';
export { breadth, type Breadth } from './breadth.js';
export { IndicatorError } from './check.js';
export { firstResponses, type FirstResponses } from './first-responses.js';
export { gini } from './gini.js';
export { percentile, sortedByGroup, type GroupedValues } from './percentile.js';
export { responseTime, type ResponseTime } from './response-time.js';
export { DIMENSIONS, groupSignals, type Dimension, type Grouping, type SignalFilter } from './scope.js';
export { signalTeams } from './signal-teams.js';
export { volume, type Volume } from './volume.js';
