import { readFileSync } from 'node:fs';
import type { KbArticle } from '../src/modules/agents/types.js';

/** The shipped knowledge base with stable ids, as the benchmarks and the evaluation use it. */
export function loadShippedArticles(
  path = new URL('../data/kb/articles.json', import.meta.url),
): KbArticle[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Omit<KbArticle, 'id'>[];
  return raw.map((article, position) => ({ id: `kb-${position + 1}`, ...article }));
}
