import { composeIBAN, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { findPii, maskPii } from '../../src/modules/security/pii.js';
import { passesLuhn, validSsn } from '../../src/modules/security/pii-checks.js';

/**
 * The masker measured on a corpus: identifiers written every way people and copy-paste write them (any separator,
 * full-width and Arabic-Indic digits, zero-width characters, glued labels, after money words), which must be
 * masked, and numbers that only look like them (orders, phones, dates, amounts, employee ids), which must not.
 * Variants are generated from base values made up here (fixed seed) plus hand-written sentences.
 * Prints recall and the false-mask rate: `npx vitest run test/security/pii-corpus.test.ts`.
 */

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261207);
const digit = () => String(Math.floor(next() * 10));
const digits = (count: number) => Array.from({ length: count }, digit).join('');
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

function makeSsn(): string {
  for (;;) {
    const candidate = digits(9);
    if (validSsn(candidate) && candidate[0] !== '9') return candidate;
  }
}

function luhnComplete(prefix: string, length: number): string {
  const body = prefix + digits(length - prefix.length - 1);
  for (let check = 0; check < 10; check++) if (passesLuhn(body + check)) return body + check;
  throw new Error('unreachable');
}

function makeIban(country: string, bban: () => string): string {
  for (;;) {
    const iban = composeIBAN({ countryCode: country, bban: bban() });
    if (iban && isValidIBAN(iban)) return iban;
  }
}
const letters = (count: number) =>
  Array.from({ length: count }, () => String.fromCharCode(65 + Math.floor(next() * 26))).join('');

// Script conversions: full-width (U+FF10…), Arabic-Indic (U+0660…), Devanagari (U+0966…).
const inScript = (text: string, zero: number) =>
  text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const fullWidth = (text: string) => inScript(text, 0xff10).replace(/-/g, '\uff0d').replace(/ /g, '\u3000');

const ssnFormats: Array<(d: string) => string> = [
  (d) => `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 5)}.${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 5)} ${d.slice(5)}`,
  (d) => `${d.slice(0, 3)} - ${d.slice(3, 5)} - ${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}\u2013${d.slice(3, 5)}\u2013${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}\u2014${d.slice(3, 5)}\u2014${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}\u2212${d.slice(3, 5)}\u2212${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}/${d.slice(3, 5)}/${d.slice(5)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}  ${d.slice(3, 5)}  ${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}\u00a0${d.slice(3, 5)}\u00a0${d.slice(5)}`,
  (d) => d,
  (d) => fullWidth(`${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`),
  (d) => inScript(`${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`, 0x0660),
  (d) => inScript(d, 0x0966),
  (d) => `${d.slice(0, 3)}-${d.slice(3, 5)}-\u200b${d.slice(5)}`,
  (d) => `${d.slice(0, 2)}\u200b${d.slice(2)}`,
  (d) => d.split('').join(' '),
  (d) => `${d.slice(0, 3)}_${d.slice(3, 5)}_${d.slice(5)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 5)}.${d.slice(5)}`,
];
const ssnContexts = [
  'My SSN is {}.',
  'ssn: {}',
  'Please update my social security number {} in payroll',
  '{} is my social',
  'for the W-2 my tax id is {} thanks',
  'Here it is {} , can you check my benefits?',
  'SSN#{}',
];

const cardFormats: Array<(d: string) => string> = [
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1 '),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1-'),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1.'),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1  '),
  (d) => `${d.slice(0, 4)} ${d.slice(4, 8)}-${d.slice(8, 12)}.${d.slice(12)}`,
  (d) => `${d.slice(0, 8)} ${d.slice(8)}`,
  (d) => d.replace(/(\d{2})(?=\d)/g, '$1 '),
  (d) => d,
  (d) => fullWidth(d.replace(/(\d{4})(?=\d)/g, '$1 ')),
  (d) => inScript(d.replace(/(\d{4})(?=\d)/g, '$1 '), 0x0660),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1\u200b'),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1\u2013'),
  (d) => d.replace(/(\d{4})(?=\d)/g, '$1\u00a0'),
  (d) => d.split('').join(' '),
];
const cardContexts = [
  'card {} was charged twice',
  'I paid with {} yesterday',
  'the fee was charged to {}',
  'Visa {}',
  'my credit card number is {}, please refund',
  'refund to {} please',
  '{} is the card on file',
  'paid {} for the course fee',
];

