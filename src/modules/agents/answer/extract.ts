import { type ArticlePassages, type PassageUnit, passagesOf } from '../../knowledge/passages.js';
import { analyzeText } from '../../nlp/analyze.js';
import { stem } from '../../nlp/stem.js';
import { carriesFact, countsAskedThing, type QuestionType } from './question-type.js';
import { RELATED_ONLY, RELATED_STEMS } from './related-words.js';

export interface ExtractRequest {
  content: string;
  /** The question's stems (with any hint stems): what the answer must be about. */
  stems: readonly string[];
  /** Of `stems`, those a cue phrase added: they say which article more than which of its sentences. */
  hints?: readonly string[];
  type: QuestionType;
  /** How informative a stem is (IDF over the knowledge base); rare words decide which sentence answers. */
  weight: (stem: string) => number;
  /** The article's title and tags: their words say which article, not which of its sentences, so they count less. */
  title: string;
  /** The article's tags: a one-word tag names its topic like the title; a longer one may name an aspect. */
  tags?: readonly string[];
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
/** For a question of no clear type, a sentence with an amount, a date or a path is still likelier the answer. */
const OTHER_FACT_BONUS = 0.2;
const FACT_KINDS = ['amount', 'when', 'where'] as const;
/** Stems of how a question is asked rather than what about: they say the kind of fact (see question-type.ts). */
const QUESTION_WORDS = new Set(
  'much mani long often far get take need know want happen ask tell sai thing possibl allow can also'.split(
    ' ',
  ),
);
/** The relevance of a sentence on the topic when the question names nothing but the topic. */
const TOPIC_ONLY_RELEVANCE = 0.5;
/** For a how-many question, a sentence that counts the very thing asked about ("four to eight reviewers"). */
const COUNTED_BONUS = 0.2;
/** Below this many quoted words, the next paragraph may continue the answer. */
const SHORT_ANSWER_WORDS = 30;
/** A sentence that does not name the topic of a question that names nothing else, against one that does. */
const UNNAMED_TOPIC_SHARE = 0.6;
/** How much a title word counts in choosing the sentence, against another word of the question. */
const TITLE_SHARE = 0.3;
/** How much a stem added by a cue phrase counts, against one the employee wrote. */
const HINT_SHARE = 0.6;
/** How much an everyday word's article counterpart ("dad" → "parent") counts. */
const RELATED_SHARE = 0.8;
/**
 * A list intro is scored on the words of its whole list at this share: a long list shares some word with most
 * questions, and must not outrank the one sentence that matches them all.
 */
const LIST_SHARE = 0.7;
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
  growInParagraph(article, best.index, chosen, said, request.maxWords);
  // A one-sentence paragraph is often a label's first line ("Lost badge: report it…"); the next paragraph
  // continues the same point when the answer is still short.
  const next = article.passages[article.units[best.index]!.passage + 1];
  if (next && wordCount(article, [...chosen]) < SHORT_ANSWER_WORDS && scores[next.units[0]!]! > 0)
    growInParagraph(article, next.units[0]!, chosen, said, request.maxWords, true);
  return {
    text: render(
      article,
      [...chosen].sort((a, b) => a - b),
    ),
    found: true,
  };
}

