/**
 * Osmosis Enrichment: one signal's enrichment
 * ===========================================
 *
 * Tokenize → detect the language (Italian or English by stop words; when they do not tell, the
 * language whose lexicon rates more of the words; else the configured default, which is also the
 * language when detection is off) → score the sentiment with that language's lexicon → extract the
 * topics.
 * Pure: the same text and settings always give the same answer.
 */
import { BOOSTERS_EN, CONTRASTS_EN, LEXICON_EN, NEGATORS_EN } from './sentiment/lexicon-en.js';
import { BOOSTERS_IT, CONTRASTS_IT, LEXICON_IT, NEGATORS_IT } from './sentiment/lexicon-it.js';
import { scoreSentiment, type SentimentLexicon } from './sentiment/score.js';
import { detectLanguage, type Language } from './text/language.js';
import { tokenize } from './text/tokenize.js';
import type { CompiledVocabulary } from './topics/compile.js';
import { DEFAULTS as TOPIC_DEFAULTS, topicsOf } from './topics/extract.js';

export const LEXICONS: Readonly<Record<Language, SentimentLexicon>> = Object.freeze({
  it: { words: LEXICON_IT, negators: NEGATORS_IT, boosters: BOOSTERS_IT, contrasts: CONTRASTS_IT },
  en: { words: LEXICON_EN, negators: NEGATORS_EN, boosters: BOOSTERS_EN, contrasts: CONTRASTS_EN },
});

/** Opinion words are not topics. */
const isOpinionWord = (word: string): boolean => Object.hasOwn(LEXICON_IT, word) || Object.hasOwn(LEXICON_EN, word);

/** The language whose lexicon rates more of the words (when stop words did not tell); null on a tie. */
function byLexicon(tokens: readonly string[]): Language | null {
  let it = 0;
  let en = 0;
  for (const t of tokens) {
    if (Object.hasOwn(LEXICON_IT, t)) it++;
    if (Object.hasOwn(LEXICON_EN, t)) en++;
  }
  return it > en ? 'it' : en > it ? 'en' : null;
}

export interface AnalyseSettings {
  /** The topic vocabulary (compileVocabulary). */
  vocabulary: CompiledVocabulary;
  maxTopics: number;
  /** Fill up with keywords when the vocabulary finds fewer than maxTopics. */
  keywords: boolean;
  /** Detect Italian or English; off: always `language`. */
  detectLanguage: boolean;
  /** The language when detection is off or undecided. */
  language: Language;
}

export interface Analysis {
  language: Language;
  /** In [-1, 1]; null for a text without words (nothing to judge). */
  sentiment: number | null;
  topics: string[];
}

/** A letter: a text whose tokens have none (numbers, clause marks) has nothing to judge. */
const LETTER = /\p{L}/u;

export function analyse(text: string | null, settings: AnalyseSettings): Analysis {
  const tokens = tokenize(text ?? '');
  const language = settings.detectLanguage ? detectLanguage(tokens) ?? byLexicon(tokens) ?? settings.language : settings.language;
  const hasWords = tokens.some((t) => LETTER.test(t));
  return {
    language,
    sentiment: hasWords ? scoreSentiment(tokens, LEXICONS[language]).score : null,
    // Every option spelled out: merging with the (frozen) defaults by spreading costs more than the extraction.
    topics: topicsOf(tokens, settings.vocabulary, {
      maxTopics: settings.maxTopics, keywords: settings.keywords, language, exclude: isOpinionWord,
      minScore: TOPIC_DEFAULTS.minScore, relative: TOPIC_DEFAULTS.relative, minKeywordLength: TOPIC_DEFAULTS.minKeywordLength,
    }),
  };
}
