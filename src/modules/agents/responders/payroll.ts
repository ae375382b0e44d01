import { SpecialistResponder } from './specialist.js';

export const payrollResponder = new SpecialistResponder({
  name: 'payroll-specialist',
  category: 'Payroll',
  nextSteps: [
    'Check your pay statements in the employee portal under Pay > Pay Statements.',
    'If an amount or deposit looks wrong, send the pay date and the line in question to the HR Service Desk so Payroll can review it before the next run.',
  ],
  fallbackContact:
    'The Payroll team (through the HR Service Desk) can look at your own pay records directly.',
});
