import type { EscalationKind } from './types.js';

/**
 * Wider word lists for the escalation triggers: the ways people describe mistreatment, danger and
 * distress without the textbook word ("he grabbed my arm", "taking all my pills", "fake vendor").
 * Patterns run on accent-folded lower-case text after innocent phrases are removed.
 */
export const EXTRA_TRIGGERS: readonly { kind: EscalationKind; label: string; pattern: RegExp }[] = [
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b(tak(e|ing) all (my|the) (pills|meds|medication)|overdos\w*|(want|wanted|wish) (it all )?to (end|stop) (it all|everything)|want it all to (end|stop)|(don'?t|do not) want to be alive|not want to be alive|rather be dead|can'?t (do this|keep going) anymore|no way out|give up on (life|everything)|me quiero morir|quiero morir|je veux mourir|ich will sterben|ich will nicht mehr)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((grabbed|slapped|kicked|choked|spat on|shoved|hit|pushed|cornered|blocked) (me|my (arm|wrist|hand|shoulder|neck))|(threw|throws|throwing|hurled) (a |an |the |his |her |their )?\w+ at (me|us|people|someone|my head)|(bring|brought|bringing|has|had|carry|carries|carrying) (a )?(gun|firearm|weapon|knife)|(about to|going to|could) (collapse|explode|fall|catch fire)|without (masks?|respirators?|harness\w*|gloves|protective (gear|equipment)|ppe)|no (ppe|protective (gear|equipment)|safety gear)|(slipped|fell|tripped) (on|off|down)|broke my (\w+)|(cut|burned|burnt) (myself|my hand|my arm)|hospital after|chemical (spill|leak|burn)|(sick|dizzy|nauseous) from (the )?(fumes|chemicals|smell)|unsafe|me pego|me golpeo|m'?a frappe|hat mich geschlagen)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((explicit|nude|naked|sexual|dirty|inappropriate) (pictures?|photos?|pics|images?|videos?|texts?|messages?|jokes?)|(go out|sleep|date|hook up) with (him|her|them)|(following|follows|followed) me (home|to my car|around|after work)|(staring|stares|stared|leering|leers) at (me|my)|won'?t (leave me alone|stop (texting|messaging|calling) me)|(keeps?|kept) (texting|messaging|calling) me (at night|after|late)|(sexual|romantic) (favors?|favours?)|quid pro quo|me toca|me manosea|il me touche|er fasst mich an)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(only (promote|promotes|hire|hires|promoted|hired) (men|women|guys|white|young|younger)|too (old|young) (to|for)|(because|since) (i'?m|i am|she'?s|he'?s) (a woman|a man|gay|trans|black|muslim|jewish|old|pregnant|disabled|foreign|an immigrant)|after i told (them|him|her|my manager|my boss) (i'?m|i was|that i'?m|about my) (pregnant|pregnancy|gay|trans|disabled|sick|diagnosis)|(refused|denied|ignored|rejected) my (accommodation|wheelchair|ramp|disability) (request)?|(wheelchair|disability|ramp) (request )?(refused|denied)|not a (good )?(culture )?fit because|(racial|ethnic|homophobic|sexist) (remark|comment|slur)s?)\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b((fired|let go|terminated|demoted|suspended|written up|punished|excluded|moved|transferred)\b.{0,40}\b(after|since|because) (i )?(reported|complained|filed|raised|spoke up|blew the whistle|went to hr)|(since|after) (i )?(filed|made|raised) (the |an |a )?(ethics |hr )?(complaint|report|grievance))\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b(mock(s|ed|ing)? me|make(s)? fun of me|laugh(s|ed)? at me|(picks?|picking) on me|gang(s|ed)? up on me|(isolat|exclud)(es|ed|ing) me|singles? me out|public(ly)? (shame|shamed|shaming|humiliat\w*)|me grita|se burla de mi|me humilla|me rabaisse|se moque de moi|gemobbt|schikan\w*)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(billing (clients?|customers?) for (hours|work|time)|(fake|phantom|ghost|shell) (vendors?|employees?|companies|company|accounts?)|(hours|time|work) (we|they|he|she) never (worked|did)|(altering|changing|faking|doctoring|backdating) (records|numbers|reports|timesheets|receipts|invoices|data)|double[- ]billing|off the books|under the table|paying (himself|herself|themselves)|personal (expenses|purchases) on the (company|corporate) card)\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(labou?r (department|dept|office|commission|ministry)|employment (lawyer|attorney|tribunal)|legal (action|proceedings|claim)|report(ing)? (this|you|the company|them) to (the )?(labou?r|state|authorities|government|eeoc|osha|ministry)|human rights commission|union rep\w*|inspection du travail|arbeitsgericht|inspeccion de trabajo)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((connect|put|transfer|escalate) me (with|to|through to) (someone|somebody|a person|a human|hr|an agent)|(can|could|will) (a|some|an actual|a real) (person|human|someone|somebody) (call|contact|email|get back to|reach out to|help) me|(have|get) (someone|somebody|a person) (from hr )?(call|contact|email) me|someone from hr (call|contact|email|reach out)|i need (to talk|to speak) to (somebody|someone)|not (a|this) (bot|chatbot|robot|machine|ai)|hablar con (una persona|un humano|alguien de rrhh)|parler a un humain|mit einem menschen)\b/,
  },
  // Cue families rather than phrases: contact with the body, statements about groups of people,
  // religious dress, punishment, fear of a person, rumours, hazards and injuries, crisis idioms.
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((hand|hands|arm|fingers?) (on|around|up) my (thigh|leg|legs|knee|waist|back|hips?|chest|butt|bottom|neck|hair)|(kiss|kissed|kissing|hug|hugged|hugging|massag\w*|rubb?(ed|ing|s)?|grop\w*|pinch\w*|sniff\w*) (me|my)|asking me for (a )?(kiss|hug|date|massage|nudes|pictures|photos)|(sexual|dirty) (remarks?|talk)|my (thigh|chest|breasts?|butt|body)\b)/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b((women|woman|men|girls|gays?|lesbians?|trans people|black people|immigrants|foreigners|muslims|jews|christians|old people|older people|disabled people|mothers|moms) (shouldn'?t|should not|can'?t|cannot|aren'?t|are not|don'?t|do not|are too|belong)|racial (nicknames?|names?|jokes?|remarks?)|(hijab|turban|headscarf|kippah|yarmulke|cross|religious (clothing|dress|symbol)) (is|are|was|isn'?t)? ?(unprofessional|not allowed|banned|inappropriate)|(remove|take off) my (hijab|turban|headscarf|kippah))\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b(as (a )?punishment|to punish me|punishing me|payback for|(since|after) i (testified|was a witness|gave a statement|supported)|(demoted|fired|cut|moved)\b.{0,30}\b(after|since) i (testified|was a witness))\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b((afraid|scared|terrified) of (him|her|them|my (boss|manager|supervisor|lead|coworker|colleague))|(slams?|slammed|slamming|punch(es|ed)?|kick(s|ed)?) (doors?|walls?|desks?|tables?|things)|spread(s|ing)? (lies|rumou?rs) about me|(lies|rumou?rs) about me|(calls?|called|calling) me (names|stupid|dumb|an idiot|lazy|useless|worthless|incompetent|fat|ugly))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((live|exposed|bare|hanging|sparking) (wires?|cables?)|(brakes?|guards?|railings?|alarms?|sprinklers?|harness(es)?|scaffold\w*|ladders?|extinguishers?)\b.{0,30}\b(don'?t|doesn'?t|do not|does not|won'?t|not|never|broken|missing|removed|disabled)|(said|says|told me) (he|she|they)('?ll| will| would| is going to| are going to) (hurt|kill|beat|get|come after) (me|us|you)|(bitten|attacked|mauled|bit) by|(injured|hurt|wounded) (on|at|while on) (the )?(job|work|shift|site)|broken (bone|arm|leg|wrist|finger))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b(not (waking|wake) up|never wake up|keep living like this|(can'?t|cannot) (live|go on) like this|(end|ending) (things|everything)|(goodbye|suicide) (letter|note)|disappear forever|better off without me|(nobody|no one) would (miss|care) (me|if i))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(back ?dat(e|ed|ing) (the )?(contracts?|documents?|invoices?|records?|signatures?)|(corporate|company) (card|credit card|account) for (his|her|their|personal) \w+|(shred|destroy|delete|hide)(ing|s|ed)? (the )?(documents|records|files|evidence) (before|from) (the )?(audit|auditors|investigation))\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(grievance|union (rep\w*|steward|says|will hear)|(going|go|went|report\w*|complain\w*) to (the|my) union|the union (is going to|will) hear|unfair labou?r practice)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((talk|speak) to (your|a|the) (supervisor|manager|boss)|(real|actual|live) (hr )?(person|human|people|agent|rep\w*) (to )?(call|contact|email|help|handle)|(a|an) (hr )?(person|human|agent) to (call|contact|email|help) me)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((get|gets|getting|got) me alone|alone (with him|with her|in (his|her) (office|car|room|hotel))|(videos?|photos?|pictures?|pics) of (himself|herself|his body|her body)|(didn'?t|did not|never) ask for (it|that|them|this)|unsolicited|nicer to (him|her)|(sleep|sleeping|slept) with (him|her|the boss|the manager))\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(never (hire|promote) (another|a|any) (woman|women|man|mother|mom|older|black|gay|disabled|foreign)|(because|since) (i'?m|i am|he'?s|she'?s|they'?re) (deaf|blind|autistic|in a wheelchair|older|over 50|over fifty|a mother|a mom|a single mom|religious|christian|hindu|sikh|buddhist|asian|latino|latina|hispanic|indian|mexican|african|an immigrant|foreign[- ]born|not from here)|(jokes?|joking|comments?|remarks?|fun) (about|of) my (wheelchair|disability|hearing|stutter|weight|skin|hair|religion|faith|prayer|accent|age|sexuality|gender|pronouns|transition|pregnancy|culture|ethnicity|race|name))\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b(switched|moved|reassigned|put|changed|cut|docked|denied|blocked|removed|taken off)\b.{0,50}\b(right |just |shortly |immediately )?(after|since) i (raised|reported|complained|flagged|went to hr|brought up|asked about|filed|spoke)\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b(puts? me down|putting me down|tears? me (down|apart)|rips? me apart|talks? down to me|schreit mich|brullt mich|anschreien)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((gas|heaters?|pipes?|chemicals?|fuel|acid|propane)\b.{0,30}\bleak(ing|s|ed)?|(fell|fallen|falling) (from|off|down) (a|the) (ladder|scaffold\w*|roof|platform|truck|forklift|stairs|loading dock)|(hurt|injured|broke|sprained|twisted|cut|burned|crushed) my \w+ (at work|on the job|on shift|on site|in the warehouse|at the plant|at the store))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b((inflat|manipulat|fudg|cook|pad|falsif|doctor)\w* (the )?(sales |revenue |financial |quarterly |safety |inspection )?(numbers|figures|results|books|revenue|sales|metrics|reports?|records)|(taking|accepting|receiving|gets?|got) (payments?|money|cash|kickbacks?|gifts?) from (a |the |our )?(vendors?|suppliers?|contractors?|clients?))\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((brush|brushes|brushing|brushed|rubs|rubbing|presses|pressing|pressed|leans|leaning) (up )?against me|whisper\w* (stuff |things |comments )?(in|into) my ear|(send|show) (him|her|them) (photos|pictures|pics|videos|nudes) of (myself|me)|if i (go|went|come|came) (to dinner|out|on a date|for drinks|to his place|to her place) with (him|her))\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(people (my|of my) (age|race|religion|color|colour|background|gender|kind)|the only (woman|women|black person|gay person|female|muslim|person of colou?r|older person|immigrant) (on|in) (the|my|our) (team|crew|floor|shift|department|office)|noose|swastika|hate (symbols?|speech|graffiti)|(sabbath|prayers?|ramadan|religious (holiday|observance)|my faith)\b.{0,60}\b(refus\w*|denied|won'?t|not allowed|even though i asked|keep scheduling|mock\w*))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(trapped|locked (in|inside)|locks from the outside|electrocut\w*|electric(al)? shock|shocked by|geschlagen|golpead[oa]|me golpe\w*|m'?a frappe|watch (yourself|myself|your back))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((drive|driving|drove) (my car )?(off|into) (the road|a bridge|a wall|a tree|traffic)|think(ing)? about (dying|death|not being here|not existing)|don'?t want to be here anymore)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b((told|asked|pressured|forced) (me|us) to lie|lie to (a |the |our )?(customers?|clients?|auditors?|regulators?|inspectors?|investors?)|(people|employees|names|workers) on (the )?payroll who (don'?t|do not|never) (exist|work|show)|(paid|payments?|kickbacks?) (by|from) the (supplier|vendor|contractor)s? (he|she|they) (picks?|chose|selects?|hires?))\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(lawyer(ing)? up|(contact|contacting|call|calling|report\w* (this |you |them )?to|tell|telling) (osha|the eeoc|eeoc|the labou?r board|the state|the authorities|the press|a journalist))\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((discuss|talk|speak|deal|go over)\w* (this |it |that )?(with|to) a (human|person|real person|human being)|(speak|talk|meet) (to|with) (someone|somebody)?\s*in person|in person about (this|it))\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b((asks?|asking|asked|questions?|questioning) (me )?about my (religion|faith|race|ethnicity|sexuality|sexual orientation|pregnancy|family plans|immigration status|nationality|disability)|won'?t fit in because)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(water|leak\w*|flood\w*|drip\w*)\b.{0,30}\b(electrical|electric|wiring|outlets?|panels?|fuse ?box(es)?|power (strips?|boxes))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\bbill\w*\b.{0,40}\b(clients?|customers?)\b.{0,40}\b(never|weren'?t|wasn'?t|on vacation|didn'?t work|not working|absent|on leave)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\bbecause (i'?ll|i will|i might|i may|i could|i'?m going to) (probably |eventually |soon )?(have|get|be having|start a family|get pregnant)( kids| children| a baby| pregnant)?\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(take (me|you|us|him|her) out\b(?! (to|for|on))|(alarms?|sprinklers?|extinguishers?|exits?|smoke detectors?)\b.{0,30}\b(hasn'?t|haven'?t|isn'?t|aren'?t) (worked|working|been (working|fixed|tested))|(alarms?|sprinklers?|extinguishers?|smoke detectors?)\b.{0,20}\b(disconnected|out of order|faulty|empty)|physical(ly)? (abus\w*|assault\w*|attack\w*|hurt|harm\w*|threaten\w*)|(hit|struck|run over|ran over|crushed|pinned|knocked down) by (a |the )?(pallet|forklift|truck|car|machine|vehicle|door|box|shelf|load)\w*|\b(black )?mou?ld\b|(people|we|everyone|workers|staff) (are|keep) getting (sick|ill|headaches|hurt|injured)|agress\w*|me faire du mal|hacerme dano)\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern: /\b(abus(e|ed|es|ing|ive)|verbally attack\w*)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((easier|better) (to|if i) (not exist|wasn'?t here|weren'?t here|were gone|disappeared|died)|to not exist|scared of what i (might|could|would) do|(really |very )?(bad|dark) place (mentally|emotionally)|(i'?m|i am) not coping|can'?t cope anymore|me faire du mal|hacerme dano|mir (etwas )?antun)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(pocket(s|ed|ing)? (the )?(cash|money|tips)|(keeps?|kept|takes?|took) (the |our |staff )?tips|personal (purchases|expenses|items|trips|bills)\b.{0,30}\b(as|on) (business|company|work|the company)|roband\w*|robo dinero|robaron|falscht|gefalscht|falschung)\b/,
  },
  {
    kind: 'human',
    label: 'a formal complaint about a colleague',
    pattern:
      /\b((formal|official) (complaint|grievance)|(make|file|lodge|raise|submit) a complaint (about|against) (my|a|the|our) (manager|boss|supervisor|coworker|co-worker|colleague|lead|team lead|director)|i'?m escalating (this|it)|speak to (someone|somebody) in charge|beschwerde (uber|einreichen))\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b((?<!food |basketball |tennis |volleyball |squash )court|inspectorate|(taking|take|takes|drag|dragging) (you|you guys|them|this company|the company) to court)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((thoughts? (about|of)|thinking (about|of)|think about) (ending it|death|dying|not waking up)|dark thoughts|suicidal)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((someone|somebody|a person|a human|an agent|a rep\w*|hr|a manager)( from hr| in hr)? (to )?(call|contact|phone|ring) me|echten? (person|menschen?)|persona real|vraie personne)\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b(angst vor (meinem|meiner|dem|der)|miedo (a|de) mi (jefe|jefa|supervisor\w*|gerente)|peur de mon (chef|manager|responsable)|make my life (hell|miserable|difficult)|if i tell (anyone|anybody|someone|hr|people))\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b((las mujeres|los hombres|los viejos|los extranjeros|los gays?) no (sirven|pueden|deben)|(women|woman|girls|men|older people|foreigners) (aren'?t|are not|isn'?t|is not) (good|suited|cut out|made|smart|strong)|(calls?|calling|called|saying|says|said) (i'?m|i am|me) (a |an )?(dinosaur|boomer|grandpa|grandma|old man|old lady|too old|over the hill|relic)|(asked|asks|asking) (me )?(if|whether) (i'?m|i am|i was) (planning|going) to (get married|have (kids|children|a baby)|get pregnant|start a family))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(me cai|me lastime|me heri|accidente|je suis tombee?|gesturzt|unfall|verletzt|no ventilation|poor ventilation|(feel|feeling|felt) (dizzy|faint|sick|lightheaded) (every day|at work|from|all day)|broken (railing|handrail|ladder|stairs?|steps|guard|scaffold\w*|brakes?|harness)|(nearly|almost) (fell|died|got hurt|got crushed|got hit|electrocuted))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(selling (our |the |company |customer |client |confidential )*(data|information|secrets|designs|source code|customer lists?)|leak(ing|ed|s)? (customer|client|confidential|company) (data|information)|fake (sick notes|doctor'?s notes|notes|certificates|signatures|reports))\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b(love letters?|(asked|told) (him|her|them) (several times |many times |repeatedly )?(to stop|to leave me alone))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((someone|somebody|people|a person|one of us|a worker) (is|are) (going|gonna|bound) (to )?get (hurt|killed|injured|crushed)|serious safety (issue|problem|concern|hazard)|showed up (drunk|high|intoxicated)|(drunk|intoxicated|high) (at work|on (the )?(job|shift|site))|(drunk|intoxicated) and (aggressive|violent))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern: /\b(breaking point|end of my (rope|tether)|can'?t take (it|this) anymore)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern: /\b(personlich sprechen|mit jemandem aus (hr|der personalabteilung))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(off the clock|(deletes?|deleted|deleting|erases?|erased|removes?|removed|changes?|changed|changing|edits?|edited|editing|shaves?|shaving) (our|my|their|people'?s|employees'?) (hours|time|punches|clock[- ]ins?|timecards?|time ?sheets?))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(locked me (in|out|inside)|(won'?t|don'?t|do not|will not|not) (let|allow) (us|me) (to )?(take |have )?(water|bathroom|toilet|rest|lunch|meal) breaks?|\d{3} degrees|heat ?(stroke|exhaustion)|m'?a pousse|m'?a bouscule|hat mich (gestossen|geschubst))\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b(fire|terminate|sack|demote|write up|punish|deport|get rid of) (me|us|anyone|people) if (i|we|they) (join|talk|complain|report|go|take|tell|file|speak|unionize)\w*\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern: /\b(insulto|insulta|me humillo|humilie|humiliee|gedemutigt|demutigt|beleidigt)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern: /\bpressur\w* (me )?to (go|come|meet|have|sleep|date|hang out)\b/,
  },
  {
    kind: 'human',
    label: 'a breach of confidential personal information',
    pattern:
      /\b(shar(ing|ed|es)|leak(ing|ed|s)?|told (everyone|the team|people) about|spread(ing)?) (my )?(medical|health|personal|private|confidential) (information|info|details|records|diagnosis|condition|history)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(hiding (the )?(losses|money|revenue|debts?|numbers|real numbers|results)|fewer hours than (i|we|they) (worked|did)|(sign|submit|record|report)\w* (time ?sheets?|time ?cards?|hours)\b.{0,30}\b(fewer|less|false|fake) hours)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern: /\b(queja formal|queja contra|verbinden sie mich|mitarbeiter(in)? der personalabteilung)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((skip|skipping|bypass\w*|ignore|ignoring|disable\w*) (the )?(lockout|lock-out|safety (checks?|procedures?|steps)|guards?|harness\w*|ppe|inspection)|my (partner|husband|wife|boyfriend|girlfriend|ex) (hurts|hits|beats|abuses|threatens|hurt|hit|beat) me|domestic (violence|abuse)|terrified to go home|(hit|punched|slapped|attacked|shoved|pushed|kicked|beat) (another|a) (employee|coworker|co-worker|colleague|worker|customer|person)|me empujo|empujo a|beruhrt mich|gegen meinen willen|betastet)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b(giving up on everything|give up on everything|nothing helps( anymore)?|en finir|au bout du rouleau|no aguanto mas|ya no puedo mas|bin am ende)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(changing the receipts|discounts to (his|her|their) (friends|family)|(know|knew) (is|was|it'?s) (false|fake|untrue|wrong)|sign\w*\b.{0,25}\b(false|fake|untrue|backdated) (document|form|report|statement)s?|(can'?t|cannot|not allowed to|told not to|told me not to) (report|record|log|claim) (more than \d+|(my |our |the )?(hours|overtime))|sin pagarme|without (paying|pay) (me|us) (for|the)|unpaid (hours|overtime))\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(legal (advice|help|representation)|seeking legal|to the (press|media|newspapers?)|go public|a los medios|a la prensa)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(from (his|her|their) (church|mosque|temple|synagogue|country|hometown|religion)|too (ethnic|black|foreign|gay|feminine|girly|old|fat) (for|to)|hair is too \w+)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((calls?|calling|called) me ['"]?(sweetheart|sweetie|baby|honey|babe|sexy|darling|doll|sugar|cutie|hot)|(inappropriate|sexual|obscene|lewd) (drawings?|notes?|gifts?|images?|cartoons?|stickers?|posters?))\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern: /\b(kissing noises|cat ?call\w*|wolf[- ]whistl\w*|whistl\w* at me)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern: /\b((nearly|almost) (ran|run|knocked) me (over|down)|ran me over)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b((expens\w*|claim\w*|bill\w*|charg\w*) (his|her|their|a|the) (family|personal|own|private) (vacation|holiday|trip|dinners?|expenses?|purchases?)|(personal|family) (vacation|holiday|trip) as a (client|business|work) trip)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((someone|somebody|a person|hr)( from hr| in hr)? please (call|contact|phone|email) me|(going|go|escalat\w*|write|writing|complain\w*) (to|with) (your|the) (ceo|president|board|owner|head of hr|chro))\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b((lose|lost) my (job|position|shifts?) if|drop (my|the) (complaint|grievance|report|claim|case)|withdraw (my|the) (complaint|grievance|report))\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern: /\b(m'?a insulte|insulte devant|m'?humilie)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b(comentarios sexuales|insinuaciones sexuales|avances sexuelles?|remarques sexuelles|propos sexuels|sexuelle (anspielungen|belastigung|bemerkungen|ubergriffe?)|anzugliche?\w*)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(por (estar embarazada|ser mujer|ser hombre|mi edad|mi religion|mi origen|ser extranjer[oa])|parce que je suis (une femme|enceinte|noire?|musulmane?|handicapee?|gay|etranger|etrangere)|weil ich (schwanger|eine frau|auslander\w*|muslim\w*|behindert|schwul|alt) bin)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b(hablar con (un|una) (representante|persona|humano|agente|asesor\w*)|parler a (un|une) (representant|conseiller|conseillere|humain|etre humain|personne))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern: /\b(gedroht|drohung\w*|mich zu schlagen|amenazo de muerte|menace de mort|menaces de mort)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern: /\b(selbstmord\w*|suizid\w*|suicid\w*|quitarme la vida|me quitar la vie|en finir avec la vie)/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\bunwanted (messages?|texts?|dms?|photos?|pictures?|calls?|gifts?|hugs?|kisses?|visits?|emails?|notes?)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((he|she|they|someone|somebody)('?d| would| will|'?ll| is going to| are going to| threatened to) kill me|exposed (electrical |live )?(wires?|wiring|cables?)|without (proper |the right |any )?(gear|equipment|protection|safety gear|protective (gear|equipment|clothing)))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern: /\b(harm(ing)? myself|injur(e|ing) myself)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(older|younger|old|young|female|male|foreign|disabled|pregnant) (workers|employees|people|staff|guys|women|men|candidates) (slow|are slow|can'?t|cannot|don'?t|aren'?t|shouldn'?t|are too|are not|make|belong)\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b((or|otherwise) (i'?d|i would|i'?ll|i will|we'?d|we'?ll|we would) (be|get) (fired|let go|punished|written up)|keep (quiet|silent|my mouth shut|it quiet)|cover(ing)? (it|this|that) up|told (me|us) not to (report|tell|say))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((hurt|kill|harm)(ing)? (himself|herself|themselves)|not wanting to live|(doesn'?t|does not|don'?t) want to live|(can'?t|cannot|couldn'?t|haven'?t been able to) stop crying|need (serious|urgent) help)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(shred|destroy|delete|hide|wipe)(ing|s|d|ed)? (the |all )?(emails?|messages|data|logs|documents|records|files|evidence)\b.{0,20}\b(before|from) (the )?(audit|auditors|investigation|inspection|lawyers|regulators)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((connect|transfer|put) (me )?(to|with|through to) (a |an |the )?(hr )?(specialist|representative|rep|person|human|agent|advisor|adviser|manager|someone|somebody)|call ?-?back)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern: /\b(hits|hitting|hit) on (me|her|women|girls|every|the new|new)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b((made|making|makes|make) (a )?pass(es)? at (me|her|women|staff)|comment(s|ed|ing)? on (what i wear|how i look|my (appearance|looks|outfits?|clothes|body|figure|weight|legs|chest|lips|hair))|(following|follows|followed) (female |women |young |new )?(staff|employees|women|girls|coworkers|co-workers|colleagues|people|interns) (to|home|around|into))\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((make|making|makes) me pay|got in my face|get even with me|you'?ll (pay|be sorry)|(ammonia|chlorine|chemicals?|gas|toxic|smoke|fumes?|dust)\b.{0,40}\b(vomit\w*|sick|dizzy|faint\w*|headaches?|nause\w*|can'?t breathe|burning)|making (people|us|everyone|workers) (sick|vomit|ill|dizzy))\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern: /\bdisappear (for good|forever|permanently)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\bpad(s|ded|ding)? (the |our |my |their )?(hours|time|invoices?|bills?|billing|expenses?|numbers)\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(violat\w* (labou?r|employment|wage|overtime|safety|federal|state|minimum wage) (laws?|rules|regulations|standards)|break(ing|s)? the law)\b/,
  },
  {
    kind: 'human',
    label: 'a conflict of interest or favouritism',
    pattern:
      /\b((dating|sleeping with|in a relationship with|seeing) (his|her|their) (direct )?(report|subordinate|employee|intern|assistant))\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b(asked me out (again|\w+ times|repeatedly|constantly|every day)|keeps? asking me out|(keep|kept) saying no|said no (\w+ )?times|hidden cameras?|cameras? in the (bathroom|restroom|changing room|locker room|toilet)|exposed (himself|herself|themselves)|flashed (me|us|her)|indecent exposure)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\bnever (hire|promote|work with) (a|an|any|another) (muslim|jew|jewish person|christian|hindu|asian|latino|latina|hispanic|immigrant|trans person|person of colou?r|arab|indian|african|gay person)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b((come|coming) back with (friends|his friends|her friends|a gun|people|a weapon)|deal with me|waiting for me (outside|after work|in the parking)|(drinks|drinking|uses drugs|using drugs|smokes weed|smoking weed) (on|at) (the )?(job|work|shift|site))\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b((moving|transferring|putting|diverting|sending|moved|transferred) (company |the |client )?(money|funds|cash) (into|to) (their|his|her) (own|personal) (account|pocket|bank)|(making|make|made|forcing|force|forced|pressuring) (me|us|staff|people) (to )?(lie|falsify|fake|cheat|backdate))\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern: /\b((talk|speak|meet)\w* (to|with) \w+( \w+)? in person|in person (please|with hr))\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(paid|earn\w*|getting paid|make|making|get) (less|more) than (the |my |our )?(men|women|guys|girls|male|female|white|younger|older|straight)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((mental health|emotional|personal|psychological) (crisis|emergency|breakdown)|having a (breakdown|crisis|nervous breakdown))\b/,
  },
];

/**
 * Co-occurrence cues: a protected characteristic next to adverse treatment, or a report next to
 * a change for the worse. They catch the many wordings no phrase list anticipates.
 */
export const COMBINED_TRIGGERS: readonly {
  kind: EscalationKind;
  label: string;
  all: readonly RegExp[];
}[] = [
  {
    kind: 'discrimination',
    label: 'discrimination',
    all: [
      /\b(my (accent|disability|age|race|religion|faith|pregnancy|gender|sexuality|skin|ethnicity|nationality|hijab|turban|culture|medical condition|diagnosis|hearing|wheelchair|handicap|stutter|speech impediment|limp|autism|adhd|dyslexia|scars?)|(younger|older) (person|guy|woman|man|girl|candidate|employee|worker|colleague)|pregnan\w*|because i'?m (the only )?(a )?(\w+ )?(woman|black|gay|old|muslim|jewish|disabled|foreign|immigrant)|eid|diwali|ramadan|hanukkah|yom kippur|lunar new year|passover|sabbath|(came|come|coming|got|get|returned|returning)( back)? from (maternity|paternity|parental|medical|disability) leave|mon handicap|i'?m (gay|lesbian|trans|transgender|bisexual|queer|muslim|jewish|pregnant|disabled|autistic))\b/,
      /\b(moved|left out|excluded|passed over|fired|let go|demoted|denied|gave (my|the) (job|role|position|promotion)|replaced|cut|uncomfortable|treated|comments?|jokes?|mock\w*|laugh\w*|removed|taken off|refused|ignored|not allowed|won'?t let|overlooked|skipped|reject\w*|no (real )?work|sidelined|stripped|taken away|took me off|pulled me off|removed me|targeted|picked on|singled out|se moque)\b/,
    ],
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    all: [
      /\b(i (reported|complained|raised|filed|flagged|spoke up|went to hr|told hr|blew the whistle|testified)|after (my|the) (report|complaint|grievance)|nach meiner beschwerde)\b/,
      /\b(written up|write[- ]ups?|moved|cut|worse|excluded|demoted|fired|punish\w*|targeted|singled out|bad (shifts?|reviews?|ratings?)|hours (cut|reduced)|retaliat\w*|payback|threaten\w*|ignored|won'?t (talk|speak) to me|silent treatment|freez\w* me out|cold shoulder|strafversetzt|versetzt|pushed out|forced out|pushing me out|squeezed out|pushed me out)\b/,
    ],
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    all: [
      /\b(bot|chatbot|robot|machine|automated|ai)\b/,
      /\b(refuse|don'?t want|do not want|not|no more|stop|enough|human|person|real)\b/,
    ],
  },
];

/** More innocent uses: legal services, photo shoots, prevention trainings, idiomatic "threatened". */
export const EXTRA_INNOCENT_PHRASES: readonly RegExp[] = [
  /\b(lawyer|attorney)s? (for|to help with) (a |my |the )?(house|home|closing|will|estate|divorce|immigration|visa|adoption|mortgage|purchase)\b/g,
  /\b(cover|covers|covered|pay for|pays for|reimburse|reimburses|discount on|access to) (a |an |the )?(lawyer|attorney|legal (plan|services|advice))\b/g,
  /\bshoot (a |an |the |me |you )?(quick )?(video|photo|photos|picture|email|e-mail|message|note|text|line|question|reply|scene|headshot|demo)s?\b/g,
  /\b(suicide|self[- ]harm|mental health|crisis|overdose) (prevention|awareness|training|course|module|first aid|resources|hotline information|webinar)\b/g,
  /\bshoot(ing)? (schedule|day|script|footage|location|for the (video|campaign|brochure|website))\b/g,
  /\b((kitchen|cake|bread|butter|steak|pocket|utility) knife|knife (for|to cut) (the |a |our )?(\w+ )?(cake|bread|fruit|pizza|lunch|sandwich|cheese))\b/g,
  /\b(process|procedure|steps|what (do|should) i do|how (do|should) i (handle|respond))\b.{0,20}\b(if|when) (someone|an employee|a team member|one of my reports|my report|a coworker|a colleague) (reports|raises|tells me about|complains about|brings up)\b.{0,20}\b(harassment|discrimination|bullying|retaliation|misconduct)\b/g,
  /\b(gun|shooting|rifle|archery) range|(nerf|glue|water|staple|heat) guns?\b/g,
  /\b(whistle-?blower|ethics) (hotline|line|program|protections?)\b/g,
  /\b(lawyer|attorney)'?s? (seminar|webinar|workshop|session|talk|clinic)\b/g,
  /\b(where|how|what)\b.{0,40}\b(harassment|discrimination|bullying|retaliation|misconduct|grievance|complaint)( reporting| complaint)? (procedure|process|policy|form|steps)\b/g,
  /\b(anti[- ]?)?(discrimination|harassment|diversity|inclusion) (commitments?|statement|pledge|initiatives?|efforts|goals|report)\b/g,
  /\bshooting stars?\b/g,
  /\b(steal\w*|stole|took) (my|the|our) (lunch|food|snacks?|stapler|pens?|chair|parking spot|seat|mug|yogurt)\b/g,
  /\bescalate (my|the|this|an|a) (it |support |helpdesk |help desk |service desk )?(ticket|request|case with it)\b/g,
  /\b(jury|juror|witness|summons|subpoena|traffic ticket|small claims)\b.*\bcourt\b|\bcourt\b.*\b(jury|juror|witness|summons|subpoena|traffic ticket)\b/g,
  /\b(steps|procedure|process|how) (for|to) report(ing)? (a |an )?(workplace )?(injury|accident|incident|hazard)\b/g,
  /\bdanger to my (diet|waistline|wallet|productivity|sanity)\b/g,
  /\b(fraud alerts?|(card|bank|credit card) (fraud )?alerts?)\b/g,
  /\b((is|are) legal counsel available|legal counsel (for|on) (business|contracts?|the deal|deals|vendor))\b/g,
  /\b(protected|protection|protect (me|us|employees)) (from|against) retaliation\b/g,
  /\b(are|is) (weapons?|guns?|firearms?|knives|pepper spray) (allowed|permitted|banned|prohibited|ok)\b/g,
  /\b(process|procedure|steps|how) (to|for|do i|do you) (file|submit|raise) (a )?grievance\b/g,
  /\b(is there|do you have|do we have) (a |an )?(chatbot|bot|ai assistant)\b/g,
  /\b(baseball|softball) bat\b|\bbat for the\b/g,
  /\b(lockout|lock-out)[ /-]?(tagout|tag-out)? (training|course|schedule|procedure document)\b/g,
  /\blegal (advice|help|services?|plan|assistance) (through|from|via|in|under|as part of|for (a|my) (lease|will|house|divorce|landlord|closing))\b/g,
  /\b(rooms?|space|resources?|support|help|programs?) for (panic attacks|stress|anxiety|burnout)\b/g,
  /\b(training|course|module|workshop|guidance) (on|about|for) (preventing|avoiding|stopping|handling) (retaliation|harassment|discrimination|bullying)\b|\bpreventing (retaliation|harassment|discrimination|bullying)\b/g,
  /\b(politica|politicas|politique|richtlinie\w*|capacitacion|formacion|formation|schulung\w*|curso|cours|kurs|norma|normas|regles?|reglas?|protocolo|procedimiento|procedure)\b.{0,25}\b(acoso|discrimin\w*|harcelement|belastigung|diskriminierung|mobbing|violencia|violence|gewalt|fraude|betrug|represalias?)\b/g,
  /\bhow (does|do|would|will) (the company|hr|we|you|our company) (handle|deal with|investigate|process|respond to) (discrimination|harassment|bullying|retaliation|misconduct|ethics) (complaints|reports|cases|concerns)\b/g,
  /\b(immigration|visa|green card|citizenship) (lawyer|attorney)s?\b|\b(lawyer|attorney)'?s? (letter|documents?|paperwork)\b.{0,30}\b(visa|immigration|green card|mortgage|lease|house|will)\b/g,
  /\bthreatened by (the |a |my |our )?(deadline|deadlines|workload|ai|automation|competition|competitors)\b/g,
  /\b(kill|killing|killed) (for|it|time)\b/g,
  /\b(this|the) (heat|cold|noise|commute|traffic|workload|deadline|meeting|queue) (is|was) (killing|murdering) (me|us)\b/g,
];
