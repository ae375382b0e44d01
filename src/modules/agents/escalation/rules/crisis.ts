import type { KindRules } from '../rule.js';

export const crisis: KindRules = {
  kind: 'crisis',
  namedInPolicyQuestions: false,
  rules: {
    en: [
      {
        pattern:
          /\b(suicidal|(commit|attempt\w*|thinking about|thoughts of) suicide|kill(ing)? myself|take my (own )?life|end(ing)? (my life|it all)|better off dead|wish i (was|were) dead|want(ed)? to die)\b/,
        example: 'some nights I think about ending it all',
        counterExample: 'is the suicide prevention workshop open to managers?',
      },
      {
        pattern:
          /\b(self[- ]?harm(ing)?|(hurt|harm)(ing)? myself|cutting myself|overdos(e|ing) on)\b(?! (awareness|prevention|training|module|course|resources))/,
        example: "I've started hurting myself again when work gets bad",
        counterExample: 'where can I find the self-harm awareness module for team leads?',
      },
      {
        pattern:
          /\b(can'?t go on( anymore| like this)?(?! (the|a|my|with|leave|vacation|holiday))|can'?t (do this|keep going|take (it|this)) anymore|no (point|reason) (in )?(living|to live|going on)|don'?t want to (live|be alive|wake up)|disappear (for good|forever))\b/,
        example: "honestly I don't want to wake up tomorrow, I can't keep going anymore",
        counterExample: "I can't go on the team trip next week, who do I tell?",
      },
    ],
    es: [
      {
        pattern:
          /\b(suicidarme|me quiero suicidar|quitarme la vida|no quiero (seguir )?vivir|quiero morir(me)?|acabar con mi vida)\b/,
        example: 'ya no quiero vivir, todo me supera',
        counterExample: '¿hay un taller de prevención del suicidio este mes?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(me suicider|suicidaire|envie de mourir|en finir avec (la vie|tout)|mettre fin a mes jours)\b/,
        example: "j'ai envie de mourir depuis des semaines",
        counterExample: 'je veux en finir avec ce dossier avant vendredi',
      },
    ],
    de: [
      {
        pattern:
          /\b(selbstmord(gedanken| begehen)|suizidgedanken|suizidal|mich umbringen|nicht mehr leben|will sterben|mir das leben nehmen)\b/,
        example: 'ich will nicht mehr leben',
        counterExample: 'gibt es eine schulung zur suizidprävention?',
      },
    ],
  },
};
