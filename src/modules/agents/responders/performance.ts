import { SpecialistResponder } from './specialist.js';

export const performanceResponder = new SpecialistResponder({
  name: 'performance-specialist',
  category: 'Performance',
  nextSteps: [
    'Talk it through with your manager in your next one-to-one.',
    'Review cycles, forms and goals are in the employee portal under Performance.',
  ],
  fallbackContact: 'Your manager or HR business partner can advise on your review or development plan.',
});
