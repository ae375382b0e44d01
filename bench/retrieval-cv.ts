/**
 * Five-fold cross-validation of retrieval and abstention on our own written questions: the article matcher is
 * trained on four fifths of data/training/article-questions/ and the whole pipeline answers the fifth it never
 * saw. Also runs data/calibration/not-covered.txt (HR questions no article answers) through the full model, to
 * calibrate when the engine should say no article covers a question.
 *
 *   npx tsx bench/retrieval-cv.ts [--lexical 3] [--ownCoverage 0.7] [--askedCoverage 0.4] [--matched 0.4]
 *     [--similar 0.45] [--temperature 2.5] [--share 0.4] [--errors] [--dump file.jsonl]
 */
import { readFileSync } from 'node:fs';
import { Orchestrator } from '../src/modules/agents/orchestrator.js';
import {
  articleMatcherExamples,
  loadTrainedModel,
  readArticleQuestions,
} from '../src/modules/agents/training-data.js';
import type { PipelineResult } from '../src/modules/agents/types.js';
import { ArticleMatcher } from '../src/modules/knowledge/article-matcher.js';
import { RELEVANCE } from '../src/modules/knowledge/relevance.js';
import { KnowledgeIndex } from '../src/modules/knowledge/retrieval-index.js';
import { loadShippedArticles } from './kb-fixture.js';
import { argument } from './lib/args.js';

const FOLDS = 5;
const number = (name: string): number | undefined => {
  const value = argument(name);
  return value === undefined ? undefined : Number(value);
};
const indexOptions = {
  lexicalWeight: number('--lexical'),
  relevance: {
    ...RELEVANCE,
    ...Object.fromEntries(
      (['ownCoverage', 'askedCoverage', 'matched', 'similar'] as const)
        .map((name) => [name, number(`--${name}`)])
        .filter(([, value]) => value !== undefined),
    ),
  },
};
const matcherOptions = { temperature: number('--temperature'), regressionShare: number('--share') };
const showErrors = process.argv.includes('--errors');

const articles = loadShippedArticles();
const base = loadTrainedModel(articles);
const questions = readArticleQuestions();
const notCovered = readFileSync(new URL('../data/calibration/not-covered.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0 && !line.startsWith('#'));

// Each article's questions are dealt round-robin into the folds, so every fold holds some of every article.
const seen = new Map<string, number>();
const fold = questions.map((question) => {
  const n = seen.get(question.title) ?? 0;
  seen.set(question.title, n + 1);
  return n % FOLDS;
});

const ask = (orchestrator: Orchestrator, message: string, id: string): Promise<PipelineResult> =>
  orchestrator.run({ message, conversationId: id, history: [], previousQuestions: [], isVip: false });

interface Row {
  title: string;
  message: string;
  foreign: boolean;
  result: PipelineResult;
}
const rows: Row[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = questions.filter((_, i) => fold[i] !== f);
  const matcher = new ArticleMatcher(articleMatcherExamples(train, articles, base.speller), matcherOptions);
  const index = new KnowledgeIndex(articles, indexOptions);
  const orchestrator = new Orchestrator({ index, model: { ...base, articles: matcher } });
  for (const [i, question] of questions.entries()) {
    if (fold[i] !== f) continue;
    const result = await ask(orchestrator, question.text, `cv-${i}`);
    const foreign = /[¿¡]|\b(que|est-ce|quand|comment|combien|wie|wann|ich|wo)\b/i.test(question.text);
    rows.push({ title: question.title, message: question.text, foreign, result });
  }
}

const full = new Orchestrator({
  index: new KnowledgeIndex(articles, indexOptions),
  model: {
    ...base,
    articles: new ArticleMatcher(articleMatcherExamples(questions, articles, base.speller), matcherOptions),
  },
});
const gaps: { message: string; result: PipelineResult }[] = [];
for (const [i, message] of notCovered.entries())
  gaps.push({ message, result: await ask(full, message, `gap-${i}`) });

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const first = (result: PipelineResult): string | undefined =>
  result.answer.articles[0]?.title ?? result.kbResults[0]?.title;
function figures(list: Row[]) {
  return {
    n: list.length,
    'top-1': pct(list.filter((row) => first(row.result) === row.title).length, list.length),
    'top-3': pct(
      list.filter((row) => row.result.kbResults.some((hit) => hit.title === row.title)).length,
      list.length,
    ),
    answered: pct(list.filter((row) => row.result.answer.status === 'answered').length, list.length),
    'answered from the right article': pct(
      list.filter((row) => row.result.answer.articles[0]?.title === row.title).length,
      list.length,
    ),
  };
}
console.log(
  `\nRetrieval, ${FOLDS}-fold cross-validation over data/training/article-questions (held-out fold)\n`,
);
console.table({
  all: figures(rows),
  English: figures(rows.filter((row) => !row.foreign)),
  'Spanish, French, German': figures(rows.filter((row) => row.foreign)),
});
console.log('Not covered (data/calibration/not-covered.txt): says no article covers it');
console.table({
  'not covered': {
    n: gaps.length,
    'says not covered': pct(
      gaps.filter((gap) => gap.result.answer.status === 'not_covered').length,
      gaps.length,
    ),
    escalated: pct(gaps.filter((gap) => gap.result.escalated).length, gaps.length),
  },
});
if (argument('--dump')) {
  const { writeFileSync } = await import('node:fs');
  const lines = [
    ...rows.map((row) => ({
      message: row.message,
      kind: 'cv',
      right: first(row.result) === row.title,
      hit: row.result.kbResults[0],
      escalated: row.result.escalated,
    })),
    ...gaps.map((gap) => ({
      message: gap.message,
      kind: 'gap',
      right: false,
      hit: gap.result.kbResults[0],
      escalated: gap.result.escalated,
    })),
  ].map((row) =>
    JSON.stringify({
      message: row.message,
      title: row.hit?.title,
      kind: row.kind,
      right: row.right,
      escalated: row.escalated,
      bm25: row.hit?.score,
      ...row.hit?.evidence,
    }),
  );
  writeFileSync(argument('--dump')!, `${lines.join('\n')}\n`);
}
if (showErrors) {
  for (const row of rows)
    if (first(row.result) !== row.title || row.result.answer.status !== 'answered')
      console.log(
        `MISS [${row.result.answer.status}] ${row.message} → ${first(row.result)} (want ${row.title})`,
      );
  for (const gap of gaps)
    if (gap.result.answer.status === 'answered')
      console.log(`ANSWERED GAP ${gap.message} → ${gap.result.answer.articles[0]?.title}`);
}
