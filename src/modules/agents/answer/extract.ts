import { type ArticlePassages, type PassageUnit, passagesOf } from '../../knowledge/passages.js';
import { analyzeText } from '../nlp/analyze.js';
import { carriesFact, type QuestionType } from './question-type.js';
import { RELATED_ONLY, RELATED_STEMS } from './related-words.js';

export interface ExtractRequest {
  content: string;
  /** The question's stems (with any hint stems): what the answer must be about. */
  stems: readonly string[];
  type: QuestionType;
  /** How informative a stem is (IDF over the knowledge base); rare words decide which sentence answers. */
  weight: (stem: string) => number;
  /** The article's title: its words say which article, not which of its sentences, so they count less. */
  title: string;
  /** Earlier answers in this conversation: sentences they already quoted are not quoted again. */
  alreadySaid: readonly string[];
  /** Upper bound on the quoted words. */
  maxWords: number;
}

export interface Extract {
  /** The quoted text: whole sentences, a list's items on their own lines after the sentence introducing it. */
  text: string;
  /** False when everything relevant had been said before and nothing new was found. */
  found: boolean;
}

/** A sentence that carries the asked-for kind of fact outranks one that only shares words with the question. */
const FACT_BONUS = 0.35;
/** An item's list intro and a sentence's paragraph heading lend some of their relevance. */
const CONTEXT_SHARE = 0.3;
/** How much a title word counts in choosing the sentence, against another word of the question. */
const TITLE_SHARE = 0.3;
/** How much an everyday word's article counterpart ("dad" → "parent") counts. */
const RELATED_SHARE = 0.8;
/** A second block is added only when it is nearly as relevant as the first. */
const SECOND_BLOCK_RATIO = 0.6;

/**
 * Picks the sentences of an article that answer the question: the best-scoring unit, grown to a whole
 * block (an intro with its list items, an item with its intro and siblings), then a second block if it
 * fits and is nearly as relevant. Quoted in the article's order.
 */
export function extractAnswer(request: ExtractRequest): Extract {
  const article = passagesOf(request.content);
  const said = new Set(
    article.units.filter((unit) => isSaid(unit, request.alreadySaid)).map(indexOf(article)),
  );
  // A list intro whose items were all quoted before has nothing new to introduce.
  for (const [index, unit] of article.units.entries())
    if (unit.items.length > 0 && unit.items.every((item) => said.has(item))) said.add(index);
  const scores = scoreUnits(article, request);
  const ranked = scores
    .map((score, index) => ({ index, score }))
    .filter((entry) => !said.has(entry.index) && entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  if (ranked.length === 0) {
    if (said.size > 0) return { text: '', found: false };
    const first = article.units[0];
    return { text: first ? first.text : '', found: first !== undefined };
  }
  const chosen = new Set<number>();
  const best = ranked[0]!;
  for (const index of block(article, best.index, scores, said, request.maxWords)) chosen.add(index);
  for (const candidate of ranked.slice(1)) {
    if (candidate.score < best.score * SECOND_BLOCK_RATIO) break;
    if (chosen.has(candidate.index)) continue;
    const extra = block(article, candidate.index, scores, said, request.maxWords).filter(
      (i) => !chosen.has(i),
    );
    if (wordCount(article, [...chosen, ...extra]) <= request.maxWords)
      for (const index of extra) chosen.add(index);
    break;
  }
  return {
    text: render(
      article,
      [...chosen].sort((a, b) => a - b),
    ),
    found: true,
  };
}

function scoreUnits(article: ArticlePassages, request: ExtractRequest): number[] {
  const titleStems = new Set(analyzeText(request.title).stems);
  const query = new Map<string, number>();
  const add = (stem: string, share: number): void => {
    const weight = request.weight(stem) * share * (titleStems.has(stem) ? TITLE_SHARE : 1);
    if (weight > (query.get(stem) ?? 0)) query.set(stem, weight);
  };
  for (const stem of request.stems) {
    add(stem, 1);
    for (const related of RELATED_STEMS.get(stem) ?? []) add(related, RELATED_SHARE);
  }
  let total = 0;
  for (const [stem, weight] of query)
    if (!RELATED_ONLY.has(stem) || request.stems.includes(stem)) total += weight;
  const coverage = (stems: ReadonlySet<string>): number => {
    if (total <= 0) return 0;
    let covered = 0;
    for (const [stem, weight] of query) if (stems.has(stem)) covered += weight;
    return Math.min(1, covered / total);
  };
  const own = article.units.map((unit) => coverage(unit.stems));
  return article.units.map((unit, index) => {
    let context = 0;
    if (unit.intro !== null) context = own[unit.intro]!;
    else if (unit.kind === 'intro' && unit.items.length > 0)
      context = Math.max(...unit.items.map((item) => own[item]!));
    const relevance = own[index]! + CONTEXT_SHARE * context;
    const fact = carriesFact(request.type, unit.text) * FACT_BONUS;
    // A sentence about nothing the question asked is not an answer however factual it is.
    if (relevance === 0) return 0;
    return relevance + fact + (index === 0 ? 0.05 : 0);
  });
}

/** The unit grown to what must be quoted with it: a list's intro and its items stay together. */
function block(
  article: ArticlePassages,
  index: number,
  scores: readonly number[],
  said: ReadonlySet<number>,
  maxWords: number,
): number[] {
  const unit = article.units[index]!;
  const intro = unit.kind === 'item' ? unit.intro : unit.kind === 'intro' ? index : null;
  if (intro === null) return [index];
  const items = article.units[intro]!.items.filter((item) => !said.has(item));
  const all = [intro, ...items];
  if (wordCount(article, all) <= maxWords) return all;
  // A long list: the intro and the most relevant items that fit, always including the one that was chosen.
  const kept = [intro, ...(unit.kind === 'item' ? [index] : [])];
  const byScore = [...items].sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const item of byScore) {
    if (kept.includes(item)) continue;
    if (wordCount(article, [...kept, item]) > maxWords) continue;
    kept.push(item);
  }
  return kept.sort((a, b) => a - b);
}

function render(article: ArticlePassages, indexes: readonly number[]): string {
  let out = '';
  for (const index of indexes) {
    const unit = article.units[index]!;
    if (unit.kind === 'item') out += `\n- ${unit.text}`;
    else
      out +=
        out.length === 0
          ? unit.text
          : out.endsWith(':') || endsWithItem(out)
            ? `\n${unit.text}`
            : ` ${unit.text}`;
  }
  // An intro whose items were all said before would end the answer on a heading: drop it.
  return out.replace(/(^|\n)[^\n]*:$/, '').trim();
}

const endsWithItem = (text: string): boolean => /\n- [^\n]*$/.test(text);

function wordCount(article: ArticlePassages, indexes: readonly number[]): number {
  let words = 0;
  for (const index of indexes) words += article.units[index]!.text.split(/\s+/).length;
  return words;
}

const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ');

function isSaid(unit: PassageUnit, earlier: readonly string[]): boolean {
  const needle = normalizeSpace(unit.text);
  return earlier.some((text) => normalizeSpace(text).includes(needle));
}

const indexOf =
  (article: ArticlePassages) =>
  (unit: PassageUnit): number =>
    article.units.indexOf(unit);
