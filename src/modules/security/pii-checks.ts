/** Checksums and range rules that separate real identifiers from numbers that merely look like them. */

const digitsOf = (value: string): number[] => [...value.replace(/\D/g, '')].map(Number);

/** Payment cards: the Luhn mod-10 check every issuer uses. */
export function passesLuhn(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits[digits.length - 1 - i]!;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Card networks only issue numbers starting 2–6 (Mastercard 2-series, Amex/Diners/JCB 3, Visa 4, Mastercard
 * and Maestro 5, Discover/UnionPay 6). Filtering on it drops millisecond timestamps and most phone numbers.
 */
export const plausibleCardPrefix = (digits: string): boolean => /^[2-6]/.test(digits);

/** ABA routing numbers: weights 3-7-1 over the nine digits must sum to a multiple of ten. */
export function passesAbaChecksum(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** The first two digits of a routing number name a Federal Reserve district (01–12, thrifts 21–32, 61–72, 80). */
export function plausibleAbaPrefix(value: string): boolean {
  const prefix = Number(value.replace(/\D/g, '').slice(0, 2));
  return (
    (prefix >= 1 && prefix <= 12) ||
    (prefix >= 21 && prefix <= 32) ||
    (prefix >= 61 && prefix <= 72) ||
    prefix === 80
  );
}

/** SSNs are never issued with area 000, 666 or 900–999, group 00 or serial 0000. */
export function validSsn(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  return area !== 0 && area !== 666 && area < 900 && group !== '00' && serial !== '0000';
}

/** IBAN: move the first four characters to the end, letters to numbers (A=10…), and the result mod 97 is 1. */
export function passesIbanChecksum(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
