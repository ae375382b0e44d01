import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';

/** What survives from an uploaded page: structure and text only, never scripts, handlers, styles or images. */
const ALLOWED = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'blockquote',
    'pre',
    'code',
    'div',
    'span',
    'section',
    'article',
    'main',
    'dl',
    'dt',
    'dd',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Text inside these is not content (a script's source, a style sheet) and is dropped with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'template', 'title', 'head'],
};

export interface SanitizedHtml {
  markdown: string;
  warnings: string[];
}

/**
 * Turns uploaded HTML into the Markdown the section splitter reads. Sanitizing first means nothing
 * executable can reach an article (articles are shown in the console and quoted in answers).
 */
export function htmlToMarkdown(html: string): SanitizedHtml {
  const clean = sanitizeHtml(html, ALLOWED);
  const turndown = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
  });
  // Links keep their text and address in plain words: answers are plain text, not Markdown.
  turndown.addRule('plainLinks', {
    filter: 'a',
    replacement: (text, node) => {
      const href = (node as { getAttribute(name: string): string | null }).getAttribute('href');
      return href && href !== text.trim() ? `${text} (${href})` : text;
    },
  });
  return { markdown: turndown.turndown(clean), warnings: droppedContent(html) };
}

/** HTML embedded in a Markdown file, reduced to its text with the same rules (no script or style text). */
export function htmlFragmentToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ALLOWED.nonTextTags });
}

/** Names what sanitizing removes, so an editor knows the import is not a byte-for-byte copy. */
export function droppedContent(html: string): string[] {
  const dropped = new Map<string, number>();
  const count = (what: string, n: number) => n > 0 && dropped.set(what, (dropped.get(what) ?? 0) + n);
  for (const tag of ['script', 'style', 'iframe', 'object', 'embed', 'form'])
    count(`${tag} element`, html.match(new RegExp(`<\\s*${tag}\\b`, 'gi'))?.length ?? 0);
  count('image', html.match(/<\s*img\b/gi)?.length ?? 0);
  count('event handler attribute', html.match(/\son[a-z]+\s*=/gi)?.length ?? 0);
  count('javascript: link', html.match(/href\s*=\s*["']?\s*javascript:/gi)?.length ?? 0);
  return [...dropped].map(([what, n]) => `removed ${n} ${what}${n === 1 ? '' : 's'}`);
}
