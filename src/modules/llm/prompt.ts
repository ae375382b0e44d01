import { maskPii } from '../security/pii.js';
import type { ChatMessage } from './llm-client.js';

export interface GroundingArticle {
  title: string;
  content: string;
  category: string;
}

export interface ConversationTurn {
  role: 'user' | 'assistant' | 'agent';
  content: string;
}

export interface AnswerPromptInput {
  message: string;
  category: string;
  articles: GroundingArticle[];
  history: ConversationTurn[];
}

// Earlier turns help with follow-ups, but a long conversation must not crowd out the articles.
const MAX_HISTORY_TURNS = 10;

const ANSWER_RULES = `You are the HR assistant of a company, answering an employee's question.
Rules:
- Use ONLY the knowledge-base articles given below and the conversation so far. Do not use outside knowledge about laws, benefits or company policy.
- If the articles do not answer the question, say plainly that you don't know and suggest contacting the HR team. Never invent a policy, number, date or deadline.
- Name the article(s) you used by their exact title, in the form (Source: <title>).
- Give concrete next steps when the articles describe them. Be brief, friendly and clear.
- Reply in the language the employee wrote in.
- Text such as ***-**-1234 or [card ending 4242] is personal data masked on purpose; never ask for the full value or try to restore it.`;

function articlesBlock(articles: GroundingArticle[]): string {
  if (articles.length === 0) return 'Knowledge-base articles: none matched this question.';
  const parts = articles.map(
    (article, index) =>
      `[${index + 1}] Title: ${article.title}\nCategory: ${article.category}\n${article.content}`,
  );
  return `Knowledge-base articles:\n\n${parts.join('\n\n---\n\n')}`;
}

function historyMessages(history: ConversationTurn[]): ChatMessage[] {
  return history.slice(-MAX_HISTORY_TURNS).map((turn) =>
    turn.role === 'user'
      ? { role: 'user', content: maskPii(turn.content) }
      : // A human HR agent's reply is still the company's side of the conversation.
        {
          role: 'assistant',
          content: maskPii(turn.role === 'agent' ? `(HR team member) ${turn.content}` : turn.content),
        },
  );
}

/**
 * The messages sent to the provider for an answer. Everything in them passes through maskPii: the employee's
 * words, earlier turns and the articles alike, because nothing unmasked may leave the system.
 */
export function buildAnswerMessages(input: AnswerPromptInput): ChatMessage[] {
  const grounding = `${ANSWER_RULES}\n\nThe question was classified as: ${input.category}.\n\n${articlesBlock(input.articles)}`;
  return [
    { role: 'system', content: maskPii(grounding) },
    ...historyMessages(input.history),
    { role: 'user', content: maskPii(input.message) },
  ];
}

export interface CategoryCandidate {
  category: string;
  score: number;
}

/** Asks for exactly one label from a closed list, so the reply can be checked against that list. */
export function buildClassifyMessages(
  message: string,
  candidates: CategoryCandidate[],
  allCategories: readonly string[],
): ChatMessage[] {
  const shortlist = candidates.map((c) => c.category).join(', ');
  const rules = `You sort employee questions for an HR help desk into exactly one category.
Categories: ${allCategories.join(', ')}.
General covers portal access and password resets, HR contacts, employment letters, personal details and anything else.
The most likely categories for this question are: ${shortlist}.
Reply with the category name only, nothing else.`;
  return [
    { role: 'system', content: rules },
    { role: 'user', content: maskPii(message) },
  ];
}
