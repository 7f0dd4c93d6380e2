/**
 * The enrichment plugin's options (OSMOSIS_PLUGIN_OPTIONS.enrichment), validated at registration:
 *
 *   { "topics": ["delivery", { "name": "billing", "synonyms": ["fattura", "invoice"] }],
 *     "maxTopics": 3, "keywords": false, "detectLanguage": true, "language": "en" }
 *
 * and what the analysis needs from them, compiled once per options object.
 */
import { z } from '../../src/plugin-api/index.js';
import type { AnalyseSettings } from './analyse.js';
import { compileVocabulary } from './topics/compile.js';
import { DEFAULT_VOCABULARY, type TopicDefinition } from './topics/vocabulary.js';

const name = z.string().trim().min(1).max(100);
const topic = z.union([
  name.transform((n): TopicDefinition => ({ name: n, synonyms: [] })),
  z.strictObject({ name, synonyms: z.array(z.string().trim().min(1).max(200)).max(500).default([]) }),
]);

export const enrichmentOptions = z.strictObject({
  /** The topic vocabulary: names, or names with synonyms in any language. Default: DEFAULT_VOCABULARY; [] for none. */
  topics: z.array(topic).max(2000).optional(),
  /** Most topics per signal (0: sentiment only). */
  maxTopics: z.int().min(0).max(20).default(3),
  /** Fill up with the text's own keywords when the vocabulary finds fewer than maxTopics. */
  keywords: z.boolean().default(false),
  /** Tell Italian from English per signal; off: every text is in `language`. */
  detectLanguage: z.boolean().default(true),
  /** The language when detection is off or undecided. */
  language: z.enum(['it', 'en']).default('en'),
  /** Replace a sentiment the signal already has (sent by the client) when a new signal is recorded. */
  overwriteSentiment: z.boolean().default(false),
  /** Signals per page and per transaction of `enrichmentRerun`. */
  rerunBatch: z.int().min(10).max(1000).default(250),
}).superRefine((o, ctx) => {
  try {
    compileVocabulary(o.topics ?? DEFAULT_VOCABULARY);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['topics'], message: (error as Error).message });
  }
});

export type EnrichmentOptions = z.output<typeof enrichmentOptions>;

const compiled = new WeakMap<EnrichmentOptions, AnalyseSettings>();

/** What `analyse` needs, from validated options (compiled once per options object). */
export function settingsOf(options: EnrichmentOptions): AnalyseSettings {
  let settings = compiled.get(options);
  if (!settings) {
    settings = Object.freeze({
      vocabulary: compileVocabulary(options.topics ?? DEFAULT_VOCABULARY),
      maxTopics: options.maxTopics,
      keywords: options.keywords,
      detectLanguage: options.detectLanguage,
      language: options.language,
    });
    compiled.set(options, settings);
  }
  return settings;
}
