/**
 * Finds evaluation lines (the `message` of every line of every data/eval/*.jsonl) that also appear, exactly or
 * nearly, in training data, source, benches, tests or docs, or in a second evaluation set. A leaked line makes a
 * set measure memory instead of generalization, so `npm test` fails on any finding (test/eval/leaks.test.ts).
 *
 * Text is compared after normalization (lower case, accents folded, anything that is not a letter or a digit
 * collapsed to one space), so quoting style, punctuation, code around a string and line wrapping do not hide a
 * copy. Three kinds of match, each with a floor on the evaluation line's length in words as written, so short
 * generic questions ("pto balance", "hello", "reset my password", "mid-year check-in deadline") that any two
 * writers produce independently are not flagged:
 * - exact: the whole segment (a training line, a string literal, a comment) equals the evaluation line
 *   (≥ MIN_EXACT_WORDS words);
 * - contained: the evaluation line's words occur in that order, consecutively, anywhere in a file's word
 *   stream, across line breaks and string concatenations (≥ MIN_CONTAINED_WORDS words);
 * - near: a segment's word set has a Jaccard similarity ≥ NEAR_JACCARD with the evaluation line's
 *   (≥ MIN_NEAR_WORDS words). At 0.8 a 5-word line is flagged only when it gained one word, a 10-word line
 *   when one word was swapped or two added; a line rewritten in one's own words keeps far fewer words.
 *
 * Written here rather than taken from a library: the whole check is two small indexes (normalized text and
 * word sets with prefix filtering) and its point is how findings are reported, which no package decides for us.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MIN_EXACT_WORDS = 4;
export const MIN_CONTAINED_WORDS = 5;
export const MIN_NEAR_WORDS = 5;
export const NEAR_JACCARD = 0.8;

/** Where copies must not be: training data, code, benches, tests and the docs that explain them. */
export const SCANNED = [
  'data/training',
  'data/calibration',
  'data/kb',
  'src',
  'bench',
  'test',
  'scripts',
  'docs',
  'README.md',
];
/** Files larger than this are generated artifacts (model weights, vocabularies), not written text. */
const MAX_SCANNED_BYTES = 2_000_000;

/**
 * Sets whose lines are never shown to anyone (they are only ever scored): a finding involving them names
 * file and line only, so reading the report does not reveal the line.
 */
export function isSealedEvalFile(file: string): boolean {
  const name = file.split(/[\\/]/).pop() ?? file;
  return (
    name === 'final-check.jsonl' ||
    name === 'blind-check-2.jsonl' ||
    name.includes('holdout') ||
    name.includes('final-2') ||
    name.includes('final-3') ||
    name.includes('intent-check')
  );
}

const NOT_PLAIN_ASCII = /[^\t\r -~]/;

export function normalize(text: string): string {
  // Most scanned lines are plain ASCII code; the Unicode path is several times slower.
  if (!NOT_PLAIN_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const wordsOf = (text: string): string[] => {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ');
};

export interface EvalLine {
  file: string; // relative to the root, with forward slashes
  line: number; // 1-based
  message: string;
  normalized: string;
  words: string[];
  wordSet: Set<string>;
  /** Words as written (split at spaces): the length floors count these, so "mid-year check-in" is two. */
  written: number;
}

export interface Place {
  file: string;
  line: number;
}

export interface Leak {
  eval: EvalLine;
  /** Where the copy is: a scanned file, or a line of another evaluation set. */
  at: Place;
  kind: 'exact' | 'contained' | 'near';
  similarity: number;
}

export interface LeakReport {
  evalLines: EvalLine[];
  scannedFiles: number;
  /** Lines of evaluation files that are not JSON objects with a string `message`. */
  malformed: Place[];
  leaks: Leak[];
}

const toPosix = (path: string): string => path.split(sep).join('/');

export function readEvalLines(root: string): { lines: EvalLine[]; malformed: Place[] } {
  const dir = join(root, 'data/eval');
  const lines: EvalLine[] = [];
  const malformed: Place[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl')) continue;
    const file = `data/eval/${name}`;
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (text.trim() === '') return;
        let message: unknown;
        try {
          message = (JSON.parse(text) as { message?: unknown }).message;
        } catch {
          message = undefined;
        }
        if (typeof message !== 'string') {
          malformed.push({ file, line: index + 1 });
          return;
        }
        const words = wordsOf(message);
        lines.push({
          file,
          line: index + 1,
          message,
          normalized: words.join(' '),
          words,
          wordSet: new Set(words),
          written: message.trim().split(/\s+/).length,
        });
      });
  }
  return { lines, malformed };
}

