/** The value-flow plugin's indicators: one pure function per file over the facts' typed columns. */
export { actorReciprocity, type ActorReciprocity } from './actor-reciprocity.js';
export { balances, type Balances } from './balances.js';
export { brokers, type BrokerMeasure, type Brokers } from './brokers.js';
export type { ExchangeColumns, ResponseColumns, SignalColumns } from './columns.js';
export { groupFlows, type GroupFlows } from './group-flows.js';
export { GROUP_BYS, groupsOf, type GroupBy, type Groups } from './groups.js';
export { AlgorithmError, type AlgorithmErrorCode } from './options.js';
export { pairOrder, type PairOrder } from './pair-order.js';
export { pairReciprocity, type PairReciprocity } from './pair-reciprocity.js';
export { reciprocated } from './reciprocated.js';
export { ALL, selectExchanges, type ExchangeFilter } from './select.js';
export { MAX_BUCKETS, nextPeriod, PERIODS, periodStart, series, type Period, type Series } from './series.js';
export { findSignals, traceSignal, VIA, type Trace, type Via } from './trace.js';
