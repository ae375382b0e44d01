/**
 * The shipped knowledge base exported as one handbook — a Markdown file and a Word document — and read back
 * through the importer into fresh articles, then scored with the answer check next to the JSON-seeded
 * knowledge base: a handbook import should answer as well as hand-made articles.
 * `npx tsx bench/kb-roundtrip.ts`.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { createOrchestrator } from '../src/modules/agents/orchestrator.js';
import type { KbArticle } from '../src/modules/agents/types.js';
import { pipelineCategorySuggester } from '../src/modules/knowledge/category-suggester.js';
import { parseDocument } from '../src/modules/knowledge/import/parse-document.js';
import { loadShippedArticles } from './kb-fixture.js';
import { reportAnswerCheck } from './lib/answer-check.js';

const shipped = loadShippedArticles();

function asMarkdown(articles: KbArticle[]): string {
  return ['# Employee handbook', ...articles.flatMap((a) => [`## ${a.title}`, a.content])].join('\n\n');
}

function asDocx(articles: KbArticle[]): Promise<Buffer> {
  const children = [new Paragraph({ text: 'Employee handbook', heading: HeadingLevel.HEADING_1 })];
  for (const article of articles) {
    children.push(new Paragraph({ text: article.title, heading: HeadingLevel.HEADING_2 }));
    for (const line of article.content.split('\n').filter((l) => l.trim())) {
      const item = /^\s*-\s+(.*)$/.exec(line);
      children.push(
        item ? new Paragraph({ text: item[1]!, bullet: { level: 0 } }) : new Paragraph({ text: line }),
      );
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function imported(fileName: string, content: Buffer): Promise<KbArticle[]> {
  const parsed = await parseDocument(fileName, content, { maxUnpackedBytes: 100 * 1024 * 1024 });
  const suggest = pipelineCategorySuggester(createOrchestrator(shipped).orchestrator);
  const articles: KbArticle[] = [];
  for (const [i, section] of parsed.sections.entries())
    articles.push({
      id: `${fileName}-${i + 1}`,
      title: section.title,
      content: section.content,
      category: await suggest(`${section.title}. ${section.content.slice(0, 400)}`),
      tags: [],
    });
  return articles;
}

const variants: [string, KbArticle[]][] = [
  ['JSON-seeded (shipped articles)', shipped],
  ['Markdown handbook, re-imported', await imported('handbook.md', Buffer.from(asMarkdown(shipped)))],
  ['Word handbook, re-imported', await imported('handbook.docx', await asDocx(shipped))],
];
for (const [name, articles] of variants) {
  console.log(`\n## ${name}: ${articles.length} articles`);
  const { orchestrator } = createOrchestrator(articles);
  await reportAnswerCheck((message, conversationId) =>
    orchestrator.run({ message, conversationId, history: [], previousQuestions: [], isVip: false }),
  );
}
