import type { KindRules } from '../rule.js';

const REPORTED =
  '(reported|complained|filed (a|my) (complaint|grievance|report)|spoke up|went to hr|told hr|raised a (concern|complaint)|blew the whistle|asked for (an? |my |the )?(\\w+ )?(accommodation|overtime pay)|took (my )?\\w+ leave)';
const PUNISHED =
  '(fired|demoted|cut|worse|written up|write[- ]ups?|moved|excluded|punish\\w*|bad (review|rating)|taken off|removed|threaten\\w*|ignor\\w*|hours|shifts?|schedule|frozen out|pushed out)';
/** Punishment in other words: a warning, a request turned down, something taken back. */
const TURNED_DOWN =
  '((written|final) warnings?|blocks?|blocked|denied|rejected|took away|cancel+ed|cut|demoted|fired|moved|excluded|written up|bad (review|rating)|pushed out)';
/** Other protected steps: being a witness, joining a union, starting a leave or an accommodation request. */
const PROTECTED_STEP =
  '(gave (evidence|a statement|a witness statement)|testified|was a witness|joined the union|called the (ethics|compliance) (line|hotline)|raised (concerns?|the issue|it|the problem)|(started|filed|submitted|requested|applied for) (my |the |for )?(\\w+ ){0,2}(leave|accommodation))';
/** Quieter punishment, after a leave or a request: sidelined rather than written up. */
const SIDELINED =
  '(stopped (inviting|including|giving|calling)|put (me )?on a (pip|performance (improvement )?plan)|gave my \\w+ to|took (me|my \\w+) off)';

export const retaliation: KindRules = {
  kind: 'retaliation',
  namedInPolicyQuestions: true,
  rules: {
    en: [
      {
        pattern:
          /\b(retaliat(ed|es|ing) against|they'?re retaliating|(that'?s|this is|it'?s|(this|it|that) (feels|looks) like) (clearly |obviously )?(retaliation|payback))\b/,
        example: 'my lead has been retaliating against me since the audit',
        counterExample: 'am I protected from retaliation if I report a concern?',
      },
      {
        pattern: new RegExp(
          `\\b(since|after|ever since|right after) i ${REPORTED}\\b.{0,80}\\b${PUNISHED}\\b`,
        ),
        example: 'since I reported the missing guard my hours were cut in half',
        counterExample: 'since I filed my expenses last week, when will I be reimbursed?',
      },
      {
        pattern: new RegExp(
          `\\b(since|after|once|as soon as) i ${PROTECTED_STEP}\\b.{0,80}\\b${TURNED_DOWN}\\b`,
        ),
        example:
          'once I gave a statement for my coworker, my manager cancelled my training and gave me a final warning',
        counterExample: 'I gave a statement for the safety review, when will the final report come out?',
      },
      {
        pattern: new RegExp(
          `\\b${PUNISHED}\\b.{0,60}\\b(days?|weeks?|right|just|shortly) after i ${REPORTED}\\b`,
        ),
        example: 'my shifts were cut a week after I complained about the supervisor',
        counterExample: 'my hours changed a week after I started, is that normal?',
      },
      {
        pattern:
          /\b((fire|punish|demote|write up|get rid of|cut the hours of) (me|us|anyone|people) if (i|we|they) (report|complain|go to hr|tell|file|join|talk to)|(fire|punish|get rid of) (anyone|whoever|people) who (complains?|reports?|goes to hr|talks to)|(punished|penalized|written up|demoted|fired) (me )?(for|after) (reporting|complaining|speaking up|raising|filing))\b/,
        example: "my manager said he'd fire anyone who complains to HR about the breaks",
        counterExample: 'can they fire me if I take a second job on weekends?',
      },
      {
        pattern: new RegExp(
          `\\b(after|since) (i ${REPORTED}|(my|i came back from) (fmla|maternity|paternity|parental|medical|sick|disability) leave)\\b.{0,80}\\b${SIDELINED}`,
        ),
        example: 'since I came back from parental leave my manager stopped inviting me to client meetings',
        counterExample: 'after my parental leave, how many vacation days will I have left?',
      },
    ],
    es: [
      {
        pattern:
          /\b((me|nos) (castigan|castigaron|sancionaron) por (quejarme|quejarnos|denunciar|reportar)|represalias? (por|despues de) (mi|haber) (queja|denuncia|denunciado))\b/,
        example: 'me castigaron por quejarme con recursos humanos',
        counterExample: '¿qué protección hay contra represalias?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(represailles? (apres|depuis|pour) (ma|mon|avoir) (plainte|signalement|signale)|(sanctionne|puni|mute)e? (pour avoir|apres avoir) (signale|porte plainte|denonce))/,
        example: "j'ai été muté après avoir signalé mon chef",
        counterExample: 'suis-je protégé contre les représailles si je signale un problème ?',
      },
    ],
    de: [
      {
        pattern:
          /\b((seit|nach) (meiner beschwerde|meiner meldung|ich (mich beschwert|das gemeldet))\b.{0,60}\b(versetzt|abgemahnt|gekundigt|bestraft|schikaniert|weniger)|strafversetzt)/,
        example: 'seit meiner Beschwerde werde ich ständig abgemahnt',
        counterExample: 'wie reiche ich eine Beschwerde ein?',
      },
    ],
  },
};
