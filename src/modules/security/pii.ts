import {
  passesAbaChecksum,
  passesIbanChecksum,
  passesLuhn,
  plausibleAbaPrefix,
  plausibleCardPrefix,
  validSsn,
} from './pii-checks.js';

/**
 * Finds and masks the identifiers that must not leave the conversation: US social security numbers, payment
 * cards, bank routing and account numbers, IBANs and passport numbers.
 *
 * Numbers alone are ambiguous, so every candidate is judged by its shape, its checksum and the nearest label
 * before it ("SSN", "routing", "order", "ext" …). A nearer label saying it is an order, ticket, employee, phone,
 * zip or amount wins over the shape; a bare nine-digit number with no label is masked (an HR message is more
 * likely to carry an SSN than a nine-digit order number, and over-masking costs less than a leak).
 *
 * Masks keep a hint so a human can still tell which card or account an employee means:
 *   ssn → `***-**-6789`, card → `[card ending 4242]`, routing → `[routing number ending 0021]`,
 *   account → `[account ending 5678]`, iban → `[IBAN ending 3000]`, passport → `[passport number]`.
 * Masked text contains no run of digits a second pass would match, so masking is idempotent.
 */

export type PiiKind = 'ssn' | 'card' | 'routing' | 'account' | 'iban' | 'passport';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

type Label = PiiKind | 'other';

