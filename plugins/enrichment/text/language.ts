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

/** Each exclusive stop word → its language (the two lists do not overlap): one lookup per token. */
const EXCLUSIVE: ReadonlyMap<string, Language> = new Map([
  ...[...ONLY_IT].map((w): [string, Language] => [w, 'it']),
  ...[...ONLY_EN].map((w): [string, Language] => [w, 'en']),
]);

/** 'it', 'en', or null when the tokens do not say. */
export function detectLanguage(tokens: readonly string[], options?: Partial<LanguageOptions>): Language | null {
  const { minCount, margin } = options ? { ...DEFAULTS, ...options } : DEFAULTS;
  if (!(minCount >= 0) || !(margin >= 0)) throw new RangeError(`${MODULE}: minCount and margin must be non-negative`);
  let it = 0;
  let en = 0;
  // Clause marks are neither stop words nor accented: they count for nothing.
  for (const t of tokens) {
    const only = EXCLUSIVE.get(t);
    if (only === 'it') it += 1;
    else if (only === 'en') en += 1;
    else if (ACCENTED.test(t)) it += 0.5;
  }
  if (it >= minCount && it - en >= margin) return 'it';
  if (en >= minCount && en - it >= margin) return 'en';
  return null;
}