function listFiles(root: string, entries: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      return; // a scanned folder that does not exist in this checkout
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(join(path, name));
      }
    } else if (stats.isFile() && stats.size <= MAX_SCANNED_BYTES) out.push(path);
  };
  for (const entry of entries) walk(join(root, entry));
  return out;
}

/** Word-set similarity search over the evaluation lines, with prefix filtering so a lookup stays cheap. */
class NearIndex {
  private readonly rank = new Map<string, number>();
  private readonly postings = new Map<string, EvalLine[]>();

  constructor(lines: readonly EvalLine[]) {
    const frequency = new Map<string, number>();
    for (const line of lines) {
      if (line.written < MIN_NEAR_WORDS) continue;
      for (const word of line.wordSet) {
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
        const list = this.postings.get(word);
        if (list) list.push(line);
        else this.postings.set(word, [line]);
      }
    }
    // Rarest words first: a similar line must share one of a set's first few words, and rare words have
    // short posting lists.
    [...frequency.entries()]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .forEach(([word], index) => {
        this.rank.set(word, index);
      });
  }

  /** Evaluation lines whose word set has Jaccard similarity ≥ NEAR_JACCARD with `words`. */
  similar(words: ReadonlySet<string>): { line: EvalLine; similarity: number }[] {
    const size = words.size;
    if (size < Math.ceil(NEAR_JACCARD * MIN_NEAR_WORDS - 1e-9)) return [];
    // Words no evaluation line uses come first (rank -1): they can never be the shared word.
    const ordered = [...words].sort((a, b) => (this.rank.get(a) ?? -1) - (this.rank.get(b) ?? -1));
    const prefix = size - Math.ceil(NEAR_JACCARD * size - 1e-9) + 1;
    const candidates = new Set<EvalLine>();
    for (const word of ordered.slice(0, prefix))
      for (const line of this.postings.get(word) ?? []) candidates.add(line);
    const found: { line: EvalLine; similarity: number }[] = [];
    for (const line of candidates) {
      const other = line.wordSet.size;
      if (size < NEAR_JACCARD * other - 1e-9 || other < NEAR_JACCARD * size - 1e-9) continue;
      let shared = 0;
      for (const word of words) if (line.wordSet.has(word)) shared += 1;
      const similarity = shared / (size + other - shared);
      if (similarity >= NEAR_JACCARD - 1e-9) found.push({ line, similarity });
    }
    return found;
  }
}

/** Exact and in-order containment search: evaluation lines keyed by their first three words. */
class SequenceIndex {
  private readonly byStart = new Map<string, EvalLine[]>();
  private readonly byText = new Map<string, EvalLine[]>();

  constructor(lines: readonly EvalLine[]) {
    for (const line of lines) {
      if (line.written >= MIN_EXACT_WORDS) {
        const list = this.byText.get(line.normalized);
        if (list) list.push(line);
        else this.byText.set(line.normalized, [line]);
      }
      if (line.written >= MIN_CONTAINED_WORDS && line.words.length >= 3) {
        const key = line.words.slice(0, 3).join(' ');
        const list = this.byStart.get(key);
        if (list) list.push(line);
        else this.byStart.set(key, [line]);
      }
    }
  }

  equal(normalized: string): EvalLine[] {
    return this.byText.get(normalized) ?? [];
  }

  /** Evaluation lines that occur in `words` starting at `start`. */
  startingAt(words: readonly string[], start: number): EvalLine[] {
    if (start + 3 > words.length) return [];
    const candidates = this.byStart.get(`${words[start]} ${words[start + 1]} ${words[start + 2]}`);
    if (!candidates) return [];
    return candidates.filter(
      (line) =>
        start + line.words.length <= words.length &&
        line.words.every((word, offset) => words[start + offset] === word),
    );
  }
}

// A string literal (any quote), or a line comment; the regex scans left to right so `//` inside a string and
// quotes inside a comment are read as what they are.
const SEGMENT = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\/\/.*$/gm;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|json|html|css|ya?ml)$/;

/**
 * The pieces of one line of code that a person writes as text: string literals and comments (block-comment
 * lines are read whole after their leading `*`). A line of a data or prose file is one piece.
 */
function segmentsOf(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return [trimmed.replace(/^\/?\*+\/?/, '')];
  const found: string[] = [];
  for (const match of text.matchAll(SEGMENT)) {
    const piece = match[0];
    found.push(piece.startsWith('//') ? piece.slice(2) : piece.slice(1, -1));
  }
  return found;
}

const STRENGTH = { exact: 3, contained: 2, near: 1 } as const;

