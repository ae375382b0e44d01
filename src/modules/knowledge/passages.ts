import { analyzeText } from '../nlp/analyze.js';

/**
 * One quotable piece of an article: a prose sentence, a sentence that introduces a list ("How it works:"),
 * or a list item. Answers are built from whole units, so they never stop mid-sentence or on a heading.
 */
export interface PassageUnit {
  text: string;
  stems: ReadonlySet<string>;
  kind: 'sentence' | 'intro' | 'item';
  /** Which paragraph (passage) of the article the unit belongs to. */
  passage: number;
  /** For an item: the index of the sentence that introduces its list. */
  intro: number | null;
  /** For an intro: the indexes of its list items, in order. */
  items: number[];
}

export interface Passage {
  /** The paragraph's lead-in ("Eligibility", "How to resign"), when it opens with one. */
  heading: string | null;
  units: number[];
}

export interface ArticlePassages {
  units: PassageUnit[];
  passages: Passage[];
}

/**
 * Abbreviations after which a full stop does not end the sentence even before a capital ("e.g. Form W-2").
 * "10:00 a.m. on Monday" needs no entry: a boundary must be followed by a capital, a digit or a quote.
 */
const ABBREVIATION = /\b(?:e\.g|i\.e|vs|approx|mr|mrs|ms|dr|u\.s)\.$/i;

/** Splits prose into sentences at . ! ? followed by a capital, a digit or a quote, skipping abbreviations. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]["')\]]?\s+(?=["'([]?[A-Z0-9¿¡])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATION.test(candidate)) continue;
    out.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) out.push(rest);
  return out.filter((sentence) => sentence.length > 0);
}

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;
/** A paragraph that opens with a short label and a colon: "Eligibility: regular employees who…". */
const LEAD_IN = /^([A-Z][^.:!?]{2,40}):\s+\S/;

const cache = new Map<string, ArticlePassages>();
const CACHE_LIMIT = 2_000;

/** The article's passages and quotable units, memoized per content text. */
export function passagesOf(content: string): ArticlePassages {
  let parsed = cache.get(content);
  if (parsed === undefined) {
    parsed = parse(content);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(content, parsed);
  }
  return parsed;
}

function parse(content: string): ArticlePassages {
  const units: PassageUnit[] = [];
  const passages: Passage[] = [];
  // A list belongs to the sentence ending in a colon right before it, even across a blank line.
  let openIntro: number | null = null;
  for (const paragraph of content.split(/\n\s*\n/)) {
    const lines = paragraph
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const passageIndex = passages.length;
    const passage: Passage = { heading: null, units: [] };
    passages.push(passage);
    for (const line of lines) {
      if (LIST_ITEM.test(line)) {
        const text = line.replace(LIST_ITEM, '');
        const index = units.length;
        units.push(unit(text, 'item', passageIndex, openIntro));
        if (openIntro !== null) units[openIntro]!.items.push(index);
        passage.units.push(index);
        continue;
      }
      openIntro = null;
      for (const sentence of splitSentences(line)) {
        const index = units.length;
        const isIntro = sentence.endsWith(':');
        units.push(unit(sentence, isIntro ? 'intro' : 'sentence', passageIndex, null));
        passage.units.push(index);
        openIntro = isIntro ? index : null;
      }
    }
    const first = units[passage.units[0]!]!;
    const lead = LEAD_IN.exec(first.text);
    if (first.kind === 'intro') passage.heading = first.text.slice(0, -1);
    else if (lead) passage.heading = lead[1]!;
    // A paragraph of prose ends an open list only if the next paragraph does not continue it.
    if (lines.every((line) => !LIST_ITEM.test(line)) && units[units.length - 1]!.kind !== 'intro')
      openIntro = null;
  }
  return { units, passages };
}

function unit(text: string, kind: PassageUnit['kind'], passage: number, intro: number | null): PassageUnit {
  return { text, stems: new Set(analyzeText(text).stems), kind, passage, intro, items: [] };
}
