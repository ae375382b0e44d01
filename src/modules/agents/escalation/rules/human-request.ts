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
      {
        // Asking for the case to go up, or for one's own HR partner or adviser.
        pattern:
          /\b((please )?escalate (this|it|my (case|issue|ticket|complaint|query|question|request))|escalat\w* (this |it |my \w+ )?to (a human|a person|someone|somebody|hr|a manager|my hr|your manager|a supervisor)|(talk|speak|chat|meet) (to|with) (my|an?|the|our) (hr (business )?partner|hrbp|hr (rep|representative|advisor|adviser|generalist|manager|contact|officer|specialist)|people partner|case (worker|manager|handler)))\b/,
        example: 'this is getting nowhere, please escalate this to someone in HR',
        counterExample: 'which HR business partner covers the Leeds site?',
      },
      {
        // "I need to talk to someone", "I'd rather speak with a person", inside a longer message too.
        pattern:
          /(?<!\b(do|should|must|would|will|did|if) )\b((i|we) (really |just )?(need|want|have|would like|'?d like|'?d rather|would rather|prefer) (to )?(talk|speak|chat) (to|with) (someone|somebody|a (person|human|manager|supervisor|counsell?or|member of staff|staff member)|an? hr|hr|your (manager|supervisor))|(can|could|may) (i|we) (please )?(talk|speak|chat) (to|with) (a manager|your manager|a supervisor|hr|an? hr \w+)|let me (talk|speak) (to|with) (someone|somebody|a|an|hr))\b/,
        example: 'the answer does not fit my situation, I need to talk to someone',
        counterExample: 'do I need to talk to someone before booking leave?',
      },
      {
        // Asking to be called or contacted back.
        pattern:
          /\b((please|pls|plz) (call|phone|ring|contact) me|(?<!\b(would|will|to|they|he|she|didn'?t|never|did not|not) )call me back|give me a (call|ring)|(have|get|ask) (someone|somebody|a person|hr|an? hr \w+|the hr \w+) (to )?(call|phone|ring|contact|email|reach out to|get back to) me|(someone|somebody|anyone) (please )?(reach out|get in touch|get back) (to|with) me)\b/,
        example: 'my overtime is still missing, please call me on my mobile after 5',
        counterExample: 'the recruiter said they would call me back after the interview, is that normal?',
      },
      {
        // Asking to be put through to, or to meet, a person.
        pattern:
          /\b((transfer|connect|put|pass|hand) me (through |over )?(to|with) (someone|somebody|a (person|human|manager|colleague|rep\w*|specialist|advisor|supervisor)|an? (hr|advisor|agent)|hr\b|the hr|my hr)|(book|schedule|set up|arrange) (a |an )?(meeting|appointment|call|1:1|one[- ]on[- ]one) with (hr|someone|somebody|a person|an? hr \w+|my hr \w+))\b/,
        example: 'the article does not cover my case, can you connect me with someone from benefits',
        counterExample: 'can you transfer me to the night shift rota next month?',
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
      {
        pattern:
          /\b((quiero|necesito|quisiera|prefiero|me gustaria|puedo) hablar con (alguien|un responsable|un representante|mi (hrbp|business partner|responsable de rrhh|gestor\w*))|(que|puede) alguien me (llame|llamara|contacte|contactara)|llamenme|(me pueden|pueden|podrian|puede) (llamar|contactar)me|(me pueden|pueden|podrian|puede) (llamar|contactar|devolver la llamada))\b/,
        example: 'llevo una semana sin respuesta, necesito hablar con alguien de verdad',
        counterExample: '¿con quién puedo consultar las vacaciones de verano?',
      },
      {
        pattern:
          /\b((escalar|escalen|escale) (esto|mi caso|mi consulta|el caso)|(pasar|pasenme|paseme|comunicarme|ponerme en contacto) con (una persona|un agente|alguien|rrhh|recursos humanos)|atencion humana|quiero un humano)\b/,
        example: 'por favor, escalen mi caso, nadie me responde',
        counterExample: '¿cómo me pongo en contacto con la mutua?',
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
      {
        pattern:
          /\b((je veux|je voudrais|j'aimerais|je souhaite|je prefere|besoin de|puis-je) parler a (quelqu'?un|un responsable|mon (rrh|hrbp|responsable rh|gestionnaire rh|charge rh)|ma (rrh|responsable rh|gestionnaire rh))|qu'?on me rappelle|recontactez-moi|me recontacter|un interlocuteur|(escalader|faire remonter|remonter) (ma demande|mon dossier|mon cas|ceci|cela)|(etre )?mis(e)? en relation avec|joindre (quelqu'?un|une personne|les rh))\b/,
        example: "personne ne répond à mon dossier, j'aimerais qu'on me rappelle demain",
        counterExample: 'le rappel de la formation incendie arrive-t-il par courriel ?',
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
      {
        pattern:
          /\b((ich mochte|ich will|ich wurde gern|ich muss|kann ich|konnte ich) (bitte )?(mit jemandem|mit einem ansprechpartner|mit meinem (hr-?business-?partner|personalreferenten|personalbetreuer|hrbp)|mit meiner (personalreferentin|personalbetreuerin)|personlich mit \w+) (sprechen|reden)|(ruft|rufen sie) mich (bitte )?(jemand )?(zuruck|an)|bitte um (einen )?ruckruf|ruckruf (bitte|erbeten)|(an einen menschen|an die personalabteilung) (weiterleiten|eskalieren)|(bitte )?eskalieren sie)\b/,
        example: 'seit Tagen keine Antwort, ich möchte mit jemandem sprechen',
        counterExample: 'wer ist mein Ansprechpartner für die Betriebsrente?',
      },
    ],
  },
};
