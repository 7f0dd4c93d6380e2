/**
 * Benchmark databases are generated once and kept under data/bench/ (a deterministic seed makes
 * them identical on every machine); later runs reuse them.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function largeEmbeddedDb(actors: number, ties: number, signals: number, exchanges = 0): string {
  const file = `data/bench/large-${actors}-${ties}-${signals}${exchanges ? `-x${exchanges}` : ''}.db`;
  if (existsSync(file)) return file;
  mkdirSync('data/bench', { recursive: true });
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  console.log(`generating ${file} (once; reused by later runs)...`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'seed', '--large',
    '--actors', String(actors), '--ties', String(ties), '--signals', String(signals), '--exchanges', String(exchanges)], {
    env: { ...process.env, OSMOSIS_DB: tmp, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`seeding ${file} failed`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
  renameSync(tmp, file);
  return file;
}
