import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, maskPii, maskPiiIf, type PiiKind } from '../../src/modules/security/pii.js';
import {
  passesAbaChecksum,
  passesIbanChecksum,
  passesLuhn,
  validSsn,
} from '../../src/modules/security/pii-checks.js';

// [message, the identifier inside it, the kind expected, the text expected after masking]
const sensitive: Array<[string, string, PiiKind, string]> = [
  // Social security numbers
  ['My SSN is 123-45-6789.', '123-45-6789', 'ssn', 'My SSN is ***-**-6789.'],
  ['ssn:123-45-6789', '123-45-6789', 'ssn', 'ssn:***-**-6789'],
  [
    'social security number 123 45 6789 please',
    '123 45 6789',
    'ssn',
    'social security number ***-**-6789 please',
  ],
  ['SSN 123456789 for payroll', '123456789', 'ssn', 'SSN ***-**-6789 for payroll'],
  ['my number is 078-05-1121 ok', '078-05-1121', 'ssn', 'my number is ***-**-1121 ok'],
  ['123-45-6789 is my social', '123-45-6789', 'ssn', '***-**-6789 is my social'],
  ['Please update 234567890 in my file', '234567890', 'ssn', 'Please update ***-**-7890 in my file'],
  // Payment cards (Luhn-valid test numbers)
  [
    'card 4242 4242 4242 4242 was charged',
    '4242 4242 4242 4242',
    'card',
    'card [card ending 4242] was charged',
  ],
  ['Visa 4111111111111111', '4111111111111111', 'card', 'Visa [card ending 1111]'],
  [
    'mastercard 5555-5555-5555-4444 expired',
    '5555-5555-5555-4444',
    'card',
    'mastercard [card ending 4444] expired',
  ],
  ['amex 3782 822463 10005', '3782 822463 10005', 'card', 'amex [card ending 0005]'],
  ['charged to 378282246310005 twice', '378282246310005', 'card', 'charged to [card ending 0005] twice'],
  ['discover 6011111111111117', '6011111111111117', 'card', 'discover [card ending 1117]'],
  ['new card 2223003122003222', '2223003122003222', 'card', 'new card [card ending 3222]'],
  [
    'a 19-digit card 4000000000000000006',
    '4000000000000000006',
    'card',
    'a 19-digit card [card ending 0006]',
  ],
  // Routing numbers (ABA checksum)
  ['routing number 021000021', '021000021', 'routing', 'routing number [routing number ending 0021]'],
  ['ABA: 011000015', '011000015', 'routing', 'ABA: [routing number ending 0015]'],
  ['deposit to 121000248 please', '121000248', 'routing', 'deposit to [routing number ending 0248] please'],
  // Bank accounts (introduced by a label)
  ['account number 12345678', '12345678', 'account', 'account number [account ending 5678]'],
  ['acct #0001234567 at my bank', '0001234567', 'account', 'acct #[account ending 4567] at my bank'],
  ['checking account: 9876543210', '9876543210', 'account', 'checking account: [account ending 3210]'],
  ['Account No. 4455-667788', '4455-667788', 'account', 'Account No. [account ending 7788]'],
  ['bank account is 000123456789', '000123456789', 'account', 'bank account is [account ending 6789]'],
  ['acct 123456789 closed', '123456789', 'account', 'acct [account ending 6789] closed'],
  ['account number is: 12345678', '12345678', 'account', 'account number is: [account ending 5678]'],
  // IBANs (mod-97), with or without spaces; labelled ones even when the check digits are off
  [
    'IBAN GB82 WEST 1234 5698 7654 32 thanks',
    'GB82 WEST 1234 5698 7654 32',
    'iban',
    'IBAN [IBAN ending 5432] thanks',
  ],
  ['pay DE89370400440532013000 now', 'DE89370400440532013000', 'iban', 'pay [IBAN ending 3000] now'],
  [
    'FR14 2004 1010 0505 0001 3M02 606 is mine',
    'FR14 2004 1010 0505 0001 3M02 606',
    'iban',
    '[IBAN ending 2606] is mine',
  ],
  ['IBAN: GB00 WEST 1234 5698 7654 32', 'GB00 WEST 1234 5698 7654 32', 'iban', 'IBAN: [IBAN ending 5432]'],
  // Passports (introduced by "passport")
  ['passport number X12345678 expires', 'X12345678', 'passport', 'passport number [passport number] expires'],
  ['Passport No. 123456789', '123456789', 'passport', 'Passport No. [passport number]'],
  ['my passport: C03005988', 'C03005988', 'passport', 'my passport: [passport number]'],
  ['passport is 56789012 (UK)', '56789012', 'passport', 'passport is [passport number] (UK)'],
  ['passport#: 123456789', '123456789', 'passport', 'passport#: [passport number]'],
  ['SSN#123456789', '123456789', 'ssn', 'SSN#***-**-6789'],
];

