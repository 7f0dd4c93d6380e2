/**
 * Sentence frames around a topic phrase. Slots: {problem} {Problem} {action} {idea} {praise}
 * {Praise} {good} {machine} {coffee} {order}. Responses: {name} {noun} {action} {me} {team}.
 */
import type { SignalKind } from '../../src/domain/kinds.js';
import type { Lang } from './names.js';

type Frames = Record<SignalKind, readonly string[]>;

export const OUTSIDE_FRAMES: Record<Lang, Frames> = {
  it: {
    COMPLAINT: ['Buongiorno, {problem}. Non è accettabile.', '{Problem}! Sono molto deluso.', 'Vi scrivo perché {problem}. Aspetto una risposta.', 'Terza volta che vi contatto: {problem}.'],
    QUESTION: ['Buongiorno, come posso {action}?', 'Salve, è possibile {action}? Grazie.', 'Domanda veloce: come si fa a {action}?'],
    REQUEST: ['Vorrei {action}, grazie.', 'Vi chiedo di aiutarmi a {action} al più presto.', 'Per favore, potete aiutarmi a {action}?'],
    IDEA: ['Un suggerimento: {idea}.', 'Idea: {idea}. Che ne pensate?'],
    PRAISE: ['Complimenti, {praise}!', '{Praise}. Grazie Aurora!', 'Volevo solo dirvi che {praise}.'],
    FEEDBACK: ['Nel complesso bene, però {problem}.', 'Voto 7/10: {good}, ma {problem}.', 'Il mio feedback: {good}; {idea}.'],
    MENTION: ['Pausa caffè con la mia {machine} ☕ #AuroraCaffe', '{Praise} @AuroraCaffe', 'Qualcuno ha provato la {coffee}? #caffè @AuroraCaffe', '@AuroraCaffe {problem}...'],
  },
  en: {
    COMPLAINT: ['Hello, {problem}. This is not acceptable.', '{Problem}! Very disappointed.', 'I am writing because {problem}. I expect an answer.', 'Third time I contact you: {problem}.'],
    QUESTION: ['Hi, how can I {action}?', 'Hello, is it possible to {action}? Thanks.', 'Quick question: how do I {action}?'],
    REQUEST: ['I would like to {action}, thanks.', 'Please help me {action} as soon as possible.', 'Could you help me {action}?'],
    IDEA: ['A suggestion: {idea}.', 'Idea: {idea}. What do you think?'],
    PRAISE: ['Well done, {praise}!', '{Praise}. Thank you Aurora!', 'Just wanted to say {praise}.'],
    FEEDBACK: ['Overall fine, but {problem}.', '7/10: {good}, but {problem}.', 'My feedback: {good}; {idea}.'],
    MENTION: ['Coffee break with my {machine} ☕ #AuroraCaffe', '{Praise} @AuroraCaffe', 'Anyone tried {coffee}? #coffee @AuroraCaffe', '@AuroraCaffe {problem}...'],
  },
};

export const INSIDE_FRAMES: Record<Lang, Frames> = {
  it: {
    COMPLAINT: ['Segnalo che {problem}.', 'Problema ricorrente: {problem}. Serve un intervento.'],
    QUESTION: ['Qualcuno sa come {action}?', 'Come possiamo {action}?'],
    REQUEST: ['Chiedo di poter {action}.', 'Richiesta: {action}, appena possibile.'],
    IDEA: ['Proposta: {idea}.', 'Idea per il prossimo trimestre: {idea}.'],
    PRAISE: ['Grazie a tutti: {praise}!', 'Bel lavoro, {praise}.'],
    FEEDBACK: ['Dal mio team: {problem}; {idea}.', 'Feedback: {good}, però {problem}.'],
    MENTION: ['Avete visto? {praise}.'],
  },
  en: {
    COMPLAINT: ['Flagging that {problem}.', 'Recurring issue: {problem}. We need a fix.'],
    QUESTION: ['Does anyone know how to {action}?', 'How can we {action}?'],
    REQUEST: ['Asking to {action}.', 'Request: {action}, as soon as possible.'],
    IDEA: ['Proposal: {idea}.', 'Idea for next quarter: {idea}.'],
    PRAISE: ['Thanks everyone: {praise}!', 'Great job, {praise}.'],
    FEEDBACK: ['From my team: {problem}; {idea}.', 'Feedback: {good}, but {problem}.'],
    MENTION: ['Did you see? {praise}.'],
  },
};

/** Generic good things said in mixed feedback. */
export const GOOD: Record<Lang, readonly string[]> = {
  it: ['il caffè è ottimo', 'la macchina funziona bene', 'il servizio clienti è gentile', 'il prezzo è giusto'],
  en: ['the coffee is great', 'the machine works well', 'customer care is friendly', 'the price is fair'],
};