function scoreUnits(article: ArticlePassages, request: ExtractRequest): number[] {
  // The title's words and a one-word tag ("vacation" on the PTO article) name the topic, not a sentence of it;
  // the other word of a longer tag ("lost badge") names an aspect, which a sentence answers.
  const titleStems = new Set(analyzeText(request.title).stems);
  for (const tag of request.tags ?? []) {
    const stems = analyzeText(tag).stems;
    if (stems.length === 1) titleStems.add(stems[0]!);
  }
  // A word in most of the article's sentences ("401k" in the 401(k) article) cannot pick one of them.
  const unitsWith = new Map<string, number>();
  for (const unit of article.units)
    for (const stem of unit.stems) unitsWith.set(stem, (unitsWith.get(stem) ?? 0) + 1);
  const spread = (stem: string): number =>
    Math.log(1 + article.units.length / (1 + (unitsWith.get(stem) ?? 0)));
  const topicShare = (stem: string): number => (titleStems.has(stem) ? TITLE_SHARE : 1);
  const query = new Map<string, number>();
  const add = (stem: string, share: number): void => {
    const weight = request.weight(stem) * spread(stem) * share * topicShare(stem);
    if (weight > (query.get(stem) ?? 0)) query.set(stem, weight);
  };
  const hints = new Set(request.hints ?? []);
  const asked = request.stems.filter((stem) => !QUESTION_WORDS.has(stem));
  for (const stem of asked) {
    add(stem, hints.has(stem) ? HINT_SHARE : 1);
    for (const related of RELATED_STEMS.get(stem) ?? []) add(related, RELATED_SHARE);
  }
  let total = 0;
  for (const [stem, weight] of query) if (!RELATED_ONLY.has(stem) || asked.includes(stem)) total += weight;
  // A question made only of the article's topic words ("hsa limit?", "referral payout") does not say
  // which sentence: every sentence on the topic is equally relevant, and the kind of fact asked for decides.
  const onlyTopic = asked.every(
    (stem) => titleStems.has(stem) || hints.has(stem) || request.weight(stem) === 0,
  );
  const coverage = (stems: ReadonlySet<string>): number => {
    // Every sentence of the article is on its topic; one that names it is a little likelier the answer.
    if (onlyTopic)
      return [...query.keys()].some((stem) => stems.has(stem))
        ? TOPIC_ONLY_RELEVANCE
        : TOPIC_ONLY_RELEVANCE * UNNAMED_TOPIC_SHARE;
    if (total <= 0) return 0;
    let covered = 0;
    for (const [stem, weight] of query) if (stems.has(stem)) covered += weight;
    return Math.min(1, covered / total);
  };
  // A list is one answer: its intro is scored on the words of the whole list.
  const own = article.units.map((unit) => {
    if (unit.kind !== 'intro' || unit.items.length === 0) return coverage(unit.stems);
    const whole = new Set(unit.stems);
    for (const item of unit.items) for (const stem of article.units[item]!.stems) whole.add(stem);
    return Math.max(coverage(unit.stems), LIST_SHARE * coverage(whole));
  });
  const askedSet = new Set(asked);
  const headings = article.passages.map((passage) =>
    passage.heading ? coverage(new Set(analyzeText(passage.heading).stems)) : 0,
  );
  return article.units.map((unit, index) => {
    let context = headings[unit.passage]!;
    if (unit.intro !== null) context = Math.max(context, own[unit.intro]!);
    else if (unit.kind === 'intro' && unit.items.length > 0)
      context = Math.max(context, ...unit.items.map((item) => own[item]!));
    const relevance = own[index]! + CONTEXT_SHARE * context;
    // A sentence about nothing the question asked is not an answer however factual it is.
    if (relevance === 0) return 0;
    // A bare topic ("401k match") asks for the concrete fact, whatever its kind.
    const text =
      unit.kind === 'intro'
        ? [unit, ...unit.items.map((item) => article.units[item]!)].map((u) => u.text).join(' ')
        : unit.text;
    const fact =
      request.type === 'other'
        ? OTHER_FACT_BONUS * Math.max(...FACT_KINDS.map((kind) => carriesFact(kind, text)))
        : FACT_BONUS * carriesFact(request.type, text);
    // The opening sentence usually states the rule itself, which is what a yes/no question asks.
    const opening = index === 0 && request.type === 'rule' ? 0.1 : 0;
    const counted = request.type === 'amount' && countsAskedThing(text, askedSet, stem) ? COUNTED_BONUS : 0;
    return relevance + fact + opening + counted + labelBonus(article, unit, request.type);
  });
}

/**
 * A label that names the kind of fact asked for ("When you receive it:", "Who:", "Timeline:", "How to
 * request:") marks the sentences under it as the answer to that kind of question.
 */
const LABELS: Partial<Record<QuestionType, RegExp>> = {
  when: /^(when|timeline|timing|deadlines?|dates?|schedule)\b/i,
  who: /^(who|contacts?|how to reach)\b/i,
  where: /^(how to|how do|where|steps|to (set up|change|request|apply|submit|reset))\b/i,
  amount: /^(amount|how much|how many|pay|cost|limits?)\b/i,
};
const LABEL_BONUS = 0.3;

function labelBonus(article: ArticlePassages, unit: PassageUnit, type: QuestionType): number {
  const label = LABELS[type];
  if (!label) return 0;
  const heading =
    unit.kind === 'item' && unit.intro !== null
      ? article.units[unit.intro]!.text
      : unit.kind === 'intro'
        ? unit.text
        : article.passages[unit.passage]!.heading;
  return heading && label.test(heading) ? LABEL_BONUS : 0;
}

/**
 * The sentences around the best one in its paragraph, while the answer stays short: the fact asked for often
 * sits in the sentence after the one that matched the question ("If your W-2 looks wrong, open a ticket.
 * Payroll issues a corrected W-2c within ten business days."). The following sentences come first.
 */
function growInParagraph(
  article: ArticlePassages,
  index: number,
  chosen: Set<number>,
  said: ReadonlySet<number>,
  maxWords: number,
  fromStart = false,
): void {
  const units = article.passages[article.units[index]!.passage]!.units;
  const at = fromStart ? -1 : units.indexOf(index);
  const order = [...units.slice(at + 1), ...(fromStart ? [] : units.slice(0, at).reverse())];
  for (const candidate of order) {
    if (chosen.has(candidate) || said.has(candidate)) continue;
    const unit = article.units[candidate]!;
    // A list item belongs with its intro; an intro with its items: either whole or not at all.
    if (unit.kind === 'item') continue;
    const extra =
      unit.kind === 'intro' ? [candidate, ...unit.items.filter((i) => !said.has(i))] : [candidate];
    if (wordCount(article, [...chosen, ...extra]) > maxWords) break;
    for (const i of extra) chosen.add(i);
  }
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
