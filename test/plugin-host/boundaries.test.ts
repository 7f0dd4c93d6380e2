/**
 * The rule the tree encodes: plugins import only the public plugin API. Every non-test source of
 * plugins/<name>/ may import relative files of its own folder, `src/plugin-api/index.js` (or
 * `osmosis/plugin-api`), and Node built-ins — nothing else of Osmosis and no other package. Test
 * files and test support may use anything (graphology as a reference, for instance).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLUGINS = join(ROOT, 'plugins');
const API = join(ROOT, 'src/plugin-api/index.js');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' || name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mts|js|mjs)$/.test(name) && !/\.(test|spec|bench)\.[mc]?[jt]s$/.test(name) ? [path] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, dynamic imports. */
const specifiers = (text: string): string[] => [
  ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g),
  ...text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g),
  ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
].map((m) => m[1]);

describe('plugins import only the public plugin API', () => {
  const plugins = readdirSync(PLUGINS).filter((name) => statSync(join(PLUGINS, name)).isDirectory());

  it('finds the built-in plugins', () => {
    expect(plugins).toContain('influence');
  });

  for (const plugin of plugins) {
    it(`plugins/${plugin}`, () => {
      const home = join(PLUGINS, plugin);
      const offenders: string[] = [];
      const files = sources(home);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          const allowed = spec === 'osmosis/plugin-api'
            || spec.startsWith('node:')
            || (spec.startsWith('.') && (resolve(dirname(file), spec) === API || !relative(home, resolve(dirname(file), spec)).startsWith('..')));
          if (!allowed) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('the scanner sees every kind of import', () => {
    expect(specifiers(`import a from './a.js';\nimport type { B } from "../b.js";\nexport * from './c.js';\nimport './d.js';\nconst e = await import('e');`))
      .toEqual(['./a.js', '../b.js', './c.js', './d.js', 'e']);
  });
});
