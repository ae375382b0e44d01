import type { Block } from './markdown-blocks.js';

/** An article cut from a document, before it gets a category. */
export interface DocumentSection {
  title: string;
  content: string;
  /** The headings above this one, outermost first ("Employee handbook", "Time off"). */
  path: string[];
}

/** A section whose text is at least this long reads as a topic of its own rather than a sub-point. */
const TOPIC_MIN_CHARS = 300;
/** The article content limit of the API; a longer stretch is cut at paragraph boundaries. */
const ARTICLE_MAX_CHARS = 20_000;
const TITLE_MAX_CHARS = 200;
/** Text under a chapter heading, before its first article, shorter than this is a lead-in, not an article. */
const MIN_INTRO_CHARS = 60;

/**
 * Splits a document's blocks into articles at one heading level, the article level: the deepest level whose
 * sections are, at the median, long enough to be topics of their own (a policy, not its "Eligibility"
 * sub-point), or else the shallowest. A lone top heading is the document's title, never the article level.
 * Headings above the article level are chapters (kept as the article's path); headings below it stay inside
 * the article as "Heading:" lines, so an answer can quote a whole sub-section.
 */
export function sectionsToArticles(
  blocks: Block[],
  fallbackTitle: string,
): { sections: DocumentSection[]; warnings: string[] } {
  const warnings: string[] = [];
  const level = articleLevel(blocks);
  if (level === undefined) warnings.push('no headings found: the whole document became one article');
  const out: DocumentSection[] = [];
  const chapters: string[] = [];
  let current: { title: string; parts: string[]; path: string[]; intro: boolean } | undefined;
  const close = () => {
    if (!current) return;
    const content = current.parts.join('\n\n');
    if (!current.intro || content.length >= MIN_INTRO_CHARS)
      pushArticle(out, current.title, content, current.path, warnings);
    current = undefined;
  };
  for (const b of blocks) {
    if (b.kind === 'heading' && level !== undefined && b.depth <= level) {
      close();
      const title = b.text.replace(/\s+/g, ' ').trim();
      chapters.length = Math.min(chapters.length, b.depth - 1);
      if (b.depth === level) current = { title, parts: [], path: chapters.filter(Boolean), intro: false };
      else {
        chapters[b.depth - 1] = title;
        current = { title, parts: [], path: chapters.slice(0, b.depth - 1).filter(Boolean), intro: true };
      }
      continue;
    }
    current ??= { title: fallbackTitle, parts: [], path: [], intro: level !== undefined };
    if (b.kind === 'heading') current.parts.push(`${b.text.replace(/[:.]\s*$/, '')}:`);
    else if (
      current.parts.length &&
      current.parts[current.parts.length - 1]!.endsWith(':') &&
      isSubHeading(current)
    )
      current.parts[current.parts.length - 1] += `\n${b.text}`;
    else current.parts.push(b.text);
  }
  close();
  return { sections: disambiguate(out), warnings };
}

/** True when the last part is a sub-heading line waiting for its first paragraph. */
const isSubHeading = (section: { parts: string[] }) =>
  !section.parts[section.parts.length - 1]!.includes('\n');

function articleLevel(blocks: Block[]): number | undefined {
  const headings = blocks.flatMap((b, i) => (b.kind === 'heading' ? [{ depth: b.depth, i }] : []));
  if (headings.length === 0) return undefined;
  let depths = [...new Set(headings.map((h) => h.depth))].sort((a, b) => a - b);
  if (depths.length > 1 && headings.filter((h) => h.depth === depths[0]).length === 1)
    depths = depths.slice(1);
  const medianSize = (depth: number) => {
    const sizes = headings
      .filter((h) => h.depth === depth)
      .map((h) => {
        let chars = 0;
        for (let j = h.i + 1; j < blocks.length; j++) {
          const b = blocks[j]!;
          if (b.kind === 'heading' && b.depth <= depth) break;
          chars += b.text.length;
        }
        return chars;
      })
      .sort((a, b) => a - b);
    return sizes[Math.floor(sizes.length / 2)]!;
  };
  for (const depth of [...depths].reverse()) if (medianSize(depth) >= TOPIC_MIN_CHARS) return depth;
  return depths[0];
}

function pushArticle(
  out: DocumentSection[],
  title: string,
  content: string,
  path: string[],
  warnings: string[],
): void {
  const text = content.trim();
  if (!text) {
    warnings.push(`skipped "${title}": a heading with no text under it`);
    return;
  }
  const shortTitle = title.length > TITLE_MAX_CHARS ? `${title.slice(0, TITLE_MAX_CHARS - 1)}…` : title;
  if (text.length <= ARTICLE_MAX_CHARS) {
    out.push({ title: shortTitle, content: text, path });
    return;
  }
  warnings.push(`"${title}" is longer than ${ARTICLE_MAX_CHARS} characters and was split into parts`);
  const parts: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    if (current && current.length + paragraph.length + 2 > ARTICLE_MAX_CHARS) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph.slice(0, ARTICLE_MAX_CHARS);
  }
  if (current) parts.push(current);
  parts.forEach((part, i) => {
    const suffix = i === 0 ? '' : ` (part ${i + 1})`;
    out.push({
      title: `${shortTitle.slice(0, TITLE_MAX_CHARS - suffix.length)}${suffix}`,
      content: part,
      path,
    });
  });
}

/** Two sections with the same heading ("Eligibility" under two policies) are told apart by their parent. */
function disambiguate(sections: DocumentSection[]): DocumentSection[] {
  const counts = new Map<string, number>();
  for (const s of sections) counts.set(s.title.toLowerCase(), (counts.get(s.title.toLowerCase()) ?? 0) + 1);
  const seen = new Map<string, number>();
  return sections.map((s) => {
    if (counts.get(s.title.toLowerCase())! < 2) return s;
    const parent = s.path[s.path.length - 1];
    let title = parent ? `${parent}: ${s.title}`.slice(0, TITLE_MAX_CHARS) : s.title;
    const n = (seen.get(title.toLowerCase()) ?? 0) + 1;
    seen.set(title.toLowerCase(), n);
    if (n > 1) title = `${title} (${n})`;
    return { ...s, title };
  });
}
