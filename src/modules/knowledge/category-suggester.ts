import type { Orchestrator } from '../agents/orchestrator.js';
import type { CategorySuggester } from './knowledge-import.service.js';

/**
 * Suggests an imported section's category by asking the answering pipeline, as if an employee had typed the
 * section's title and opening: the same model that files questions files the articles that answer them.
 */
export function pipelineCategorySuggester(orchestrator: Orchestrator): CategorySuggester {
  return (text) =>
    orchestrator.categorize({
      message: text,
      conversationId: 'kb-import',
      history: [],
      previousQuestions: [],
      isVip: false,
    });
}
