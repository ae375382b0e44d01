import type { Language } from '../types.js';

/** What the escalation notice says, per language: the opener by reason, the reference, when a person replies. */
export interface EscalationFraming {
  crisis: string;
  safety: string;
  mistreatment: string;
  fraud: string;
  legal: string;
  human: string;
  angry: string;
  repeat: string;
  negative: string;
  plain: string;
  reference(reference: string): string;
  urgentReply: string;
  reply: string;
  meanwhile(title: string): string;
}

export const ESCALATION_FRAMING: Record<Language, EscalationFraming> = {
  en: {
    crisis:
      "I'm really sorry you're going through this, and I'm glad you reached out. Your safety comes first: if you are in immediate danger or thinking about harming yourself, please call your local emergency number (911 in the US) now, or call or text 988 to reach the Suicide & Crisis Lifeline (US). Our Employee Assistance Program (EAP) also offers free, confidential counselling 24 hours a day.",
    safety:
      'Thank you for raising this. If anyone is in immediate danger, move to safety and call emergency services (911 in the US) first, then tell your supervisor or site security.',
    mistreatment:
      "I'm sorry this is happening, and thank you for telling us. Concerns like this are handled confidentially by a trained HR specialist, and retaliation against anyone who raises one is prohibited.",
    fraud:
      'Thank you for speaking up. Reports like this are reviewed confidentially, and people who raise concerns in good faith are protected from retaliation.',
    legal:
      "I understand this is serious. I've passed it to the HR team so the right person can review it with you.",
    human: "Of course — I've asked a member of the HR team to pick this up with you.",
    angry:
      "I'm sorry — I can see this has been really frustrating, and you shouldn't have to keep chasing it.",
    repeat: "I'm sorry my earlier answers didn't resolve this. It's time a person looked at it.",
    negative: "I'm sorry you're dealing with this. I've made sure a person will look at it.",
    plain: "I've passed your question to the HR team so a person can look at it.",
    reference: (reference) => `Your case reference is ${reference}.`,
    urgentReply: 'A member of the HR team will contact you within 4 business hours, and sooner if they can.',
    reply: 'A member of the HR team will reply within 1 business day.',
    meanwhile: (title) => `In the meantime, our article "${title}" may help.`,
  },
  es: {
    crisis:
      'Siento mucho que esté pasando por esto, y me alegra que nos haya escrito. Su seguridad es lo primero: si está en peligro inmediato o piensa en hacerse daño, llame ahora al número de emergencias local (911 en EE. UU.), o llame o envíe un mensaje al 988 (Suicide & Crisis Lifeline, EE. UU.). Nuestro Programa de Ayuda al Empleado (EAP) ofrece además apoyo gratuito y confidencial las 24 horas.',
    safety:
      'Gracias por avisarnos. Si alguien está en peligro inmediato, póngase a salvo y llame primero a emergencias (911 en EE. UU.), y después avise a su supervisor o a seguridad.',
    mistreatment:
      'Siento que esto esté ocurriendo, y gracias por contárnoslo. Un especialista de Recursos Humanos trata estos casos de forma confidencial, y están prohibidas las represalias contra quien los plantea.',
    fraud:
      'Gracias por hablar. Estos avisos se revisan de forma confidencial, y quien informa de buena fe está protegido frente a represalias.',
    legal:
      'Entiendo que es un asunto serio. Lo he pasado al equipo de Recursos Humanos para que la persona adecuada lo revise con usted.',
    human:
      'Por supuesto: he pedido a una persona del equipo de Recursos Humanos que se ocupe de esto con usted.',
    angry:
      'Lo siento, entiendo que esto ha sido muy frustrante y que no debería tener que seguir insistiendo.',
    repeat:
      'Siento que mis respuestas anteriores no lo hayan resuelto. Es momento de que lo vea una persona.',
    negative: 'Siento que esté pasando por esto. Me he asegurado de que lo revise una persona.',
    plain: 'He pasado su pregunta al equipo de Recursos Humanos para que la revise una persona.',
    reference: (reference) => `Su número de caso es ${reference}.`,
    urgentReply:
      'Una persona del equipo de Recursos Humanos le contactará en un plazo de 4 horas laborables, o antes si es posible.',
    reply: 'Una persona del equipo de Recursos Humanos le responderá en 1 día laborable.',
    meanwhile: (title) => `Mientras tanto, puede ayudarle nuestro artículo "${title}" (en inglés).`,
  },
  fr: {
    crisis:
      "Je suis vraiment désolé que vous traversiez cela, et merci de nous avoir écrit. Votre sécurité passe avant tout : si vous êtes en danger immédiat ou pensez à vous faire du mal, appelez maintenant le numéro d'urgence local (911 aux États-Unis), ou appelez ou écrivez au 988 (Suicide & Crisis Lifeline, États-Unis). Notre programme d'aide aux employés (EAP) offre aussi un soutien gratuit et confidentiel 24 heures sur 24.",
    safety:
      "Merci de l'avoir signalé. Si quelqu'un est en danger immédiat, mettez-vous en sécurité et appelez d'abord les secours (911 aux États-Unis), puis prévenez votre responsable ou la sécurité du site.",
    mistreatment:
      'Je suis désolé que cela arrive, et merci de nous en parler. Ces situations sont traitées en toute confidentialité par un spécialiste RH, et toute représaille contre la personne qui les signale est interdite.',
    fraud:
      'Merci de nous alerter. Ces signalements sont examinés en toute confidentialité, et les personnes qui signalent de bonne foi sont protégées contre les représailles.',
    legal:
      "Je comprends que c'est sérieux. Je l'ai transmis à l'équipe RH pour que la bonne personne l'examine avec vous.",
    human: "Bien sûr : j'ai demandé à une personne de l'équipe RH de reprendre cela avec vous.",
    angry:
      "Je suis désolé, je vois que c'est très frustrant et vous ne devriez pas avoir à relancer sans cesse.",
    repeat:
      "Je suis désolé que mes réponses précédentes n'aient pas résolu la question. Il est temps qu'une personne s'en occupe.",
    negative: "Je suis désolé que vous viviez cela. Je me suis assuré qu'une personne s'en occupe.",
    plain: "J'ai transmis votre question à l'équipe RH pour qu'une personne l'examine.",
    reference: (reference) => `Votre numéro de dossier est ${reference}.`,
    urgentReply:
      "Une personne de l'équipe RH vous contactera sous 4 heures ouvrées, et plus tôt si possible.",
    reply: "Une personne de l'équipe RH vous répondra sous 1 jour ouvré.",
    meanwhile: (title) => `En attendant, notre article « ${title} » (en anglais) peut vous aider.`,
  },
  de: {
    crisis:
      'Es tut mir sehr leid, dass Sie das durchmachen, und gut, dass Sie sich gemeldet haben. Ihre Sicherheit geht vor: Wenn Sie in unmittelbarer Gefahr sind oder daran denken, sich etwas anzutun, rufen Sie jetzt die örtliche Notrufnummer an (911 in den USA), oder rufen Sie die 988 an oder schreiben Sie ihr (Suicide & Crisis Lifeline, USA). Unser Mitarbeiterhilfsprogramm (EAP) bietet außerdem rund um die Uhr kostenlose, vertrauliche Beratung.',
    safety:
      'Danke für den Hinweis. Wenn jemand in unmittelbarer Gefahr ist, bringen Sie sich in Sicherheit und rufen Sie zuerst den Notruf (911 in den USA), dann Ihre Führungskraft oder den Werkschutz.',
    mistreatment:
      'Es tut mir leid, dass das passiert, und danke, dass Sie es uns sagen. Solche Anliegen bearbeitet eine HR-Fachkraft vertraulich, und Vergeltung gegen Meldende ist verboten.',
    fraud:
      'Danke, dass Sie das ansprechen. Solche Meldungen werden vertraulich geprüft, und wer in gutem Glauben meldet, ist vor Vergeltung geschützt.',
    legal:
      'Ich verstehe, dass das ernst ist. Ich habe es an das HR-Team weitergegeben, damit die richtige Person es mit Ihnen prüft.',
    human: 'Natürlich – ich habe eine Person aus dem HR-Team gebeten, das mit Ihnen zu übernehmen.',
    angry:
      'Es tut mir leid – ich sehe, wie frustrierend das ist, und Sie sollten nicht ständig nachfragen müssen.',
    repeat:
      'Es tut mir leid, dass meine bisherigen Antworten das nicht gelöst haben. Jetzt sollte sich ein Mensch darum kümmern.',
    negative:
      'Es tut mir leid, dass Sie damit zu tun haben. Ich habe dafür gesorgt, dass sich ein Mensch darum kümmert.',
    plain: 'Ich habe Ihre Frage an das HR-Team weitergegeben, damit sich ein Mensch darum kümmert.',
    reference: (reference) => `Ihre Vorgangsnummer ist ${reference}.`,
    urgentReply:
      'Eine Person aus dem HR-Team meldet sich innerhalb von 4 Arbeitsstunden bei Ihnen, wenn möglich früher.',
    reply: 'Eine Person aus dem HR-Team antwortet innerhalb von 1 Arbeitstag.',
    meanwhile: (title) => `In der Zwischenzeit hilft vielleicht unser Artikel „${title}“ (auf Englisch).`,
  },
};
