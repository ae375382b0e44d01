import { SpecialistResponder } from './specialist.js';

export const policyResponder = new SpecialistResponder({
  name: 'policy-specialist',
  category: 'Policy',
  nextSteps: [
    'The full policy text is in the Employee Handbook in the portal.',
    "If your situation isn't covered, your manager and HR can confirm how the policy applies to you.",
  ],
  fallbackContact: 'Your manager or HR can confirm how policy applies to your situation.',
});
