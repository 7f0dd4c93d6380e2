import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/port.js';
import { generateEcosystem, generateLargeGraph, loadEcosystem, type EcosystemPlan } from '../../seeds/index.js';
import { createProgress } from './progress.js';
import { usageError, wholeNumber } from './args.js';

export async function seed(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      large: { type: 'boolean', default: false },
      actors: { type: 'string' },
      ties: { type: 'string' },
      signals: { type: 'string' },
      exchanges: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  // Bounds checked before anything is generated: a large world is built in memory first.
  const LIMITS = { actors: [200, 1_000_000], ties: [0, 10_000_000], signals: [0, 5_000_000], exchanges: [0, 5_000_000] } as const;
  const count = (name: keyof typeof LIMITS): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    if (!values.large && (name === 'actors' || name === 'ties')) throw usageError(`--${name} applies to --large only (the demo ecosystem has a fixed cast)`);
    return wholeNumber(name, raw, LIMITS[name][0], LIMITS[name][1]);
  };
  const sizes = { actors: count('actors'), ties: count('ties'), signals: count('signals'), exchanges: count('exchanges') };
  const plan = values.large
    ? generateLargeGraph({ seed: values.seed, ...sizes })
    : generateEcosystem({ seed: values.seed, signals: sizes.signals, exchanges: sizes.exchanges });

  const config = loadConfig();
  const store = await openStore(config);
  try {
    const stats = await store.stats();
    if (stats.actors > 0 && !values.force) {
      console.error(`osmosis seed: the ${config.OSMOSIS_STORE} store already holds ${stats.actors} actors; ` +
        'seeding again would add responses, insights and changes twice. Use another OSMOSIS_DB, or --force.');
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    const counts = await loadWithProgress(store, plan);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`osmosis seed: loaded ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} in ${seconds} s`);
  } finally {
    await store.close();
  }
}

export async function loadWithProgress(store: Store, plan: EcosystemPlan) {
  const progress = createProgress();
  try {
    return await loadEcosystem(store, plan, { onProgress: (phase, done, total) => progress.update(phase, done, total) });
  } finally {
    progress.stop();
  }
}

/** `serve --seed-if-empty`: a first start shows the demo ecosystem rather than an empty graph. */
export async function loadDemoIfEmpty(store: Store, log: Logger): Promise<void> {
  if ((await store.stats()).actors > 0) return;
  log.info('empty store: loading the demo ecosystem');
  const counts = await loadWithProgress(store, generateEcosystem());
  log.info({ counts }, 'demo ecosystem loaded');
}
