/**
 * The built-in plugins, by the name OSMOSIS_PLUGINS lists them under (the default list is all of
 * them: `influence,enrichment,responsiveness,learning-loop,silos,value-flow,maturity`). They are
 * written against the public plugin API only, exactly as a third party would write them; being
 * known here just lets them load without a path. Loading order is the configuration's,
 * dependencies first.
 */
import enrichment from '../../plugins/enrichment/index.js';
import influence from '../../plugins/influence/index.js';
import silos from '../../plugins/silos/index.js';
import valueFlow from '../../plugins/value-flow/index.js';
import maturity from '../../plugins/maturity/index.js';
import learningLoop from '../../plugins/learning-loop/index.js';
import responsiveness from '../../plugins/responsiveness/index.js';
import { registerPlugins } from './registry.js';
import { extendSchema } from './schema-extension.js';

export const BUILTIN_PLUGINS: Readonly<Record<string, unknown>> = Object.freeze({
  // Centralities over ties and value exchanges: the analysts' "who matters" questions.
  influence,
  // Sentiment and topics of signals (Italian, English), live and re-run on demand; no dependency.
  enrichment,
  // Response rate and time, backlog, target breaches, breadth of response (capability 3); reads facts.
  responsiveness,
  // The loop signal → insight → change and trending topics (capabilities 4 and 5); reads facts.
  'learning-loop': learningLoop,
  // Communities, E-I index and boundary spanners: where the organisation closes in on itself.
  silos,
  // Value network analysis; uses silos' Louvain for COMMUNITY groups, so it comes after it.
  'value-flow': valueFlow,
  // One score per capability and a stage, from the four plugins above (its dependencies).
  maturity,
});

/**
 * Runs the schema hooks of built-in plugins (default: all of them) without starting a host, so
 * that `buildSchema()` gives the schema of the default configuration — what the printed SDL
 * (schema/schema.graphql) should show.
 */
export function extendSchemaWithBuiltins(names: readonly string[] = Object.keys(BUILTIN_PLUGINS)): void {
  const { accepted, failed } = registerPlugins(names.map((source) => ({ source, builtin: true, exported: BUILTIN_PLUGINS[source] })));
  if (failed.length) throw failed[0].error;
  for (const plugin of accepted) extendSchema(plugin.definition);
}