/** Signals taken down by someone else (a call, a meeting, a shop visit) read as notes. */
export const NOTE_PREFIX: Record<string, Record<Lang, string>> = {
  phone: { it: 'Nota chiamata: ', en: 'Call note: ' },
  store: { it: 'In negozio: ', en: 'In store: ' },
  meeting: { it: 'Verbale riunione: ', en: 'Meeting notes: ' },
};

export const RESPONSE_FRAMES: Record<Lang, Frames> = {
  it: {
    COMPLAINT: ['Gentile {name}, ci scusiamo per il disagio. Abbiamo preso in carico la segnalazione su {noun} e le daremo un aggiornamento entro oggi. — {me}, {team}', 'Ciao {name}, hai ragione e ci dispiace. Ho già aperto una pratica per {noun}: ti scrivo appena risolto. — {me}, {team}'],
    QUESTION: ['Ciao {name}, certo: trovi come {action} nella tua area clienti, sezione Aiuto. — {me}, {team}', 'Gentile {name}, per {action} basta seguire le istruzioni che le abbiamo appena inviato via email. — {me}, {team}'],
    REQUEST: ['Gentile {name}, richiesta ricevuta: ce ne occupiamo noi e le confermiamo entro domani. — {me}, {team}', 'Ciao {name}, fatto! Trovi tutto aggiornato nella tua area clienti. — {me}, {team}'],
    IDEA: ['Grazie {name}, ottima idea! La condividiamo con il team che segue {noun}. — {me}, {team}'],
    PRAISE: ['Grazie mille {name}, ci fa davvero piacere! — {me}, {team}'],
    FEEDBACK: ['Grazie per il feedback, {name}: lo useremo per migliorare {noun}. — {me}, {team}'],
    MENTION: ['Grazie per averci menzionato, {name}! ☕ — {me}, {team}'],
  },
  en: {
    COMPLAINT: ['Dear {name}, we are sorry for the trouble. We have opened a case about {noun} and will update you today. — {me}, {team}', 'Hi {name}, you are right and we apologise. I have escalated {noun} and will write as soon as it is fixed. — {me}, {team}'],
    QUESTION: ['Hi {name}, sure: you can {action} from your account, in the Help section. — {me}, {team}', 'Dear {name}, to {action} just follow the steps we have emailed you. — {me}, {team}'],
    REQUEST: ['Dear {name}, request received: we are on it and will confirm by tomorrow. — {me}, {team}', 'Hi {name}, done! Everything is updated in your account. — {me}, {team}'],
    IDEA: ['Thank you {name}, great idea! We are sharing it with the people behind {noun}. — {me}, {team}'],
    PRAISE: ['Thank you so much {name}, that made our day! — {me}, {team}'],
    FEEDBACK: ['Thanks for the feedback, {name}: we will use it to improve {noun}. — {me}, {team}'],
    MENTION: ['Thanks for the mention, {name}! ☕ — {me}, {team}'],
  },
};

/** Frames split once into literal and slot parts: filling runs for every signal and response. */
const compiled = new Map<string, string[]>();

/** Replaces each {slot} by its value; unknown slots stay as written. */
export function fill(frame: string, slots: Record<string, string>): string {
  let parts = compiled.get(frame);
  if (!parts) compiled.set(frame, (parts = frame.split(/\{(\w+)\}/))); // odd indices are slot names
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (slots[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Answers to colleagues: whatever the kind, a colleague gets a colleague's reply. */
export const INSIDE_RESPONSE_FRAMES: Record<Lang, readonly string[]> = {
  it: [
    'Grazie {name}, presa in carico: ti aggiorno entro la settimana. — {me}, {team}',
    'Ciao {name}, ottimo spunto su {noun}: ne parliamo alla prossima riunione di team. — {me}, {team}',
    'Grazie {name}! Abbiamo aperto un ticket interno su {noun}. — {me}, {team}',
  ],
  en: [
    'Thanks {name}, on it: I will update you by the end of the week. — {me}, {team}',
    'Hi {name}, good point about {noun}: let us discuss it at the next team meeting. — {me}, {team}',
    'Thanks {name}! We opened an internal ticket about {noun}. — {me}, {team}',
  ],
};

/** Italian elision and contraction around filled slots: "la Aurora" → "l'Aurora", "su il caffè" → "sul caffè". */
const ITALIAN_FIXES: readonly (readonly [RegExp, string])[] = [
  [/\b([Ll]|[Dd]ell|[Aa]ll|[Dd]all|[Nn]ell|[Ss]ull)a Aurora/g, "$1'Aurora"],
  [/\bsu il /g, 'sul '], [/\bsu la /g, 'sulla '], [/\bsu l'/g, "sull'"], [/\bsu i /g, 'sui '], [/\bsu le /g, 'sulle '],
];

export const elide = (text: string, lang: 'it' | 'en'): string =>
  lang === 'it' ? ITALIAN_FIXES.reduce((t, [re, to]) => t.replace(re, to), text) : text;
