import { AppError } from '../../../errors.js';
import { type DocumentFormat, detectFormat } from './document-format.js';
import { docxToHtml } from './docx-to-html.js';
import { droppedContent, htmlToMarkdown } from './html-to-markdown.js';
import { type Block, markdownBlocks } from './markdown-blocks.js';
import { pdfToBlocks } from './pdf-to-blocks.js';
import { type DocumentSection, sectionsToArticles } from './sections-to-articles.js';

/** Elements whose text is code, not content; Markdown splits them into pieces, so they go before lexing. */
const NON_TEXT_ELEMENTS = /<(script|style|noscript|template|textarea)\b[\s\S]*?<\/\1\s*>/gi;

export interface ParsedDocument {
  format: Exclude<DocumentFormat, 'json'>;
  sections: DocumentSection[];
  warnings: string[];
}

/**
 * Reads an uploaded handbook (Markdown, HTML, DOCX or PDF) into titled sections. Every format is brought to
 * the same blocks — headings and plain paragraphs — so one splitter decides what an article is.
 */
export async function parseDocument(
  fileName: string,
  content: Buffer,
  limits: { maxUnpackedBytes: number },
): Promise<ParsedDocument> {
  const format = detectFormat(fileName, content);
  if (format === 'json') throw new AppError('BAD_REQUEST', 'JSON article files are read by readArticleJson');
  const warnings: string[] = [];
  let blocks: Block[];
  if (format === 'pdf') {
    const pdf = await pdfToBlocks(content);
    blocks = pdf.blocks;
    warnings.push(...pdf.warnings);
  } else if (format === 'docx') {
    const docx = await docxToHtml(content, limits.maxUnpackedBytes);
    const html = htmlToMarkdown(docx.html);
    blocks = markdownBlocks(html.markdown);
    warnings.push(...docx.warnings, ...html.warnings);
  } else {
    const text = decodeText(content);
    if (format === 'html') {
      const html = htmlToMarkdown(text);
      blocks = markdownBlocks(html.markdown);
      warnings.push(...html.warnings);
    } else {
      // HTML inside Markdown is reduced to text by the same sanitizer (markdownBlocks), so report it alike.
      blocks = markdownBlocks(text.replace(NON_TEXT_ELEMENTS, ''));
      warnings.push(...droppedContent(text));
    }
  }
  const fallbackTitle =
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || 'Imported document';
  const split = sectionsToArticles(blocks, fallbackTitle);
  if (split.sections.length === 0)
    throw new AppError('VALIDATION_ERROR', 'The document has no text to import');
  return { format, sections: split.sections, warnings: [...warnings, ...split.warnings] };
}

function decodeText(content: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content).replace(/^\uFEFF/, '');
  if (text.includes('\u0000'))
    throw new AppError(
      'VALIDATION_ERROR',
      'The file is binary, not text: save it as Markdown, HTML, DOCX or PDF',
    );
  return text;
}
