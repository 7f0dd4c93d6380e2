/**
 * Osmosis Enrichment: language detection (Italian or English)
 * ===========================================================
 *
 * Counts the tokens that are stop words of one language only (ONLY_IT, ONLY_EN): function words
 * make up a large share of any sentence, so even a short message carries a few. The language with
 * more of them wins when it has at least `minCount` and beats the other by `margin`; a word with an
 * Italian accent (à è é ì ò ù) counts half an Italian stop word. Otherwise the answer is null
 * (undecided: the caller falls back to its default language).
 *
 * [Reference]:
 * Gregory Grefenstette. Comparing two language identification schemes. JADT 1995 (the short-word /
 * stop-word method).
 */
import { isWord } from './tokenize.js';
import { ONLY_EN, ONLY_IT } from './stopwords.js';

const MODULE = 'osmosis/enrichment/language';

export type Language = 'it' | 'en';

export interface LanguageOptions {
  /** Fewest exclusive stop words the winner needs. */
  minCount: number;
  /** How many more than the other language the winner needs. */
  margin: number;
}

export const DEFAULTS: Readonly<LanguageOptions> = Object.freeze({ minCount: 1, margin: 1 });

const ACCENTED = /[àèéìòù]/;

/** 'it', 'en', or null when the tokens do not say. */
export function detectLanguage(tokens: readonly string[], options?: Partial<LanguageOptions>): Language | null {
  const { minCount, margin } = { ...DEFAULTS, ...options };
  if (!(minCount >= 0) || !(margin >= 0)) throw new RangeError(`${MODULE}: minCount and margin must be non-negative`);
  let it = 0;
  let en = 0;
  for (const t of tokens) {
    if (!isWord(t)) continue;
    if (ONLY_IT.has(t)) it += 1;
    else if (ONLY_EN.has(t)) en += 1;
    else if (ACCENTED.test(t)) it += 0.5;
  }
  if (it >= minCount && it - en >= margin) return 'it';
  if (en >= minCount && en - it >= margin) return 'en';
  return null;
}
