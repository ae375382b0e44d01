/** More innocent uses: legal services, photo shoots, prevention trainings, idiomatic "threatened". */
export const EXTRA_INNOCENT_PHRASES: readonly RegExp[] = [
  /\b(lawyer|attorney)s? (for|to help with) (a |my |the )?(house|home|closing|will|estate|divorce|immigration|visa|adoption|mortgage|purchase)\b/g,
  /\b(cover|covers|covered|pay for|pays for|reimburse|reimburses|discount on|access to) (a |an |the )?(lawyer|attorney|legal (plan|services|advice))\b/g,
  /\bshoot (a |an |the |me |you )?(quick )?(video|photo|photos|picture|email|e-mail|message|note|text|line|question|reply|scene|headshot|demo)s?\b/g,
  /\b(suicide|self[- ]harm|mental health|crisis|overdose) (prevention|awareness|training|course|module|first aid|resources|hotline information|webinar)\b/g,
  /\bshoot(ing)? (schedule|day|script|footage|location|for the (video|campaign|brochure|website))\b/g,
  /\b((kitchen|cake|bread|butter|steak|pocket|utility) knife|knife (for|to cut) (the |a |our )?(\w+ )?(cake|bread|fruit|pizza|lunch|sandwich|cheese))\b/g,
  /\b(process|procedure|steps|what (do|should) i do|what should (a|the) (manager|supervisor|lead) do|how (do|should) i (handle|respond))\b.{0,20}\b(if|when) (someone|an employee|a team member|one of my reports|my report|a coworker|a colleague) (reports|raises|tells me about|complains about|brings up)\b.{0,20}\b(harassment|discrimination|bullying|retaliation|misconduct)\b/g,
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
  /\b(who'?s|who is|which|is there an?) (the |our |an? )?hr (person|contact|rep|representative|generalist|partner) (for|on|at|covering)\b/g,
  /\b((file|submit|raise|make) (a )?)?(complaint|dispute|issue) (about|with|on) (my |a |the )?(pay|paycheck|pay ?stub|payslip|check|expenses?|reimbursement|timesheet|hours|bonus)( being (wrong|late|short))?\b/g,
  /\b(angry|mad|annoyed|frustrated|upset) (at|with) myself\b/g,
  // business pressure from outside the company, not menace: "the client threatened to cancel the contract"
  /\b(clients?|customers?|vendors?|suppliers?|(big|biggest|key|largest) accounts?|competitors?|partners?|distributors?|buyers?|landlord|the bank)\b[^.?!,]{0,30}\bthreaten\w* (to )?(cancel|leave|move|switch|pull (out|the)|end (the|our) (contract|deal|partnership)|terminate (the|our) (contract|deal)|drop (us|our)|take (their|its|his|her) business|go (to|with) (a |the |our )?competitor|raise (the |their |its )?(prices?|rates?|rent)|increase (the |their |its )?(prices?|rates?|rent)|stop (buying|ordering|working with us)|walk away)\b/g,
  /\b(storm|weather|rain|snow|hurricane|flood)s? (is |are |was )?threaten\w*\b/g,
  // reading about how a process works: "is there an FAQ about how harassment investigations work"
  /\b(faq|guide|overview|explainer|article|slides?|presentation|deck|summary|flowchart|information|info) (about|on|for|explaining|covering|of) (how )?(the |our |a )?(sexual )?(harassment|discrimination|bullying|retaliation|misconduct|grievance|ethics|whistleblowing|fraud)( complaints?| investigations?| cases?| reports?)?( process| procedure)?( works?| are handled)?\b|\bhow (sexual )?(harassment|discrimination|bullying|retaliation|misconduct|grievance|ethics) (complaints?|investigations?|cases?|reports?) (work|are (handled|investigated|processed))\b/g,
  // one's own request to change one's hours: "can I change my hours for a few weeks"
  /\b(can i|could i|may i|how (do|can|should) i|i'?d like to|i would like to|i want to|i need to|should i|can we|how do we|i'?m trying to) (change|edit|adjust|update|correct|fix|reduce) (my|our) (own )?(hours|time|timesheets?|time sheets?|punches|clock[- ]ins?|timecards?)\b/g,
  // a benefit that includes legal advice: "does the EAP offer legal advice?"
  /\b(offer|offers|offered|cover|covers|covered|include|includes|included|provide|provides|give|gives|is there|are there|any) (free |discounted |some )?legal (advice|help|services?|assistance)\b|\blegal (advice|help|assistance) (benefit|perk|line|hotline|program)\b/g,
  // a private lawsuit against someone outside work: "suing my landlord", "my neighbor is taking me to court"
  /\b(su(e|ing)|sued|take|taking|took) (my|our|a|the) (former |old |ex[- ])?(landlord|neighbou?r|tenant|contractor|builder|insurer|insurance( company)?|car dealer(ship)?|dealership|airline|mechanic|ex|ex-wife|ex-husband)\b( to court)?|\bmy (former |old )?(landlord|neighbou?r|tenant|contractor|builder|ex|ex-wife|ex-husband) (is )?(suing|sued|taking me to court|took me to court)\b/g,
  // one's own legal matters outside work: "my divorce attorney needs pay stubs", "a custody hearing"
  /\bmy (divorce|custody|family|estate|probate|immigration|visa|bankruptcy|real estate|housing|tenancy|closing|landlord case) (attorney|lawyer|case|hearing|court date)s?\b|\b(custody|divorce|probate|family|traffic|small claims|housing|eviction|adoption) (court|hearing|case)s?\b|\bcourt (hearing|date|appearance)s? (for|about|over|in) (my |our )?(custody|divorce|kids|children|child support|son|daughter|traffic|ticket|eviction|lease|adoption|name change)\b/g,
  // a worry about one's own rating: "is that bombed demo going to hurt my review?"
  /\b(hurt|hurts|hurting|ding|dings) (my|our|the team'?s?) (rating|review|score|chances|evaluation|performance review|promotion|bonus|raise|numbers|metrics|attendance record)\b/g,
  // asking what to do about a hazard one might see: "what do I do if I witness something unsafe?"
  /\b(what (do|should|would) i do|what'?s the (procedure|process|protocol)|how (do|should|would) i (report|handle|flag))\b.{0,20}\b(if|when) i (see|saw|witness|notice|spot|find|come across)\b.{0,30}\b(unsafe|hazard\w*|danger\w*)\b/g,
  // injuries and mishaps away from work or to family: "broke my wrist skiing", "my son got hurt at school"
  /\b(broke|broken|sprained|twisted|hurt|injured|fractured) (my|his|her) \w+ (while )?(skiing|snowboarding|at home|on vacation|on holiday|over the weekend|this weekend|at the gym|jogging|hiking|biking|cycling|in a car accident|at soccer|at football)\b|\bmy (son|daughter|kid|kids|child|children|husband|wife|partner|mom|mother|dad|father|baby|spouse|boyfriend|girlfriend) (got|was|is|has been) (hurt|injured|sick|in an accident)\b(?! by| at work| on the job| on shift| at the (office|plant|warehouse|store|site|company))|\b(no one|nobody|noone) (was|got|is) (hurt|injured)\b/g,
  // playful or weather "threats": "threatened to make us sing at the party", "a threat of ice tomorrow"
  /\bthreaten\w* to make (us|me|everyone|the team)( all)? (sing|dance|do karaoke|dress up|bake|give a speech)\b|\b(threat|risk|chance) of (ice|snow|rain|storms?|flooding|frost|thunder\w*|hail|a blizzard)\b/g,
  // one's own things stolen outside work, asked as a how-to
  /\b(stolen|stole|robbed|robaron|me robaron|vole|gestohlen|broke into|broken into)\b[^.?!]{0,30}\b(metro|subway|bus|train|tram|my car|the car|coche|carro|auto|voiture|street|calle|rue|my house|my home|casa|maison|wohnung|apartment|gym)\b/g,
  // the union representative as a routine presence: "is the union rep allowed to join my review meeting"
  /\bunion rep\w* (be |to )?(allowed|present|join|joining|attend|attending|come|sit in|there)\b/g,
  // reading a procedure: "a copy of the grievance procedure"
  /\b(copy of|read|see|find|look at|link to|send me) (the |our )?(grievance|complaints?|harassment|discrimination|retaliation|whistleblow\w*) (procedure|process|policy|form)\b/g,
  // other organisations' lawsuits: "our competitor is suing another company"
  /\b(competitors?|another company|other compan(y|ies)|a vendor|the vendor|a client|the client|a supplier|some company)\b[^.?!]{0,20}\b(is |are |was |were )?(suing|sued|being sued)\b/g,
  // learning the concepts as a manager: "what is considered retaliation, for my manager training"
  /\bwhat (is|counts as|'?s) (considered |legally )?(retaliation|harassment|discrimination|bullying|a hostile work environment)\b[^.?!]{0,40}\b(training|homework|course|class|module|certification|exam|quiz|slides|presentation)\b|\b(discrimination|harassment|bias|inclusion|diversity)( and (bias|inclusion|diversity|harassment|discrimination))? (workshop|training|course|module|webinar|class|seminar|session)s?\b/g,
  // frustration with a tool, not despair: "at the end of my rope with the scheduling app"
  /\bend of my (rope|tether) with (the|this|our|that) (\w+ )?(app|system|portal|software|printer|laptop|computer|scheduling|schedule|tool|process|paperwork|commute|project|workload|form|website|site|expense)s?\b/g,
  // a business threat in Spanish, French or German: "un client menace de résilier le contrat"
  /\b(cliente?s?|clients?|proveedor\w*|fournisseur\w*|kunden?|lieferant\w*)\b[^.?!]{0,20}\b(amenazo|amenaza|amenazan|menace|menacent|menacait|droht|drohte|drohen) (con |de |mit )?(irse|cancelar|rescindir|resilier|partir|quitter|la competencia|kundigen|der kundigung|abzuspringen)\b/g,
  // asking how to report an accident, in Spanish
  /\bcomo (reporto|reportar|informo|informar|notifico|notificar|registro|registrar) un (accidente|incidente)\b/g,
  // a virus or malware "attack" on a computer
  /\battacked by (a |the |some )?(virus|malware|ransomware|hackers?|bots?|spam)\b|\b(virus|malware|ransomware|cyber) attack\b/g,
  // changing one's own schedule: "do I talk to my manager or HR about changing my hours"
  /\b(about|for|regarding|re) (changing|adjusting|reducing|switching|swapping) my (hours|schedule|shifts?|days)\b/g,
  // a lawyer or court in a personal matter, in any of the languages: "mon avocat pour le divorce"
  /\b(lawyer|attorney|abogad[oa]|avocat\w*|anwalt\w*|anwaltin|tribunal|court|juzgado|gericht)( \w+){0,3} (divorce|divorcio|scheidung|custody|garde|sorgerecht|immigration|inmigracion|visa|visum|estate|probate|herencia|succession|erbschaft|landlord|lease|closing|mortgage|adoption)\b|\b(divorce|divorcio|scheidung|custody|immigration|inmigracion|estate|adoption)( \w+){0,1} (lawyer|attorney|abogad[oa]|avocat\w*|anwalt\w*)\b/g,
];
