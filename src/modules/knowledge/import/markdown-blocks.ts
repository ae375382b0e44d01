import { marked, type Token, type Tokens } from 'marked';
import { htmlFragmentToText } from './html-to-markdown.js';

/** One block of a document in reading order: a heading (with its depth) or a paragraph of plain text. */
export type Block = { kind: 'heading'; depth: number; text: string } | { kind: 'text'; text: string };

/**
 * Reads Markdown into headings and plain-text blocks. Articles are plain text (answers quote them
 * sentence by sentence), so inline markup is dropped, links keep their address in brackets, list items
 * become "- " lines and table rows "a | b" lines — the same shape as the shipped articles.
 */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading') {
      const text = inline((token as Tokens.Heading).tokens).trim();
      if (text) blocks.push({ kind: 'heading', depth: (token as Tokens.Heading).depth, text });
      continue;
    }
    const text = block(token).trim();
    if (text) blocks.push({ kind: 'text', text });
  }
  return blocks;
}

function block(token: Token): string {
  switch (token.type) {
    case 'paragraph':
      return inline((token as Tokens.Paragraph).tokens);
    case 'list':
      return list(token as Tokens.List, '');
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens).trim()).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.map(block).filter(Boolean).join('\n\n');
    case 'code':
      return (token as Tokens.Code).text;
    case 'html':
      return stripTags((token as Tokens.HTML).text);
    case 'text':
      return 'tokens' in token && token.tokens ? inline(token.tokens) : (token as Tokens.Text).text;
    default:
      return '';
  }
}

function list(token: Tokens.List, indent: string): string {
  return token.items
    .map((item, i) => {
      const marker = token.ordered ? `${Number(token.start || 1) + i}.` : '-';
      const parts: string[] = [];
      const nested: string[] = [];
      for (const child of item.tokens) {
        if (child.type === 'list') nested.push(list(child as Tokens.List, `${indent}  `));
        else parts.push(block(child));
      }
      const line = `${indent}${marker} ${parts.join(' ').replace(/\s+/g, ' ').trim()}`;
      return [line, ...nested].join('\n');
    })
    .join('\n');
}

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'link': {
          const link = token as Tokens.Link;
          const text = inline(link.tokens);
          return link.href && link.href !== text && !link.href.startsWith('#')
            ? `${text} (${link.href})`
            : text;
        }
        case 'image':
          return '';
        case 'br':
          return '\n';
        case 'html':
          return stripTags((token as Tokens.HTML).text);
        case 'codespan':
          return (token as Tokens.Codespan).text;
        default:
          return 'tokens' in token && token.tokens
            ? inline(token.tokens)
            : decodeEntities((token as Tokens.Text).text ?? '');
      }
    })
    .join('');
}

const stripTags = (html: string) => decodeEntities(htmlFragmentToText(html));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decodeEntities = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => ENTITIES[e]!);
