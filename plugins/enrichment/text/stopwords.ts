/**
 * Osmosis Enrichment: stop words
 * ==============================
 *
 * Function words of Italian and English: articles, prepositions (with the Italian articulated
 * ones and the elided forms the tokenizer leaves, `dell`, `all`, `l`, `un`), pronouns, auxiliaries,
 * conjunctions, and a few fillers frequent in customer messages (`buongiorno`, `hello`, `thanks`
 * are not topics). Written for this plugin, after the Snowball stop word lists.
 *
 * [Reference]:
 * Martin Porter. Snowball: Italian and English stop word lists,
 * https://snowballstem.org/algorithms/italian/stop.txt and .../english/stop.txt.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const STOPWORDS_IT: ReadonlySet<string> = words(`
  a ad al allo ai agli all alla alle agl c che chi ci cui col coi con contro
  da dal dallo dai dagli dall dalla dalle de del dello dei degli dell della delle di dopo dove
  e ed era erano eravamo ero essere essendo è è stato stata stati state sono sei siamo siete sia siano
  fa fare fatto gli ha hai hanno ho abbiamo avete aveva avevano avere avuto i il in io l la le lei li lo loro lui
  ma me mi mia mie miei mio ne nei negli nel nello nell nella nelle no noi non nostra nostre nostri nostro
  o od per perché però più po poco prima qua quale quali quando quanto quasi quel quella quelle quelli quello
  questa queste questi questo qui se sé senza si sì sia solo sta stanno stare stati sto su sua sue sugli sui
  sul sull sulla sulle suo suoi ti tra tu tua tue tuo tuoi tutti tutto tutta tutte un una uno vi voi vostra
  vostro anche ancora altro altra altri altre ogni così già mai sempre molto molti molta molte tanto troppo
  come cosa dove perche quindi invece oppure ossia volta volte
  buongiorno buonasera salve ciao grazie gentile gentili cordiali saluti prego favore
  vorrei vorremmo posso possiamo può potete puoi devo dovete deve essere stato nota
`);

export const STOPWORDS_EN: ReadonlySet<string> = words(`
  a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he her here hers herself him
  himself his how i i'm i've i'd i'll if in into is isn't it it's its itself just let's me more most my myself no
  nor not of off on once only or other our ours ourselves out over own same she should shouldn't so some
  such than that that's the their theirs them themselves then there there's these they they're this those
  through to too under until up very was wasn't we we're we've were weren't what what's when where which
  while who whom why with won't would wouldn't you you're you've your yours yourself yourselves
  also still ever every again already really much many anyone someone something anything one
  hello hi hey dear thanks thank please regards best sir madam would like could
  get got make made will shall may might must quick question note notes
`);

/** Words that are stop words in one language only: what language detection counts. */
export const ONLY_IT: ReadonlySet<string> = new Set([...STOPWORDS_IT].filter((w) => !STOPWORDS_EN.has(w)));
export const ONLY_EN: ReadonlySet<string> = new Set([...STOPWORDS_EN].filter((w) => !STOPWORDS_IT.has(w)));

/** Stop words of either language (one lookup instead of two). */
const STOPWORDS_ANY: ReadonlySet<string> = new Set([...STOPWORDS_IT, ...STOPWORDS_EN]);

/** True when `word` is a stop word of `language`, or of either language when it is null. */
export function isStopword(word: string, language: 'it' | 'en' | null): boolean {
  if (language === 'it') return STOPWORDS_IT.has(word);
  if (language === 'en') return STOPWORDS_EN.has(word);
  return STOPWORDS_ANY.has(word);
}
