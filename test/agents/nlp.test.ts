import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afinnSum } from '../../src/modules/nlp/afinn.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';
import { readLabeledLines } from '../../src/modules/nlp/labeled-lines.js';
import { guessLanguage } from '../../src/modules/nlp/language.js';
import { normalizeText, tokenize } from '../../src/modules/nlp/normalize.js';
import { Speller } from '../../src/modules/nlp/spelling.js';
import { stem } from '../../src/modules/nlp/stem.js';

describe('nlp helpers', () => {
  it('normalizes case, accents and HR spellings', () => {
    expect(normalizeText('Élégant NÓMINA 401(k) W-2')).toBe('elegant nomina 401k w2');
    expect(tokenize(normalizeText("I don't get my 401k match"))).toEqual([
      'i',
      'dont',
      'get',
      'my',
      '401k',
      'match',
    ]);
  });

  it('stems with the Porter/Snowball stemmers of each language', () => {
    expect(stem('payments')).toBe('payment');
    expect(stem('vacations')).toBe(stem('vacation'));
    expect(stem('contratos', 'es')).toBe(stem('contrato', 'es'));
  });

  it('guesses the language from function words', () => {
    expect(guessLanguage(tokenize('where do I find the form for my new address'))).toBe('en');
    expect(guessLanguage(tokenize('cuantos dias de vacaciones tengo para el verano'))).toBe('es');
    expect(guessLanguage(tokenize('je veux savoir pour mes conges'))).toBe('fr');
    expect(guessLanguage(tokenize('ich habe mein passwort nicht'))).toBe('de');
  });

  it('corrects one-edit typos against a known vocabulary', () => {
    const speller = new Speller(['benefits', 'insurance', 'vacation', 'paycheck']);
    expect(speller.correct('benefts')).toBe('benefits');
    expect(speller.correct('insurnace')).toBe('insurance');
    expect(speller.correct('vaccation')).toBe('vacation');
    expect(speller.correct('unrelated')).toBe('unrelated');
  });

  it('leaves real English words alone and never makes two edits', () => {
    const speller = new Speller(['cancel', 'shared', 'resign', 'proof', 'small', 'interview']);
    expect(speller.correct('cancer')).toBe('cancer');
    expect(speller.correct('scared')).toBe('scared');
    expect(speller.correct('design')).toBe('design');
    expect(speller.correct('smell')).toBe('smell');
    expect(speller.correct('promo')).toBe('promo');
    expect(speller.correct('intervew')).toBe('interview');
  });

  it('lets a rare known word that looks like a typo give way to a far more frequent neighbour', () => {
    const speller = new Speller([...Array<string>(10).fill('commission'), 'comission', 'workday', 'workday']);
    expect(speller.correct('comission')).toBe('commission');
    expect(speller.correct('workday')).toBe('workday');
  });

  it('maps Spanish, French and German HR words to the English vocabulary', () => {
    expect(analyzeText('¿Cuándo pagan la nómina?').stems).toContain(stem('payroll'));
    expect(analyzeText('Combien de jours de congés ?').stems).toContain(stem('leave'));
    expect(analyzeText('Wie viele Urlaubstage habe ich?').stems).toContain(stem('vacation'));
    expect(analyzeText('J’ai oublié mon mot de passe').stems).toContain(stem('password'));
    expect(analyzeText('Wann kommt die Bewertung?').stems).toContain(stem('review'));
    // An internal promotion is a promotion, not an internal job posting.
    const promotion = analyzeText('les promotions internes se décident quand ?').stems;
    expect(promotion).toContain(stem('promotion'));
    expect(promotion).not.toContain(stem('internal'));
  });

  it("carries the knowledge base's terms over from each language, inflected forms through their stem", () => {
    // Base forms from the terms table, and forms only their stem connects to a row.
    expect(analyzeText('¿Me reembolsaron la matrícula?').stems).toEqual(
      expect.arrayContaining([stem('reimbursement'), stem('tuition')]),
    );
    expect(analyzeText('Où sont mes fiches de paie et mes justificatifs ?').stems).toEqual(
      expect.arrayContaining([stem('payslip'), stem('receipt')]),
    );
    expect(analyzeText('Wann kommen die Beurteilungen und Überstunden?').stems).toEqual(
      expect.arrayContaining([stem('review'), stem('overtime')]),
    );
    // A row may stand for two English words.
    expect(analyzeText('je suis en arrêt depuis lundi, il faut un justificatif ?').stems).toEqual(
      expect.arrayContaining([stem('sick'), stem('leave')]),
    );
    // A plural the stemmer does not reduce like its singular is tried in the singular.
    expect(analyzeText('¿Cubre el seguro enfermedades graves?').stems).toContain(stem('sick'));
    // Short stems are too ambiguous to match ("hora" asks the time; "horas" are hours worked).
    expect(analyzeText('¿Qué hora es?').stems).not.toContain(stem('hours'));
  });

  it('reads the pay date however it is asked, in English stems only', () => {
    for (const message of [
      'when is payday?',
      'when do we get paid',
      '¿cuándo es el día de pago?',
      'quand est le jour de paie ?',
      'wann ist Zahltag?',
    ])
      expect(analyzeText(message).stems).toEqual(['paydai']);
    // paid time off is not the pay date
    expect(analyzeText('how much paid time off do I get').stems).not.toContain('paydai');
  });

  it("splits French elisions (l'équipe, d'offre) and tells French from Spanish", () => {
    expect(analyzeText("changer d'équipe").stems).toContain(stem('team'));
    expect(analyzeText("I'd say it's fine").normalized).toBe('id say its fine');
    expect(analyzeText("Quand vais-je recevoir ma lettre d'offre ?").stems).toContain(stem('offer'));
    expect(guessLanguage(tokenize('combien de temps pour la verification'))).toBe('fr');
  });

  it('reads training lines from <label>.txt files, skipping comments, blank lines and other files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'labeled-lines-'));
    try {
      writeFileSync(join(folder, 'Yes.txt'), '# a comment\nfirst line\n\n  second line  \n');
      writeFileSync(join(folder, 'Skipped.txt'), 'not read\n');
      writeFileSync(join(folder, 'README.md'), 'not a label\n');
      const lines = readLabeledLines(folder, (name) => (name === 'Yes' ? 'yes' : undefined));
      expect(lines).toEqual([
        { label: 'yes', text: 'first line' },
        { label: 'yes', text: 'second line' },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('sums AFINN scores, with every word after a negation counted negatively, per language', () => {
    expect(afinnSum(['good', 'day'], 'en')).toBe(3);
    expect(afinnSum(['good', 'but', 'not', 'bad'], 'en')).toBe(6);
    expect(afinnSum(['no', 'es', 'malo'], 'es')).toBe(3);
    // French and German have no AFINN list here: the English one is used.
    expect(afinnSum(['bad'], 'fr')).toBe(-3);
  });
});
