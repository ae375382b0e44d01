import type { KbArticle } from '../agents/types.js';

export { CATEGORIES, type Category } from '../agents/types.js';

/** What an editor supplies for an article. */
export type ArticleFields = Omit<KbArticle, 'id'>;

export type ArticleStatus = 'draft' | 'published';

export interface StoredArticle extends KbArticle {
  created_at: number;
  updated_at: number;
  version: number;
  status: ArticleStatus;
  owner: string | null;
  reviewed_at: number | null;
  source: string | null;
}

/** Bookkeeping that goes with a change: who made it and from which file. */
export interface ChangeInfo {
  author: string;
  source?: string | null;
  status?: ArticleStatus;
  owner?: string | null;
}

export interface ArticleVersion {
  article_id: string;
  version: number;
  title: string;
  content: string;
  category: string;
  tags: string[];
  status: ArticleStatus;
  author: string;
  source: string | null;
  created_at: number;
}
