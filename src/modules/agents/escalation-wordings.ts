import type { EscalationKind } from './types.js';

/**
 * More cue families for the escalation triggers, found by probing with fresh descriptions that avoid
 * the textbook words (the probes are regression cases in test/agents/escalation-paraphrase.test.ts).
 */
export const MORE_TRIGGERS: readonly { kind: EscalationKind; label: string; pattern: RegExp }[] = [
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
      /\b(changing the receipts|discounts to (his|her|their) (friends|family)|(know|knew) (is|are|was|were|it'?s|they'?re) (false|fake|untrue|wrong|made up|inflated)|pressured (me |us )?(to|into) (approv\w*|sign\w*|fak\w*|falsif\w*|lie|lying|backdat\w*|chang\w* the (numbers|figures|records|books))|sign\w*\b.{0,25}\b(false|fake|untrue|backdated) (document|form|report|statement)s?|(can'?t|cannot|not allowed to|told not to|told me not to) (report|record|log|claim) more than \d+|(can'?t|cannot|not allowed to|aren'?t allowed to|told not to|told me not to|told us not to) (report|record|log|claim) (my |our |the )?(hours|overtime)(?![^.?!]{0,30}\b(because|since|app|portal|system|laptop|phone|computer|battery|down|broken|error|login|password|offline)\b)|sin pagarme|without (paying|pay) (me|us) (for|the)|unpaid (hours|overtime))\b/,
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
      /\b((or|otherwise) (i'?d|i would|i'?ll|i will|we'?d|we'?ll|we would) (be|get) (fired|let go|punished|written up)|keep (quiet|silent|my mouth shut|it quiet)|cover(ing)? (it|this|that) up|told (me|us) not to (report|tell|say)|(was|were|been|got|get) told not to (report|tell|say anything|mention)|(or|otherwise) (i'?d|i would|i'?ll|i will|we'?d|we'?ll|we would) lose (my|our) (job|jobs|bonus|bonuses|shifts?|hours|position))\b/,
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
      /\b((moving|transferring|putting|diverting|sending|moved|transferred) (company |the |client )?(money|funds|cash) (into|to) (their|his|her) (own|personal) (account|pocket|bank)|(making|make|made|forcing|force|forced|pressuring) (me|us|staff|people) (to )?(lie|falsify|fake|cheat|backdate)|(was|were|been|got|get|am|are|'re|'m) (told|asked|instructed|ordered|expected|pressured) to (backdat\w*|falsif\w*|fake|forge(?! ahead)|doctor|fudge|alter the (logs?|records?|numbers|dates|figures)))\b/,
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
      /\b((the )?n[- ]?word|(racial|racist|ethnic|homophobic|anti-?gay) (names|nicknames|insults?)|calls? me (a )?(monkey|terrorist|faggot|retard))\b|\b(paid|earn\w*|getting paid|make|making|get) (less|more) than (the |my |our )?(men|women|guys|girls|male|female|white|younger|older|straight)\b/,
  },
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b((mental health|emotional|personal|psychological) (crisis|emergency|breakdown)|having a (breakdown|crisis|nervous breakdown))\b/,
  },
  {
    // a job held over someone who complains: "if I mention the overtime again I can look for another job"
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b((if|when) (i|we|you|anyone|anybody|someone) (complain\w*|mention\w*|bring (it|this|that) up|report\w*|say anything|speak up|keep asking|ask (about it )?again|go to hr|talk to hr|tell hr|call the (union|labou?r board))\b.{0,60}\b(lose (my|our|your|their|the) jobs?|(be|get|gets|are|am) (fired|sacked|let go)|(look|looking) for (another|a new) job|out of a job|out the door|be replaced|done here)|(lose (my|our|your|their) jobs?|(be|get) (fired|sacked|let go)) if (i|we|you|anyone|anybody) (complain\w*|report\w*|say anything|speak up|go to hr|talk to hr|tell hr))\b/,
  },
  {
    // a group declared unfit, in German and French (English and Spanish are in escalation-lexicon.ts)
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(frauen|auslander|alte leute|altere|mutter|muslime|juden|schwule|femmes|etrangers|immigres|vieux|musulmans|juifs|meres) (gehoren nicht|haben (hier )?nichts|sind (nicht geeignet|zu (alt|langsam|schwach|emotional))|n'?ont (rien a faire|pas leur place)|ne (sont|peuvent) pas)\b/,
  },
  {
    // work demanded during protected leave
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b(forc\w*|pressur\w*|mak(e|es|ing)|made|expect\w*) (me|us|her|him) (to |into )?work\w* (while|during|on) (i'?m |i am |we'?re |she'?s |he'?s )?(on )?(my |her |his )?(medical|sick|maternity|paternity|parental|disability|bereavement) leave\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(there'?s|there is|there are|we have|we'?ve got) no (working )?(fire extinguishers?|smoke (detectors?|alarms?)|sprinklers?|fire exits?|emergency exits?|railings?|guard ?rails?|harness(es)?|fall protection)\b/,
  },
  {
    // the role went to someone of another group with a thinner record
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(a|the|some) (man|guy|woman|girl|younger (man|woman|guy|person|candidate|colleague)|white (man|guy|woman|candidate)) (with|who has|who had) (much |way )?less (experience|seniority|qualifications|tenure)\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b((ruin|destroy|wreck) (my|your|his|her|their) (reputation|career|life|name)|make (my|your|his|her|their) life (hell|miserable|a living hell))\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(retained (counsel|a lawyer|an attorney|a solicitor|legal representation)|my (solicitor|legal representative|legal representation)|employment (solicitor|tribunal)|labou?r court)\b/,
  },
  {
    // being made to alter someone else's paperwork: "my director asked me to change the dates on some invoices"
    // (being told to backdate or falsify is in the fraud family above)
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(asked|told|wants|want|pressur\w*|instruct\w*|ordered|makes?|made) (me|us|them|the team|everyone) (to )?(change|alter|edit|adjust|fudge) the (dates|amounts|numbers|figures|totals) on (the |some |these |those |our |his |her |their |all the |a few |several )?(\w+ )?(invoices?|receipts?|timesheets?|time sheets?|records|logs|reports|checks|cheques|contracts?|inspections?|checklists?|purchase orders?|deliver(y|ies) (notes|slips|receipts))\b/,
  },
  {
    // a pay gap along a protected line: "the women on our team get paid 15% less for the same title"
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b((women|woman|female|(black|hispanic|latino|latina|older|disabled|immigrant|foreign[- ]born) (employees?|workers?|staff|colleagues?|coworkers?|co-workers?|people|folks|guys|women|men|nurses|engineers|drivers|team members))( \w+){0,5} (get paid|are paid|paid|earn|make|making|earning)[^.?!]{0,20}\b(less|lower)\b|(men|male (colleagues?|coworkers?|co-workers?|employees?|peers|counterparts)|(white|younger) (colleagues?|coworkers?|co-workers?|employees?|guys|peers|counterparts))[^.?!]{0,25}\b(get paid|are paid|paid|earn|make|making|earning)[^.?!]{0,20}\bmore (than (me|us|the women)|for the same))/,
  },
  {
    // a structure giving way: "the scaffold on level 3 is wobbling"
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(scaffold\w*|racking|shelving|ladders?|railings?|handrails?|stairs|staircase|mezzanine|ceiling tiles?|beams?)\b[^.?!]{0,30}\b(wobbl\w*|unstable|leaning|collaps\w*|giving way|caving in|about to fall)\b/,
  },
  {
    // "before I go through with my plan" (but not "my plan to retire")
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern: /\b(go|going|went) through with my plan\b(?! (to|for|of|about))/,
  },
  {
    // personal spending passed off as business by someone: "booking personal vacations as client trips"
    // (not "can I expense my own meals as business meals", a policy question)
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /(?<!\b(can|may|could|should|do|shall|am|are|would) (i|we|you) (still |also )?)\b(book\w*|pass\w* off|putting|puts|put|expens\w*|claim\w*|bill\w*|charg\w*|submit\w*|list\w*) (his |her |their )?(personal|family|private) (vacations?|trips?|holidays?|travel|flights?|meals?|dinners?|purchases?|expenses?|shopping|renovations?) (as|through as|under) (client|business|work|company|customer|sales|work-related)\b/,
  },
];
