import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeReport, findLeaks, isSealedEvalFile, normalize } from '../../bench/lib/eval-leaks.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));

describe('evaluation lines stay out of training data, code, tests, docs and other sets', () => {
  it('finds no copy in this repository', () => {
    const report = findLeaks(repository);
    expect(report.evalLines.length).toBeGreaterThan(0);
    expect(report.scannedFiles).toBeGreaterThan(0);
    // On failure this lists file:line to fix and the evaluation line copied (sealed sets: file:line only).
    expect(describeReport(report)).toBe('');
  });
});

describe('the leak check', () => {
  const root = mkdtempSync(join(tmpdir(), 'eval-leaks-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const evalLine = (message: string): string => `${JSON.stringify({ message, category: 'General' })}\n`;

  write(
    'data/eval/open-set.jsonl',
    [
      'the vending machine on floor three swallowed my coins again',
      'who signs off on a standing desk for the night shift',
      'hello',
      'reset my password',
      'late-shift sign-in sheet location',
    ]
      .map(evalLine)
      .join(''),
  );
  write(
    'data/eval/final-check.jsonl',
    evalLine('can the parking garage stay open late when we run the quarterly stocktake'),
  );
  write(
    'data/eval/later-set.jsonl',
    [
      // the same question as open-set line 2, with different punctuation and case
      'Who signs off on a standing-desk for the night shift?',
      'an unrelated question about the canteen menu for the holiday party',
    ]
      .map(evalLine)
      .join(''),
  );
  write(
    'data/training/categories/General.txt',
    [
      '# General questions',
      'The vending machine on floor three swallowed my coins again!',
      'hello', // short and generic: anyone writes it
      'reset my password',
      'the coffee machine on floor two ate my coins', // rewritten: shares too few words
      'can the parking garage stay open late when we run the yearly stocktake', // one word swapped
      'late-shift sign-in sheet', // four words as written, though six after splitting at hyphens
    ].join('\n'),
  );
  write(
    'test/agents/example.test.ts',
    [
      "it('answers', () => {",
      "  const message = 'the vending machine on floor ' +",
      "    'three swallowed my coins again, twice';",
      '  // a copy in a comment: Can the Parking Garage stay open late when we run the quarterly stocktake',
      '});',
    ].join('\n'),
  );
  const report = findLeaks(root, ['data/training', 'test']);
  const where = report.leaks.map((leak) => `${leak.at.file}:${leak.at.line} ${leak.kind} ${leak.eval.file}`);

  it('flags exact copies after normalization (case, punctuation, accents)', () => {
    expect(normalize('Ça coûte  COMBIEN?!')).toBe('ca coute combien');
    expect(where).toContain('data/training/categories/General.txt:2 exact data/eval/open-set.jsonl');
  });

  it('flags copies inside longer text, across lines and concatenated strings', () => {
    expect(where).toContain('test/agents/example.test.ts:2 contained data/eval/open-set.jsonl');
    expect(where).toContain('test/agents/example.test.ts:4 contained data/eval/final-check.jsonl');
  });

  it('flags near copies by word overlap', () => {
    expect(where).toContain('data/training/categories/General.txt:6 near data/eval/final-check.jsonl');
  });

  it('flags a line two evaluation sets share, once per pair', () => {
    expect(where).toContain('data/eval/open-set.jsonl:2 exact data/eval/later-set.jsonl');
  });

  it('leaves short generic questions and lines rewritten in other words alone', () => {
    expect(where.filter((line) => line.includes('General.txt:3') || line.includes('General.txt:4'))).toEqual(
      [],
    );
    expect(where.filter((line) => line.includes('General.txt:5') || line.includes('General.txt:7'))).toEqual(
      [],
    );
    expect(where).toHaveLength(5);
  });

  it('names file and line of a sealed set but never prints its text', () => {
    expect(isSealedEvalFile('data/eval/blind-check-2.jsonl')).toBe(true);
    expect(isSealedEvalFile('data/eval/answer-check-holdout.jsonl')).toBe(true);
    expect(isSealedEvalFile('data/eval/final-2.jsonl')).toBe(true);
    expect(isSealedEvalFile('data/eval/intent-check.jsonl')).toBe(true);
    expect(isSealedEvalFile('data/eval/dev-set.jsonl')).toBe(false);
    const text = describeReport(report);
    expect(text).toContain('data/training/categories/General.txt:6: near copy');
    expect(text).toContain('data/eval/final-check.jsonl:1 (sealed set: text not shown)');
    expect(text).not.toMatch(/parking garage/i);
    expect(text).toContain('"the vending machine on floor three swallowed my coins again"');
  });

  it('reports evaluation lines that are not JSON with a message', () => {
    write('data/eval/broken.jsonl', '{"message": 3}\nnot json\n');
    const broken = findLeaks(root, []);
    expect(broken.malformed).toEqual([
      { file: 'data/eval/broken.jsonl', line: 1 },
      { file: 'data/eval/broken.jsonl', line: 2 },
    ]);
    rmSync(join(root, 'data/eval/broken.jsonl'));
  });
});
