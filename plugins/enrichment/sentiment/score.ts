/**
 * Osmosis Enrichment: lexicon sentiment score
 * ===========================================
 *
 * The sentiment of a tokenized text in [-1, 1], from a valence lexicon on the AFINN scale, with the
 * rules of VADER that matter for short messages:
 * - phrases of the lexicon (`does not work`) are matched before single words, longest first; a
 *   negator is never scored itself (AFINN rates `no` −1, but `no problem` is not negative);
 * - a booster right before a rated word scales it by `boost` (`very late`, `molto gentile`);
 * - a negator up to `negationWindow` words before it, in the same clause, scales it by `negation`
 *   (`not acceptable`, `non è accettabile`: −0.74 × the valence);
 * - after a contrast word (`but`, `ma`, `però`) the text weighs `contrast` times more, and before it
 *   that many times less (`fine, but the parcel arrived damaged` is negative);
 * - the sum S of the valences is normalised to S / sqrt(S² + alpha), alpha = 15: 0 without rated
 *   words, ±0.5 for one mildly rated word (|S| ≈ 2.2), towards ±1 as evidence accumulates.
 *
 * [Reference]:
 * C. J. Hutto, Eric Gilbert. VADER: a parsimonious rule-based model for sentiment analysis of social
 * media text. ICWSM 2014 (boosters, negation scalar −0.74, "but", the normalisation with alpha 15).
 */
import { CLAUSE_MARKS } from '../text/tokenize.js';

const MODULE = 'osmosis/enrichment/score';

/** A language's lexicon and rule words. */
export interface SentimentLexicon {
  /** Word or space-separated phrase → valence on the AFINN scale (-5 … +5). */
  readonly words: Readonly<Record<string, number>>;
  readonly negators: ReadonlySet<string>;
  readonly boosters: ReadonlySet<string>;
  readonly contrasts: ReadonlySet<string>;
}

export interface ScoreOptions {
  /** Words after a negator it still reaches. */
  negationWindow: number;
  /** Factor of a negated valence. */
  negation: number;
  /** Factor of a boosted valence. */
  boost: number;
  /** Weight after the last contrast word (and 1 / contrast before it). */
  contrast: number;
  /** Normalisation constant. */
  alpha: number;
}

export const DEFAULTS: Readonly<ScoreOptions> = Object.freeze({ negationWindow: 3, negation: -0.74, boost: 1.3, contrast: 1.5, alpha: 15 });

export interface SentimentScore {
  /** In [-1, 1], rounded to 3 decimals; 0 when no word is rated. */
  score: number;
  /** The rated words or phrases, in text order, with the valence they contributed. */
  hits: { word: string; valence: number }[];
}

const MAX_PHRASE = 3;

/** Sentiment of `tokens` (from `tokenize`) with `lexicon`. */
export function scoreSentiment(tokens: readonly string[], lexicon: SentimentLexicon, options?: Partial<ScoreOptions>): SentimentScore {
  const o = { ...DEFAULTS, ...options };
  if (!(o.alpha > 0)) throw new RangeError(`${MODULE}: alpha must be positive`);
  const hits: { word: string; valence: number }[] = [];
  let sinceNegator = Infinity;
  let contrastAt = -1;
  let previous: string | null = null;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (CLAUSE_MARKS.has(token)) {
      sinceNegator = Infinity;
      previous = null;
      i++;
      continue;
    }
    let word = token;
    let valence: number | undefined;
    let length = 1;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 2 && valence === undefined; n--) {
      const phrase = tokens.slice(i, i + n);
      if (phrase.some((t) => CLAUSE_MARKS.has(t))) continue;
      const v = lexicon.words[phrase.join(' ')];
      if (v !== undefined) [word, valence, length] = [phrase.join(' '), v, n];
    }
    const negator = valence === undefined && lexicon.negators.has(token);
    if (valence === undefined && !negator && Object.hasOwn(lexicon.words, token)) valence = lexicon.words[token];
    if (negator) {
      sinceNegator = 0;
    } else if (valence) {
      let v = valence;
      if (previous !== null && lexicon.boosters.has(previous)) v *= o.boost;
      if (sinceNegator <= o.negationWindow) v *= o.negation;
      hits.push({ word, valence: v });
    } else if (lexicon.contrasts.has(token)) {
      contrastAt = hits.length;
    }
    sinceNegator += length;
    previous = tokens[i + length - 1];
    i += length;
  }
  if (contrastAt > 0 && contrastAt < hits.length) {
    hits.forEach((h, k) => { h.valence *= k < contrastAt ? 1 / o.contrast : o.contrast; });
  }
  const sum = hits.reduce((s, h) => s + h.valence, 0);
  const score = Math.round((sum / Math.sqrt(sum * sum + o.alpha)) * 1000) / 1000;
  return { score: score || 0, hits };
}