// Labels naming a kind of identifier; `other` marks numbers that look alike but are not personal data.
const labels: Array<[Label, RegExp]> = [
  ['ssn', /\b(?:ssn|ss#|social(?:\s+security)?|soc\.?\s*sec\.?|tax\s*id|tin)\b/gi],
  ['card', /\b(?:card|visa|master\s?card|amex|american\s+express|discover|credit|debit)\b/gi],
  ['routing', /\b(?:routing|aba|rtn|transit)\b/gi],
  ['account', /\b(?:account|acct|a\/c|iban|checking|savings)\b/gi],
  ['passport', /\bpassport\b/gi],
  [
    'other',
    /\b(?:orders?|ord|tickets?|tkt|case|cases|employees?|emp|staff|badge|invoices?|inv|ref|reference|confirmation|conf|tracking|shipment|po|purchase|requests?|req|incident|claim|policy|phone|tel|telephone|mobile|cell|fax|ext|extension|call|zip|postal|postcode|amount|total|balance|fee|paid|price|cost|salary|usd|eur|gbp|dollars|euros|item|sku|serial|version|build)\b/gi,
  ],
];

const LABEL_WINDOW_BEFORE = 40;
const LABEL_WINDOW_AFTER = 25;

// A mask from an earlier pass ("[passport number]") names a kind but must not label the numbers around it; it
// still stands where a number stood, so it becomes a placeholder number that bounds the label windows.
// A window may cut a mask in two, hence the unclosed and unopened ends.
const withoutMasks = (window: string) => window.replace(/\[[^\]]*\]|\[[^\]]*$|^[^[]*\]|\*{3}-\*{2}-/g, ' 0 ');

/**
 * The label nearest the number: the last one before it, else the first one shortly after it. A label belongs
 * to the number right next to it, so each window stops at the neighbouring number ("routing 021000021 and
 * 123456789": "routing" is not about the second number). With masks left out of the windows, this keeps
 * masking idempotent.
 */
function nearestLabel(text: string, start: number, end: number): Label | undefined {
  const windowBefore = withoutMasks(text.slice(Math.max(0, start - LABEL_WINDOW_BEFORE), start));
  const before = windowBefore.slice(windowBefore.search(/\d\D*$/) + 1);
  let best: { label: Label; at: number } | undefined;
  for (const [label, pattern] of labels) {
    for (const match of before.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (!best || at >= best.at) best = { label, at };
    }
  }
  if (best) return best.label;
  if (/[$€£¥]\s*$/.test(before)) return 'other';
  // A label after the number counts only when no other number follows it ("… twice, phone: +1 202 …").
  const after = withoutMasks(text.slice(end, end + LABEL_WINDOW_AFTER));
  if (/\d/.test(after)) return undefined;
  let first: { label: Label; at: number } | undefined;
  for (const [label, pattern] of labels) {
    for (const match of after.matchAll(pattern)) {
      if (!first || match.index < first.at) first = { label, at: match.index };
    }
  }
  return first?.label;
}

// A number is a candidate only when it stands alone: not glued to letters ("EMP123456789", "INC-123"), not a
// decimal or a thousands group ("123456789.50"), not a path/date piece ("2024/123456789"), not after "+" (phone).
const NOT_BEFORE = String.raw`(?<![\w+./-])`;
const NOT_AFTER = String.raw`(?![\w/%-]|[.,:]\d)`;

const ssnDashed = new RegExp(`${NOT_BEFORE}\\d{3}([- ])\\d{2}\\1\\d{4}${NOT_AFTER}`, 'g');
const nineDigits = new RegExp(`${NOT_BEFORE}\\d{9}${NOT_AFTER}`, 'g');
const cardContiguous = new RegExp(`${NOT_BEFORE}\\d{13,19}${NOT_AFTER}`, 'g');
// Printed card layouts only: 4-4-4-4(-1..3) and the Amex/Diners 4-6-5 / 4-6-4; phone layouts never match these.
const cardGrouped = new RegExp(
  `${NOT_BEFORE}(?:\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?|\\d{4}([ -])\\d{6}\\2\\d{4,5})${NOT_AFTER}`,
  'g',
);
// "account number is: 123…", "acct #123…", "passport no.: X123…": a noun, an optional "number", "is" and punctuation.
const AFTER_LABEL = String.raw`(?:\s+(?:number|num|no\.?|nr\.?|id))?\s*(?:is\b\s*)?[#:=]{0,2}\s*`;
const accountAfterLabel = new RegExp(
  String.raw`\b(?:bank\s+)?(?:account|acct|a\/c)${AFTER_LABEL}(\d(?:[ -]?\d){5,16})(?![\w-]|[.,]\d)`,
  'dgi',
);
const passportAfterLabel = new RegExp(String.raw`\bpassport${AFTER_LABEL}([A-Za-z0-9]{6,9})\b`, 'dgi');
const ibanShape = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;

const digitsOnly = (value: string) => value.replace(/\D/g, '');

function findIbans(text: string, found: PiiMatch[]): void {
  for (const match of text.matchAll(ibanShape)) {
    const labelled = nearestLabel(text, match.index, match.index + match[0].length) === 'account';
    // The shape is greedy and may swallow a following capitalised word; shorten group by group until it checks.
    let candidate = match[0];
    while (candidate.replace(/\s/g, '').length >= 15) {
      if (passesIbanChecksum(candidate) || (labelled && /^[A-Z]{2}\d{2}/.test(candidate))) {
        found.push({ kind: 'iban', start: match.index, end: match.index + candidate.length });
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut <= 4) break;
      candidate = candidate.slice(0, cut);
    }
  }
}

function findNineDigitNumbers(text: string, found: PiiMatch[]): void {
  for (const match of text.matchAll(nineDigits)) {
    const start = match.index;
    const end = start + match[0].length;
    const label = nearestLabel(text, start, end);
    const routing = passesAbaChecksum(match[0]) && plausibleAbaPrefix(match[0]);
    if (label === 'other' || label === 'card' || label === 'passport') continue;
    if (label === 'account') found.push({ kind: 'account', start, end });
    else if (label === 'routing') {
      if (routing) found.push({ kind: 'routing', start, end });
    } else if (label === 'ssn') {
      if (validSsn(match[0])) found.push({ kind: 'ssn', start, end });
    } else if (routing) found.push({ kind: 'routing', start, end });
    else if (validSsn(match[0])) found.push({ kind: 'ssn', start, end });
  }
}

function findSsnsWithSeparators(text: string, found: PiiMatch[]): void {
  for (const match of text.matchAll(ssnDashed)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!validSsn(match[0])) continue;
    if (nearestLabel(text, start, end) === 'other') continue;
    found.push({ kind: 'ssn', start, end });
  }
}

