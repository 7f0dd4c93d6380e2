/**
 * `osmosis/plugin-api`: the public entry for plugin authors — the contract (plugin.ts) and the
 * testkit (testkit.ts). Plugins import from here and from nowhere else in Osmosis.
 */
export * from './plugin.js';
export * from './testkit.js';
