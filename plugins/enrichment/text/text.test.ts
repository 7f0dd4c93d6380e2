import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';
import { stem } from './stem.js';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('lower-cases, keeps clause marks, splits Italian elisions and keeps English contractions', () => {
    expect(tokenize("Buongiorno, la consegna dell'ordine AC-123 è arrivata in ritardo. Non è accettabile!"))
      .toEqual(['buongiorno', ',', 'la', 'consegna', 'dell', 'ordine', 'ac', '123', 'è', 'arrivata', 'in', 'ritardo', '.', 'non', 'è', 'accettabile', '!']);
    expect(tokenize("I don't like it: the app’s update isn't working… #AuroraCaffe @Aurora"))
      .toEqual(['i', "don't", 'like', 'it', ':', 'the', "app's", 'update', "isn't", 'working', 'auroracaffe', 'aurora']);
    expect(tokenize("Un po' di caffè ☕ c'è")).toEqual(['un', 'po', 'di', 'caffè', 'c', 'è']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('detectLanguage', () => {
  const lang = (text: string) => detectLanguage(tokenize(text));
  it('tells Italian from English by their own stop words', () => {
    expect(lang('Il corriere non si è presentato nella fascia oraria concordata.')).toBe('it');
    expect(lang('The courier never showed up in the agreed time slot.')).toBe('en');
    expect(lang('Pausa caffè con la mia Aurora Uno ☕')).toBe('it');
    expect(lang('Great value for money')).toBe('en');
  });
  it('is undecided without evidence, or with as much for both', () => {
    expect(lang('Aurora Pro X')).toBeNull();
    expect(lang('Complimenti, buonissima!')).toBeNull(); // no stop word, no accent
    expect(lang('')).toBeNull();
    expect(detectLanguage(tokenize('the il'))).toBeNull();
  });
});

describe('stem', () => {
  it('folds Italian number and gender, and ch/gh before the vowel', () => {
    expect(['consegna', 'consegne'].map((w) => stem(w, 'it'))).toEqual(['consegn', 'consegn']);
    expect(['pacco', 'pacchi'].map((w) => stem(w, 'it'))).toEqual(['pacc', 'pacc']);
    expect(['città', 'app', 'reso', 'resi'].map((w) => stem(w, 'it'))).toEqual(['citt', 'app', 'reso', 'resi']);
  });
  it('folds English plurals, not words that only end in s', () => {
    expect(['deliveries', 'invoices', 'boxes', 'parcels', 'glass', 'status', 'analysis', 'bus'].map((w) => stem(w, 'en')))
      .toEqual(['delivery', 'invoice', 'box', 'parcel', 'glass', 'status', 'analysis', 'bus']);
  });
});
