/**
 * Osmosis Enrichment: light stemming (Italian and English)
 * ========================================================
 *
 * Folds the inflections that matter for matching topic words — number and gender — and nothing
 * more, so a stem stays readable and two different words rarely meet:
 * - English: `ies` → `y`, `sses` → `ss`, `xes`/`ches`/`shes`/`zes` lose `es`, a final `s` goes
 *   (not after `s`, `u` or `i`: `glass`, `status`, `analysis`); words under 4 letters are kept;
 * - Italian: a final vowel goes from words of 5 letters or more (`consegna`, `consegne` →
 *   `consegn`; `pacco`, `pacchi` → `pacc`: `ch`/`gh` left before the vowel fold to `c`/`g`), and
 *   accents are removed from that vowel first (`città` → `citt`).
 * Light stemmers of this kind lose little against full ones for retrieval in Italian.
 *
 * [Reference]:
 * Jacques Savoy. Light stemming approaches for the French, Portuguese, German and Hungarian
 * languages. ACM SAC 2006; and Savoy's Italian light stemmer (plural/gender suffixes),
 * http://members.unine.ch/jacques.savoy/clef/ (CLEF 2001–2006).
 * Donna Harman. How effective is suffixing? JASIS 42(1), 1991 (the English "S" stemmer).
 */
import type { Language } from './language.js';

const ITALIAN_ACCENTS: Record<string, string> = { à: 'a', è: 'e', é: 'e', ì: 'i', ò: 'o', ù: 'u' };

// Suffix tests use endsWith rather than regular expressions: stemming runs on every word of every signal.
function endsWithAny(word: string, suffixes: readonly string[]): boolean {
  for (const suffix of suffixes) if (word.endsWith(suffix)) return true;
  return false;
}
const ES_PLURALS = ['xes', 'ches', 'shes', 'zes'];
const NOT_PLURAL_S = ['ss', 'us', 'is'];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const CH_GH = ['ch', 'gh'];

function stemEnglish(word: string): string {
  if (word.length < 4 || word.includes("'")) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (endsWithAny(word, ES_PLURALS)) return word.slice(0, -2);
  if (word.endsWith('s') && !endsWithAny(word, NOT_PLURAL_S)) return word.slice(0, -1);
  return word;
}

function stemItalian(word: string): string {
  const last = word[word.length - 1];
  const folded = ITALIAN_ACCENTS[last] ? word.slice(0, -1) + ITALIAN_ACCENTS[last] : word;
  if (folded.length < 5 || !endsWithAny(folded, VOWELS)) return folded;
  const stem = folded.slice(0, -1);
  return endsWithAny(stem, CH_GH) ? stem.slice(0, -1) : stem;
}

/** The light stem of a lower-case word in `language`. */
export function stem(word: string, language: Language): string {
  return language === 'it' ? stemItalian(word) : stemEnglish(word);
}