const lookAlikes: Array<[string, string]> = [
  // dates and times
  ['ISO date', 'I start on 2024-01-15 at 09:30'],
  ['US date', 'Leave from 01/15/2024 to 02/15/2024'],
  ['dotted date', 'Since 15.01.2024 I have been sick'],
  ['dashed US date', 'On 12-25-2024 the office is closed'],
  ['compact date', 'Payslip 20240115 is missing'],
  ['timestamp', 'event at 1732800000000 ms'],
  // phone numbers and extensions
  ['US phone', 'Call me at (555) 123-4567 ext. 4321'],
  ['dashed phone', 'My number is 555-123-4567 x1234'],
  ['international phone', 'Reach me on +44 20 7946 0958'],
  ['E.164 phone', 'WhatsApp +4915123456789 after 6pm'],
  ['E.164 US phone', 'Text +12025550123'],
  ['phone labelled', 'phone 987654321 is my desk line'],
  ['extension', 'HR is on extension 12345'],
  ['dotted phone', 'Fax 555.123.4567'],
  ['toll-free', 'Call 1-800-555-0199 now'],
  ['phone in parentheses', 'phone: +1 (202) 555-0143'],
  ['IP address', 'IP 192.168.100.200'],
  ['ISBN', 'ISBN 978-0-306-40615-7'],
  ['coordinates', 'coordinates 37.7749, -122.4194'],
  ['badge', 'badge 123456789'],
  ['salary range', 'salary 85,000-95,000'],
  // order, ticket and employee numbers
  ['order number', 'My order 123456789 never arrived'],
  ['order with hash', 'order #4242424242424242 was refunded'],
  ['order code', 'See ORD-123456789 for details'],
  ['ticket', 'Re: ticket 123-45-6789'],
  ['incident code', 'Incident INC0012345678 reopened'],
  ['employee id', 'employee ID 123456789, badge 4111111111111111'],
  ['employee code', 'I am EMP123456789 in the directory'],
  ['case', 'case 987654321 is still open'],
  ['number after', '123456789 is my ticket number'],
  // amounts
  ['dollars with commas', 'My bonus was $123,456,789'],
  ['dollars without commas', 'A budget of $123456789 is planned'],
  ['decimal amount', 'Total 123456789.00 was paid'],
  ['currency code', 'Paid 1,234,567.89 USD last year'],
  ['salary', 'salary 123456789 per year? no'],
  ['euro', 'an invoice of €4111111111111111'],
  // zip codes
  ['zip', 'I moved to 94105'],
  ['zip+4', 'New address: San Francisco, CA 94105-1234'],
  ['zip compact', 'zip code 941051234'],
  // numbers that fail a check
  ['card failing Luhn', 'card 4242 4242 4242 4241'],
  ['card-like with impossible prefix', 'reference 9999 9999 9999 9995'],
  ['SSN area 000', 'SSN 000-12-3456'],
  ['SSN area 666', 'SSN 666-12-3456'],
  ['SSN area 9xx', 'SSN 912-34-5678'],
  ['SSN group 00', 'SSN 123-00-4567'],
  ['SSN serial 0000', 'SSN 123-45-0000'],
  ['routing failing checksum', 'routing number 123456789'],
  ['IBAN failing checksum unlabelled', 'code GB00 WEST 1234 5698 7654 32 here'],
  ['passport without digits', 'my passport renewal is due'],
  ['passport with a date', 'passport expires 2027-05-01'],
  ['short account', 'account 1234 has an issue'],
  ['account with amount', 'account balance is 123456789'],
  // everyday text
  ['version', 'Upgraded to version 1.2.3 and build 123456789'],
  ['uuid', 'conversation 123e4567-e89b-12d3-a456-426614174000'],
  ['plain numbers', 'I worked 40 hours, 5 days, 12 weeks'],
  ['no digits', 'How many vacation days do I have?'],
];

