/**
 * The enrichment plugin's GraphQL field:
 *
 *   mutation { enrichmentRerun(since: "2026-01-01T00:00:00Z", onlyMissing: true) { scanned enriched batches ms } }
 *
 * Re-runs sentiment and topic extraction over the existing signals of a time window (all of them
 * by default), e.g. after loading history recorded before the plugin was enabled, or after changing
 * the topic vocabulary. A write: served behind the API tokens like every mutation.
 */
import { badUserInput, type PluginSchema } from '../../src/plugin-api/index.js';
import { settingsOf, type EnrichmentOptions } from './options.js';
import { rerun, type RerunCounts } from './rerun.js';

export function enrichmentSchema(schema: PluginSchema<EnrichmentOptions>): void {
  const { builder } = schema;
  const Result = builder.objectRef<RerunCounts>('EnrichmentRerunResult').implement({
    description: 'What `enrichmentRerun` did.',
    fields: (t) => ({
      scanned: t.exposeInt('scanned', { description: 'Signals read in the window.' }),
      enriched: t.exposeInt('enriched', { description: 'Signals given a sentiment and/or topics.' }),
      batches: t.exposeInt('batches', { description: 'Pages read (one transaction each at most).' }),
      ms: t.exposeFloat('ms', { description: 'Milliseconds it took.' }),
    }),
  });

  schema.mutationField('enrichmentRerun', (t) => t.field({
    type: Result,
    description: 'Re-runs sentiment and topic extraction (enrichment plugin) over the signals that occurred in [since, until), '
      + 'newest first, in batches. onlyMissing (default): only signals without a sentiment; false: every signal, its sentiment '
      + 'replaced. Topics are added to what the signals are about, never removed.',
    args: {
      since: t.arg({ type: 'DateTime', required: false, description: 'Inclusive; default: the oldest signal.' }),
      until: t.arg({ type: 'DateTime', required: false, description: 'Exclusive; default: now and beyond.' }),
      onlyMissing: t.arg.boolean({ required: false, defaultValue: true, description: 'Only signals without a sentiment.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      if (args.since && args.until && args.since >= args.until) throw badUserInput('until', 'must be after since');
      const scope = schema.scope(ctx, info);
      return rerun(
        { since: args.since, until: args.until, onlyMissing: args.onlyMissing ?? true },
        { signals: scope.signals, settings: settingsOf(scope.options), log: scope.log, batch: scope.options.rerunBatch },
      );
    },
  }));
}
