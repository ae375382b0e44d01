import type { Category, Language } from '../types.js';

/**
 * The answer's own sentences in the employee's language. The quoted passage stays in the article's language
 * (English), so the framing says so; a person reading Spanish sees where our words end and the policy starts.
 */
export interface Framing {
  /** Introduces the quoted passage and names the article. */
  accordingTo(title: string): string;
  nextSteps: string;
  seeAlso(title: string): string;
  /** Says plainly that no article covers the question, before the category's contact and the offer of a person. */
  notCovered: string;
  /** A follow-up whose answer the conversation already has. */
  nothingNew(title: string): string;
  offerPerson: string;
}

export const FRAMING: Record<Language, Framing> = {
  en: {
    accordingTo: (title) => `According to our article "${title}":`,
    nextSteps: 'Next steps:',
    seeAlso: (title) => `See also "${title}".`,
    notCovered:
      "I couldn't find an article in our knowledge base that answers this, and I'd rather not guess at company policy.",
    nothingNew: (title) => `That is everything our article "${title}" says on this point.`,
    offerPerson: `If you'd like, reply "talk to a person" and I'll pass your question to the HR team.`,
  },
  es: {
    accordingTo: (title) => `Según nuestro artículo "${title}" (el texto está en inglés):`,
    nextSteps: 'Próximos pasos:',
    seeAlso: (title) => `Vea también "${title}".`,
    notCovered:
      'No encontré ningún artículo en nuestra base de conocimientos que responda a esto, y prefiero no adivinar la política de la empresa.',
    nothingNew: (title) => `Eso es todo lo que dice nuestro artículo "${title}" sobre este punto.`,
    offerPerson:
      'Si lo desea, responda "hablar con una persona" y pasaré su pregunta al equipo de Recursos Humanos.',
  },
  fr: {
    accordingTo: (title) => `D'après notre article « ${title} » (texte en anglais) :`,
    nextSteps: 'Prochaines étapes :',
    seeAlso: (title) => `Voir aussi « ${title} ».`,
    notCovered:
      "Je n'ai trouvé aucun article de notre base de connaissances qui réponde à cette question, et je préfère ne pas deviner la politique de l'entreprise.",
    nothingNew: (title) => `C'est tout ce que notre article « ${title} » dit sur ce point.`,
    offerPerson:
      "Si vous le souhaitez, répondez « parler à un humain » et je transmettrai votre question à l'équipe RH.",
  },
  de: {
    accordingTo: (title) => `Laut unserem Artikel „${title}“ (Text auf Englisch):`,
    nextSteps: 'Nächste Schritte:',
    seeAlso: (title) => `Siehe auch „${title}“.`,
    notCovered:
      'Ich habe in unserer Wissensdatenbank keinen Artikel gefunden, der diese Frage beantwortet, und ich möchte die Unternehmensrichtlinien nicht erraten.',
    nothingNew: (title) => `Mehr sagt unser Artikel „${title}“ zu diesem Punkt nicht.`,
    offerPerson:
      'Wenn Sie möchten, antworten Sie „mit einem Menschen sprechen“, und ich leite Ihre Frage an das HR-Team weiter.',
  },
};

/** One next step per category and who can help when no article does, in each language. */
export interface CategoryFraming {
  nextStep: string;
  contact: string;
}

