/**
 * The built-in plugins, by the name OSMOSIS_PLUGINS lists them under (the default list is
 * `influence`). They are written against the public plugin API only, exactly as a third party
 * would write them; being known here just lets them load without a path. Loading order is the
 * configuration's, dependencies first.
 */
import influence from '../../plugins/influence/index.js';

export const BUILTIN_PLUGINS: Readonly<Record<string, unknown>> = Object.freeze({
  // Centralities over ties and value exchanges: the analysts' "who matters" questions.
  influence,
});
