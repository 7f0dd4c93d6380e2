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
 * light stems), optionally filled up with keywords. It runs on the event loop, yielding every few
 * milliseconds of work, on the first 2,000 characters of each text; no model, nothing downloaded.
 *
 * Built in, and written only against the public plugin API, as a third party would write it.
 */
import { definePlugin, type Enrichment } from '../../src/plugin-api/index.js';
import { MAX_ANALYSED_CHARS, enrichmentOf } from './enrich-signal.js';
import { enrichmentOptions, settingsOf, type EnrichmentOptions } from './options.js';
import { enrichmentSchema } from './schema.js';

/** Characters analysed between two yields of the event loop (a few milliseconds of work). */
const CHARS_PER_SLICE = 50_000;

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
      let analysed = 0;
      for (const s of signals) {
        if (analysed >= CHARS_PER_SLICE) {
          analysed = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        analysed += Math.min(s.text.length, MAX_ANALYSED_CHARS);
        out.push(enrichmentOf(s, settings, options.overwriteSentiment));
      }
      return out;
    });
  },
});
