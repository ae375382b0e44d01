import { extractTextItems, getDocumentProxy } from 'unpdf';
import { AppError } from '../../../errors.js';
import type { Block } from './markdown-blocks.js';

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
}

/** A line this much larger than the body text, and short, is a heading. */
const HEADING_RATIO = 1.12;
const HEADING_MAX_CHARS = 120;
const BULLET = /^\s*(?:[•▪◦●○‣∙·*–-]|\d{1,2}[.)])\s+/;

/**
 * Reads a PDF's text into headings and paragraphs. PDFs have no structure, only positioned text, so the
 * structure is inferred: the most common font size is the body, larger short lines are headings (one level per
 * size, largest first), a larger vertical gap or a bullet starts a new paragraph, and lines repeated on most
 * pages (running headers, footers) or holding only a page number are dropped.
 */
export async function pdfToBlocks(content: Buffer): Promise<{ blocks: Block[]; warnings: string[] }> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>['items'];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(content), { verbosity: 0 });
    pages = (await extractTextItems(pdf)).items;
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'PasswordException')
      throw new AppError(
        'VALIDATION_ERROR',
        'The PDF is encrypted: save an unprotected copy and import that',
      );
    throw new AppError(
      'VALIDATION_ERROR',
      'The file is not a readable PDF (it may be damaged or incomplete)',
    );
  }
  const lines = pages.flatMap((items, page) => toLines(items, page));
  if (lines.length === 0)
    throw new AppError(
      'VALIDATION_ERROR',
      'The PDF has no text layer (a scanned image?): run it through text recognition first, or import the source document',
    );
  const warnings: string[] = [];
  const kept = dropRunningLines(lines, pages.length, warnings);
  return { blocks: toBlocks(kept), warnings };
}

type Item = { str: string; y: number; fontSize: number; hasEOL: boolean };

function toLines(items: Item[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    if (current && Math.abs(item.y - current.y) > 1) {
      lines.push(current);
      current = undefined;
    }
    if (item.str.trim()) {
      if (!current) current = { text: '', size: 0, y: item.y, page };
      current.text += item.str;
      current.size = Math.max(current.size, item.fontSize);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text.length > 0);
}

function dropRunningLines(lines: Line[], pageCount: number, warnings: string[]): Line[] {
  const pagesWith = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = line.text.replace(/\d+/g, '#');
    if (!pagesWith.has(key)) pagesWith.set(key, new Set());
    pagesWith.get(key)!.add(line.page);
  }
  const running = (line: Line) =>
    pageCount >= 3 && pagesWith.get(line.text.replace(/\d+/g, '#'))!.size >= Math.max(3, pageCount * 0.5);
  const pageNumber = /^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;
  const kept = lines.filter((l) => !pageNumber.test(l.text) && !running(l));
  if (kept.length < lines.length)
    warnings.push(`dropped ${lines.length - kept.length} page numbers and running header or footer lines`);
  return kept;
}

function toBlocks(lines: Line[]): Block[] {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(round(l.size), (chars.get(round(l.size)) ?? 0) + l.text.length);
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]![0];
  const headingSizes = [...chars.keys()].filter((s) => s > body * HEADING_RATIO).sort((a, b) => b - a);
  const isHeading = (l: Line) => round(l.size) > body * HEADING_RATIO && l.text.length <= HEADING_MAX_CHARS;

  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let previous: Line | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'text', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of lines) {
    if (isHeading(line)) {
      const last = blocks[blocks.length - 1];
      const depth = headingSizes.indexOf(round(line.size)) + 1;
      // A heading wrapped over two lines arrives as two lines of the same size.
      if (
        !paragraph.length &&
        previous &&
        isHeading(previous) &&
        last?.kind === 'heading' &&
        last.depth === depth
      )
        last.text = `${last.text} ${line.text}`;
      else {
        flush();
        blocks.push({ kind: 'heading', depth, text: line.text });
      }
    } else {
      const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
      const bullet = BULLET.test(line.text);
      if (gap > line.size * 1.9) flush();
      // A wrapped line continues the paragraph or list item above it; a bullet starts a new item.
      if (bullet) paragraph.push(`- ${line.text.replace(BULLET, '')}`);
      else if (paragraph.length) paragraph[paragraph.length - 1] += ` ${line.text}`;
      else paragraph.push(line.text);
    }
    previous = line;
  }
  flush();
  return blocks;
}

const round = (size: number) => Math.round(size * 2) / 2;
