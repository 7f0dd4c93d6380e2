/** `npm run neo4j`: arguments it cannot use stop it at once (exit 2) with a message naming them, before Java starts. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'test/support/neo4j-cli.ts', ...args], { encoding: 'utf8' });

describe('npm run neo4j', () => {
  it.each([
    [['--port', 'abc'], '--port must be an integer from 0 to 65535, got "abc"'],
    [['--port', '70000'], '--port must be an integer'],
    [['--page-cache-mb=-5'], '--page-cache-mb must be an integer from 16'], [['--page-cache-mb', '8'], '--page-cache-mb must be an integer from 16'],
    [['--auth', 'neo4j'], '--auth expects USER:PASSWORD'],
    [['--auth', 'neo4j:'], '--auth expects USER:PASSWORD'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: npm run neo4j');
    expect(r.stdout).not.toContain('Starting Neo4j');
  });

  it('--help prints the usage', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--page-cache-mb');
  });
});
