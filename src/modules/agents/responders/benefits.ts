import { SpecialistResponder } from './specialist.js';

export const benefitsResponder = new SpecialistResponder({
  name: 'benefits-specialist',
  category: 'Benefits',
  nextSteps: [
    'Your current elections and plan documents are in the employee portal under Benefits.',
    "For claims or coverage for a specific treatment, the carrier's member services number is on your ID card.",
  ],
  fallbackContact: 'The Benefits team (through the HR Service Desk) can check your own coverage.',
});
