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
import { stemsOf, type CompiledPhrase, type CompiledVocabulary } from './compile.js';

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

const NONE: readonly never[] = [];

/** A content word as matching sees it: its stems, and the phrases that may start with it (by any stem), longest first. */
interface ContentWord {
  readonly word: string;
  readonly stems: readonly string[];
  readonly starts: readonly CompiledPhrase[];
}

/** A token for matching: a clause mark (phrases do not span it), a stop word (skipped) or a content word. */
type TokenView = 'barrier' | 'stopword' | ContentWord;

/**
 * Per vocabulary, the views of recently seen tokens: a few thousand words make up most messages, and
 * one lookup replaces the stop word test, two stemmings and the phrase lookups. Bounded: emptied when full.
 */
const viewCaches = new WeakMap<CompiledVocabulary, Map<string, TokenView>>();
const VIEW_CACHE_SIZE = 10_000;

function viewOf(token: string, vocabulary: CompiledVocabulary, cache: Map<string, TokenView>): TokenView {
  let view = cache.get(token);
  if (view === undefined) {
    if (!isWord(token)) view = 'barrier';
    else if (isStopword(token, null)) view = 'stopword';
    else {
      const stems = stemsOf(token);
      // One list for both stems, longest first: scanning it finds the same longest fitting phrases as scanning each stem's.
      const starts = stems.flatMap((s) => vocabulary.byFirstStem.get(s) ?? []).sort((a, b) => b.words.length - a.words.length);
      view = { word: token, stems, starts };
    }
    if (cache.size >= VIEW_CACHE_SIZE) cache.clear();
    cache.set(token, view);
  }
  return view;
}

/** Topic names of `tokens` (from `tokenize`), best first. */
export function extractTopics(tokens: readonly string[], vocabulary: CompiledVocabulary, options?: Partial<ExtractOptions>): string[] {
  return topicsOf(tokens, vocabulary, options ? { ...DEFAULTS, ...options } : DEFAULTS);
}

/** `extractTopics` with every option given (callers on the hot path skip merging them with DEFAULTS). */
export function topicsOf(tokens: readonly string[], vocabulary: CompiledVocabulary, o: Readonly<ExtractOptions>): string[] {
  if (!Number.isInteger(o.maxTopics) || o.maxTopics < 0) throw new RangeError(`${MODULE}: maxTopics must be a non-negative integer`);
  if (o.maxTopics === 0) return [];
  let cache = viewCaches.get(vocabulary);
  if (!cache) viewCaches.set(vocabulary, (cache = new Map()));
  // Content words and barriers (`null` marks a clause mark).
  const words: (ContentWord | null)[] = [];
  for (const t of tokens) {
    const view = viewOf(t, vocabulary, cache);
    if (view === 'barrier') words.push(null);
    else if (view !== 'stopword') words.push(view);
  }
  const scores = new Map<number, number>();
  // Only keywords need to know which words a phrase took.
  const consumed = o.keywords ? new Array<boolean>(words.length).fill(false) : null;

  for (let i = 0; i < words.length;) {
    // The longest phrases that fit here (there may be several of one length): their topics, once each.
    // The set is made only when a phrase fits: most words start none.
    let length = 0;
    let topics: Set<number> | null = null;
    for (const phrase of words[i]?.starts ?? NONE) {
      if (phrase.words.length < length) break;
      if (!fitsAt(phrase.words, words, i)) continue;
      if (topics === null || phrase.words.length > length) topics = new Set();
      length = phrase.words.length;
      for (const t of phrase.topics) topics.add(t);
    }
    if (topics === null) {
      i++;
      continue;
    }
    for (const t of topics) scores.set(t, (scores.get(t) ?? 0) + length);
    consumed?.fill(true, i, i + length);
    i += length;
  }

  const found = scores.size === 0 ? [] : ranked(scores, vocabulary, o);
  if (!o.keywords || found.length >= o.maxTopics) return found;

  const groups = new Map<string, { form: string; count: number; first: number }>();
  words.forEach((content, i) => {
    const w = content?.word;
    if (w === undefined || consumed?.[i] || w.length < o.minKeywordLength || /\p{N}/u.test(w) || o.exclude(w)) return;
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

/** Whether each word of a phrase (its alternative stems) matches the words from position `i`. */
function fitsAt(phrase: readonly (readonly string[])[], words: readonly (ContentWord | null)[], i: number): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const here = words[i + k];
    if (here === null || !sharesAny(phrase[k], here.stems)) return false;
  }
  return true;
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** The vocabulary topics kept, best first (ties in vocabulary order). */
function ranked(scores: ReadonlyMap<number, number>, vocabulary: CompiledVocabulary, o: Readonly<ExtractOptions>): string[] {
  let best = 0;
  for (const score of scores.values()) best = Math.max(best, score);
  const kept: { topic: number; score: number }[] = [];
  scores.forEach((score, topic) => {
    if (score >= o.minScore && score >= o.relative * best) kept.push({ topic, score });
  });
  kept.sort(byScore);
  return kept.slice(0, o.maxTopics).map((k) => vocabulary.topics[k.topic]);
}

const byScore = (a: { topic: number; score: number }, b: { topic: number; score: number }): number => b.score - a.score || a.topic - b.topic;