describe('findPii / maskPii: identifiers are found and masked', () => {
  it.each(sensitive)('%s', (message, identifier, kind, masked) => {
    const start = message.indexOf(identifier);
    expect(findPii(message)).toEqual([{ kind, start, end: start + identifier.length }]);
    expect(maskPii(message)).toBe(masked);
  });
});

describe('findPii / maskPii: look-alikes are left alone', () => {
  it.each(lookAlikes)('%s', (_name, message) => {
    expect(findPii(message)).toEqual([]);
    expect(maskPii(message)).toBe(message);
  });
});

describe('maskPii on a whole message', () => {
  it('masks several identifiers and keeps the rest', () => {
    const text =
      'Hi HR, my SSN is 123-45-6789 and my card 4111 1111 1111 1111 was used for order 123456789. ' +
      'Please pay me to routing 021000021 account 12345678901. Call me at 555-123-4567 on 2024-01-15.';
    expect(maskPii(text)).toBe(
      'Hi HR, my SSN is ***-**-6789 and my card [card ending 1111] was used for order 123456789. ' +
        'Please pay me to routing [routing number ending 0021] account [account ending 8901]. ' +
        'Call me at 555-123-4567 on 2024-01-15.',
    );
    expect(findPii(text).map((m) => m.kind)).toEqual(['ssn', 'card', 'routing', 'account']);
  });

  it('is idempotent and never grows identifiers back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...sensitive.map((s) => s[0]), ...lookAlikes.map((l) => l[1])),
            fc.stringMatching(/^[0-9 #:-]{0,24}$/),
            fc.string({ maxLength: 20 }),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const once = maskPii(parts.join(' '));
          expect(maskPii(once)).toBe(once);
        },
      ),
      { seed: 20261128, numRuns: 2000 },
    );
  });

  it('leaves text unchanged when redaction is off', () => {
    expect(maskPiiIf('off', 'SSN 123-45-6789')).toBe('SSN 123-45-6789');
    expect(maskPiiIf('mask', 'SSN 123-45-6789')).toBe('SSN ***-**-6789');
  });

  it('handles long inputs in linear time without catastrophic backtracking', () => {
    const long = `${'1-2 3 '.repeat(2000)}${'9'.repeat(5000)} ${'A1 '.repeat(2000)}`;
    expect(typeof maskPii(long)).toBe('string');
  });
});

describe('checksums', () => {
  it.each([
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['79927398713', false], // valid Luhn but too short for a card
  ])('Luhn %s → %s', (value, expected) => expect(passesLuhn(value)).toBe(expected));

  it.each([
    ['021000021', true],
    ['011000015', true],
    ['123456789', false],
    ['02100002', false],
  ])('ABA %s → %s', (value, expected) => expect(passesAbaChecksum(value)).toBe(expected));

  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['GB83WEST12345698765432', false],
    ['not an iban', false],
  ])('IBAN %s → %s', (value, expected) => expect(passesIbanChecksum(value)).toBe(expected));

  it.each([
    ['123-45-6789', true],
    ['000-45-6789', false],
    ['666-45-6789', false],
    ['900-45-6789', false],
    ['123-00-6789', false],
    ['123-45-0000', false],
  ])('SSN %s → %s', (value, expected) => expect(validSsn(value)).toBe(expected));
});
