/**
 * The text the PII detector reads, with a map back to the text it came from. People (and copy-paste) write the same
 * number in many ways: full-width or Arabic-Indic digits, en-dashes and minus signs, non-breaking or thin spaces,
 * a zero-width space in the middle. The detector sees ASCII digits, '-' and ' ' instead, and every character it
 * sees knows which characters of the original it stands for, so a mask replaces exactly what was written.
 */
export interface NormalizedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  start: Int32Array;
  end: Int32Array;
}

// Invisible format characters (zero-width space/joiners, word joiner, BOM, bidi marks) and the soft hyphen.
const INVISIBLE = /[\p{Cf}\u00ad]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const DASH = /[\p{Pd}\u2212\u2043\ufe63\uff0d]/u;
const SPACE = /[\p{Zs}\t]/u;
const PLAIN = /^[\n\r\x20-\x7e]*$/;

const zeroOfBlock = new Map<number, number>();

/** The value of a decimal digit of any script: Unicode keeps each script's 0–9 as ten consecutive code points. */
function digitValue(codePoint: number): number {
  let zero = zeroOfBlock.get(codePoint);
  if (zero === undefined) {
    zero = codePoint;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    zeroOfBlock.set(codePoint, zero);
  }
  // Some scripts' digit blocks sit back to back (mathematical digits), so count within the run of ten.
  return (codePoint - zero) % 10;
}

function identity(text: string): NormalizedText {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { text, start, end };
}

export function normalizeForDetection(original: string): NormalizedText {
  if (PLAIN.test(original)) return identity(original);
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (value: string, from: number, to: number) => {
    for (let k = 0; k < value.length; k++) {
      starts.push(from);
      ends.push(to);
    }
    text += value;
  };
  let index = 0;
  for (const char of original) {
    const from = index;
    index += char.length;
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x80) emit(char, from, index);
    else if (INVISIBLE.test(char)) continue;
    else if (DECIMAL_DIGIT.test(char)) emit(String(digitValue(codePoint)), from, index);
    else if (DASH.test(char)) emit('-', from, index);
    else if (SPACE.test(char)) emit(' ', from, index);
    else emit(char.normalize('NFKC'), from, index);
  }
  return { text, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}
