import { analyzeText } from '../nlp/analyze.js';

interface Sentence {
  text: string;
  stems: Set<string>;
}

const cache = new Map<string, Sentence[]>();
const CACHE_LIMIT = 2_000;

/** Splits an article into sentences with their stems, memoized per article text. */
function sentencesOf(content: string): Sentence[] {
  let sentences = cache.get(content);
  if (sentences === undefined) {
    sentences = content
      .split(/(?<=[.!?])\s+|\n+/)
      .map((text) => text.trim())
      .filter((text) => text.length > 0)
      .map((text) => ({ text, stems: new Set(analyzeText(text).stems) }));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(content, sentences);
  }
  return sentences;
}

/** The sentences of an article that share the most stems with the question, in the article's order. */
export function pickSentences(content: string, queryStems: readonly string[], max = 2): string[] {
  const sentences = sentencesOf(content);
  const query = new Set(queryStems);
  const scored = sentences.map((sentence, position) => {
    let overlap = 0;
    for (const stem of query) if (sentence.stems.has(stem)) overlap++;
    // A small bonus for the opening sentence, which usually states the rule itself.
    return { position, score: overlap + (position === 0 ? 0.5 : 0) };
  });
  const best = scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, max)
    .sort((a, b) => a.position - b.position);
  if (best.length === 0) return sentences.slice(0, 1).map((sentence) => sentence.text);
  return best.map((entry) => sentences[entry.position]!.text);
}
