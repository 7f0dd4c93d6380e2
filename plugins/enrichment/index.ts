/**
 * The enrichment plugin: sentiment in [-1, 1] and topics for every signal, in Italian and English.
 * - Live: every batch given to `recordSignals` is analysed before it is written
 *   (`enrichIncomingSignals`), so each signal is stored, answered and published already enriched,
 *   in the same transaction — nothing is written twice.
 * - Again, over existing signals: `mutation { enrichmentRerun(since, until, onlyMissing) }`.
 *
 * Method (docs/analytics.md, Enrichment): tokenize → tell Italian from English by stop words →
 * lexicon sentiment with VADER's rules (AFINN-165 for English, a lexicon written for this plugin for
 * Italian) → topics from a vocabulary with synonyms in both languages (greedy longest match over
 * light stems), optionally filled up with keywords. It runs on the event loop, yielding between
 * chunks of a large batch; no model, nothing downloaded.
 *
 * Built in, and written only against the public plugin API, as a third party would write it.
 */
import { definePlugin, type Enrichment } from '../../src/plugin-api/index.js';
import { enrichmentOf } from './enrich-signal.js';
import { enrichmentOptions, settingsOf, type EnrichmentOptions } from './options.js';
import { enrichmentSchema } from './schema.js';

/** Signals analysed between two yields of the event loop. */
const CHUNK = 1000;

export default definePlugin<EnrichmentOptions>({
  name: 'enrichment',
  version: '1.0.0',
  apiVersion: '^1.2.0',
  description: 'Sentiment and topics of signals (Italian and English), live and on demand (enrichmentRerun).',
  options: enrichmentOptions,
  schema: enrichmentSchema,
  setup({ options, events, log }) {
    const settings = settingsOf(options);
    log.info({ topics: settings.vocabulary.topics.length, maxTopics: options.maxTopics, language: options.language }, 'enrichment ready');
    events.enrichIncomingSignals(async (signals) => {
      const out: (Enrichment | null)[] = [];
      for (let start = 0; start < signals.length; start += CHUNK) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        for (const s of signals.slice(start, start + CHUNK)) out.push(enrichmentOf(s, settings, options.overwriteSentiment));
      }
      return out;
    });
  },
});
