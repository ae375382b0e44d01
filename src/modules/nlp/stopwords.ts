const english =
  'a an the and or but if then so of to in on at by for with from about as into over after before is are was were be been being am do does did doing have has had having i me my mine myself we us our you your he him his she her it its they them their this that these those there here what which who whom whose when where why how can could would should will shall may might must just also very really too not no yes any some all each every more most much many such only own same than again still even ever please hi hello hey thanks thank im ive id ill dont doesnt didnt cant wont isnt arent wasnt youre theyre thats whats hows get got getting know need want like would wondering question quick help anyone someone tell let lets guys folks everyone okay um btw pls plz'.split(
    ' ',
  );
const spanish =
  'el la los las un una unos unas y o de del al a en con por para que como cual cuando donde mi mis tu su sus es son esta estoy este esto ese lo le les me se nos yo hay muy mas pero si no ya hola gracias tengo tiene puedo quiero saber'.split(
    ' ',
  );
const french =
  'le la les un une des et ou de du au aux en dans avec par pour que qui quoi comment quand ou mon ma mes ton ta tes son sa ses est sont je j me moi nous vous il elle ils on ce cet cette ces pas ne plus tres mais si oui non bonjour merci ai avoir suis peux veux savoir y a'.split(
    ' ',
  );
const german =
  'der die das den dem des ein eine einen einem einer und oder von zu in im am an auf mit fur bei ist sind war ich mich mir mein meine meinen meiner wir uns sie er es wie was wann wo warum nicht kein keine aber auch noch sehr hallo danke habe hat kann mochte bitte wissen'.split(
    ' ',
  );

export const STOP_WORDS: ReadonlySet<string> = new Set([...english, ...spanish, ...french, ...german]);

/** Function words per language, for the language guess. */
export const LANGUAGE_MARKERS = {
  en: new Set('the is are my i to and what how do does can when where of for with you your our'.split(' ')),
  es: new Set(
    'el la los las mi mis que de para con como por es una esta estoy cuando donde puedo quiero'.split(' '),
  ),
  fr: new Set(
    'le la les mon ma mes est je pour avec que des une pas quand comment est-ce puis veux suis'.split(' '),
  ),
  de: new Set(
    'der die das ich mein meine ist nicht und mit wie fur ein eine wann wo kann habe mochte'.split(' '),
  ),
} as const;
