/**
 * Osmosis Enrichment: Italian sentiment lexicon
 * =============================================
 *
 * Written for this plugin: no maintained npm package ships an Italian valence list of usable
 * quality (the machine-translated AFINN lists miss inflected forms — `ottima`, `buone` — and
 * everyday words — `grazie`, `buono`). About 340 lemmas on the AFINN scale (-5 … +5), chosen for what
 * customers, partners and colleagues write: service, delivery, product quality, money, courtesy.
 * Each adjective expands to its four (or two) inflected forms and its absolute superlative
 * (`-issimo`, one step stronger), so the table holds about 1,600 forms.
 *
 * Valences follow the AFINN conventions (Nielsen 2011) and were set by hand; they are deliberately
 * moderate (±1–3) except for strong words (`truffa`, `schifo`, `eccellente`). A larger, corpus-built
 * list such as Sentix (Basile & Nissim 2013) can replace this table through the same shape.
 *
 * [Reference]:
 * Finn Årup Nielsen. A new ANEW: evaluation of a word list for sentiment analysis in microblogs.
 * ESWC 2011 Workshop on Making Sense of Microposts, pp. 93–98 (the AFINN scale).
 * Valerio Basile, Malvina Nissim. Sentiment analysis on Italian tweets. WASSA 2013 (Sentix).
 */

type Table = Record<string, number>;

const stronger = (v: number): number => Math.sign(v) * Math.min(5, Math.abs(v) + 1);

/** `-o` adjectives and participles by stem: `ottim` → ottimo, ottima, ottimi, ottime, ottimissimo… */
function adjectivesO(entries: Record<string, number>, into: Table): void {
  for (const [stem, v] of Object.entries(entries)) {
    for (const end of ['o', 'a', 'i', 'e']) into[stem + end] = v;
    // -co/-go adjectives take an h before the superlative (stanco → stanchissimo).
    const sup = /[cg]$/.test(stem) ? `${stem}h` : stem;
    for (const end of ['o', 'a', 'i', 'e']) into[`${sup}issim${end}`] ??= stronger(v);
  }
}

/** `-e` adjectives by stem: `gentil` → gentile, gentili, gentilissimo… */
function adjectivesE(entries: Record<string, number>, into: Table): void {
  for (const [stem, v] of Object.entries(entries)) {
    into[`${stem}e`] = v;
    into[`${stem}i`] = v;
    for (const end of ['o', 'a', 'i', 'e']) into[`${stem}issim${end}`] ??= stronger(v);
  }
}

const table: Table = {};

adjectivesO({
  // negative
  delus: -2, arrabbiat: -3, insoddisfatt: -2, rott: -2, danneggiat: -3, difettos: -2, pessim: -3, scadent: -2,
  lent: -1, complicat: -2, vergognos: -3, ridicol: -2, assurd: -2, scandalos: -3, costos: -1, bruciat: -2, amar: -1,
  sbagliat: -2, errat: -1, rifiutat: -2, bloccat: -2, mancat: -1, pers: -2, preoccupat: -2, stuf: -2, frustrat: -2,
  confus: -2, maleducat: -2, guast: -2, sporc: -2, furios: -3, indignat: -3, fastidios: -2, negativ: -2, disastros: -3,
  caotic: -2, stanc: -1, annoiat: -1, infastidit: -2, deludent: -2, dannos: -2, pericolos: -2, rumoros: -1, scars: -1,
  cattiv: -3, brutt: -2, sgarbat: -2, trascurat: -2, dimenticat: -1, ignorat: -2, abbandonat: -2, ingannat: -3,
  truffat: -4, imbrogliat: -3, sconvolt: -2, amareggiat: -2, scontent: -2, seccat: -2, esasperat: -3, costrett: -1,
  ingiust: -2, inadeguat: -2, sbrigativ: -1, superficial: -1, rovinat: -3, graffiat: -2, ammaccat: -2, bagnat: -1,
  scadut: -2, avariat: -3, sciapit: -2, insipid: -2, rancid: -3, acid: -1, ferm: -1,
  // positive
  ottim: 3, buon: 3, perfett: 3, fantastic: 4, splendid: 3, stupend: 3, meraviglios: 4, bell: 2, rapid: 2, precis: 1,
  comod: 2, chiar: 1, soddisfatt: 2, content: 2, entusiast: 3, grat: 2, favolos: 4, brav: 3, gustos: 3, delizios: 3,
  squisit: 3, apprezzat: 2, risolt: 2, simpatic: 2, onest: 2, sicur: 1, curat: 2, ordinat: 1,
  pulit: 1, attent: 2, premuros: 2, generos: 2, corrett: 2, economic: 1,
  innovativ: 2, pratic: 1, intuitiv: 2, fluid: 1, silenzios: 1, robust: 1, solid: 1, aromatic: 2, cremos: 2,
  profumat: 2, fresc: 1, ringraziat: 2, colpit: 1, sorpres: 1, fortunat: 2, tranquill: 1,
  rassicurat: 2, accontentat: 2, aiutat: 2, servit: 1, seguit: 1, coccolat: 3, viziat: 1, impressionat: 2,
}, table);

