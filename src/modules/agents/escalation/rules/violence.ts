import type { KindRules } from '../rule.js';

export const violence: KindRules = {
  kind: 'violence',
  namedInPolicyQuestions: false,
  rules: {
    en: [
      {
        pattern:
          /\b(threaten\w* to (hurt|kill|hit|beat|stab|shoot|attack|punch)|death threats?|(said|says|told me) (he|she|they)('d| would| will| is going to| was going to) (hurt|kill|hit|beat|stab|shoot|punch) (me|us|someone|him|her))\b/,
        example: 'a driver threatened to beat me up in the loading bay',
        counterExample: 'the client threatened to cancel the contract, who should I loop in?',
      },
      {
        pattern:
          /\b(brought|pulled|waved|waving|flashed|showed (me|us)) (out )?(a |his |her |their )?(gun|knife|weapon|firearm|pistol)\b/,
        example: 'a customer pulled a knife on me at the counter',
        counterExample: 'can I bring a pocket knife to open boxes in the stockroom?',
      },
      {
        pattern:
          /\b((punched|slapped|kicked|choked|shoved|strangled|spat on|physically (attacked|assaulted)) (me|him|her|us|a (coworker|colleague|customer))|(attacked|assaulted) (me|us))\b/,
        example: 'my shift lead shoved me into the shelves yesterday',
        counterExample: 'the flu really knocked me out this week, can I use sick days?',
      },
      {
        pattern:
          /\b(going to|gonna|will|i'?ll) (kill|shoot|stab|hurt) (you|him|her|them|everyone|somebody|someone|my (boss|manager|supervisor|coworker|colleague))\b/,
        example: 'one of the guys on nights said he is going to stab someone if they touch his tools again',
        counterExample: 'the new schedule is going to hurt my commute, can I start later?',
      },
      {
        pattern:
          /\b(bomb threat|active shooter|(shots|shooting) (in|at|outside) (the|our) (office|building|store|plant|warehouse|parking))\b/,
        example: 'there was a bomb threat called in to the front desk',
        counterExample: 'the photo shoot in the office is on Monday, can I come in late?',
      },
      {
        pattern:
          /\b(shoot up (the|our|this) (office|place|store|building|plant|site|school)|(break|snap|smash) (my|your|his|her|their) (arm|arms|neck|legs?|fingers|jaw|nose|face)|make (me|him|her|you|them|us|the \w+) bleed|(threw|throws|throwing|hurled|swung) (a|an|the|his|her) (\w+ )?\w+ at (me|us|him|her|my head|someone))\b/,
        example: 'the new picker said he would snap my neck if I reported his breaks',
        counterExample: 'I want to break my record on the sales board this month',
      },
      {
        // Force against a person, and menace that needs no weapon to be a threat.
        pattern:
          /\b((grabbed|seized|pinned|slammed|pushed|threw|knocked) (me|him|her|us)( (by|against|into|to|down|onto)\b.{0,20}\b(throat|neck|collar|hair|wall|floor|ground|door|locker|shelves|stairs))|(grabbed|twisted|yanked) (my|his|her) (arm|wrist|neck|throat|hair) (so |hard|until|behind)|hit (me|him|her) (with|in the|across)|beat (me|him|her|them|us|someone) up|(better )?watch (my|your|his|her) back|(he|she|they)('?ll| will) (make|get) (me|you|us) (pay|for this))\b/,
        example: 'the warehouse lead grabbed me by the collar and slammed me against the lockers',
        counterExample: 'I slammed my finger in the door at home, can I use a sick day?',
      },
    ],
    es: [
      {
        pattern:
          /\b(amenaz\w* con (matar\w*|pegar\w*|golpear\w*|hacer\w* dano)|me (pego|golpeo|empujo|agredio)|me (dio|dieron) (un|una) (punetazo|golpe|bofetada|patada)|(saco|trajo) (un arma|una pistola|un cuchillo|una navaja))\b/,
        example: 'un compañero me empujó contra la pared',
        counterExample: 'el cliente amenazó con cancelar el contrato',
      },
    ],
    fr: [
      {
        pattern:
          /\b(menace\w* de (me |nous )?(tuer|frapper|cogner|faire du mal)|m'a (frappe\w*|pousse\w*|bouscule\w*|agresse\w*)|(a sorti|avait) (un couteau|une arme|un pistolet))\b/,
        example: "un client m'a frappé au guichet",
        counterExample: 'le client menace de résilier le contrat',
      },
    ],
    de: [
      {
        pattern:
          /\b(droht\w* (mir |uns )?(mit schlagen|mich umzubringen|mich zu schlagen|mit gewalt)|hat mich (\w+ )?(geschlagen|gestossen|geschubst|angegriffen)|(messer|waffe|pistole) (gezogen|mitgebracht))\b/,
        example: 'ein Kollege hat mich gestern geschlagen',
        counterExample: 'der Kunde droht mit der Kündigung des Vertrags',
      },
    ],
  },
};
