import type { KindRules } from '../rule.js';

const TRAIT =
  '(pregnan\\w*|black|gay|lesbian|trans|transgender|a woman|female|muslim|jewish|christian|hindu|sikh|disabled|disability|age|race|religion|gender|accent|skin|ethnicity|nationality|an immigrant|foreign|old|too old|deaf|blind|autistic)';
const ADVERSE =
  '(passed (me )?over|fired|let go|demoted|denied|treated (me )?(differently|worse)|paid (me )?less|excluded|left out|not promoted|rejected|refused|mocked|laughed at|taken off|removed|skipped)';

export const discrimination: KindRules = {
  kind: 'discrimination',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern: /\b(discriminat(ed|es|ing) against|being discriminated|discriminating (against )?me)\b/,
        example: 'I am being discriminated against by the new shift lead',
        counterExample: 'what does the anti-discrimination policy cover?',
      },
      {
        pattern: new RegExp(
          `\\b${ADVERSE}\\b.{0,60}\\bbecause (of )?(i'?m|i am|my|of my|she'?s|he'?s|they'?re) (\\w+ )?${TRAIT}`,
        ),
        example: "I was passed over for the lead role because I'm a woman",
        counterExample: "because I'm pregnant, how early can I start my leave?",
      },
      {
        pattern:
          /\b(racial slurs?|(called|calls|calling) me (a |the )?(slur|n[- ]word|terrorist)|racist (jokes?|comments?|remarks?) (about|at|to) me|(jokes?|mocks?|mocking) (about )?my (accent|skin|religion|hijab|turban|disability))\b/,
        example: 'a coworker keeps making racist jokes about me at lunch',
        counterExample: 'can I wear my hijab with the new uniform?',
      },
      {
        pattern:
          /\b(paid less than (the |my )?(men|male|women|female|white|younger|older) (colleagues|coworkers|peers|employees)|(women|men|female|male|black|older|younger) (\w+ ){0,3}(get|are|is) paid (\w+ ){0,3}less|(said|told me|says) (i'?m|i am) too old|(want|wanted|looking for) (someone|somebody) younger)\b/,
        example: 'I found out I am paid less than the male colleagues on my team',
        counterExample: 'am I too old for the catch-up contribution to my 401k?',
      },
      {
        pattern:
          /\b(wheelchair|ramp|accessible|screen reader|hearing aid|disability|medical) (\w+ ){0,6}(request|accommodation|desk|parking|access)\b.{0,40}\b(turned down|denied|refused|rejected|ignored)\b/,
        example: 'my disability parking request at the plant was refused again',
        counterExample: 'how do I make a disability parking request at the plant?',
      },
    ],
    es: [
      {
        pattern:
          /\b((me|nos) (discriminan|tratan (peor|diferente))|discriminad[oa]s? por|por ser (mujer|negr[oa]|gay|extranjer[oa]|musulman[a]?|mayor))\b/,
        example: 'me discriminan por ser extranjera',
        counterExample: '¿qué cubre la política de no discriminación?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(je suis discrimine\w*|on me discrimine|discrimine\w* (a cause|parce|en raison)|(traite|ecarte|licencie|moins paye)e? (\w+ ){0,3}(a cause de|parce que))/,
        example: 'on me discrimine à cause de mon accent',
        counterExample: 'que prévoit la politique contre les discriminations ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(werde (\w+ ){0,3}diskriminiert|diskriminier\w* mich|benachteiligt (mich )?(wegen|weil))\b/,
        example: 'ich werde wegen meiner Herkunft diskriminiert',
        counterExample: 'gibt es eine Richtlinie gegen Diskriminierung?',
      },
    ],
  },
};
