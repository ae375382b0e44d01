import type { Agent, Language, PipelineState } from '../types.js';

/**
 * The reply to a message that is not about work or HR: friendly, short, in the employee's language, with
 * examples of what the assistant does answer. No article is quoted and nobody is paged.
 */
const REPLIES: Record<Language, string> = {
  en: "That one's outside what I can help with — I'm the HR assistant. I can help with HR questions such as your pay and payslips, time off and leave balances, benefits and insurance, company policies, performance reviews, or internal jobs. What would you like to know?",
  es: 'Eso queda fuera de lo que puedo hacer: soy el asistente de Recursos Humanos. Puedo ayudarte con preguntas de RR. HH. como tu nómina, vacaciones y permisos, beneficios y seguros, políticas de la empresa, evaluaciones de desempeño o vacantes internas. ¿Qué necesitas saber?',
  fr: "Cela sort de ce que je peux faire : je suis l'assistant RH. Je peux vous aider pour des questions RH comme votre paie, vos congés et absences, vos avantages et assurances, les règles de l'entreprise, les entretiens d'évaluation ou les postes internes. Que souhaitez-vous savoir ?",
  de: 'Dabei kann ich leider nicht helfen – ich bin der HR-Assistent. Ich helfe bei Personalfragen wie Gehalt und Abrechnung, Urlaub und Abwesenheiten, Sozialleistungen und Versicherungen, Unternehmensrichtlinien, Leistungsbeurteilungen oder internen Stellen. Was möchten Sie wissen?',
};

/**
 * The analyzer's language guess counts function words and falls back to English; a short request ("erzähl mir
 * einen witz") has few of them, so letters and words only one of the languages uses decide too.
 */
const MARKS: [Language, RegExp][] = [
  ['de', /[äöüß]|\b(mir|mich|einen|eine|ich|wie|ist|der|die|das|und|wo|was|bitte|heute)\b/],
  ['es', /[ñ¿¡]|\b(que|qué|el|los|las|por|cómo|dónde|hoy|mañana|una)\b/],
  ['fr', /[çœ]|\b(je|tu|moi|une|est|les|quel|quelle|où|aujourd'hui|demain|s'il)\b/],
];

function replyLanguage(state: PipelineState): Language {
  if (state.text.language !== 'en') return state.text.language;
  const message = state.input.message.toLowerCase();
  if (/\b(the|is|what|how|my|me|you|a)\b/.test(message)) return 'en';
  return MARKS.find(([, pattern]) => pattern.test(message))?.[0] ?? 'en';
}

export class OutOfScopeResponder implements Agent {
  readonly name = 'out-of-scope-responder';

  run(state: PipelineState): void {
    state.response = REPLIES[replyLanguage(state)];
    state.engine = 'local';
  }
}
