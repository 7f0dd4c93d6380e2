/**
 * The learning-loop plugin: does the organisation learn from what it hears, and change? Coverage
 * of signals by insights, lead times signal → insight → change, processes changed by feedback,
 * insights never implemented, and trending topics (volume and sentiment against the previous
 * window), as a typed GraphQL field (`analytics { learningLoop }`) and through the generic
 * `analytics { run(plugin: "learning-loop", ...) }`.
 *
 * Built in, and written only against the public plugin API, as a third party would write it:
 * the analytic is a module the worker imports (analytics/), each indicator one pure function over
 * the activity facts (indicators/).
 */
import { defineAnalytic, definePlugin } from '../../src/plugin-api/index.js';
import { reportParams, reportToJson, type LearningLoopResult, type ReportParams } from './params.js';
import { learningLoopSchema } from './schema.js';

export default definePlugin({
  name: 'learning-loop',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'The loop signal → insight → change: coverage, lead times, processes changed, insights never implemented, trending topics.',
  analytics: {
    report: defineAnalytic<ReportParams, LearningLoopResult>({
      module: new URL('./analytics/report.js', import.meta.url),
      params: reportParams,
      // The indicators read the facts only; the smallest projection (the organisation) keeps the graph cost near zero.
      projection: () => ({ nodeKinds: ['ORGANIZATION'], edges: 'TIES', tieTypes: ['MEMBER_OF'] }),
      facts: true,
      description: 'Learning-loop indicators for a window and the previous one of equal length.',
      toJSON: (r) => reportToJson(r),
    }),
  },
  schema: learningLoopSchema,
});
