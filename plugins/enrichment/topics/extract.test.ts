import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { compileVocabulary } from './compile.js';
import { extractTopics } from './extract.js';
import { DEFAULT_VOCABULARY } from './vocabulary.js';

const demo = compileVocabulary(DEFAULT_VOCABULARY);
const topics = (text: string, options = {}) => extractTopics(tokenize(text), demo, options);

describe('extractTopics with the default vocabulary', () => {
  it('finds the demo topics in Italian and English, broad first, then the narrower ones', () => {
    // delivery: courier 1 + time slot 2; time slot 2; courier 1, under half of 3: left out.
    expect(topics('Il corriere non si è presentato nella fascia oraria concordata.')).toEqual(['delivery', 'time slot']);
    expect(topics('The courier never showed up in the agreed time slot.')).toEqual(['delivery', 'time slot']);
    expect(topics('Il corriere è stato gentilissimo e puntuale')).toEqual(['delivery', 'courier']);
    expect(topics("In fattura l'abbonamento è stato addebitato due volte.")).toEqual(['billing', 'double charge']);
    expect(topics('The subscription was charged twice on the invoice.')).toEqual(['billing', 'double charge']);
    expect(topics('La pompa della Aurora Pro X si è rotta dopo la decalcificazione.')).toEqual(['warranty', 'descaling']);
  });
  it('matches inflected forms through light stems', () => {
    expect(topics('Le consegne arrivano sempre tardi')).toEqual(['delivery']);
    expect(topics('Two parcels and three invoices')).toEqual(['delivery', 'billing']);
  });
  it('takes the longest phrase: shipping costs are pricing, not delivery', () => {
    expect(topics('Le spese di spedizione sono troppo alte.')).toEqual(['pricing']);
    expect(topics('Shipping costs are too high.')).toEqual(['pricing']);
  });
  it('keeps at most maxTopics, and none below half the best score', () => {
    expect(topics('Il corriere non si è presentato nella fascia oraria concordata.', { maxTopics: 1 })).toEqual(['delivery']);
    expect(topics('Nothing about anything here.')).toEqual([]);
    expect(topics('consegna', { maxTopics: 0 })).toEqual([]);
  });
});

describe('extractTopics with a vocabulary of its own', () => {
  const vocabulary = compileVocabulary([
    { name: 'support', synonyms: ['assistenza', 'help desk', 'support'] },
    { name: 'noise', synonyms: [] },
    { name: 'help', synonyms: ['help desk'] },
  ]);
  it('a topic without synonyms is found by its name; a shared phrase credits every topic naming it', () => {
    expect(extractTopics(tokenize('The help desk is slow and noisy, the noise is unbearable'), vocabulary)).toEqual(['support', 'help', 'noise']);
  });
  it('fills up with keywords when asked: content words, no digits, no opinion words, most frequent first', () => {
    const found = extractTopics(tokenize('Assistenza: il frigorifero perde. Il frigorifero AC-123 è rumoroso.'), vocabulary, {
      keywords: true, language: 'it', exclude: (w) => w === 'rumoroso' || w === 'perde',
    });
    expect(found).toEqual(['support', 'frigorifero']);
  });
  it('rejects a synonym made of stop words only', () => {
    expect(() => compileVocabulary([{ name: 'x', synonyms: ['the and of'] }])).toThrow(/has no word that is not a stop word/);
    expect(() => compileVocabulary([{ name: ' ', synonyms: [] }])).toThrow(/needs a name/);
  });
});
