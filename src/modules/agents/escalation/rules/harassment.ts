import type { KindRules } from '../rule.js';

const BODY = '(back|hair|leg|legs|thigh|waist|hips?|shoulders?|neck|face|arm|chest|body|butt|bum)';

export const harassment: KindRules = {
  kind: 'harassment',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern:
          /\b(harass(es|ed|ing) (me|her|him|us|my)|being (sexually )?harassed|keeps? harassing|(feel|felt|feeling) (so |really |very )?(harassed|bullied|intimidated))\b/,
        example: 'a regular customer has been harassing me on every shift',
        counterExample: 'what does the sexual harassment policy cover for contractors?',
      },
      {
        pattern: new RegExp(
          `\\b(touch(es|ed|ing)? (me|my ${BODY})|grop(e|es|ed|ing)|unwanted (touch\\w*|advances?|attention|contact|kiss\\w*)|rubbed (up )?against me)\\b`,
        ),
        example: 'my team lead keeps touching my waist when he walks past',
        counterExample: 'can someone touch base with me about my dental plan?',
      },
      {
        pattern:
          /\b((comments?|remarks?|jokes?) about my (body|looks|figure|chest|breasts|legs|weight|outfits?|appearance)|(sends?|sent|sending) me (explicit|nude|naked|sexual|dirty) (photos?|pictures?|pics|messages?|texts?))\b/,
        example: 'a senior engineer makes comments about my body in stand-up',
        counterExample: 'can I get feedback about my outfit before the client visit?',
      },
      {
        pattern:
          /\b((keeps?|kept) asking me out|won'?t (take no for an answer|leave me alone)|stalk(s|ed|ing)? me|follow(s|ed|ing)? me (home|to my car))\b/,
        example: 'the night manager keeps asking me out after I said no',
        counterExample: 'my manager asked me out to lunch to discuss my promotion, what should I prepare?',
      },
      {
        pattern:
          /\b(bull(ies|ied|ying) me|being bullied|(yells?|yelled|yelling|screams?|screamed|screaming|swears?|swore|cursing) at (me|us)|(get|got|getting|being) (screamed|yelled|shouted|sworn) at|humiliat(es|ed|ing) me|belittl(es|ed|ing) me|calls? me (stupid|useless|an idiot|names|fat|ugly))\b/,
        example: 'my supervisor screams at me in front of the whole floor',
        counterExample: 'is shouting at employees covered in the manager training?',
      },
    ],
    es: [
      {
        pattern:
          /\b(me (esta )?acosando|me acosa|me hostiga|me (toca|manosea) (el|la|las|los|sin)|me (humilla|insulta) (delante|cada|todos))\b/,
        example: 'mi supervisor me está acosando desde hace meses',
        counterExample: '¿dónde encuentro la política contra el acoso?',
      },
    ],
    fr: [
      {
        pattern: /\b(me harcel\w*|suis harcele\w*|(il|elle) me (touche|tripote|humilie|insulte))\b/,
        example: 'mon responsable me harcèle tous les jours',
        counterExample: 'où trouver la politique sur le harcèlement ?',
      },
    ],
    de: [
      {
        pattern:
          /\b(belastigt mich|mich (sexuell )?belastigt|fasst mich (immer wieder )?an|(mobbt|demutigt|beleidigt) mich|werde (\w+ )?gemobbt)\b/,
        example: 'mein Kollege belästigt mich seit Wochen',
        counterExample: 'wo finde ich die Richtlinie gegen Belästigung?',
      },
    ],
  },
};
