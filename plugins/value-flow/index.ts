/**
 * The value-flow plugin: value network analysis (Verna Allee) of the value exchanged in the
 * ecosystem. Per actor inflow, outflow and net by value kind, tangible against intangible;
 * reciprocity (value given, value back within a window) per pair, per actor and between groups;
 * flow matrices between sides, kinds, teams or communities; value brokers across the inside/outside
 * boundary; time series by day, week or month; and the trace from a signal to the responses and
 * the value that followed it. Typed GraphQL fields (`analytics { valueFlow }`, `Actor.valueFlow`)
 * and the generic `analytics { run(plugin: "value-flow", ...) }`.
 *
 * Built in, written only against the public plugin API; every analytic reads the activity facts
 * (`facts: true`). Communities come from the silos plugin's Louvain (a declared dependency): one
 * implementation, tested once against graphology, and the same communities `silos` reports.
 */
import { defineAnalytic, definePlugin } from '../../src/plugin-api/index.js';
import { balancesToJson, brokersToJson, matrixToJson, reciprocityToJson, seriesToJson, traceToJson } from './json.js';
import {
  balancesParams, brokersParams, matrixParams, projectionOf, reciprocityParams, seriesParams, traceParams, valueFlowOptions,
  type BalancesResult, type BrokersResult, type MatrixResult, type ReciprocityResult, type SeriesResult, type TraceResult,
} from './params.js';
import { valueFlowSchema } from './schema.js';

export default definePlugin({
  name: 'value-flow',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'Value network analysis: balances, reciprocity, flow matrices, value brokers, time series and signal tracing.',
  dependencies: { silos: '^1.0.0' },
  options: valueFlowOptions,
  analytics: {
    balances: defineAnalytic({
      module: new URL('./analytics/balances.js', import.meta.url),
      params: balancesParams,
      projection: projectionOf,
      facts: true,
      description: 'Inflow, outflow and net per actor and value kind.',
      toJSON: (r: BalancesResult, index) => balancesToJson(r, index),
    }),
    reciprocity: defineAnalytic({
      module: new URL('./analytics/reciprocity.js', import.meta.url),
      params: reciprocityParams,
      projection: projectionOf,
      facts: true,
      description: 'Exchanges reciprocated within a window, per actor and per pair.',
      toJSON: (r: ReciprocityResult, index) => reciprocityToJson(r, index),
    }),
    matrix: defineAnalytic({
      module: new URL('./analytics/matrix.js', import.meta.url),
      params: matrixParams,
      projection: projectionOf,
      facts: true,
      description: 'Value flowing between groups (side, kind, team, community), with reciprocity.',
      toJSON: (r: MatrixResult, index) => matrixToJson(r, index),
    }),
    brokers: defineAnalytic({
      module: new URL('./analytics/brokers.js', import.meta.url),
      params: brokersParams,
      projection: projectionOf,
      facts: true,
      description: 'Value relayed across the inside/outside boundary per actor.',
      toJSON: (r: BrokersResult, index) => brokersToJson(r, index),
    }),
    series: defineAnalytic({
      module: new URL('./analytics/series.js', import.meta.url),
      params: seriesParams,
      projection: projectionOf,
      facts: true,
      description: 'Value by kind per day, week or month.',
      toJSON: (r: SeriesResult) => seriesToJson(r),
    }),
    trace: defineAnalytic({
      module: new URL('./analytics/trace.js', import.meta.url),
      params: traceParams,
      projection: projectionOf,
      facts: true,
      description: 'A signal, its responses and the value exchanged with its emitter after it.',
      toJSON: (r: TraceResult, index) => traceToJson(r, index),
    }),
  },
  schema: valueFlowSchema,
});
