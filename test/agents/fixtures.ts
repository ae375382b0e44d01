import { createOrchestrator } from '../../src/modules/agents/orchestrator.js';
import type { KbArticle, PipelineInput } from '../../src/modules/agents/types.js';

/** A small knowledge base written for the tests, one or two articles per category. */
export const testArticles: KbArticle[] = [
  {
    id: 'pay-schedule',
    title: 'When payday is',
    content:
      'Employees are paid every other Friday. Direct deposits usually reach your bank account on payday morning. If payday falls on a bank holiday, you are paid the business day before.',
    category: 'Payroll',
    tags: ['payday', 'deposit', 'paycheck'],
  },
  {
    id: 'direct-deposit',
    title: 'Changing your direct deposit',
    content:
      'Update your bank account for pay in the employee portal under Pay > Direct Deposit. Changes made before the payroll cutoff apply to the next paycheck.',
    category: 'Payroll',
    tags: ['bank account', 'direct deposit'],
  },
  {
    id: 'pto-accrual',
    title: 'How much vacation you earn',
    content:
      'Full-time employees accrue 15 days of paid time off per year. Up to 5 unused days carry over into the next year. Request time off in the portal under Time Off.',
    category: 'LeaveManagement',
    tags: ['pto', 'vacation', 'carry over'],
  },
  {
    id: 'medical-plans',
    title: 'Medical plan options',
    content:
      'We offer a PPO plan and a high-deductible plan with an HSA. You can add your spouse or children during open enrollment or within 30 days of a qualifying life event.',
    category: 'Benefits',
    tags: ['medical', 'insurance', 'spouse'],
  },
  {
    id: 'remote-work',
    title: 'Remote and hybrid work',
    content:
      'Hybrid employees work from the office three days a week. Working from another country requires approval from HR in advance.',
    category: 'Policy',
    tags: ['remote', 'hybrid', 'office'],
  },
  {
    id: 'reviews',
    title: 'Annual performance reviews',
    content:
      'Performance reviews happen every December. You write a self-assessment, your manager writes a review, and ratings are calibrated across teams.',
    category: 'Performance',
    tags: ['review', 'rating', 'self-assessment'],
  },
  {
    id: 'internal-jobs',
    title: 'Applying for internal jobs',
    content:
      'Internal openings are listed in the portal under Careers. You can apply after 12 months in your current role; tell your manager before your first interview.',
    category: 'Recruitment',
    tags: ['internal job', 'transfer', 'apply'],
  },
  {
    id: 'password-reset',
    title: 'Resetting your portal password',
    content:
      'Use the "Forgot password" link on the portal sign-in page to reset your password. After five failed attempts the account locks for 30 minutes.',
    category: 'General',
    tags: ['password', 'login', 'locked out'],
  },
];

export function buildTestOrchestrator(articles: KbArticle[] = testArticles) {
  return createOrchestrator(articles);
}

export function input(message: string, overrides: Partial<PipelineInput> = {}): PipelineInput {
  return {
    message,
    conversationId: 'conv-123',
    history: [],
    previousQuestions: [],
    isVip: false,
    ...overrides,
  };
}