function findCards(text: string, found: PiiMatch[]): void {
  for (const pattern of [cardContiguous, cardGrouped]) {
    for (const match of text.matchAll(pattern)) {
      const digits = digitsOnly(match[0]);
      if (digits.length < 13 || digits.length > 19) continue;
      if (!plausibleCardPrefix(digits) || !passesLuhn(digits)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (nearestLabel(text, start, end) === 'other') continue;
      found.push({ kind: 'card', start, end });
    }
  }
}

function findLabelled(text: string, pattern: RegExp, kind: PiiKind, found: PiiMatch[]): void {
  for (const match of text.matchAll(pattern)) {
    const span = match.indices?.[1];
    const value = match[1];
    if (!span || !value) continue;
    if (kind === 'passport' && !/\d/.test(value)) continue;
    found.push({ kind, start: span[0], end: span[1] });
  }
}

// When two detectors claim the same text the stronger evidence wins: a checksum beats a label.
const precedence: Record<PiiKind, number> = { iban: 0, card: 1, ssn: 2, routing: 3, account: 4, passport: 5 };

function trimSeparators(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start && /[\s-]/.test(text[cut - 1]!)) cut--;
  return cut;
}

/** Every identifier in the text, in order, without overlaps. */
export function findPii(text: string): PiiMatch[] {
  if (!/\d/.test(text)) return [];
  const found: PiiMatch[] = [];
  findIbans(text, found);
  findCards(text, found);
  findSsnsWithSeparators(text, found);
  findNineDigitNumbers(text, found);
  findLabelled(text, accountAfterLabel, 'account', found);
  findLabelled(text, passportAfterLabel, 'passport', found);

  found.sort(
    (a, b) =>
      a.start - b.start || b.end - b.start - (a.end - a.start) || precedence[a.kind] - precedence[b.kind],
  );
  const kept: PiiMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) {
      // Overlap: the stronger detector wins. A label-driven match that ran on into the next number
      // ("account 12345678 123-45-6789") keeps its own part, so a second pass finds nothing new.
      if (precedence[match.kind] < precedence[last.kind]) {
        const ownEnd = trimSeparators(text, last.start, match.start);
        if (digitsOnly(text.slice(last.start, ownEnd)).length >= 6) {
          kept[kept.length - 1] = { ...last, end: ownEnd };
          kept.push(match);
        } else kept[kept.length - 1] = match;
      }
      continue;
    }
    kept.push(match);
  }
  return kept;
}

function lastChars(value: string, count: number): string {
  const compact = value.replace(/[\s-]/g, '');
  return compact.slice(-count);
}

export function maskFor(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'ssn':
      return `***-**-${lastChars(value, 4)}`;
    case 'card':
      return `[card ending ${lastChars(value, 4)}]`;
    case 'routing':
      return `[routing number ending ${lastChars(value, 4)}]`;
    case 'account':
      return `[account ending ${lastChars(value, 4)}]`;
    case 'iban':
      return `[IBAN ending ${lastChars(value, 4)}]`;
    case 'passport':
      return '[passport number]';
  }
}

/** The text with every identifier replaced by its mask (see the module comment for the formats). */
export function maskPii(text: string): string {
  const matches = findPii(text);
  if (matches.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const { kind, start, end } of matches) {
    result += text.slice(cursor, start) + maskFor(kind, text.slice(start, end));
    cursor = end;
  }
  return result + text.slice(cursor);
}

/** True when the whole value is a social security or payment card number (checksums and ranges included). */
export function isPersonalNumber(value: string): boolean {
  return findPii(value).some((match) => match.kind === 'ssn' || match.kind === 'card');
}

/** maskPii when the deployment asks for masking (PII_REDACTION=mask), the text unchanged otherwise. */
export function maskPiiIf(mode: 'mask' | 'off', text: string): string {
  return mode === 'mask' ? maskPii(text) : text;
}
