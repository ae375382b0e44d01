import { SpecialistResponder } from './specialist.js';

export const generalResponder = new SpecialistResponder({
  name: 'general-specialist',
  category: 'General',
  nextSteps: [
    "Most self-service tasks are in the employee portal; the HR Service Desk can help with anything you can't find there.",
  ],
  fallbackContact: "The HR Service Desk can help with anything the portal doesn't cover.",
});
