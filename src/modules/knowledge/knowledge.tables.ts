/** One saved state of an article: the wording employees could be shown at that version. */
export interface KbArticleVersionsTable {
  id: string;
  article_id: string;
  version: number;
  title: string;
  content: string;
  category: string;
  /** JSON array of strings. */
  tags: string;
  status: string;
  /** Who made the change: the audit actor (an admin key fingerprint, a token name, or "system"). */
  author: string;
  source: string | null;
  created_at: number;
}

export interface KnowledgeTables {
  kb_article_versions: KbArticleVersionsTable;
}
