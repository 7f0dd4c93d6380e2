/**
 * The silos plugin: where the organisation closes in on itself. Louvain communities (with their
 * modularity and profiles), Krackhardt & Stern's E-I index per team and for the organisation, the
 * share of ties crossing team and inside/outside boundaries, and the boundary spanners — on ties,
 * value exchanges or both, as typed GraphQL fields (`analytics { silos }`, `Actor.silos`) and
 * through the generic `analytics { run(plugin: "silos", analytic: "silos") }`.
 *
 * Built in, and written only against the public plugin API: the analytic is a module the worker
 * imports (analytics/), each indicator one pure function over typed arrays (algorithms/). The
 * value-flow plugin depends on this one for its Louvain function.
 */
import { defineAnalytic, definePlugin } from '../../src/plugin-api/index.js';
import { projectionOf, silosOptions, silosParams, type SilosResult } from './params.js';
import { silosSchema } from './schema.js';
import { silosToJson } from './json.js';

export default definePlugin({
  name: 'silos',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'Communities (Louvain, modularity), E-I index per team, boundary shares and boundary spanners.',
  options: silosOptions,
  analytics: {
    silos: defineAnalytic({
      module: new URL('./analytics/silos.js', import.meta.url),
      params: silosParams,
      projection: projectionOf,
      facts: true,
      description: 'Louvain communities, E-I index per team and organisation, boundary shares and spanners.',
      toJSON: (r: SilosResult, index) => silosToJson(r, index),
    }),
  },
  schema: silosSchema,
});
