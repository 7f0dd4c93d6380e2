/**
 * The enrichment plugin: sentiment in [-1, 1] and topics for every signal, in Italian and English.
 * - Live: after each batch of newly recorded signals (`onSignalsRecorded`), each text is analysed
 *   and its sentiment and topics written back (one transaction per batch chunk).
 * - Again, over existing signals: `mutation { enrichmentRerun(since, until, onlyMissing) }`.
 *
 * Method (docs/analytics.md, Enrichment): tokenize → tell Italian from English by stop words →
 * lexicon sentiment with VADER's rules (AFINN-165 for English, a lexicon written for this plugin for
 * Italian) → topics from a vocabulary with synonyms in both languages (greedy longest match over
 * light stems), optionally filled up with keywords. Everything runs on the event loop in small
 * chunks: about 15–20 µs per signal, no model, nothing downloaded.
 *
 * Built in, and written only against the public plugin API, as a third party would write it.
 */
import { definePlugin } from '../../src/plugin-api/index.js';
import { enrichmentOf } from './enrich-signal.js';
import { enrichmentOptions, settingsOf, type EnrichmentOptions } from './options.js';
import { enrichmentSchema } from './schema.js';

/** Signals analysed between two yields of the event loop in the live hook. */
const CHUNK = 200;

export default definePlugin<EnrichmentOptions>({
  name: 'enrichment',
  version: '1.0.0',
  apiVersion: '^1.1.0',
  description: 'Sentiment and topics of signals (Italian and English), live and on demand (enrichmentRerun).',
  options: enrichmentOptions,
  schema: enrichmentSchema,
  setup({ options, events, log }) {
    const settings = settingsOf(options);
    log.info({ topics: settings.vocabulary.topics.length, maxTopics: options.maxTopics, language: options.language }, 'enrichment ready');
    events.onSignalsRecorded(async (signals, { enrich }) => {
      for (let start = 0; start < signals.length; start += CHUNK) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const writes: Promise<void>[] = [];
        for (const s of signals.slice(start, start + CHUNK)) {
          const enrichment = enrichmentOf(s, settings, options.overwriteSentiment);
          if (enrichment) writes.push(enrich(s.id, enrichment));
        }
        await Promise.all(writes); // same tick: one transaction for the chunk
      }
    });
  },
});