const ibanFormats: Array<(iban: string) => string> = [
  (i) => i.replace(/(.{4})(?=.)/g, '$1 '),
  (i) => i,
  (i) => i.toLowerCase(),
  (i) => i.toLowerCase().replace(/(.{4})(?=.)/g, '$1 '),
  (i) => [...i].map((c, k) => (k % 2 ? c.toLowerCase() : c)).join(''),
  (i) => i.replace(/(.{4})(?=.)/g, '$1-'),
  (i) => i.replace(/(.{4})(?=.)/g, '$1.'),
  (i) => i.replace(/(.{4})(?=.)/g, '$1  '),
  (i) => fullWidth(i.replace(/(.{4})(?=.)/g, '$1 ')),
];
const ibanContexts = [
  'IBAN {} thanks',
  'please pay my salary to {} from next month',
  'my bank account is {}',
  'new iban: {}',
  'wire it to {}',
];

interface Sample {
  text: string;
  /** The identifier as written inside `text` (positives only). */
  identifier?: string;
  what: string;
}

function positives(): Sample[] {
  const samples: Sample[] = [];
  const ssns = [makeSsn(), makeSsn(), makeSsn(), makeSsn(), makeSsn(), makeSsn()];
  ssnFormats.forEach((format, f) => {
    for (let c = 0; c < 4; c++) {
      const ssn = ssns[(f + c) % ssns.length]!;
      const context = ssnContexts[(f * 4 + c) % ssnContexts.length]!;
      const identifier = format(ssn);
      samples.push({ text: context.replace('{}', identifier), identifier, what: `ssn format ${f}` });
    }
  });
  for (const ssn of ssns) {
    samples.push({ text: `SSN${ssn}`, identifier: ssn, what: 'ssn glued to its label' });
    samples.push({
      text: `my ssn:${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`,
      identifier: ssn.slice(0, 3),
      what: 'ssn after colon',
    });
  }
  const cards = [
    luhnComplete('4', 16),
    luhnComplete('51', 16),
    luhnComplete('55', 16),
    luhnComplete('6011', 16),
    luhnComplete('2221', 16),
    luhnComplete('4', 16),
  ];
  const long = luhnComplete('4', 19);
  for (const identifier of [
    long,
    long.replace(/(\d{4})(?=\d)/g, '$1 '),
    long.replace(/(\d{4})(?=\d)/g, '$1-'),
    long.replace(/(\d{4})(?=\d)/g, '$1.'),
  ]) {
    samples.push({ text: `card ${identifier} declined`, identifier, what: '19-digit card' });
  }
  cardFormats.forEach((format, f) => {
    for (let c = 0; c < 5; c++) {
      const card = cards[(f + c) % cards.length]!;
      const context = cardContexts[(f * 5 + c) % cardContexts.length]!;
      const identifier = format(card);
      samples.push({ text: context.replace('{}', identifier), identifier, what: `card format ${f}` });
    }
  });
  for (let k = 0; k < 6; k++) {
    const amex = luhnComplete(pick(['34', '37']), 15);
    const identifier = `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`;
    samples.push({ text: pick(cardContexts).replace('{}', identifier), identifier, what: 'amex 4-6-5' });
  }
  const ibans = [
    makeIban('DE', () => digits(18)),
    makeIban('GB', () => letters(4) + digits(14)),
    makeIban('NL', () => letters(4) + digits(10)),
    makeIban('FR', () => `${digits(10)}${digits(11)}${digits(2)}`),
    makeIban('ES', () => digits(20)),
    makeIban('IT', () => letters(1) + digits(22)),
    makeIban('BE', () => digits(12)),
    makeIban('CH', () => digits(17)),
  ];
  ibanFormats.forEach((format, f) => {
    for (const [k, iban] of ibans.entries()) {
      for (const shift of [0, 2]) {
        const context = ibanContexts[(f + k + shift) % ibanContexts.length]!;
        const identifier = format(iban);
        samples.push({ text: context.replace('{}', identifier), identifier, what: `iban format ${f}` });
      }
    }
  });
  for (const ssn of ssns) {
    const dashed = `${ssn.slice(0, 3)}-${ssn.slice(3, 5)}-${ssn.slice(5)}`;
    samples.push({ text: `SSN-${dashed} for my file`, identifier: dashed, what: 'ssn glued to its label' });
    samples.push({ text: `ssn:${ssn} for my file`, identifier: ssn, what: 'ssn glued to its label' });
  }
  // Every SSN and card format again in a longer message, after other numbers.
  for (const [f, format] of ssnFormats.entries()) {
    const identifier = format(ssns[f % ssns.length]!);
    samples.push({
      text: `Hi, I started on 2024-03-01 and worked 40 hours. My SSN is ${identifier} if you need it.`,
      identifier,
      what: `ssn in a longer message ${f}`,
    });
  }
  for (const [f, format] of cardFormats.entries()) {
    const identifier = format(cards[f % cards.length]!);
    samples.push({
      text: `Order 12345 arrived. My card ${identifier} was charged $45.99 twice on 03/02/2024.`,
      identifier,
      what: `card in a longer message ${f}`,
    });
  }
  // Hand-written.
  const hand: Array<[string, string]> = [
    ['Social security: 219 09 9999 (please keep it private)', '219 09 9999'],
    ['ssn 219-09-9999.', '219-09-9999'],
    ['My SSN is 078-05-1121', '078-05-1121'],
    ['SS# 123 45 6789', '123 45 6789'],
    ['the number on my card is 4242-4242-4242-4242!', '4242-4242-4242-4242'],
    ['Card: 5555555555554444', '5555555555554444'],
    ['I was charged on 4000 0566 5566 5556', '4000 0566 5566 5556'],
    ['amex 3714 496353 98431', '3714 496353 98431'],
    ['iban DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
    ['IBAN: gb82west12345698765432', 'gb82west12345698765432'],
    ['routing number 021000021', '021000021'],
    ['account number 12345678', '12345678'],
    ['passport number X12345678', 'X12345678'],
  ];
  for (const [text, identifier] of hand) samples.push({ text, identifier, what: 'hand-written' });
  return samples;
}

function lookAlikes(): Sample[] {
  const samples: Sample[] = [];
  const add = (what: string, text: string) => samples.push({ text, what });
  for (let k = 0; k < 40; k++) {
    add(
      'order number',
      pick(['My order {} never arrived', 'order #{} was refunded', 'Order no. {} is late']).replace(
        '{}',
        digits(9),
      ),
    );
    add('order code', `See ${pick(['ORD', 'PO', 'INV', 'REQ'])}-${digits(pick([6, 8, 9, 12]))} for details`);
    add('ticket', `Re: ticket ${digits(3)}-${digits(2)}-${digits(4)} is still open`);
    add('luhn order', `order #${luhnComplete('4', 16)} was refunded`);
  }
  for (let k = 0; k < 40; k++) {
    add('US phone', `Call me at (${digits(3)}) ${digits(3)}-${digits(4)} ext. ${digits(4)}`);
    add('dotted phone', `My number is ${digits(3)}.${digits(3)}.${digits(4)}`);
    add('international phone', `Reach me on +44 20 ${digits(4)} ${digits(4)}`);
    add('E.164 phone', `WhatsApp +49${digits(11)} after 6pm`);
    add('toll-free', `Call 1-800-${digits(3)}-${digits(4)} now`);
  }
  for (let k = 0; k < 40; k++) {
    const y = 2020 + Math.floor(next() * 8);
    const m = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const d = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    add('ISO date', `I start on ${y}-${m}-${d} at 09:30`);
    add('US date', `Leave from ${m}/${d}/${y} to ${m}/${d}/${y + 1}`);
    add('dotted date', `Since ${d}.${m}.${y} I have been sick`);
    add('timestamp', `event at 17${digits(11)} ms`);
  }
  for (let k = 0; k < 40; k++) {
    add('amount', `My bonus was $${digits(3)},${digits(3)},${digits(3)}`);
    add('amount', `Total ${digits(9)}.${digits(2)} was paid`);
    add('amount', `Paid ${digits(1)},${digits(3)},${digits(3)}.${digits(2)} USD last year`);
    add('amount', `salary ${digits(2)},${digits(3)}-${digits(2)},${digits(3)}`);
  }
  for (let k = 0; k < 40; k++) {
    add('employee id', `I am EMP${digits(9)} in the directory`);
    add('employee id', `employee ID ${digits(9)}, badge ${digits(6)}`);
    add('employee id', `badge ${digits(9)}`);
    add('employee id', `my id is E-${digits(9)}`);
  }
  // Harder: the same digit counts and layouts as real identifiers, with no label to rule them out.
  const luhnFailing = () => {
    for (;;) {
      const candidate = `4${digits(15)}`;
      if (!passesLuhn(candidate)) return candidate;
    }
  };
  for (let k = 0; k < 20; k++) {
    add('phone, no label', `you can reach me at ${digits(3)}-${digits(3)}-${digits(4)} after lunch`);
    add('phone, no label', `${digits(3)} ${digits(3)} ${digits(4)} is the best number`);
    add('phone, no label', `try +1 ${digits(3)} ${digits(3)} ${digits(4)}`);
    add('phone, no label', `or (${digits(3)}) ${digits(3)} ${digits(4)}`);
    add(
      '16 digits failing Luhn',
      `the code on the back is ${luhnFailing().replace(/(\d{4})(?=\d)/g, '$1 ')}`,
    );
    add('16 digits failing Luhn', `reference ${luhnFailing()}`);
    add(
      'date with spaces',
      `from ${String(1 + (k % 28)).padStart(2, '0')} 0${1 + (k % 9)} 2025 until further notice`,
    );
    add(
      'amount with spaces',
      `a salary of ${digits(1)} ${digits(3)} ${digits(3)} ${digits(3)} ${pick(['EUR', 'USD', 'yen'])}`,
    );
    add('invalid SSN range', `number ${pick(['000', '666', `9${digits(2)}`])}-${digits(2)}-${digits(4)}`);
  }
  const hand = [
    'IP 192.168.100.200',
    'ISBN 978-0-306-40615-7',
    'coordinates 37.7749, -122.4194',
    'Upgraded to version 1.2.3 and build 123456789',
    'conversation 123e4567-e89b-12d3-a456-426614174000',
    'I worked 40 hours, 5 days, 12 weeks',
    'SSN 000-12-3456',
    'SSN 666-12-3456',
    'card 4242 4242 4242 4241',
    'routing number 123456789',
    'zip code 94105-1234',
    'rate them 1 2 3 4 5 6 7 8 9 10',
    'Room 12, floor 3, desk 45',
    'Payslip 20240115 is missing',
  ];
  for (const text of hand) add('hand-written', text);
  return samples;
}

describe('PII corpus', () => {
  const positive = positives();
  const negative = lookAlikes();

  it('masks ≥ 99 % of the identifiers and falsely masks ≤ 2 % of the look-alikes', () => {
    const missed = positive.filter(({ text, identifier }) => {
      const start = text.indexOf(identifier!);
      const covered = findPii(text).some((m) => m.start <= start && m.end >= start + identifier!.length);
      return !covered || maskPii(text).includes(identifier!);
    });
    const falseMasks = negative.filter(({ text }) => findPii(text).length > 0);
    const recall = 1 - missed.length / positive.length;
    const falseRate = falseMasks.length / negative.length;
    process.stdout.write(
      `PII corpus: recall ${(recall * 100).toFixed(1)} % (${positive.length - missed.length}/${positive.length}), ` +
        `false masks ${(falseRate * 100).toFixed(1)} % (${falseMasks.length}/${negative.length})\n`,
    );
    for (const m of missed) process.stdout.write(`  missed [${m.what}]: ${JSON.stringify(m.text)}\n`);
    for (const f of falseMasks)
      process.stdout.write(
        `  false mask [${f.what}]: ${JSON.stringify(f.text)} → ${JSON.stringify(maskPii(f.text))}\n`,
      );
    expect(positive.length).toBeGreaterThanOrEqual(300);
    expect(negative.length).toBeGreaterThanOrEqual(300);
    expect(recall).toBeGreaterThanOrEqual(0.99);
    expect(falseRate).toBeLessThanOrEqual(0.02);
  });

  it('keeps masking idempotent on the whole corpus', () => {
    for (const { text } of [...positive, ...negative]) {
      const once = maskPii(text);
      expect(maskPii(once), text).toBe(once);
    }
  });
});
