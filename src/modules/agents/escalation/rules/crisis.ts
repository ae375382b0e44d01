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
          /\b(self[- ]?harm(ing)?|(hurt|harm)(ing)? myself|cut+(ing)? my ?self|overdos(e|ing) on)\b(?! (awareness|prevention|training|module|course|resources))/,
        example: "I've started hurting myself again when work gets bad",
        counterExample: 'where can I find the self-harm awareness module for team leads?',
      },
      {
        pattern:
          /\b(can'?t go on( anymore| like this)?(?! (the|a|my|with|leave|vacation|holiday))|can'?t (do this|keep going|take (it|this)) anymore|no (point|reason) (in )?(living|to live|going on)|don'?t want to (live|be alive|wake up)|disappear (for good|forever))\b/,
        example: "honestly I don't want to wake up tomorrow, I can't keep going anymore",
        counterExample: "I can't go on the team trip next week, who do I tell?",
      },
      {
        // Typos and slang of the same thoughts: a person in crisis rarely spells with care.
        pattern:
          /\b(kil+ ?my ?sel(f|v)|unalive (my ?self|me)|end(ing)? my ?self|suicdal|sucidal|suicidle|sucide|suicde|suiside|thinking (about|of) (ending|killing) (it|my ?self|me)|can ?not go on(?! (the|a|my|with|leave|vacation|holiday)))\b/,
        example: 'i keep thinking about killing myslef, i cant do it anymore, sorry, kil myself',
        counterExample: 'how do I kill the frozen process on my laptop?',
      },
      {
        // Being a burden, the others better off without one.
        pattern:
          /\b((i'?m|i am|being|i feel like|feel like) (just |nothing but |such )?(a|an) (burden|waste of space)|(better|happier|easier) off without me|(nobody|no one|noone) would (even )?(miss|notice|care)( about)? (me|if i (was|were|disappeared))|(world|everyone|they) (would be|is) better without me)\b/,
        example: 'honestly everyone at home would be better off without me',
        counterExample: 'does the burden of proof sit with the company in a grievance?',
      },
      {
        // Wanting everything to end, not to wake up, to disappear.
        pattern:
          /\b((want|wish|need) (it all|everything|all of it|all of this|my life) to (end|stop|be over)|wish (it|everything) would (all )?(just )?(end|stop)|(hope|wish|pray)( that)? i (don'?t|do not|never|won'?t|wouldn'?t) wake up|(sleep|go to sleep) and (never|not) wake up|(want|wish i could|wish to) (to )?(disappear|vanish|stop existing|not exist|sleep forever)|don'?t want to (be here|exist|be around) anymore|thinking (about|of) not (being here|existing|being alive))\b/,
        example: 'some days I just want it all to end',
        counterExample: 'I want this project to end on time, can I get extra help?',
      },
      {
        // Hopelessness about living, not about a task.
        pattern:
          /\b(no (way out|hope left|reason to (live|go on|keep going|be here))|(there'?s|there is|i see|i can see) no (point|reason) (in |to )?(living|go(ing)? on|carry(ing)? on|be(ing)? here|anything|it all|trying anymore|any of it)|what'?s the point (of|in) (living|life|going on|being here|it all|anything anymore)|nothing (to live for|matters anymore))\b/,
        example: 'there is no point in going on, nothing matters anymore',
        counterExample: 'is there any point in applying for the internal role if I just started?',
      },
      {
        // Worn out by living itself: tired of being alive, done with everything, hopeless.
        pattern:
          /\b((tired|sick) of (living|being alive)|(i'?m|i am) done with (life|living|everything|it all)|(i feel|i'?m|i am|feeling) (so |completely |totally |utterly )?(hopeless|worthless)(?! (at|with|about) (the|this|excel|spreadsheets|math))|can'?t (cope|live like this|bear (it|this|living)) any ?more)\b/,
        example: "I feel completely hopeless and I can't cope anymore",
        counterExample: 'my manager says I am hopeless at Excel, is there a course?',
      },
      {
        // The same thoughts asked as a question that expects no answer.
        pattern:
          /\b(what'?s the point (anymore|any ?more|of anything|of me)|why (should|would|do) i (even )?(bother )?(wake up|get up in the morning|keep living|go on living|be alive|stay alive)|(who|nobody|no one|would anyone) (would )?(even )?(care|notice|miss me) if i (was|were|wasn'?t|weren'?t) (not )?(around|here|gone|alive|dead)|(would|will) anyone (even )?(miss me|notice if i (was|were) gone))\b/,
        example: "what's the point anymore? who would care if I wasn't around",
        counterExample: "what's the point of the new expense codes?",
      },
      {
        // Goodbye letters, giving one's things away, saying goodbye for good.
        pattern:
          /\b((goodbye|suicide) (letter|note)s?|giving (away )?(all )?my (things|stuff|belongings|possessions|pets?|cat|dog)( away)?|gave away (all )?my (things|stuff|belongings|possessions)|this is (my )?goodbye|end it (tonight|today|now|for good|soon))\b/,
        example: "I've been giving away my things to friends, it feels right",
        counterExample: 'I wrote a goodbye email to my team for my last day, can HR send it?',
      },
      {
        // A plan or a means: pills, a height, a train.
        pattern:
          /\b((took|take|taking|swallow\w*) (all (of )?my|too many|a (whole )?bottle of|a handful of|the whole (box|bottle|pack) of) (pills|tablets|meds|medication|sleeping pills)|jump(ing)? (off|from) (the|a|that) (bridge|roof|building|balcony|car park|parking (garage|deck))|(step|jump|throw myself) in front of (a|the) (train|bus|car|truck))\b/,
        example: 'last night I thought about taking all my pills at once',
        counterExample: 'can I take my meds at my desk during the shift?',
      },
    ],
    es: [
      {
        pattern:
          /\b(suicidarme|me quiero suicidar|quitarme la vida|no quiero (seguir )?vivir|quiero morir(me)?|acabar con mi vida)\b/,
        example: 'ya no quiero vivir, todo me supera',
        counterExample: '¿hay un taller de prevención del suicidio este mes?',
      },
      {
        pattern:
          /\b(ya no puedo (mas|seguir)(?! (con|esperando|trabajando))|no puedo seguir (asi|adelante|viviendo)|quiero desaparecer|no quiero despertar(me)?|(soy|me siento) una carga|(estarian|estarias|estaria|estan) mejor sin mi|no (tiene|le veo) sentido (vivir|seguir|la vida|nada)|sin esperanza|no hay salida)\b/,
        example: 'ya no puedo más, todos estarían mejor sin mí',
        counterExample: 'ya no puedo más con este tráfico, ¿puedo entrar a las diez?',
      },
      {
        pattern:
          /\b((hacerme|me hago|me hice) dano|autolesi\w*|cortarme|matarme|terminar con todo|acabar con todo|pensamientos suicidas|(pienso|pensando|pense) en (el )?suicidio|carta de despedida|regalando mis cosas)\b/,
        example: 'he vuelto a cortarme y escribí una carta de despedida',
        counterExample: '¿el seguro cubre la terapia para la prevención del suicidio?',
      },
    ],
    fr: [
      {
        pattern:
          /\b(me suicider|suicidaire|envie de mourir|en finir avec (la vie|tout)|mettre fin a mes jours)\b/,
        example: "j'ai envie de mourir depuis des semaines",
        counterExample: 'je veux en finir avec ce dossier avant vendredi',
      },
      {
        pattern:
          /\b(je ne peux plus continuer|je n'?en peux plus(?! (de|d'|avec|du|des))|(envie|besoin) de disparaitre|ne plus (me )?reveiller|(je suis|suis) un fardeau|mieux sans moi|me faire du mal|me tuer|me scarifier|me mutiler|(plus aucun|sans|aucun) espoir|aucune raison de vivre|idees noires|lettre d'?adieu|dire adieu a tout le monde|donner (toutes )?mes affaires|en finir(?! avec (ce|cette|le|la|les|ces|un|une|mon|ma|mes)\b)|plus envie de (vivre|rien))\b/,
        example: "je n'en peux plus, tout le monde serait mieux sans moi",
        counterExample: "je n'en peux plus de ce bruit dans l'open space, qui contacter ?",
      },
    ],
    de: [
      {
        pattern:
          /\b(selbstmord(gedanken| begehen)|suizidgedanken|suizidal|mich umbringen|nicht mehr leben|will sterben|mir das leben nehmen)\b/,
        example: 'ich will nicht mehr leben',
        counterExample: 'gibt es eine schulung zur suizidprävention?',
      },
      {
        pattern:
          /\b(ich kann (einfach )?nicht mehr(?! (so )?(lange|langer|warten|arbeiten|schlafen|mit|in|an|zur|zum|bei|uber))|nicht mehr aufwachen|(bin|sei) (doch )?(nur )?(noch )?eine last|besser (dran )?ohne mich|mir (etwas|was) (an)?tun|mich (selbst )?verletzen|ritze mich|mich ritzen|mich toten|keinen sinn mehr|keine hoffnung mehr|hoffnungslos|abschiedsbrief|(fur immer|einfach) verschwinden|allem ein ende (setzen|machen)|mit allem schluss machen)\b/,
        example: 'ich kann nicht mehr, alle wären besser ohne mich',
        counterExample: 'ich kann nicht mehr länger auf die Abrechnung warten, wen frage ich?',
      },
    ],
  },
};
