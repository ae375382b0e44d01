import type { KindRules } from '../rule.js';

export const humanRequest: KindRules = {
  kind: 'human_request',
  namedInPolicyQuestions: false,
  rules: {
    en: [
      {
        pattern:
          /\b((talk|speak|chat) (to|with) (a |an |some |the )?(real |actual |live )?(human|person|human being|someone (in|from) hr|somebody (in|from) hr|hr (person|rep|representative|staff|team member))|(want|need|get me|give me|connect me (to|with)|transfer me to|put me through to) (a |an |to a )?(real |actual |live )?(human|person|hr rep\w*))\b/,
        example: 'can I speak to a real person about this, please',
        counterExample: 'who should I talk to about my pension options?',
      },
      {
        pattern:
          /\b(not a (bot|robot|chatbot|machine)|(human|agent|representative),? please|(someone|somebody) (from hr )?(to )?(call|ring|phone) me( back)?)\b/,
        example: 'I need someone from HR to call me back today',
        counterExample: 'are you a bot or a real person?',
      },
      {
        pattern:
          /\b((can|could|may) i (please )?(talk|speak) (to|with) (someone|somebody|a (recruiter|specialist|advisor|manager|representative))|(talk|speak|meet) (to|with) (someone|somebody|them|a \w+) in person|(someone|somebody) (from|in) \w+ (to )?(call|phone|contact) me|(a |an )?(human|human being|real person|actual person) (to )?(look at|check|review|handle|read) (my|this)|(a person|someone|somebody) (i|we) can (talk|speak) to)\b/,
        example: 'could I speak with someone about my pension, the articles do not answer it',
        counterExample: 'who can I speak with about my pension?',
      },
      {
        pattern:
          /\b(anyone|someone|somebody) (in|from) (hr|payroll|benefits) (i|we) can (phone|call|talk to|speak (to|with))\b/,
        example: 'is there somebody in payroll I can call about my tax code',
        counterExample: 'can someone in payroll check my tax code?',
      },
      {
        // Naming a real person at all is asking for one, unless the message asks whether this chat is one.
        pattern:
          /(?<!\b(are|is|am|r) (you|this|it|that|i|u)\b.{0,40})\b(real|actual|live|flesh and blood) (person|people|human|human being|hr (person|rep\w*|advisor|agent)|agent|advisor)\b/,
        example: 'would an actual person from the benefits team be able to go over my claim',
        counterExample: 'just curious, are you a chatbot or a real person?',
      },
      {
        // A call back, or a person taking over the conversation, is a request for a person however it is put.
        pattern:
          /\b((a |get a |have a )?(call ?back|phone call|ring back) from (someone|somebody|a person|a human|an? (hr|people) \w+)|(can|could|would|will) (a|some) (human|person|real person|one from hr|body from hr) (please )?(take over|step in|pick this up)|(is|are) (someone|somebody|anyone|anybody|a person) (from|in) (hr|payroll|people \w+) (available|free|around|online))\b/,
        example: 'I would like a call back from somebody on the people team tomorrow',
        counterExample: 'is the HR office open on Saturdays?',
      },
    ],
    es: [
      {
        pattern: /\bhablar con (una persona|alguien de (rrhh|recursos humanos)|un humano|un agente)\b/,
        example: 'quiero hablar con una persona, por favor',
        counterExample: '¿con quién hablo sobre mi plan de pensiones?',
      },
      {
        pattern:
          /(?<!\b(eres|es usted|es esto|hablo con)\b.{0,30})\b(una persona (real|de verdad)|un ser humano|un humano|un agente humano)\b/,
        example: 'prefiero que lo revise una persona de verdad',
        counterExample: '¿eres un bot o una persona real?',
      },
    ],
    fr: [
      {
        pattern: /\bparler (a|avec) (une personne|quelqu'?un (des rh|du service)|un humain|un conseiller)\b/,
        example: 'je veux parler à une personne',
        counterExample: 'à qui dois-je parler de ma mutuelle ?',
      },
      {
        pattern:
          /(?<!\b(es-tu|etes-vous|est-ce|suis-je en train de parler a)\b.{0,30})\b(une vraie personne|une personne reelle|un etre humain|un humain|un conseiller humain)\b/,
        example: "j'aimerais qu'un être humain regarde mon dossier",
        counterExample: 'est-ce un robot ou un humain qui répond ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(mit (einem menschen|einer echten person|jemandem aus der personalabteilung) (sprechen|reden)|ruckruf von (einem menschen|der personalabteilung))\b/,
        example: 'ich möchte mit einem Menschen sprechen',
        counterExample: 'mit wem spreche ich über meine Betriebsrente?',
      },
      {
        pattern:
          /(?<!\b(bist du|sind sie|ist das|rede ich mit)\b.{0,30})\b(ein(em|en)? (echte[rn]?|richtige[rn]?) mensch(en)?|mit einem menschen|eine(r|n)? echte(n)? person)\b/,
        example: 'kann sich ein echter Mensch meinen Fall ansehen',
        counterExample: 'bist du ein Bot oder ein echter Mensch?',
      },
    ],
  },
};
