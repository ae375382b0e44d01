import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleOptions } from '../../context.js';
import { Orchestrator } from '../agents/orchestrator.js';
import { knowledgeRoutes } from '../knowledge/knowledge.routes.js';
import { KnowledgeService } from '../knowledge/knowledge.service.js';
import { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import { readArticleFile, SHIPPED_ARTICLES_FILE } from '../knowledge/seed.js';
import { createAnswerGenerator, createCategoryTieBreaker } from '../llm/create-llm.js';
import { queriesRoutes } from './queries.routes.js';
import { QueriesService } from './queries.service.js';
import { queryStreamRoutes } from './query-stream.routes.js';

/**
 * The employee-facing half of the product: the knowledge base, the agent pipeline and the question API.
 * The knowledge service and the orchestrator share one retrieval index, so article edits apply at once.
 */
export const answeringModule: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const index = new KnowledgeIndex([]);
  const knowledge = new KnowledgeService(ctx.db, ctx.clock, index);
  if (await knowledge.isEmpty()) {
    const { created } = await knowledge.import(readArticleFile(SHIPPED_ARTICLES_FILE));
    ctx.log.info({ created }, 'seeded the knowledge base with the shipped articles');
  }
  for (const article of await knowledge.all()) index.upsert(article);

  // Both are undefined (local engine only) unless LLM_BASE_URL is set; see docs/llm.md.
  const orchestrator = new Orchestrator({
    index,
    answerGenerator: createAnswerGenerator(ctx),
    categoryTieBreaker: createCategoryTieBreaker(ctx),
  });
  const queries = new QueriesService(ctx, orchestrator);

  await app.register(knowledgeRoutes, { knowledge });
  await app.register(queriesRoutes, { ctx, queries });
  await app.register(queryStreamRoutes, { queries });
  app.readiness.agent = true;
};
