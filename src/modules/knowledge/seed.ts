import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { ArticleFileEntry } from './knowledge.schemas.js';
import type { ArticleFields } from './knowledge.types.js';

/** The knowledge base shipped with the product, seeded on first start. */
export const SHIPPED_ARTICLES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../data/kb/articles.json',
);

const ArticleFile = Type.Array(ArticleFileEntry);

/** Reads and validates an article file; the error names the first bad entry. */
export function readArticleFile(file: string): ArticleFields[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseArticleJson(text, file);
}

/** Parses the article JSON format (an array of { title, content, category, tags }); errors name `label`. */
export function parseArticleJson(text: string, label: string): ArticleFields[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Cannot read ${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const withDefaults = Value.Default(ArticleFile, parsed);
  if (!Value.Check(ArticleFile, withDefaults)) {
    const first = [...Value.Errors(ArticleFile, withDefaults)][0];
    throw new Error(
      `Invalid article file ${label}: ${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim(),
    );
  }
  return withDefaults as ArticleFields[];
}
