import { SpecialistResponder } from './specialist.js';

export const recruitmentResponder = new SpecialistResponder({
  name: 'recruitment-specialist',
  category: 'Recruitment',
  nextSteps: [
    'Internal openings and referral status are listed in the employee portal under Careers; your recruiter or the Talent Acquisition team can confirm details for a specific role.',
  ],
  fallbackContact:
    'Talent Acquisition (through the HR Service Desk) can answer questions about a specific role or candidate.',
});
