import { isValidIBAN } from 'ibantools';
import {
  passesAbaChecksum,
  passesIbanChecksum,
  passesLuhn,
  plausibleAbaPrefix,
  plausibleCardPrefix,
  validSsn,
} from './pii-checks.js';
import { normalizeForDetection } from './pii-normalize.js';

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

type Label = PiiKind | 'other' | 'money';

// Labels naming a kind of identifier; `other` marks numbers that look alike but are not personal data.
const labels: Array<[Label, RegExp]> = [
  ['ssn', /\b(?:ssn|ss#|social(?:\s+security)?|soc\.?\s*sec\.?|tax\s*id|tin)\b/gi],
  ['card', /\b(?:card|visa|master\s?card|amex|american\s+express|discover|credit|debit)\b/gi],
  ['routing', /\b(?:routing|aba|rtn|transit)\b/gi],
  ['account', /\b(?:account|acct|a\/c|iban|checking|savings)\b/gi],
  ['passport', /\bpassport\b/gi],
  [
    'other',
    /\b(?:orders?|ord|tickets?|tkt|case|cases|employees?|emp|staff|badge|invoices?|inv|ref|reference|confirmation|conf|tracking|shipment|po|purchase|requests?|req|incident|claim|policy|phone|tel|telephone|mobile|cell|fax|ext|extension|call|zip|postal|postcode|item|sku|serial|version|build)\b/gi,
  ],
  // Money words rule out a nine-digit number (an amount) but not a card: "paid with 4111 …", "fee on card 5555 …".
  ['money', /\b(?:amount|total|balance|fee|paid|price|cost|salary|usd|eur|gbp|dollars|euros)\b/gi],
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
  if (/[$€£¥]\s*$/.test(before)) return 'money';
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

// "account number is: 123…", "acct #123…", "passport no.: X123…": a noun, an optional "number", "is" and punctuation.
const AFTER_LABEL = String.raw`(?:\s+(?:number|num|no\.?|nr\.?|id))?\s*(?:is\b\s*)?[#:=]{0,2}\s*`;
const accountAfterLabel = new RegExp(
  String.raw`\b(?:bank\s+)?(?:account|acct|a\/c)${AFTER_LABEL}(\d(?:[ -]?\d){5,16})(?![\w-]|[.,]\d)`,
  'dgi',
);
const passportAfterLabel = new RegExp(String.raw`\bpassport${AFTER_LABEL}([A-Za-z0-9]{6,9})\b`, 'dgi');
const ibanShape = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
// Any case, any separator between characters: "gb82-west-1234…", "de89.3704.0044…", "DE89  3704 …".
const looseIbanShape = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ .\-_/]{0,2}[A-Za-z0-9]){11,32}/g;

const digitsOnly = (value: string) => value.replace(/\D/g, '');
const compactIban = (value: string) => value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

function findIbans(text: string, found: Found[]): void {
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
  // Written any other way, an IBAN counts only when it passes its country's length and format and the mod-97 check.
  for (const match of text.matchAll(looseIbanShape)) {
    for (let end = match[0].length; end >= 15; end--) {
      if (!/[A-Za-z0-9]/.test(match[0][end - 1]!)) continue;
      if (isValidIBAN(compactIban(match[0].slice(0, end)))) {
        found.push({ kind: 'iban', start: match.index, end: match.index + end });
        break;
      }
    }
  }
}

/**
 * Runs of digit groups with any separator between groups: up to two spaces, or one of - . / _ with up to two
 * spaces around it (dashes and spaces of every kind are already '-' and ' ', see pii-normalize.ts).
 */
const numberRun = /\d+(?:(?: {0,2}[-./_] {0,2}| {1,2})\d+)*/g;
// Labels that may be glued to the number they introduce ("SSN123456789", "card#4111…").
const GLUED_LABEL = /(?:ssn|ss#|sin|tin|card|visa|amex|acct|routing|aba)[#:-]?$/i;

interface Group {
  start: number;
  end: number;
}

/** A run stands alone unless glued to a word or code ("EMP123456789", "INC-123", "+4915…", "v1.2", "$1,234"). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  if (/[A-Za-z0-9_+]$/.test(before) || /[A-Za-z0-9_][./,:-]$/.test(before)) {
    if (!GLUED_LABEL.test(before)) return false;
  }
  const after = text.slice(end, end + 2);
  return !/^[A-Za-z0-9_%]/.test(after) && !/^[.,:/-][A-Za-z0-9]/.test(after);
}

const sizesOf = (groups: Group[]) => groups.map((g) => g.end - g.start);

const ssnLayout = (sizes: number[], wholeRun: boolean) =>
  (sizes.length === 1 && sizes[0] === 9) ||
  (sizes.length === 3 && sizes[0] === 3 && sizes[1] === 2 && sizes[2] === 4) ||
  // Digit by digit ("1 2 3 4 5 6 7 8 9"), only as a whole run: a count-up list is not an SSN.
  (wholeRun && sizes.length === 9 && sizes.every((size) => size === 1));

/** Printed card layouts: one block, equal groups of 1, 2, 4 or 8 digits (the last may be shorter), Amex 4-6-5/4-6-4. */
function cardLayout(sizes: number[]): boolean {
  if (sizes.length === 1) return true;
  if (sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4))
    return true;
  const size = sizes[0]!;
  if (![1, 2, 4, 8].includes(size)) return false;
  return sizes.slice(0, -1).every((s) => s === size) && sizes[sizes.length - 1]! <= size;
}

function judgeNine(text: string, digits: string, start: number, end: number, layout: number, found: Found[]) {
  const label = nearestLabel(text, start, end);
  if (label === 'other' || label === 'money' || label === 'card' || label === 'passport') return;
  if (layout > 1) {
    // Written with separators, nine digits are an SSN or nothing.
    if (validSsn(digits)) found.push({ kind: 'ssn', start, end });
    return;
  }
  const routing = passesAbaChecksum(digits) && plausibleAbaPrefix(digits);
  if (label === 'account') found.push({ kind: 'account', start, end });
  else if (label === 'routing') {
    if (routing) found.push({ kind: 'routing', start, end });
  } else if (label === 'ssn') {
    if (validSsn(digits)) found.push({ kind: 'ssn', start, end });
  } else if (routing) found.push({ kind: 'routing', start, end });
  else if (validSsn(digits)) found.push({ kind: 'ssn', start, end });
}

function judgeCard(text: string, digits: string, start: number, end: number, found: Found[]) {
  if (!plausibleCardPrefix(digits) || !passesLuhn(digits)) return;
  if (nearestLabel(text, start, end) === 'other') return;
  found.push({ kind: 'card', start, end });
}

/**
 * SSNs, routing numbers and cards. Every window of consecutive groups inside a run is judged by its digit count and
 * layout; a window that is only part of a run must be set off from the rest by a space ("2024/123456789" and
 * "123456789.50" are not numbers of their own), so a card followed by " 2 times" is still found.
 */
function findNumbers(text: string, found: Found[]): void {
  for (const run of text.matchAll(numberRun)) {
    const runStart = run.index;
    const runEnd = runStart + run[0].length;
    if (!standsAlone(text, runStart, runEnd)) continue;
    const groups: Group[] = [...run[0].matchAll(/\d+/g)].map((g) => ({
      start: runStart + g.index,
      end: runStart + g.index + g[0].length,
    }));
    const spacedAfter = groups.map(
      (g, k) => k === groups.length - 1 || text.slice(g.end, groups[k + 1]!.start).includes(' '),
    );
    const claimed: Group[] = [];
    for (let i = 0; i < groups.length; i++) {
      if (i > 0 && !spacedAfter[i - 1]) continue;
      // Windows starting at group i, longest first: a card read digit by digit also has a shorter Luhn-valid start.
      const ends: Array<{ j: number; digits: string }> = [];
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += text.slice(groups[j]!.start, groups[j]!.end);
        if (digits.length > 19) break;
        if (spacedAfter[j]) ends.push({ j, digits });
      }
      for (const { j, digits } of ends.reverse()) {
        const start = groups[i]!.start;
        const end = groups[j]!.end;
        if (claimed.some((c) => start < c.end && end > c.start)) continue;
        const sizes = sizesOf(groups.slice(i, j + 1));
        const before = found.length;
        if (digits.length === 9 && ssnLayout(sizes, i === 0 && j === groups.length - 1)) {
          judgeNine(text, digits, start, end, sizes.length, found);
        } else if (digits.length >= 13 && cardLayout(sizes)) judgeCard(text, digits, start, end, found);
        if (found.length > before) {
          claimed.push({ start, end });
          break;
        }
      }
    }
  }
}

