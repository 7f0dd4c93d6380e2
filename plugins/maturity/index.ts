/**
 * The maturity plugin: one score per capability of a social business — 1 serves the person,
 * 2 listens, 3 responds, 4 learns, 5 becomes social — from the indicators of the responsiveness,
 * learning-loop, silos and value-flow plugins, with an overall stage, the indicators behind every score and
 * the change since the previous window (`analytics { maturity }`).
 *
 * It has no analytic of its own: it runs its dependencies' analytics (cached, in the worker pool)
 * and combines their figures with the formulas of score.ts and indicators.ts.
 */
import { definePlugin } from '../../src/plugin-api/index.js';
import { maturityOptions } from './options.js';
import { maturitySchema } from './schema.js';

export default definePlugin({
  name: 'maturity',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'Maturity of the organisation as a social business: a score per capability, a stage, the indicators behind them.',
  dependencies: { responsiveness: '^1.0.0', 'learning-loop': '^1.0.0', silos: '^1.0.0', 'value-flow': '^1.0.0' },
  options: maturityOptions,
  schema: maturitySchema,
});
