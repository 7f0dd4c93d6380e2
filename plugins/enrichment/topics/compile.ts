/**
 * Osmosis Enrichment: compiling a topic vocabulary
 * ================================================
 *
 * Turns topic definitions into what `extractTopics` matches: each synonym (the topic's name when it
 * has none) is tokenized, stripped of stop words of either language, and each remaining word kept as the set of
 * its Italian and English light stems, so a vocabulary written in both languages matches a text in
 * either without knowing which. Phrases are indexed by the stems of their first word.
 */
import { isStopword } from '../text/stopwords.js';
import { stem } from '../text/stem.js';
import { isWord, tokenize } from '../text/tokenize.js';
import type { TopicDefinition } from './vocabulary.js';

const MODULE = 'osmosis/enrichment/compile';

/** The stems a word may stand for: its Italian and its English light stem. */
export const stemsOf = (word: string): readonly string[] => {
  const it = stem(word, 'it');
  const en = stem(word, 'en');
  return it === en ? [it] : [it, en];
};

/** One synonym, ready to match. */
export interface CompiledPhrase {
  /** Its normalised words, joined by spaces: one entry however many topics share the phrase. */
  readonly key: string;
  /** Per word, the stems it matches. */
  readonly words: readonly (readonly string[])[];
  /** Indices (into `topics`) of the topics it names. */
  readonly topics: readonly number[];
}

export interface CompiledVocabulary {
  /** Topic names, in vocabulary order (ties are broken by it). */
  readonly topics: readonly string[];
  /** Phrases by each stem of their first word, longest first. */
  readonly byFirstStem: ReadonlyMap<string, readonly CompiledPhrase[]>;
}

/** The words of a synonym that matching looks at. */
export const contentWords = (text: string): string[] => tokenize(text).filter((t) => isWord(t) && !isStopword(t, null));

/** Compiles topic definitions; throws naming a topic without a name or a synonym made only of stop words. */
export function compileVocabulary(definitions: readonly TopicDefinition[]): CompiledVocabulary {
  const topics: string[] = [];
  const phrases = new Map<string, { words: string[][]; topics: Set<number> }>();
  definitions.forEach((d) => {
    const name = typeof d?.name === 'string' ? d.name.trim() : '';
    if (!name) throw new Error(`${MODULE}: every topic needs a name`);
    const index = topics.indexOf(name) >= 0 ? topics.indexOf(name) : topics.push(name) - 1;
    // The name is its own synonym unless synonyms are given (list it among them to keep it).
    const synonyms = d.synonyms?.length ? d.synonyms : [name];
    for (const synonym of synonyms) {
      const words = typeof synonym === 'string' ? contentWords(synonym) : [];
      if (words.length === 0) throw new Error(`${MODULE}: the synonym "${String(synonym)}" of topic "${name}" has no word that is not a stop word`);
      const key = words.join(' ');
      let phrase = phrases.get(key);
      if (!phrase) phrases.set(key, (phrase = { words: words.map((w) => [...stemsOf(w)]), topics: new Set() }));
      phrase.topics.add(index);
    }
  });
  const byFirstStem = new Map<string, CompiledPhrase[]>();
  for (const [key, p] of phrases) {
    const compiled: CompiledPhrase = Object.freeze({ key, words: p.words, topics: [...p.topics].sort((a, b) => a - b) });
    for (const s of p.words[0]) {
      let list = byFirstStem.get(s);
      if (!list) byFirstStem.set(s, (list = []));
      list.push(compiled);
    }
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.words.length - a.words.length || (a.key < b.key ? -1 : 1));
  return Object.freeze({ topics: Object.freeze(topics), byFirstStem });
}