adjectivesE({
  // negative
  difficil: -1, inutil: -2, inaccettabil: -3, scortes: -2, incompetent: -3, inaffidabil: -2, terribil: -3,
  orribil: -3, mediocr: -2, insufficient: -2, sgradevol: -2, trist: -2, irresponsabil: -3, vergognevol: -3,
  inqualificabil: -4, intollerabil: -3, insopportabil: -3, deplorevol: -3, lamentevol: -1, irraggiungibil: -2,
  introvabil: -1, incomprensibil: -2, illeggibil: -1, impossibil: -2, pesant: -1, debol: -1,
  assent: -1, arrogant: -3, indifferent: -2, insistent: -1, fragil: -1, instabil: -1,
  // positive
  gentil: 2, cortes: 2, disponibil: 2, puntual: 2, veloc: 2, util: 2, felic: 3, eccellent: 4, professional: 2,
  competent: 2, affidabil: 2, semplic: 1, facil: 1, eccezional: 4, impeccabil: 3, efficient: 2, cordial: 2,
  piacevol: 2, gradevol: 2, interessant: 2, incredibil: 2, formidabil: 4, notevol: 2, ottimal: 3, brillant: 3,
  elegant: 2, convenient: 2, accettabil: 1, sostenibil: 1,
  amabil: 2, affabil: 2, pazient: 2, intelligent: 2, divertent: 3, emozionant: 3, vincent: 2,
  impressionant: 3, rilassant: 2, rassicurant: 2, morbid: 1,
}, table);

Object.assign(table, {
  // nouns, singular and plural
  problema: -2, problemi: -2, ritardo: -2, ritardi: -2, errore: -2, errori: -2, reclamo: -1, reclami: -1,
  disservizio: -3, disservizi: -3, disagio: -2, disagi: -2, delusione: -2, delusioni: -2, truffa: -4, truffe: -4,
  lamentela: -2, lamentele: -2, danno: -2, danni: -2, guaio: -2, guai: -2, disastro: -3, disastri: -3,
  vergogna: -3, schifo: -4, incubo: -3, odio: -3, rabbia: -3, fastidio: -2, difetto: -2, difetti: -2,
  guasto: -2, guasti: -2, rottura: -2, rotture: -2, perdita: -2, perdite: -2, spreco: -2, sprechi: -2,
  fregatura: -3, peccato: -1, caos: -2, confusione: -2, attesa: -1, attese: -1,
  inefficienza: -2, maleducazione: -3, scortesia: -2, incompetenza: -3, negligenza: -3, sollecito: -1, solleciti: -1,
  complimenti: 3, grazie: 2, ringraziamenti: 2, ringrazio: 2, ringraziamo: 2, gentilezza: 2, cortesia: 2,
  professionalità: 3, disponibilità: 2, puntualità: 2, qualità: 1, soddisfazione: 2, piacere: 2, bravura: 3,
  eccellenza: 4, successo: 2, miglioramento: 2, miglioramenti: 2, vantaggio: 2, vantaggi: 2, fiducia: 2,
  passione: 2, cura: 1, sorriso: 2, gioia: 3, entusiasmo: 3, meraviglia: 3, capolavoro: 4, sollievo: 2,
  // adverbs, verbs and interjections
  bene: 2, benissimo: 3, male: -2, malissimo: -3, meglio: 1, peggio: -2, peggiore: -3, peggiori: -3,
  migliore: 2, migliori: 2, purtroppo: -2, finalmente: 1, evviva: 3, bravi: 3, wow: 3, super: 2,
  adoro: 3, adoriamo: 3, amo: 3, odiamo: -3, detesto: -3, piace: 2, piacciono: 2, piaciuto: 2, piaciuta: 2,
  consigliatissimo: 4, raccomando: 2, funziona: 2, funzionano: 2, funzionava: 1, rompe: -2, rompono: -2,
  perde: -1, perdono: -1, chiude: -1, blocca: -2, manca: -1, mancano: -1, sbaglia: -2, sbagliano: -2,
  lamento: -2, lamentiamo: -2, protesto: -2, deludete: -2, delude: -2, arrabbio: -2, soddisfa: 2,
  risolve: 2, funzionante: 1, inaccettabilmente: -3, gentilmente: 1, velocemente: 2, rapidamente: 2,
  perfettamente: 3, facilmente: 1, ahimè: -2, uffa: -2, basta: -1, mah: -1, aiuterebbe: 2, aiuterebbero: 2,
  // phrases (matched before their words)
  'terza volta': -2, 'ennesima volta': -2, 'aspetto una risposta': -1, 'senza preavviso': -2, 'non corrisponde': -2,
  'non funziona': -3, 'non salva': -2, 'non trova più': -2, 'troppo alte': -2, 'troppo alti': -2, 'troppo alto': -2,
  'troppo alta': -2, 'passo avanti': 2, 'in anticipo': 2, 'risolto il problema': 3, 'senza problemi': 2, 'nessun problema': 2, 'vale la pena': 2,
});

/** Italian word form (or phrase of 2–3 words, space-separated: `non funziona`) → valence (-5 … +5). */
export const LEXICON_IT: Readonly<Record<string, number>> = Object.freeze(table);

/** Words that flip the valence of what follows them in the clause. */
export const NEGATORS_IT: ReadonlySet<string> = new Set(['non', 'mai', 'nessun', 'nessuno', 'nessuna', 'né', 'neanche', 'nemmeno', 'neppure', 'senza', 'niente', 'nulla']);

/** Words that strengthen the next one. */
export const BOOSTERS_IT: ReadonlySet<string> = new Set([
  'molto', 'davvero', 'veramente', 'troppo', 'proprio', 'estremamente', 'tanto', 'così', 'assolutamente', 'decisamente',
  'particolarmente', 'parecchio', 'incredibilmente', 'super',
]);

/** Words after which the clause weighs more than what came before (`buono, ma…`). */
export const CONTRASTS_IT: ReadonlySet<string> = new Set(['ma', 'però', 'tuttavia', 'eppure']);
