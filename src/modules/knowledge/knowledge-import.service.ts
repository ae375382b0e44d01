import path from 'node:path';
import { AppError } from '../../errors.js';
import { detectFormat } from './import/document-format.js';
import type { ImportedArticle, KnowledgeService, MissingArticle } from './knowledge.service.js';
import type { ArticleFields, Category } from './knowledge.types.js';
import { parseArticleJson } from './seed.js';

/** Guesses an article's category from its words (the answering pipeline's categorizer). */
export type CategorySuggester = (text: string) => Promise<Category>;

/** How much of a section the categorizer reads to suggest its category. */
const SUGGEST_CHARS = 400;

export interface ImportReport {
  dry_run: boolean;
  source: string;
  format: string;
  created: number;
  updated: number;
  unchanged: number;
  articles: (ImportedArticle & { suggested_category: Category | null })[];
  /** Articles an earlier import of the same file created whose section this file no longer has. */
  removed: MissingArticle[];
  warnings: string[];
}

/**
 * Turns an uploaded file — a handbook in Markdown, HTML, Word or PDF, or the article JSON export — into
 * articles: the document is split at its headings, each new section gets the category the categorizer
 * suggests, and the whole file is applied in one transaction (or only previewed, with dryRun).
 */
export class KnowledgeImportService {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly suggestCategory: CategorySuggester,
    /** A DOCX may unpack to this many times the import size limit (text compresses ~5–10×), no more. */
    private readonly maxUnpackedBytes: number,
  ) {}

  async importFile(
    fileName: string,
    content: Buffer,
    options: { dryRun?: boolean; unpublishRemoved?: boolean } = {},
  ): Promise<ImportReport> {
    const source = path.basename(fileName).slice(0, 255) || 'upload';
    if (content.length === 0) throw new AppError('VALIDATION_ERROR', 'The file is empty');
    const format = detectFormat(fileName, content);
    let fields: ArticleFields[];
    let warnings: string[] = [];
    let suggested: (Category | null)[];
    if (format === 'json') {
      try {
        fields = parseArticleJson(content.toString('utf8'), source);
      } catch (error) {
        throw new AppError('VALIDATION_ERROR', (error as Error).message);
      }
      suggested = fields.map(() => null);
    } else {
      // The parsers (mammoth, unpdf, marked, sanitize-html, turndown) load on the first import, not at every start.
      const { parseDocument } = await import('./import/parse-document.js');
      const parsed = await parseDocument(fileName, content, { maxUnpackedBytes: this.maxUnpackedBytes });
      warnings = parsed.warnings;
      suggested = [];
      // The title and opening decide the topic; the whole text would only slow a large import down.
      for (const s of parsed.sections)
        suggested.push(await this.suggestCategory(`${s.title}. ${s.content.slice(0, SUGGEST_CHARS)}`));
      fields = parsed.sections.map((section, i) => ({
        title: section.title,
        content: section.content,
        category: suggested[i]!,
        // The chapter headings above a section are words employees use for it too.
        tags: section.path.map((p) => p.toLowerCase().slice(0, 50)).slice(-3),
      }));
    }
    const duplicate = firstDuplicateTitle(fields);
    if (duplicate) throw new AppError('VALIDATION_ERROR', `The file has two articles titled "${duplicate}"`);
    const { articles: results, missing } = await this.knowledge.importWithMissing(fields, {
      source,
      dryRun: options.dryRun,
      keepCategoryAndTags: format !== 'json',
      missing: options.unpublishRemoved ? 'unpublish' : 'keep',
    });
    const stillPublished = missing.filter((m) => m.action === 'kept' && m.status === 'published');
    if (stillPublished.length > 0)
      warnings.push(
        `${stillPublished.length} published article${stillPublished.length === 1 ? '' : 's'} from an earlier ` +
          `import of ${source} ${stillPublished.length === 1 ? 'is' : 'are'} no longer in it and still ` +
          `answer${stillPublished.length === 1 ? 's' : ''} questions: ${stillPublished.map((m) => `"${m.title}"`).join(', ')}. ` +
          `Import again with unpublish_removed=true to unpublish ${stillPublished.length === 1 ? 'it' : 'them'}, ` +
          `or delete ${stillPublished.length === 1 ? 'it' : 'them'}.`,
      );
    const count = (action: ImportedArticle['action']) => results.filter((r) => r.action === action).length;
    return {
      dry_run: Boolean(options.dryRun),
      source,
      format,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      articles: results.map((r, i) => ({ ...r, suggested_category: suggested[i] ?? null })),
      removed: missing,
      warnings,
    };
  }
}

function firstDuplicateTitle(fields: ArticleFields[]): string | undefined {
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.title.trim())) return f.title;
    seen.add(f.title.trim());
  }
  return undefined;
}
