import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('plugin settings', () => {
  it('defaults: the built-in influence and enrichment plugins, lenient, 2 workers, 30 s, 512 MB', () => {
    expect(loadConfig({}).OSMOSIS_PLUGINS).toEqual(expect.arrayContaining(['influence', 'enrichment']));
    expect(loadConfig({})).toMatchObject({
      OSMOSIS_PLUGINS_STRICT: false, OSMOSIS_PLUGIN_OPTIONS: {},
      OSMOSIS_PLUGIN_WORKERS: 2, OSMOSIS_PLUGIN_TIMEOUT_MS: 30_000, OSMOSIS_PLUGIN_HEAP_MB: 512,
    });
  });

  it('reads a comma-separated list, `none`, and options as JSON', () => {
    expect(loadConfig({ OSMOSIS_PLUGINS: ' influence , ./plugins/mine,osmosis-plugin-x ' }).OSMOSIS_PLUGINS)
      .toEqual(['influence', './plugins/mine', 'osmosis-plugin-x']);
    expect(loadConfig({ OSMOSIS_PLUGINS: 'none' }).OSMOSIS_PLUGINS).toEqual([]);
    expect(loadConfig({ OSMOSIS_PLUGINS_STRICT: 'true' }).OSMOSIS_PLUGINS_STRICT).toBe(true);
    expect(loadConfig({ OSMOSIS_PLUGIN_OPTIONS: '{"influence":{"maxTop":50}}' }).OSMOSIS_PLUGIN_OPTIONS).toEqual({ influence: { maxTop: 50 } });
  });

  it('reads a list and an options object from the configuration file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'osm-plugins-')), 'osmosis.json');
    writeFileSync(file, JSON.stringify({ OSMOSIS_PLUGINS: ['influence', '/opt/x'], OSMOSIS_PLUGIN_OPTIONS: { x: { a: 1 } } }));
    expect(loadConfig({ OSMOSIS_CONFIG: file })).toMatchObject({ OSMOSIS_PLUGINS: ['influence', '/opt/x'], OSMOSIS_PLUGIN_OPTIONS: { x: { a: 1 } } });
  });

  it('names a bad setting', () => {
    expect(() => loadConfig({ OSMOSIS_PLUGIN_OPTIONS: '{not json' })).toThrow(ConfigError);
    expect(() => loadConfig({ OSMOSIS_PLUGIN_OPTIONS: '{not json' })).toThrow(/OSMOSIS_PLUGIN_OPTIONS.*JSON object/);
    expect(() => loadConfig({ OSMOSIS_PLUGIN_OPTIONS: '[1]' })).toThrow(/OSMOSIS_PLUGIN_OPTIONS/);
    expect(() => loadConfig({ OSMOSIS_PLUGIN_TIMEOUT_MS: '5' })).toThrow(/OSMOSIS_PLUGIN_TIMEOUT_MS/);
    expect(() => loadConfig({ OSMOSIS_PLUGIN_WORKERS: '0' })).toThrow(/OSMOSIS_PLUGIN_WORKERS/);
  });
});
