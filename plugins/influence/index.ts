/**
 * The influence plugin: who matters in the ecosystem network. Weighted PageRank, in/out degree,
 * betweenness (exact on small graphs, sampled on large ones) and eigenvector centrality, on ties,
 * value exchanges or both, as typed GraphQL fields (`analytics { influence }`, `Actor.influence`)
 * and through the generic `analytics { run(plugin: "influence", ...) }`.
 *
 * Built in, and written only against the public plugin API, as a third party would write it:
 * each analytic is a module the worker imports (analytics/), each algorithm one pure function
 * over the projection (algorithms/).
 */
import { defineAnalytic, definePlugin } from '../../src/plugin-api/index.js';
import {
  betweennessParams, degreeParams, eigenvectorParams, influenceOptions, pagerankParams, projectionOf, scoresToJson,
  type InfluenceResult,
} from './params.js';
import { influenceSchema } from './schema.js';

export default definePlugin({
  name: 'influence',
  version: '1.0.0',
  apiVersion: '^1.0.0',
  description: 'Centrality of actors (PageRank, degree, betweenness, eigenvector) on ties, value exchanges or both.',
  options: influenceOptions,
  analytics: {
    pagerank: defineAnalytic({
      module: new URL('./analytics/pagerank.js', import.meta.url),
      params: pagerankParams,
      projection: projectionOf,
      description: 'Weighted PageRank, scores summing to 1.',
      toJSON: (r: InfluenceResult, index) => scoresToJson(r, index),
    }),
    degree: defineAnalytic({
      module: new URL('./analytics/degree.js', import.meta.url),
      params: degreeParams,
      projection: projectionOf,
      description: 'In-, out- or total degree (strength when weighted).',
      toJSON: (r: InfluenceResult, index) => scoresToJson(r, index),
    }),
    betweenness: defineAnalytic({
      module: new URL('./analytics/betweenness.js', import.meta.url),
      params: betweennessParams,
      projection: projectionOf,
      description: 'Betweenness centrality, exact up to exactUpTo nodes, sampled above.',
      toJSON: (r: InfluenceResult, index) => scoresToJson(r, index),
    }),
    eigenvector: defineAnalytic({
      module: new URL('./analytics/eigenvector.js', import.meta.url),
      params: eigenvectorParams,
      projection: projectionOf,
      description: 'Eigenvector centrality (power iteration, unit Euclidean norm).',
      toJSON: (r: InfluenceResult, index) => scoresToJson(r, index),
    }),
  },
  schema: influenceSchema,
});
