import type { KindRules } from '../rule.js';

export const safety: KindRules = {
  kind: 'safety',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern:
          /\b((fire|emergency) (exit|door)s?\b.{0,30}\b(blocked|locked|chained|padlocked|obstructed)|blocked (fire |emergency )?exits?)\b/,
        example: 'the emergency exit in the back has been blocked by pallets all week',
        counterExample: 'where is the nearest fire exit on the third floor?',
      },
      {
        pattern:
          /\b(smell(s|ing)? (of |like )?gas|gas leak|chemical (spill|leak|burn)|exposed (live )?(wires?|wiring)|asbestos|(sick|dizzy|nauseous|headaches?) from (the )?(fumes|chemicals|smell))\b/,
        example: 'the whole prep area smells like gas since this morning',
        counterExample: 'does the commuter benefit cover gas for my car?',
      },
      {
        pattern:
          /\b((injured|hurt) (myself |my \w+ )?(at work|on the job|on shift|on site|in the (warehouse|plant|kitchen|factory|store))|(fell|slipped|tripped) (off|from|on) (a |the )?(ladder|scaffold\w*|wet floor|forklift|loading dock|stairs at work)|(twisted|sprained|broke|cut|burned|burnt|hurt|injured|crushed) my \w+ (on|in|at|with|against) (the |a )?(broken|wet|loose|faulty|unguarded|exposed|icy) \w+)\b/,
        example: 'I slipped on the wet floor in the cooler and hurt my wrist',
        counterExample: 'I hurt my back skiing last weekend, can I use sick days?',
      },
      {
        pattern:
          /\b((safety )?guards? (removed|missing|taken off|disabled|broken)|(disabled|removed|bypass\w*) the (safety|guard|interlock|sensor)|without (a harness|fall protection|ppe|protective (gear|equipment)|respirators?)|(is|are) (really |so |very )?(unsafe|a (fire )?hazard)|not safe to work|(scaffold\w*|ladder|railing|shelving|racking|ceiling|balcony) (\w+ ){0,4}(is |are )?(wobbling|collapsing|sagging|giving way|unstable))\b/,
        example: 'they make us work on the roof without fall protection',
        counterExample: 'is it unsafe to leave my laptop in the car overnight?',
      },
      {
        // A near miss is a hazard already shown, even when nobody was hurt.
        pattern:
          /\b((almost|nearly) ((hit|crushed|fell on|ran over|killed) (me|him|her|us|someone|somebody|one of|a \\w+ (worker|driver|colleague|coworker|picker))|got (electrocuted|crushed|trapped|run over)|fell (off|from) (the|a) \\w+)|near[- ]miss(es)?|(came|come) (loose|off|down) (and|while|when) (\w+ ){0,4}(working|underneath|below|standing))\b/,
        example: 'a loose panel came down while two of us were working underneath it',
        counterExample: 'we almost hit our sales target, I nearly fell asleep at the party',
      },
    ],
    es: [
      {
        pattern:
          /\b(salida de emergencia (esta )?(bloqueada|cerrada)|fuga de gas|huele a gas|me (lesione|lastime) (en el trabajo|trabajando)|sin (equipo de proteccion|arnes))\b/,
        example: 'la salida de emergencia está bloqueada con cajas',
        counterExample: '¿dónde está la salida de emergencia más cercana?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(sortie de secours (est )?(bloquee|fermee|encombree)|fuite de gaz|odeur de gaz|blesse\w* (au travail|sur le chantier)|sans (harnais|equipement de protection))\b/,
        example: 'la sortie de secours est bloquée depuis lundi',
        counterExample: 'où se trouve la sortie de secours la plus proche ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(notausgang\b.{0,25}\b(blockiert|versperrt|verschlossen|zugestellt)|gasgeruch|riecht nach gas|(bei|auf) der arbeit verletzt|ohne (schutzausrustung|absturzsicherung))\b/,
        example: 'der Notausgang ist seit Tagen versperrt',
        counterExample: 'wo ist der nächste Notausgang?',
      },
    ],
  },
};
