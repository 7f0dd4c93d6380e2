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

/** A language's lexicon and rule words; read once per lexicon object, so not to be changed after use. */
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

/** A lexicon phrase of 2 to MAX_PHRASE words, as the tokens it matches. */
interface Phrase {
  readonly key: string;
  readonly tokens: readonly string[];
  readonly valence: number;
}

/** What the scorer needs to know about one token, found with a single lookup. */
interface TokenRole {
  clauseMark: boolean;
  negator: boolean;
  contrast: boolean;
  /** Its own valence (undefined when the lexicon does not rate it). */
  valence: number | undefined;
  /** The phrases starting with it, longest first. */
  phrases: Phrase[];
}

const NO_ROLE: Readonly<TokenRole> = Object.freeze({ clauseMark: false, negator: false, contrast: false, valence: undefined, phrases: [] });

/**
 * Every token the lexicon has something to say about → its role. Built once per lexicon (lexicons
 * are read-only), so a position costs one lookup instead of joining candidate phrases.
 */
const rolesByLexicon = new WeakMap<SentimentLexicon, ReadonlyMap<string, Readonly<TokenRole>>>();

function rolesOf(lexicon: SentimentLexicon): ReadonlyMap<string, Readonly<TokenRole>> {
  let roles = rolesByLexicon.get(lexicon);
  if (roles) return roles;
  const map = new Map<string, TokenRole>();
  const roleOf = (token: string): TokenRole => {
    let role = map.get(token);
    if (!role) map.set(token, (role = { ...NO_ROLE, phrases: [] }));
    return role;
  };
  for (const token of CLAUSE_MARKS) roleOf(token).clauseMark = true;
  for (const token of lexicon.negators) roleOf(token).negator = true;
  for (const token of lexicon.contrasts) roleOf(token).contrast = true;
  for (const [key, valence] of Object.entries(lexicon.words)) {
    roleOf(key).valence = valence;
    // A phrase is looked up only when it fits in MAX_PHRASE tokens of one clause.
    const tokens = key.split(' ');
    if (tokens.length < 2 || tokens.length > MAX_PHRASE || valence === undefined || tokens.some((t) => CLAUSE_MARKS.has(t))) continue;
    roleOf(tokens[0]).phrases.push({ key, tokens, valence });
  }
  for (const role of map.values()) role.phrases.sort((a, b) => b.tokens.length - a.tokens.length);
  roles = map;
  rolesByLexicon.set(lexicon, roles);
  return roles;
}

/** The longest of `phrases` that `tokens` continue from position `i`. */
function phraseAt(tokens: readonly string[], i: number, phrases: readonly Phrase[]): Phrase | undefined {
  for (const phrase of phrases) {
    if (i + phrase.tokens.length > tokens.length) continue;
    let k = 1;
    while (k < phrase.tokens.length && tokens[i + k] === phrase.tokens[k]) k++;
    if (k === phrase.tokens.length) return phrase;
  }
  return undefined;
}

/** Sentiment of `tokens` (from `tokenize`) with `lexicon`. */
export function scoreSentiment(tokens: readonly string[], lexicon: SentimentLexicon, options?: Partial<ScoreOptions>): SentimentScore {
  const o = options ? { ...DEFAULTS, ...options } : DEFAULTS;
  if (!(o.alpha > 0)) throw new RangeError(`${MODULE}: alpha must be positive`);
  const roles = rolesOf(lexicon);
  const hits: { word: string; valence: number }[] = [];
  let sinceNegator = Infinity;
  let contrastAt = -1;
  let previous: string | null = null;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    const role = roles.get(token) ?? NO_ROLE;
    if (role.clauseMark) {
      sinceNegator = Infinity;
      previous = null;
      i++;
      continue;
    }
    // Phrases first; a negator is never scored itself.
    const phrase = role.phrases.length > 0 ? phraseAt(tokens, i, role.phrases) : undefined;
    const negator = phrase === undefined && role.negator;
    const valence = phrase ? phrase.valence : negator ? undefined : role.valence;
    const length = phrase ? phrase.tokens.length : 1;
    if (negator) {
      sinceNegator = 0;
    } else if (valence) {
      let v = valence;
      if (previous !== null && lexicon.boosters.has(previous)) v *= o.boost;
      if (sinceNegator <= o.negationWindow) v *= o.negation;
      hits.push({ word: phrase ? phrase.key : token, valence: v });
    } else if (role.contrast) {
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
