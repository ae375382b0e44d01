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
      {
        // A weapon at work: violence even when the message also names harassment, a manager or a dispute.
        pattern:
          /\b(has|had|carries|carrying|keeps|kept|brought|brings|bringing|hid|hiding|showed|showing|pointed|pointing|flashing|waving) (a |an |his |her |their )?(gun|knife|knives|firearm|pistol|rifle|weapon|machete|blade|taser|crowbar)\b(?!.{0,40}\b(cake|bread|fruit|kitchen|picnic|cooking|food|range|license|licence)\b)/,
        example: 'the guy who keeps harassing me on the late shift brought a knife to work today',
        counterExample: 'can I bring a knife from home to cut the birthday cake?',
      },
      {
        // A physical attack or a fear of one, alongside whatever else the message reports.
        pattern:
          /\b(physical(ly)? (threat\w*|intimidat\w*|violen\w*|assault\w*|attack\w*|fight\w*|altercation|abus\w*|aggressi\w*)|threat\w* (me|us|him|her|them) with (a|an|his|her|violence)|(afraid|scared|terrified|worried|fear) (that )?(he|she|they|someone|somebody) (will|is going to|might|would|could|'?ll) (hurt|hit|attack|kill|harm|stab|shoot|beat|come after) (me|us|someone|somebody)|(got|get|gets|getting) (physical|violent) with (me|us|him|her|a )|(sexually|physically) assaulted|fist ?fight)\b/,
        example: 'my team lead got physical with me during the argument, he also calls me names every day',
        counterExample: 'does the physical therapy benefit need a referral?',
      },
      {
        // Struck by someone: "hit me", "slapped her" (not "it hit me that…", "hit me up with an email").
        pattern:
          /(?<!\b(it|that|this|reality|the \w+) )\b(hit|hits|hitting|punch\w*|slap\w*|smack\w*|chok\w*|shov\w*|bit|tripped) (me|him|her|us)\b(?! (up|off|out|with (an? )?(email|message|question|deadline|task|bill)))/,
        example: 'my supervisor slapped me in the stockroom and says I deserved it',
        counterExample: 'it hit me that I have not booked my leave yet, is it too late?',
      },
    ],
    es: [
      {
        pattern:
          /\b(amenaz\w* con (matar\w*|pegar\w*|golpear\w*|hacer\w* dano)|me (pego|golpeo|empujo|agredio)|me (dio|dieron) (un|una) (punetazo|golpe|bofetada|patada)|(saco|trajo) (un arma|una pistola|un cuchillo|una navaja))\b/,
        example: 'un compañero me empujó contra la pared',
        counterExample: 'el cliente amenazó con cancelar el contrato',
      },
      {
        pattern:
          /\b((tiene|trae|trajo|lleva|mostro|saco) (un|una) (arma|pistola|cuchillo|navaja)|me (ha )?(amenazado|amenazo) con (un|una|pegarme|matarme|hacerme dano)|agresion fisica|me (agarro|agarraron|pego|pegaron|dio un punetazo|empujaron)|tengo miedo de que me (pegue|haga dano|ataque|mate))\b/,
        example: 'mi supervisor me agarró del cuello y además me acosa cada día',
        counterExample: '¿puedo traer un cuchillo de cocina para la fiesta?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(menace\w* de (me |nous )?(tuer|frapper|cogner|faire du mal)|m'a (frappe\w*|pousse\w*|bouscule\w*|agresse\w*)|(a sorti|avait) (un couteau|une arme|un pistolet))\b/,
        example: "un client m'a frappé au guichet",
        counterExample: 'le client menace de résilier le contrat',
      },
      {
        pattern:
          /\b((a|avait|porte|sorti|montre) (un|une) (arme|pistolet|couteau|fusil)|m'a menace\w* (avec|de mort|physiquement)|agression physique|violence physique|m'a (gifle\w*|donne un coup|etrangle\w*|attrape\w* par le cou)|peur qu'?il (me|ne me) (frappe|tue|fasse du mal|agresse))\b/,
        example: "mon responsable m'a menacé physiquement devant l'équipe",
        counterExample: 'la politique couvre-t-elle la violence verbale des clients ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(droht\w* (mir |uns )?(mit schlagen|mich umzubringen|mich zu schlagen|mit gewalt)|hat mich (\w+ )?(geschlagen|gestossen|geschubst|angegriffen)|(messer|waffe|pistole) (gezogen|mitgebracht))\b/,
        example: 'ein Kollege hat mich gestern geschlagen',
        counterExample: 'der Kunde droht mit der Kündigung des Vertrags',
      },
      {
        pattern:
          /\b((hat|hatte|tragt|zeigte) (ein|eine|einen) (messer|waffe|pistole|schusswaffe)|korperlich(e|en)? (angriff|angegriffen|bedroht|gewalt)|(bedroht|droht) mich mit (einem|einer|gewalt|schlagen)|hat mich (am hals gepackt|gewurgt|getreten|geohrfeigt)|angst, dass er mich (schlagt|verletzt|umbringt|angreift))\b/,
        example: 'mein Vorgesetzter hat mich körperlich bedroht und mobbt mich ständig',
        counterExample: 'gilt die Richtlinie auch für verbale Gewalt am Telefon?',
      },
    ],
  },
};
