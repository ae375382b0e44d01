/**
 * JSON text identical to Python's `json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=True)`
 * applied to the parsed body, so a receiver written from the original system's guide (parse, re-serialize,
 * HMAC) computes the very bytes we signed.
 *
 * Number rule (JavaScript has one number type, Python has int and float):
 * - a safe integer (|n| < 2^53, including -0) prints as an integer: "3", "0". Python parses it back as an int
 *   and prints the same digits. A value stored as 1.0 is the integer 1 in JavaScript and prints as "1".
 * - any other finite number prints as Python's float repr: the shortest round-trip digits (the same digits
 *   JavaScript chooses), in fixed notation when the decimal exponent is in [-4, 16) and with at least one
 *   fractional digit ("0.5", "1e-05", "1.5e+16", "9007199254740992.0"). Python parses it as a float and repr()
 *   gives the same text.
 * - NaN and ±Infinity are not JSON; they are rejected.
 * Keys sort by Unicode code point (Python's str order), not by UTF-16 unit; every character outside
 * printable ASCII is written as \uXXXX with lowercase hex (astral characters as surrogate pairs).
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(quote(value));
      return;
    case 'number':
      out.push(pythonNumber(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot serialize a ${typeof value} as JSON`);
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') {
    write(withJson.toJSON(), out);
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      write(typeof item === 'function' || typeof item === 'symbol' ? null : item, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => {
      const v = record[key];
      return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
    })
    .sort(byCodePoint);
  out.push('{');
  keys.forEach((key, index) => {
    if (index > 0) out.push(',');
    out.push(quote(key), ':');
    write(record[key], out);
  });
  out.push('}');
}

/** Python compares str by code point; JavaScript's default sort compares UTF-16 units. */
export function byCodePoint(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Printable ASCII other than the quote and the backslash needs no escaping: the common case, done in one test.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quote(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  let result = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const unit = text.charCodeAt(i);
    const short = shortEscapes[ch];
    if (short !== undefined) result += short;
    // Python's ensure_ascii keeps only space..tilde literal; everything else (DEL included) is escaped.
    else if (unit < 0x20 || unit > 0x7e) result += `\\u${unit.toString(16).padStart(4, '0')}`;
    else result += ch;
  }
  return `${result}"`;
}

export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`Cannot serialize ${value} as JSON`);
  if (Number.isSafeInteger(value)) return Object.is(value, -0) ? '0' : String(value);
  // toExponential() without an argument yields the shortest digits that round-trip, like Python's repr.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  if (exponent >= -4 && exponent < 16) {
    let fixed: string;
    if (exponent < 0) fixed = `0.${'0'.repeat(-exponent - 1)}${digits}`;
    else if (digits.length > exponent + 1)
      fixed = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
    else fixed = `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
    return sign + fixed;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