function findLabelled(text: string, pattern: RegExp, kind: PiiKind, found: Found[]): void {
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

type Found = PiiMatch;

/** Matches in the normalized text, in order, without overlaps (the stronger detector wins an overlap). */
function detect(text: string): Found[] {
  const found: Found[] = [];
  findIbans(text, found);
  findNumbers(text, found);
  findLabelled(text, accountAfterLabel, 'account', found);
  findLabelled(text, passportAfterLabel, 'passport', found);

  found.sort(
    (a, b) =>
      a.start - b.start || b.end - b.start - (a.end - a.start) || precedence[a.kind] - precedence[b.kind],
  );
  const kept: Found[] = [];
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

const ANY_DIGIT = /\p{Nd}/u;

/** Matches with their normalized value (ASCII digits), positioned in the original text. */
function locate(text: string): Array<PiiMatch & { value: string }> {
  if (!ANY_DIGIT.test(text)) return [];
  const normalized = normalizeForDetection(text);
  return detect(normalized.text).map(({ kind, start, end }) => ({
    kind,
    start: normalized.start[start]!,
    end: normalized.end[end - 1]!,
    value: normalized.text.slice(start, end),
  }));
}

/** Every identifier in the text, in order, without overlaps; positions are in the text as given. */
export function findPii(text: string): PiiMatch[] {
  return locate(text).map(({ kind, start, end }) => ({ kind, start, end }));
}

function lastChars(value: string, count: number): string {
  const compact = value.replace(/[^A-Za-z0-9]/g, '');
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
  const matches = locate(text);
  if (matches.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const { kind, start, end, value } of matches) {
    result += text.slice(cursor, start) + maskFor(kind, value);
    cursor = end;
  }
  return result + text.slice(cursor);
}

/** True when the whole value is a social security or payment card number (checksums and ranges included). */
export function isPersonalNumber(value: string): boolean {
  return findPii(value).some((match) => match.kind === 'ssn' || match.kind === 'card');
}

/** The one "mask if enabled" check: maskPii when PII_REDACTION=mask, the text unchanged otherwise. */
export function maskPiiIf(mode: 'mask' | 'off', text: string): string {
  return mode === 'mask' ? maskPii(text) : text;
}
