/**
 * Knowledge-base scale: how long a 200-page handbook takes to import (PDF and DOCX, parsed by the real
 * libraries, categorized by the real pipeline, written to a real SQLite file in one transaction), and the
 * pipeline's in-process latency when retrieval searches 5,000 passages instead of the shipped ~95 articles.
 * `npx tsx bench/kb-import-bench.ts` prints the table; `npm run bench` includes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { systemClock } from '../src/clock.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { createOrchestrator } from '../src/modules/agents/orchestrator.js';
import type { KbArticle } from '../src/modules/agents/types.js';
import { pipelineCategorySuggester } from '../src/modules/knowledge/category-suggester.js';
import { KnowledgeService } from '../src/modules/knowledge/knowledge.service.js';
import { KnowledgeImportService } from '../src/modules/knowledge/knowledge-import.service.js';
import { KnowledgeIndex } from '../src/modules/knowledge/retrieval-index.js';
import { loadShippedArticles } from './kb-fixture.js';
import { fmt, type Row, table } from './lib/stats.js';
import { measurePipelineLatency } from './pipeline-latency.js';

const SECTIONS = 680;
const PASSAGES = 5_000;

/** Sentences of the shipped articles, re-mixed into new sections: real vocabulary, made-up policies. */
function sentencePool(): string[] {
  return loadShippedArticles()
    .flatMap((a) => a.content.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.replace(/^-\s*/, '').trim())
    .filter((s) => s.length > 40);
}

function syntheticSections(count: number, perSection: number) {
  const pool = sentencePool();
  const titles = loadShippedArticles().map((a) => a.title);
  return Array.from({ length: count }, (_, i) => ({
    title: `${titles[i % titles.length]} — site ${Math.floor(i / titles.length) + 1}`,
    paragraphs: Array.from({ length: perSection }, (_, k) =>
      [0, 1, 2].map((j) => pool[(i * 7 + k * 13 + j * 29) % pool.length]).join(' '),
    ),
  }));
}

async function handbookPdf(
  sections: ReturnType<typeof syntheticSections>,
): Promise<{ buffer: Buffer; pages: number }> {
  const doc = new PDFDocument({ bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(22).text('Employee handbook');
  for (const section of sections) {
    doc.moveDown().fontSize(15).text(section.title);
    doc.fontSize(11);
    for (const p of section.paragraphs) doc.text(p).moveDown(0.5);
  }
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { buffer: await done, pages };
}

function handbookDocx(sections: ReturnType<typeof syntheticSections>): Promise<Buffer> {
  const children = [new Paragraph({ text: 'Employee handbook', heading: HeadingLevel.HEADING_1 })];
  for (const section of sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }));
    for (const text of section.paragraphs) children.push(new Paragraph({ text }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function timeImport(fileName: string, buffer: Buffer): Promise<{ seconds: number; articles: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  const db = createDb({ dialect: 'sqlite', file: path.join(dir, 'bench.db') }, 1);
  try {
    await migrateToLatest(db);
    const knowledge = new KnowledgeService(db, systemClock, new KnowledgeIndex([]));
    const { orchestrator } = createOrchestrator(loadShippedArticles());
    const importer = new KnowledgeImportService(
      knowledge,
      pipelineCategorySuggester(orchestrator),
      200 * 1024 * 1024,
    );
    const started = performance.now();
    const report = await importer.importFile(fileName, buffer);
    return { seconds: (performance.now() - started) / 1000, articles: report.created };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchKnowledgeBase(say: (message: string) => void = () => {}): Promise<Row[]> {
  const sections = syntheticSections(SECTIONS, 3);
  say('knowledge base: a 200-page handbook as PDF and DOCX');
  const pdf = await handbookPdf(sections);
  const pdfImport = await timeImport('handbook.pdf', pdf.buffer);
  const docxImport = await timeImport('handbook.docx', await handbookDocx(sections));
  say('knowledge base: pipeline latency over 5,000 passages');
  const many: KbArticle[] = [
    ...loadShippedArticles(),
    ...syntheticSections(PASSAGES, 1).map((s, i) => ({
      id: `synthetic-${i}`,
      title: s.title,
      content: s.paragraphs[0]!,
      category: loadShippedArticles()[i % 95]!.category,
      tags: [],
    })),
  ];
  const latency = await measurePipelineLatency(many);
  return [
    {
      measure: `Import a ${pdf.pages}-page PDF handbook (${pdfImport.articles} articles)`,
      value: `${fmt(pdfImport.seconds, 1)} s`,
      target: '≤ 30 s',
    },
    {
      measure: `Import the same handbook as DOCX (${docxImport.articles} articles)`,
      value: `${fmt(docxImport.seconds, 1)} s`,
      target: '≤ 30 s',
    },
    {
      measure: `Pipeline p50 / p99 over ${many.length.toLocaleString('en')} passages`,
      value: `${fmt(latency.p50Ms, 3)} / ${fmt(latency.p99Ms, 3)} ms`,
      target: 'p50 ≤ 2 ms',
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchKnowledgeBase((m) => process.stderr.write(`… ${m}\n`));
  process.stdout.write(`${table(rows)}\n`);
}
