/**
 * Re-running the enrichment over existing signals (`Mutation.enrichmentRerun`): pages through the
 * signals of a time window, newest first, enriches each page in one transaction, yields the event
 * loop between pages, and logs progress every `logEvery` pages and at the end.
 * `onlyMissing` (default) touches only signals without a sentiment; otherwise every signal of the
 * window gets its sentiment recomputed (replacing the stored one) and its topics added.
 */
import type { PluginLogger, SignalAccess, SignalEnrichmentItem } from '../../src/plugin-api/index.js';
import type { AnalyseSettings } from './analyse.js';
import { enrichmentOf } from './enrich-signal.js';

export interface RerunArgs {
  since?: string | null;
  until?: string | null;
  onlyMissing: boolean;
}

export interface RerunCounts {
  /** Signals read in the window. */
  scanned: number;
  /** Signals written (sentiment and/or topics). */
  enriched: number;
  /** Pages (transactions at most) it took. */
  batches: number;
  ms: number;
}

export interface RerunContext {
  signals: SignalAccess;
  settings: AnalyseSettings;
  log: PluginLogger;
  /** Signals per page. */
  batch: number;
  /** Log progress every this many pages. */
  logEvery?: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function rerun(args: RerunArgs, context: RerunContext): Promise<RerunCounts> {
  const started = performance.now();
  const { signals, settings, log, batch } = context;
  const logEvery = context.logEvery ?? 10;
  const counts = { scanned: 0, enriched: 0, batches: 0 };
  const window = { ...(args.since ? { since: args.since } : {}), ...(args.until ? { until: args.until } : {}) };
  log.info({ ...window, onlyMissing: args.onlyMissing, batch }, 'enrichment rerun: started');
  let after: string | null = null;
  do {
    const page = await signals.scan({ ...window, after, limit: batch });
    counts.batches++;
    counts.scanned += page.signals.length;
    const items: SignalEnrichmentItem[] = [];
    for (const s of page.signals) {
      if (args.onlyMissing && s.sentiment !== null) continue;
      const enrichment = enrichmentOf(s, settings, !args.onlyMissing);
      if (enrichment) items.push({ signalId: s.id, ...enrichment });
    }
    if (items.length) await signals.enrich(items);
    counts.enriched += items.length;
    if (counts.batches % logEvery === 0) log.info({ ...counts }, 'enrichment rerun: progress');
    after = page.endCursor;
    await nextTurn(); // let requests in between pages
  } while (after !== null);
  const ms = Math.round(performance.now() - started);
  log.info({ ...counts, ms }, 'enrichment rerun: done');
  return { ...counts, ms };
}
