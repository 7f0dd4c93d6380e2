/** The learning-loop plugin's indicators: one pure function per file over the activity facts. */
export { IndicatorError } from './check.js';
export { coverage, type Coverage } from './coverage.js';
export { firstChanges, insightToChange, type InsightToChange } from './insight-to-change.js';
export { distribution, percentile, type Distribution } from './percentile.js';
export { processChanges, type ProcessChanges } from './processes.js';
export { keptSignals, type SignalFilter } from './signal-filter.js';
export { signalToInsight, type SignalToInsight } from './signal-to-insight.js';
export { topicTrends, type TopicTrends } from './trending-topics.js';
export { unimplementedInsights } from './unimplemented.js';
export { windowOf, type Window } from './window.js';
