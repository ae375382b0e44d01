import { SpecialistResponder } from './specialist.js';

export const leaveManagementResponder = new SpecialistResponder({
  name: 'leave-management-specialist',
  category: 'LeaveManagement',
  nextSteps: [
    'Check your balances and submit requests in the employee portal under Time Off.',
    'Tell your manager as early as you can, and for leave longer than a few days contact HR so the paperwork starts in time.',
  ],
  fallbackContact: 'The Leave team (through the HR Service Desk) can review your balances and eligibility.',
});
