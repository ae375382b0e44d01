import type { KnowledgeIndex } from '../../knowledge/retrieval-index.js';
import type { Category } from '../types.js';
import { SpecialistResponder } from './specialist.js';

const NAMES: Record<Category, string> = {
  Recruitment: 'recruitment-specialist',
  Payroll: 'payroll-specialist',
  Benefits: 'benefits-specialist',
  Policy: 'policy-specialist',
  LeaveManagement: 'leave-management-specialist',
  Performance: 'performance-specialist',
  General: 'general-specialist',
};

/** One specialist per category (their next steps and contacts differ; see answer/framing.ts). */
export function specialistsFor(index: KnowledgeIndex): Record<Category, SpecialistResponder> {
  const out = {} as Record<Category, SpecialistResponder>;
  for (const [category, name] of Object.entries(NAMES) as [Category, string][])
    out[category] = new SpecialistResponder(name, category, index);
  return out;
}
