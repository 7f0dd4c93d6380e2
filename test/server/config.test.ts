import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('configuration', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 4000, OSMOSIS_STORE: 'embedded', OSMOSIS_DB: './data/osmosis.db', OSMOSIS_READ_THREADS: 1, OSMOSIS_GRAPHIQL: true });
  });

  it('reads the environment and a JSON file, the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-config-'));
    const file = join(dir, 'osmosis.json');
    writeFileSync(file, JSON.stringify({ PORT: 5000, OSMOSIS_DB: '/tmp/x.db' }));
    const c = loadConfig({ OSMOSIS_CONFIG: file, PORT: '6000' });
    expect(c.PORT).toBe(6000);
    expect(c.OSMOSIS_DB).toBe('/tmp/x.db');
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ OSMOSIS_STORE: 'postgres' })).toThrow(/OSMOSIS_STORE/);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI.*bolt/);
    expect(() => loadConfig({ OSMOSIS_READ_THREADS: '-1' })).toThrow(/OSMOSIS_READ_THREADS/);
    expect(() => loadConfig({ OSMOSIS_READ_THREADS: 'many' })).toThrow(/OSMOSIS_READ_THREADS/);
    const dir = mkdtempSync(join(tmpdir(), 'osm-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ PROT: 1 }));
    expect(() => loadConfig({ OSMOSIS_CONFIG: file })).toThrow(/unknown setting PROT/);
    expect(() => loadConfig({ OSMOSIS_CONFIG: join(dir, 'missing.json') })).toThrow(/cannot read/);
  });

  it('refuses API tokens that name no token instead of starting without authentication', () => {
    for (const value of [',', ' ', ' , ,']) {
      expect(() => loadConfig({ OSMOSIS_API_TOKENS: value }), JSON.stringify(value)).toThrow(/OSMOSIS_API_TOKENS.*names no token/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'osm-config-'));
    const file = join(dir, 'tokens.json');
    writeFileSync(file, JSON.stringify({ OSMOSIS_API_TOKENS: ['', ' '] }));
    expect(() => loadConfig({ OSMOSIS_CONFIG: file })).toThrow(/OSMOSIS_API_TOKENS.*names no token/);
    // Unset or empty: no authentication; blanks between tokens are dropped.
    expect(loadConfig({}).OSMOSIS_API_TOKENS).toEqual([]);
    expect(loadConfig({ OSMOSIS_API_TOKENS: '' }).OSMOSIS_API_TOKENS).toEqual([]);
    expect(loadConfig({ OSMOSIS_API_TOKENS: 'a,, b ' }).OSMOSIS_API_TOKENS).toEqual(['a', 'b']);
    // A token with a blank inside could never be sent as a Bearer token.
    expect(() => loadConfig({ OSMOSIS_API_TOKENS: 'tok1,tok 2' })).toThrow(/OSMOSIS_API_TOKENS.*contains blanks/);
  });

  it('reads JSON booleans and numbers in the file as the environment spells them, and no boolean as a number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-config-'));
    const file = join(dir, 'typed.json');
    writeFileSync(file, JSON.stringify({ OSMOSIS_GRAPHIQL: false, OSMOSIS_MAX_DEPTH: 7 }));
    expect(loadConfig({ OSMOSIS_CONFIG: file })).toMatchObject({ OSMOSIS_GRAPHIQL: false, OSMOSIS_MAX_DEPTH: 7 });
    writeFileSync(file, JSON.stringify({ OSMOSIS_MAX_DEPTH: true }));
    expect(() => loadConfig({ OSMOSIS_CONFIG: file })).toThrow(/OSMOSIS_MAX_DEPTH="true": .*expected number/);
  });

  it('refuses OSMOSIS_PLUGINS naming no plugin; "none" loads none', () => {
    for (const value of [',', ',,,', ' , ']) {
      expect(() => loadConfig({ OSMOSIS_PLUGINS: value }), JSON.stringify(value)).toThrow(/OSMOSIS_PLUGINS.*names no plugin/);
    }
    expect(loadConfig({ OSMOSIS_PLUGINS: 'none' }).OSMOSIS_PLUGINS).toEqual([]);
    expect(loadConfig({ OSMOSIS_PLUGINS: ' silos ,, influence' }).OSMOSIS_PLUGINS).toEqual(['silos', 'influence']);
  });
});