function addLeak(found: Map<string, Leak>, leak: Leak): void {
  const key = `${leak.eval.file}:${leak.eval.line}|${leak.at.file}:${leak.at.line}`;
  const known = found.get(key);
  if (!known || STRENGTH[leak.kind] > STRENGTH[known.kind]) found.set(key, leak);
}

export function findLeaks(root: string, scanned: readonly string[] = SCANNED): LeakReport {
  const { lines: evalLines, malformed } = readEvalLines(root);
  const near = new NearIndex(evalLines);
  const sequences = new SequenceIndex(evalLines);
  const found = new Map<string, Leak>();

  // Copies between evaluation sets (the same set may ask a question twice; two sets may not share one).
  for (const line of evalLines) {
    const matches: { line: EvalLine; kind: Leak['kind']; similarity: number }[] = [
      ...sequences
        .equal(line.normalized)
        .map((other) => ({ line: other, kind: 'exact' as const, similarity: 1 })),
      ...(line.written >= MIN_NEAR_WORDS ? near.similar(line.wordSet) : []).map((hit) => ({
        ...hit,
        kind: 'near' as const,
      })),
    ];
    for (const match of matches) {
      // Report each pair once (at the file sorting last); which copy goes is the reader's call.
      const later =
        match.line.file > line.file || (match.line.file === line.file && match.line.line > line.line);
      if (match.line.file === line.file || !later) continue;
      addLeak(found, {
        eval: line,
        at: { file: match.line.file, line: match.line.line },
        kind: match.kind,
        similarity: match.similarity,
      });
    }
  }

  const files = listFiles(root, scanned);
  for (const path of files) {
    const content = readFileSync(path, 'utf8');
    if (content.includes('\u0000')) continue; // binary
    const file = toPosix(relative(root, path));
    const textLines = content.split('\n');
    // One word stream per file, each word remembering its line, for copies wrapped over lines or split into
    // concatenated strings.
    const stream: string[] = [];
    const lineOf: number[] = [];
    const code = CODE_FILE.test(file);
    textLines.forEach((text, index) => {
      const lineWords = wordsOf(text);
      for (const word of lineWords) {
        stream.push(word);
        lineOf.push(index + 1);
      }
      for (const segment of code ? segmentsOf(text) : [text]) {
        const words = code ? wordsOf(segment) : lineWords;
        const at = { file, line: index + 1 };
        for (const line of sequences.equal(words.join(' ')))
          addLeak(found, { eval: line, at, kind: 'exact', similarity: 1 });
        for (const hit of near.similar(new Set(words)))
          addLeak(found, { eval: hit.line, at, kind: 'near', similarity: hit.similarity });
      }
    });
    for (let start = 0; start < stream.length; start += 1)
      for (const line of sequences.startingAt(stream, start))
        addLeak(found, { eval: line, at: { file, line: lineOf[start]! }, kind: 'contained', similarity: 1 });
  }

  const leaks = [...found.values()].sort(
    (a, b) =>
      a.at.file.localeCompare(b.at.file) ||
      a.at.line - b.at.line ||
      a.eval.file.localeCompare(b.eval.file) ||
      a.eval.line - b.eval.line,
  );
  return { evalLines, scannedFiles: files.length, malformed, leaks };
}

const quote = (text: string): string => JSON.stringify(text.length > 90 ? `${text.slice(0, 87)}...` : text);

/**
 * One line per finding: where to fix it, and the evaluation line it copies. The evaluation text is shown only
 * for sets that may be read; a sealed set is named by file and line alone, on both sides.
 */
export function describeLeak(leak: Leak): string {
  const how =
    leak.kind === 'near'
      ? `near copy (word overlap ${leak.similarity.toFixed(2)}) of`
      : `${leak.kind} copy of`;
  const atEval = leak.at.file.startsWith('data/eval/');
  const sealed = isSealedEvalFile(leak.eval.file) || (atEval && isSealedEvalFile(leak.at.file));
  const text = sealed ? '(sealed set: text not shown)' : quote(leak.eval.message);
  const fix = atEval ? 'drop the copy in the set written later' : 'delete or rewrite in your own words';
  return `${leak.at.file}:${leak.at.line}: ${how} ${leak.eval.file}:${leak.eval.line} ${text}; ${fix}`;
}

export function describeReport(report: LeakReport): string {
  const lines = [
    ...report.malformed.map(
      (place) => `${place.file}:${place.line}: not a JSON object with a "message" string`,
    ),
    ...report.leaks.map(describeLeak),
  ];
  return lines.join('\n');
}
