/**
 * The responsiveness plugin: does the organisation answer what it hears? Volume, response rate,
 * time to first response, open backlog and its age, breaches of first-response targets, and how
 * broadly the organisation answers (distinct responders and teams, Gini of the load) — overall
 * and by channel, signal kind, side of the emitter or team, as a typed GraphQL field
 * (`analytics { responsiveness }`) and through the generic `analytics { run(plugin: "responsiveness", ...) }`.
 *
 * Built in, and written only against the public plugin API, as a third party would write it:
 * the analytic is a module the worker imports (analytics/), each indicator one pure function over
 * the activity facts (indicators/).
 */
import { defineAnalytic, definePlugin } from '../../src/plugin-api/index.js';
import { reportParams, reportToJson, responsivenessOptions, type ReportParams, type ResponsivenessResult } from './params.js';
import { responsivenessSchema } from './schema.js';

export default definePlugin({
  name: 'responsiveness',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'Response rate, time to first response, backlog, target breaches and breadth of response, by channel, kind, side or team.',
  options: responsivenessOptions,
  analytics: {
    report: defineAnalytic<ReportParams, ResponsivenessResult>({
      module: new URL('./analytics/report.js', import.meta.url),
      params: reportParams,
      // The indicators read the facts only; the smallest projection (the teams) keeps the graph cost near zero.
      projection: () => ({ nodeKinds: ['TEAM'], edges: 'TIES', tieTypes: ['MEMBER_OF'] }),
      facts: true,
      description: 'Responsiveness indicators over the signals in scope, overall and per group.',
      toJSON: (r) => reportToJson(r),
    }),
  },
  schema: responsivenessSchema,
});