export const CATEGORY_FRAMING: Record<Category, Record<Language, CategoryFraming>> = {
  Payroll: {
    en: {
      nextStep: 'Check your pay statements in the employee portal under Pay > Pay Statements.',
      contact: 'The Payroll team (through the HR Service Desk) can look at your own pay records directly.',
    },
    es: {
      nextStep: 'Consulte sus recibos de pago en el portal del empleado, en Pay > Pay Statements.',
      contact:
        'El equipo de nóminas (a través del HR Service Desk) puede revisar directamente sus registros de pago.',
    },
    fr: {
      nextStep: 'Consultez vos bulletins de paie dans le portail employé, sous Pay > Pay Statements.',
      contact: "L'équipe paie (via le HR Service Desk) peut vérifier directement vos données de paie.",
    },
    de: {
      nextStep: 'Ihre Gehaltsabrechnungen finden Sie im Mitarbeiterportal unter Pay > Pay Statements.',
      contact: 'Das Payroll-Team (über den HR Service Desk) kann Ihre Abrechnungsdaten direkt prüfen.',
    },
  },
  Benefits: {
    en: {
      nextStep: 'Your current elections and plan documents are in the employee portal under Benefits.',
      contact: 'The Benefits team (through the HR Service Desk) can check your own coverage.',
    },
    es: {
      nextStep:
        'Sus elecciones actuales y los documentos del plan están en el portal del empleado, en Benefits.',
      contact: 'El equipo de beneficios (a través del HR Service Desk) puede revisar su cobertura.',
    },
    fr: {
      nextStep: 'Vos choix actuels et les documents du régime sont dans le portail employé, sous Benefits.',
      contact: "L'équipe avantages sociaux (via le HR Service Desk) peut vérifier votre couverture.",
    },
    de: {
      nextStep:
        'Ihre aktuelle Auswahl und die Planunterlagen finden Sie im Mitarbeiterportal unter Benefits.',
      contact: 'Das Benefits-Team (über den HR Service Desk) kann Ihren Versicherungsschutz prüfen.',
    },
  },
  LeaveManagement: {
    en: {
      nextStep: 'Check your balances and submit requests in the employee portal under Time Off.',
      contact: 'The Leave team (through the HR Service Desk) can review your balances and eligibility.',
    },
    es: {
      nextStep: 'Consulte sus saldos y envíe solicitudes en el portal del empleado, en Time Off.',
      contact: 'El equipo de ausencias (a través del HR Service Desk) puede revisar sus saldos y su derecho.',
    },
    fr: {
      nextStep: 'Consultez vos soldes et faites vos demandes dans le portail employé, sous Time Off.',
      contact: "L'équipe congés (via le HR Service Desk) peut vérifier vos soldes et vos droits.",
    },
    de: {
      nextStep: 'Ihre Salden und Anträge finden Sie im Mitarbeiterportal unter Time Off.',
      contact: 'Das Abwesenheitsteam (über den HR Service Desk) kann Ihre Salden und Ansprüche prüfen.',
    },
  },
  Policy: {
    en: {
      nextStep: 'The full policy text is in the Employee Handbook in the portal.',
      contact: 'Your manager or HR can confirm how policy applies to your situation.',
    },
    es: {
      nextStep: 'El texto completo de la política está en el Employee Handbook del portal.',
      contact: 'Su responsable o Recursos Humanos pueden confirmar cómo se aplica la política a su caso.',
    },
    fr: {
      nextStep: "Le texte complet de la politique se trouve dans l'Employee Handbook du portail.",
      contact:
        'Votre responsable ou les RH peuvent confirmer comment la politique s’applique à votre situation.',
    },
    de: {
      nextStep: 'Den vollständigen Text der Richtlinie finden Sie im Employee Handbook im Portal.',
      contact: 'Ihre Führungskraft oder HR kann bestätigen, wie die Richtlinie für Sie gilt.',
    },
  },
  Performance: {
    en: {
      nextStep: 'Review cycles, forms and goals are in the employee portal under Performance.',
      contact: 'Your manager or HR business partner can advise on your review or development plan.',
    },
    es: {
      nextStep:
        'Los ciclos de evaluación, formularios y objetivos están en el portal del empleado, en Performance.',
      contact:
        'Su responsable o su HR business partner pueden orientarle sobre su evaluación o su plan de desarrollo.',
    },
    fr: {
      nextStep:
        "Les cycles d'évaluation, formulaires et objectifs sont dans le portail employé, sous Performance.",
      contact: 'Votre responsable ou votre HR business partner peut vous conseiller sur votre évaluation.',
    },
    de: {
      nextStep: 'Beurteilungszyklen, Formulare und Ziele finden Sie im Mitarbeiterportal unter Performance.',
      contact: 'Ihre Führungskraft oder Ihr HR Business Partner berät Sie zu Beurteilung und Entwicklung.',
    },
  },
  Recruitment: {
    en: {
      nextStep: 'Internal openings and referral status are listed in the employee portal under Careers.',
      contact:
        'Talent Acquisition (through the HR Service Desk) can answer questions about a specific role or candidate.',
    },
    es: {
      nextStep:
        'Las vacantes internas y el estado de las recomendaciones están en el portal del empleado, en Careers.',
      contact:
        'Talent Acquisition (a través del HR Service Desk) puede responder sobre un puesto o candidato concreto.',
    },
    fr: {
      nextStep: 'Les postes internes et le suivi des cooptations sont dans le portail employé, sous Careers.',
      contact:
        'Talent Acquisition (via le HR Service Desk) peut répondre pour un poste ou un candidat précis.',
    },
    de: {
      nextStep:
        'Interne Stellen und den Stand von Empfehlungen finden Sie im Mitarbeiterportal unter Careers.',
      contact:
        'Talent Acquisition (über den HR Service Desk) beantwortet Fragen zu einer Stelle oder Kandidaten.',
    },
  },
  General: {
    en: {
      nextStep:
        "Most self-service tasks are in the employee portal; the HR Service Desk can help with anything you can't find there.",
      contact: "The HR Service Desk can help with anything the portal doesn't cover.",
    },
    es: {
      nextStep:
        'La mayoría de los trámites están en el portal del empleado; el HR Service Desk le ayuda con lo que no encuentre allí.',
      contact: 'El HR Service Desk puede ayudarle con todo lo que el portal no cubre.',
    },
    fr: {
      nextStep:
        'La plupart des démarches se font dans le portail employé ; le HR Service Desk vous aide pour le reste.',
      contact: 'Le HR Service Desk peut vous aider pour tout ce que le portail ne couvre pas.',
    },
    de: {
      nextStep:
        'Die meisten Vorgänge erledigen Sie im Mitarbeiterportal; der HR Service Desk hilft bei allem anderen.',
      contact: 'Der HR Service Desk hilft bei allem, was das Portal nicht abdeckt.',
    },
  },
};
