/**
 * Osmosis Enrichment: tokenizer
 * =============================
 *
 * Splits a text into lower-case word tokens and the punctuation marks that end a clause
 * (`.` `!` `?` `;` `:` `,`), in order. Words are runs of Unicode letters and digits; `#tags` and
 * `@mentions` lose their sign. Apostrophes: an English contraction stays one token (`don't`,
 * `isn't`, `it's`, curly apostrophes folded to `'`), an Italian elision splits (`dell'ordine` →
 * `dell`, `ordine`; `l'app` → `l`, `app`), so the noun is found on its own.
 *
 * [Reference]:
 * Christopher D. Manning, Prabhakar Raghavan, Hinrich Schütze. Introduction to Information
 * Retrieval, Cambridge University Press, 2008, §2.2.1 (tokenization, apostrophes and hyphens).
 */

/** Clause marks kept as tokens: negation and contrast stop at them. */
export const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', '!', '?', ';', ':', ',']);

/** English contraction suffixes that keep a word whole (`n't`, `'s`, `'re`...). */
const CONTRACTIONS = new Set(['t', 's', 're', 've', 'll', 'd', 'm']);

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?;:,]/gu;

/**
 * A character beyond Latin-1. Latin-1 text is already NFC (it has no combining marks and no two of
 * its characters compose), so only text with such a character needs `normalize`, which is costly.
 */
const BEYOND_LATIN1 = /[^\0-\xff]/;

/** Word and clause-mark tokens of `text`, lower-case, in order. */
export function tokenize(text: string): string[] {
  if (typeof text !== 'string') throw new TypeError('osmosis/enrichment/tokenize: text must be a string');
  const lower = (BEYOND_LATIN1.test(text) ? text.normalize('NFC') : text).toLowerCase();
  const matches = lower.match(TOKEN) ?? [];
  // Without an apostrophe, the matches are the tokens.
  if (!lower.includes("'") && !lower.includes('’')) return matches;
  const out: string[] = [];
  for (const raw of matches) {
    if (!raw.includes("'") && !raw.includes('’')) {
      out.push(raw);
      continue;
    }
    const token = raw.replaceAll('’', "'");
    const parts = token.split("'");
    if (parts.length === 2 && CONTRACTIONS.has(parts[1])) out.push(token);
    else out.push(...parts.filter((p) => p.length > 0));
  }
  return out;
}

/** True for a word token (not a clause mark). */
export const isWord = (token: string): boolean => !CLAUSE_MARKS.has(token);
