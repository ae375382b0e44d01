import type { Category } from '../types.js';
import { benefitsResponder } from './benefits.js';
import { generalResponder } from './general.js';
import { leaveManagementResponder } from './leave-management.js';
import { payrollResponder } from './payroll.js';
import { performanceResponder } from './performance.js';
import { policyResponder } from './policy.js';
import { recruitmentResponder } from './recruitment.js';
import type { SpecialistResponder } from './specialist.js';

export const SPECIALISTS: Record<Category, SpecialistResponder> = {
  Recruitment: recruitmentResponder,
  Payroll: payrollResponder,
  Benefits: benefitsResponder,
  Policy: policyResponder,
  LeaveManagement: leaveManagementResponder,
  Performance: performanceResponder,
  General: generalResponder,
};
