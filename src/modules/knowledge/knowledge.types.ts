import type { KbArticle } from '../agents/types.js';

export { CATEGORIES, type Category } from '../agents/types.js';

/** What an editor supplies for an article. */
export type ArticleFields = Omit<KbArticle, 'id'>;

export interface StoredArticle extends KbArticle {
  created_at: number;
  updated_at: number;
}
