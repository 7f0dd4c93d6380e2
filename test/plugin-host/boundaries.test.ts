/**
 * The rule the tree encodes: plugins import only the public plugin API. Every non-test source of
 * plugins/<name>/ may import relative files of its own folder, `src/plugin-api/index.js` (or
 * `osmosis/plugin-api`), Node built-ins, the packages its own package.json declares as
 * dependencies (as a third-party plugin would) and the modules of the plugins it declares as
 * dependencies — nothing else of Osmosis and no other package. Test
 * files and test support may use anything (graphology as a reference, for instance).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
    it(`plugins/${plugin}`, async () => {
      const home = join(PLUGINS, plugin);
      // A plugin may also use the modules of the plugins it declares as dependencies (as it would
      // import their packages).
      const definition = (await import(pathToFileURL(join(home, 'index.ts')).href) as { default: { dependencies?: Record<string, string> } }).default;
      const uses = Object.keys(definition.dependencies ?? {}).map((name) => join(PLUGINS, name));
      const offenders: string[] = [];
      const files = sources(home);
      expect(files.length).toBeGreaterThan(0);
      const manifest = join(home, 'package.json');
      const own = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {} : {};
      const declared = new Set(Object.keys(own));
      // The root package.json installs them, at the same version.
      const root = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
      for (const [name, version] of Object.entries(own)) expect(root[name], `${name} in the root package.json`).toBe(version);
      const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
      for (const file of files) {
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          const allowed = spec === 'osmosis/plugin-api'
            || spec.startsWith('node:')
            || declared.has(packageOf(spec))
            || (spec.startsWith('.') && [home, ...uses].some((dir) => !relative(dir, resolve(dirname(file), spec)).startsWith('..')))
            || (spec.startsWith('.') && resolve(dirname(file), spec) === API);
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
