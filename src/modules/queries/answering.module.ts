import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext, ModuleOptions } from '../../context.js';
import { shippedModels } from '../agents/model-artifacts.js';
import { Orchestrator } from '../agents/orchestrator.js';
import { pipelineCategorySuggester } from '../knowledge/category-suggester.js';
import { KnowledgeRepository } from '../knowledge/knowledge.repository.js';
import { knowledgeRoutes } from '../knowledge/knowledge.routes.js';
import { KnowledgeService } from '../knowledge/knowledge.service.js';
import { knowledgeAdminRoutes } from '../knowledge/knowledge-admin.routes.js';
import { KnowledgeImportService } from '../knowledge/knowledge-import.service.js';
import { KnowledgeSync } from '../knowledge/knowledge-sync.js';
import { KnowledgeIndex } from '../knowledge/retrieval-index.js';
import { readArticleFile, SHIPPED_ARTICLES_FILE } from '../knowledge/seed.js';
import { createAnswerGenerator, createCategoryTieBreaker } from '../llm/create-llm.js';
import { queriesRoutes } from './queries.routes.js';
import { QueriesService } from './queries.service.js';
import { queryStreamRoutes } from './query-stream.routes.js';

/** Seeds the shipped articles into an empty knowledge base; another replica doing it at the same time wins. */
async function seedIfEmpty(knowledge: KnowledgeService, ctx: AppContext): Promise<void> {
  if (!(await knowledge.isEmpty())) return;
  try {
    const created = (
      await knowledge.import(readArticleFile(SHIPPED_ARTICLES_FILE), {
        source: 'articles.json',
        audit: false,
      })
    ).length;
    ctx.log.info({ created }, 'seeded the knowledge base with the shipped articles');
  } catch (error) {
    // The unique title index stops a concurrent seed half-way; what the other process wrote is the same data.
    if (await knowledge.isEmpty()) throw error;
    ctx.log.info('knowledge base seeded by another process');
  }
}

/**
 * The employee-facing half of the product: the knowledge base, the agent pipeline and the question API.
 * The knowledge service and the orchestrator share one retrieval index, so article edits apply at once.
 */
export const answeringModule: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { ctx }) => {
  const index = new KnowledgeIndex([]);
  const knowledge = new KnowledgeService(ctx.db, ctx.clock, index, ctx.config.kbReviewIntervalDays);
  await seedIfEmpty(knowledge, ctx);
  const sync = new KnowledgeSync(new KnowledgeRepository(ctx.db.kysely), index, ctx.log);
  await sync.refresh();
  sync.start();
  app.addHook('onClose', async () => sync.stop());

  // Both are undefined (local engine only) unless LLM_BASE_URL is set; see docs/llm.md.
  const orchestrator = new Orchestrator({
    index,
    // The models trained by `npm run train` on the shipped training files and articles (data/models), whatever
    // the knowledge base holds now: articles added or edited at run time are found by the live retrieval index.
    model: shippedModels((message) => ctx.log.warn(message)),
    answerGenerator: createAnswerGenerator(ctx),
    categoryTieBreaker: createCategoryTieBreaker(ctx),
  });
  const queries = new QueriesService(ctx, orchestrator);

  const importer = new KnowledgeImportService(
    knowledge,
    pipelineCategorySuggester(orchestrator),
    ctx.config.kbImportMaxBytes * 10,
  );
  await app.register(knowledgeRoutes, { knowledge });
  await app.register(knowledgeAdminRoutes, {
    knowledge,
    importer,
    maxImportBytes: ctx.config.kbImportMaxBytes,
  });
  await app.register(queriesRoutes, { ctx, queries });
  await app.register(queryStreamRoutes, { queries });
  app.readiness.agent = true;
};
