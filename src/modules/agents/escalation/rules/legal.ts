import type { KindRules } from '../rule.js';

export const legal: KindRules = {
  kind: 'legal',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern:
          /\b((contact\w*|hir(e|ed|ing)|talk(ed|ing)? to|spoke (to|with)|speaking (to|with)|consult\w*|retain\w*|get(ting)?|call\w*|see(ing)?) (a|an|my) (employment |labou?r )?(lawyer|attorney|solicitor)|retained (counsel|a lawyer)|my (lawyer|attorney) will)\b/,
        example: 'if this is not fixed by Friday I am calling a lawyer',
        counterExample: 'I hired a lawyer for my house closing, can I take the morning off?',
      },
      {
        pattern:
          /\b((sue|suing|sued) (you|the company|them|this company|my (employer|manager|boss))|(take|taking) (you|them|the company|this) to court|lawsuit against|class action|legal action against|file (a )?(complaint|charge|claim) with (the )?(eeoc|labou?r board|department of labou?r|osha|state))\b/,
        example: "I'm going to file a charge with the EEOC next week",
        counterExample: 'my neighbor is suing me over the fence, can I take a day off for court?',
      },
      {
        pattern:
          /\b((this|that|it|which|what (they|he|she) (are|is) doing) (is|was|seems|feels) (clearly |totally |completely )?(illegal|against the law)|violat\w* (labou?r|employment|wage|overtime|minimum wage) laws?|(which|that|this|it) (i (believe|think) )?(breaks|violates|is against) (the |state |federal |labou?r |employment |working time )?(law|laws))\b/,
        example: 'they schedule sixteen-year-olds past midnight, which is against the law',
        counterExample: 'is it illegal to work two jobs at once?',
      },
      {
        // A labour-law duty reported as not met, without the word "illegal".
        pattern:
          /\b(no|not|never|without|denied|don'?t (get|give)|aren'?t (getting|given)|isn'?t (paying|giving)) (\w+ ){0,4}((legally required|required by law|statutory|legal minimum) (\w+ ){0,2}(breaks?|rest|pay|wages?|overtime|days? off|notice|leave)|(breaks?|rest|pay|wages?|overtime|days? off|notice|leave) (\w+ )?(required by law|the law requires|by law))\b/,
        example: 'we never get the rest breaks required by law on the night shift',
        counterExample: 'how long is the rest break required by law for a six-hour shift?',
      },
    ],
    es: [
      {
        pattern:
          /\b(abogad[oa] (laboral|contra)|(hable|hablar|hablare|contacte|contactar) con (un|mi) abogad[oa]|demandar a (la empresa|ustedes)|voy a demandar|denuncia ante (la inspeccion|el juzgado))\b/,
        example: 'voy a hablar con un abogado sobre mi despido',
        counterExample: '¿el plan de beneficios incluye asesoría de un abogado para mi divorcio?',
      },
    ],
    fr: [
      {
        pattern:
          /\b((contacter|consulter|prendre|j'?ai pris) un avocat|aux prud'?hommes|porter plainte contre (l'?entreprise|vous))\b/,
        example: 'je vais contacter un avocat pour mes heures non payées',
        counterExample: 'est-ce que la mutuelle rembourse un avocat pour un divorce ?',
      },
    ],
    de: [
      {
        pattern:
          /\b((gehe|gehen) zum anwalt|(meinen|einen) anwalt (eingeschaltet|einschalten|kontaktiert)|verklag\w*|arbeitsgericht)\b/,
        example: 'ich gehe zum Anwalt, wenn das nicht geklärt wird',
        counterExample: 'zahlt die Rechtsschutzversicherung einen Anwalt für den Hauskauf?',
      },
    ],
  },
};
