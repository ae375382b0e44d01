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
      /\b((gas|heaters?|pipes?|chemicals?|fuel|acid|propane)\b.{0,30}\bleak(ing|s|ed)?|(fell|fallen|falling) (from|off|down) (a|the) (ladder|scaffold\w*|roof|platform|truck|forklift|stairs|loading dock)|(hurt|injured|broke|sprained|twisted|cut|burned|crushed|pulled|strained) my \w+ (\w+ing( \w+){0,3} )?(at work|on the job|on shift|on site|in the warehouse|at the plant|at the store|on the line|on the floor|at the site|in the kitchen|on the dock))\b/,
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
];
