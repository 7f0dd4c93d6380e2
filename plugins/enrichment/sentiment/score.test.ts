import { describe, expect, it } from 'vitest';
import { LEXICONS } from '../analyse.js';
import { tokenize } from '../text/tokenize.js';
import { scoreSentiment } from './score.js';

const it_ = (text: string) => scoreSentiment(tokenize(text), LEXICONS.it);
const en = (text: string) => scoreSentiment(tokenize(text), LEXICONS.en);
/** S / sqrt(S² + 15), rounded like the scorer. */
const norm = (s: number) => Math.round((s / Math.sqrt(s * s + 15)) * 1000) / 1000;

describe('scoreSentiment, Italian', () => {
  it('a clearly negative complaint is negative: ritardo −2, "non è accettabile" −0.74 × 1', () => {
    const r = it_("Buongiorno, la consegna dell'ordine AC-123456 è arrivata con 5 giorni di ritardo. Non è accettabile.");
    expect(r.hits).toEqual([{ word: 'ritardo', valence: -2 }, { word: 'accettabile', valence: -0.74 }]);
    expect(r.score).toBe(norm(-2.74)); // −0.578
    expect(r.score).toBeLessThan(-0.5);
  });
  it('boosters strengthen, superlatives are one step stronger', () => {
    const r = it_('Sono molto deluso, il pacco è arrivato danneggiato!');
    expect(r.hits).toEqual([{ word: 'deluso', valence: -2.6 }, { word: 'danneggiato', valence: -3 }]);
    expect(r.score).toBe(norm(-5.6)); // −0.822
    expect(it_('Complimenti, la Miscela Oro è buonissima!').score).toBe(norm(3 + 4)); // 0.875
  });
  it('after "però" the clause weighs more: mixed feedback that ends in a problem is slightly negative', () => {
    const r = it_("Nel complesso bene, però l'app si chiude.");
    expect(r.hits.map((h) => h.word)).toEqual(['bene', 'chiude']);
    expect(r.score).toBe(norm(2 / 1.5 - 1.5));
    expect(r.score).toBeLessThan(0);
  });
  it('phrases beat their words; negation stops at the end of the clause', () => {
    expect(it_("L'app non funziona.").hits).toEqual([{ word: 'non funziona', valence: -3 }]);
    expect(it_('Non ho ricevuto nulla. Il tecnico è stato gentilissimo.').score).toBe(norm(3));
  });
  it('a neutral question is neutral', () => {
    expect(it_("Come posso cambiare l'indirizzo di consegna?").score).toBe(0);
  });
});

describe('scoreSentiment, English', () => {
  it('a clearly negative complaint is negative', () => {
    const r = en('Hello, order AC-123456 arrived 7 days late. This is not acceptable.');
    expect(r.hits).toEqual([{ word: 'late', valence: -2 }, { word: 'acceptable', valence: -0.74 }]);
    expect(r.score).toBe(norm(-2.74));
    expect(en('The parcel arrived damaged! Very disappointed.').score).toBe(norm(-3 - 2 * 1.3)); // −0.822
  });
  it('praise is positive, and "no problem" is not negative', () => {
    expect(en('Well done, the courier was kind and right on time!').score).toBeGreaterThan(0.3);
    expect(en('No problem at all, thanks!').hits).toEqual([{ word: 'no problem', valence: 2 }, { word: 'thanks', valence: 2 }]);
  });
  it('"but" turns mixed feedback towards its second half', () => {
    const r = en('Overall fine, but the app crashes when reordering capsules.');
    expect(r.hits.map((h) => [h.word, h.valence])).toEqual([['fine', 2 / 1.5], ['crashes', -3]]);
    expect(r.score).toBeLessThan(0);
  });
  it('no rated word gives 0; the score stays in [−1, 1]', () => {
    expect(en('How do I change the delivery address?').score).toBe(0);
    const r = en('terrible awful horrible disgusting terrible awful horrible disgusting');
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.score).toBeLessThan(-0.95);
  });
});
