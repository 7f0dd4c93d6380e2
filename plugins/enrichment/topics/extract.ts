/**
 * Osmosis Enrichment: topic extraction
 * ====================================
 *
 * The 0 to `maxTopics` topics of a tokenized text:
 * 1. vocabulary: scanning the content words (stop words of either language removed, clause marks
 *    kept as barriers), the longest vocabulary phrase starting at each word is taken — greedy
 *    longest match, its words consumed — and credits each topic it names with its length in words;
 * 2. a topic is kept when its score reaches `minScore` and `relative` × the best score, best first,
 *    ties in vocabulary order;
 * 3. keywords (when `keywords` is on and fewer topics were found): the remaining content words of at
 *    least `minKeywordLength` letters, without digits and not in `exclude` (opinion words), grouped
 *    by light stem; the most frequent first (then the longer, then the earlier), each named by its
 *    first surface form.
 *
 * [Reference]:
 * Christopher D. Manning, Prabhakar Raghavan, Hinrich Schütze. Introduction to Information
 * Retrieval, Cambridge University Press, 2008, §2.2 (normalisation, stop words, stemming) and
 * §6.2 (term frequency). Greedy longest match: the maximum-matching dictionary segmentation of
 * Pak-kwong Wong, Chorkin Chan. Chinese word segmentation based on maximum matching and word
 * binding force. COLING 1996.
 */
import type { Language } from '../text/language.js';
import { isStopword } from '../text/stopwords.js';
import { stem } from '../text/stem.js';
import { isWord } from '../text/tokenize.js';
import { stemsOf, type CompiledVocabulary } from './compile.js';

const MODULE = 'osmosis/enrichment/extract';

export interface ExtractOptions {
  /** Most topics returned. */
  maxTopics: number;
  /** Least score of a vocabulary topic (words matched). */
  minScore: number;
  /** Least score relative to the best topic's. */
  relative: number;
  /** Fill up with keywords when the vocabulary finds fewer than maxTopics. */
  keywords: boolean;
  /** Shortest keyword. */
  minKeywordLength: number;
  /** The text's language, for keyword stems (null: English stems). */
  language: Language | null;
  /** Words never taken as keywords (e.g. the sentiment lexicon's). */
  exclude: (word: string) => boolean;
}

export const DEFAULTS: Readonly<ExtractOptions> = Object.freeze({
  maxTopics: 3, minScore: 1, relative: 0.5, keywords: false, minKeywordLength: 4, language: null, exclude: () => false,
});

/** Topic names of `tokens` (from `tokenize`), best first. */
export function extractTopics(tokens: readonly string[], vocabulary: CompiledVocabulary, options?: Partial<ExtractOptions>): string[] {
  const o = { ...DEFAULTS, ...options };
  if (!Number.isInteger(o.maxTopics) || o.maxTopics < 0) throw new RangeError(`${MODULE}: maxTopics must be a non-negative integer`);
  if (o.maxTopics === 0) return [];
  // Content words and barriers; `null` marks a clause mark.
  const words: (string | null)[] = tokens.filter((t) => !isWord(t) || !isStopword(t, null)).map((t) => (isWord(t) ? t : null));
  const stems = words.map((w) => (w === null ? null : new Set(stemsOf(w))));
  const scores = new Map<number, number>();
  const consumed = new Array<boolean>(words.length).fill(false);

  for (let i = 0; i < words.length;) {
    const first = stems[i];
    // The longest phrases that fit here (several when the word has two stems): their topics, once each.
    let length = 0;
    const topics = new Set<number>();
    for (const s of first ?? []) {
      for (const phrase of vocabulary.byFirstStem.get(s) ?? []) {
        if (phrase.words.length < length) break;
        const fits = phrase.words.every((alternatives, k) => {
          const here = stems[i + k];
          return here !== undefined && here !== null && alternatives.some((a) => here.has(a));
        });
        if (!fits) continue;
        if (phrase.words.length > length) topics.clear();
        length = phrase.words.length;
        for (const t of phrase.topics) topics.add(t);
      }
    }
    if (length === 0) {
      i++;
      continue;
    }
    for (const t of topics) scores.set(t, (scores.get(t) ?? 0) + length);
    consumed.fill(true, i, i + length);
    i += length;
  }

  const best = Math.max(0, ...scores.values());
  const found = [...scores]
    .filter(([, score]) => score >= o.minScore && score >= o.relative * best)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, o.maxTopics)
    .map(([t]) => vocabulary.topics[t]);
  if (!o.keywords || found.length >= o.maxTopics) return found;

  const groups = new Map<string, { form: string; count: number; first: number }>();
  words.forEach((w, i) => {
    if (w === null || consumed[i] || w.length < o.minKeywordLength || /\p{N}/u.test(w) || o.exclude(w)) return;
    const key = stem(w, o.language ?? 'en');
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { form: w, count: 1, first: i });
  });
  const taken = new Set(found);
  const keywords = [...groups.values()]
    .sort((a, b) => b.count - a.count || b.form.length - a.form.length || a.first - b.first)
    .map((g) => g.form)
    .filter((k) => !taken.has(k));
  return [...found, ...keywords.slice(0, o.maxTopics - found.length)];
}
