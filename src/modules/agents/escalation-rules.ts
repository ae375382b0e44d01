import { COMBINED_TRIGGERS } from './escalation-combined.js';
import { EXTRA_INNOCENT_PHRASES } from './escalation-innocent.js';
import { EXTRA_TRIGGERS } from './escalation-lexicon.js';
import { MORE_TRIGGERS } from './escalation-wordings.js';
import type { EscalationKind } from './types.js';

/**
 * Topic words used innocently: training names, policy names, forms and idioms. They are removed
 * before the triggers run, so "do contractors take the harassment-prevention course too?" stays a question
 * while "I'm being harassed, what does the harassment policy say?" still escalates on "harassed".
 */
const INNOCENT_PHRASES: readonly RegExp[] = [
  /\b(anti[- ]?)?(sexual )?(harassment|discrimination|bullying|retaliation|fraud|violence|safety|ethics|whistle-?blower|whistleblowing|security|phishing|compliance)( (and|&|\/) (harassment|discrimination|bullying|retaliation|fraud|ethics))?[- ](prevention|awareness|training|course|module|modules|policy|policies|webinar|workshop|certification|video|quiz|refresher|poster|posters|hotline number|committee|officer|glasses|shoes|boots|vest|gear|equipment|inspection|drill|week|month|form|forms|guidelines|handbook|section|program|programme|class|session)s?\b/g,
  /\b(training|course|module|policy|policies|webinar|workshop|handbook|section) (on|about|for|against|covering) (sexual )?(harassment|discrimination|bullying|retaliation|fraud|workplace violence|safety)\b/g,
  /\b(report|reporting|submit|file) (a )?(safety )?(hazard|near[- ]miss) (form|report)\b/g,
  /\blegal (name|first name|last name|surname|holiday|holidays|department|team|entity|address|guardian|status|requirement|requirements|age|counsel review)\b/g,
  /\b(killed it|killing it|kill it|crushed it|nailed it|murdered it|smashed it|slayed it)\b/g,
  /\b(deadline|commute|traffic|workload|meeting|heat|this cold|my back|my feet)s? (is|are) killing me\b/g,
  /\b(dying to|to die for|dead ?line|dead tired|deadlines?)\b/g,
  /\bfire (drill|alarm test|extinguisher training|warden)\b/g,
  /\b(target|attack) (date|plan|goals?)\b/g,
  /\b(sue|suzanne|susan) (from|in|at|on) (payroll|hr|benefits|recruiting|the)\b/g,
  /\b(how (do|can|would|should) (i|we|you)|where (do|can) (i|we)|who do i) (report|file|submit|raise) (a |an )?(safety )?(concern|hazard|near miss|ethics concern|compliance concern)\b/g,
  /\b(is|are|does|do|what counts as|what is|what's|whats|definition of) (sexual )?(bullying|harassment|discrimination|retaliation|workplace violence|fraud)( count| considered)? ?(covered|included|defined|mentioned|addressed|allowed|tolerated|handled|in the|under|by)?\b/g,
  /\b(policy|policies|rules?|guidelines?) (on|about|for|regarding|against) (weapons?|firearms?|guns?|violence|drugs|alcohol|threats)\b/g,
  /\b((identity|credit card|debit card|card|bank|account) (fraud|theft)|fraud (on|with|alert on|alert for) (my|the|our) (old |new )?(card|bank|account|credit card))\b/g,
  /\b(are|is) (you|this|it) (a )?(real|actual|live)? ?(person|human|bot|robot|ai)\b/g,
  /\b(formation|formacion|schulung) (sur le |sobre el |zum |zur )?(harcelement|acoso|belastigung)\b/g,
];

interface Trigger {
  kind: EscalationKind;
  label: string;
  pattern: RegExp;
}

/** Subjects a person must handle. Patterns run on accent-folded lower-case text. */
const TRIGGERS: readonly Trigger[] = [
  {
    kind: 'crisis',
    label: 'possible self-harm or personal crisis',
    pattern:
      /\b(suicid\w*|kill(ing)? myself|end (my life|it all)|ending (my life|it all)|(thinking|thought) (about|of) ending|(don'?t|do not|can'?t) see the point (in|of) (anything|living|life|going on)|no point (in )?living|take my (own )?life|want(ed)? to die|wish i (was|were) dead|don'?t want to (live|be alive|be here anymore)|self[- ]?harm\w*|hurt(ing)? myself|cutting myself|no reason to live|better off dead|can'?t go on|mental breakdown|breaking down|panic attacks?|in crisis|quitarme la vida|no quiero vivir|me suicider|envie de mourir|selbstmord|suizid\w*|mich umbringen|nicht mehr leben)\b/,
  },
  {
    kind: 'safety',
    label: 'threat of violence or a workplace safety danger',
    pattern:
      /\b(threaten\w*|threat(s)? (of|to|against)|death threats?|weapons?|gun|guns|knife|knives|shoot\w*|stab(bed|bing|bings|s)?|bomb|violen\w*|assault\w*|attacked|punched|hit me|shoved|pushed me|kill (you|him|her|them|everyone|everybody|somebody|someone|my (boss|manager|supervisor|coworker|co-worker|colleague|team))|going to hurt|hurt (someone|somebody|people)|unsafe|dangerous|danger|gas leak|(smells?|smelling|smell of) (like )?gas|gas smell|exposed wires?|blocked (fire |emergency )?exits?|exits?\b.{0,40}\b(blocked|locked|chained|padlocked)|(would|will|gonna|going to) (take care of|deal with|come after|get) (me|you)|if i (report|tell on|say anything about) (him|her|them)|watch (your|my) back|you'?ll regret|asbestos|toxic|fumes|injur\w*|got hurt|was hurt|accident at work|collapsed|amenaz\w*|violencia|peligro|menace\w*|dangereux|bedroh\w*|gewalt|gefahrlich|gefahr)\b/,
  },
  {
    kind: 'harassment',
    label: 'harassment',
    pattern:
      /\b(harass\w*|sexual(ly)? (advances?|comments?|jokes?|assault\w*|misconduct)|unwanted (advances?|touch\w*|comments?|attention|contact)|inappropriate(ly)? (touch\w*|comments?|messages?|photos?|pictures?|jokes?|remarks?|advances?)|touch(ed|es|ing)? me|touch(ed|es|ing)? my (back|hair|leg|legs|body|shoulders?|waist|arm|arms|face|neck|thigh)|comments? about my (body|outfits?|clothes|looks|appearance|figure|weight|chest|legs)|(keeps?|kept) asking me out|asking me out.{0,40}(said no|told (him|her) no)|makes? me (really |very |so )?uncomfortable|groped?|grop\w*|stalk\w*|creep(y|ing)|hostile work environment|acos\w*|hostigamiento|harcel\w*|belastig\w*)\b/,
  },
  {
    kind: 'discrimination',
    label: 'discrimination',
    pattern:
      /\b(discriminat\w*|racis\w*|racial (slurs?|comments?|jokes?)|slurs?|sexis\w*|ageis\w*|homophob\w*|transphob\w*|because (i'?m|i am|of my) (pregnant|pregnancy|black|gay|lesbian|trans|a woman|female|muslim|jewish|disabled|disability|age|race|religion|gender|accent|skin)|(treated|paid) (differently|less) because|(paid|earning|earn|getting paid) less than (my )?(male|female|white|younger|older) (colleagues|coworkers|peers)|jokes? about my (accent|race|religion|skin|hair|age|weight|disability|gender|sexuality|ethnicity|culture|nationality)|people like me|(since|after) (i|i've) (announced|told (them|him|her|my manager|my boss) about|disclosed|shared) (my )?(pregnancy|being pregnant|disability|diagnosis|condition)|asked (me )?(if|whether|about) (i|i'm|i am|i was) (planning to have|pregnant|married|going to have) ?(kids|children|a baby)?|(because of|due to) my (race|age|gender|religion|origin|ethnicity|nationality|disability|pregnancy|sexuality|skin color)|(wanted|want|looking for) (someone|somebody) (younger|older)|discrimin\w*|diskrimin\w*|a cause de (ma|mon|mes) (religion|origine|couleur|age|sexe|handicap|accent|nationalite|grossesse)|(por|debido a) (mi|mis) (origen|religion|raza|edad|genero|sexo|color|acento|nacionalidad|embarazo|discapacidad)|wegen (meiner|meines) (religion|herkunft|hautfarbe|alters|geschlechts|behinderung|schwangerschaft|akzents))\b/,
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    pattern:
      /\b(retaliat\w*|punish(ed|ing)? (me )?for (reporting|complaining|speaking up|raising)|(fired|demoted|written up|cut my hours) (me )?(for|after) (reporting|complaining|speaking up|filing)|since i (reported|complained|filed)|(after|since) i (reported|complained|spoke up|filed|raised)\b.{0,60}\b(moved|shifts?|demoted|fired|cut|punish\w*|write up|written up|excluded|payback|schedule)|payback|hinting i should (quit|leave)|forcing me out|pushing me out|trying to get rid of me|constructive dismissal|represali\w*|represaille\w*|vergeltung|racheakt)\b/,
  },
  {
    kind: 'bullying',
    label: 'bullying or intimidation',
    pattern:
      /\b(bull(y|ies|ied|ying)|intimidat\w*|humiliat\w*|(yell|yells|yelled|yelling|scream|screams|screamed|screaming|shout|shouts|shouted|shouting|swear|swears|swore|cursing|curses) at (me|us|my team|people)|belittl\w*|berat\w*|mobbing|mobbed|gaslight\w*|ridicul(es|ed|ing) me|insult(s|ed|ing)? me|intimid\w*)\b/,
  },
  {
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    pattern:
      /\b(fraud\w*|embezzl\w*|kickbacks?|brib\w*|whistle ?-?blow\w*|cooking the books|cook the books|falsif\w*|fake (invoices?|receipts?|expenses?|timesheets?)|padding (expenses|hours|timesheets)|stealing|stole|steals|theft|taking (cash|money) from|(changing|fixing|altering|doctoring) the books|skimming|insider trading|money laundering|launder\w*|misappropriat\w*|fraude|soborno|malversacion|detournement|betrug\w*|unterschlag\w*|bestechung)\b/,
  },
  {
    kind: 'legal',
    label: 'a legal threat or legal action',
    pattern:
      /\b(lawyers?|attorneys?|lawsuit|law suit|legal action|legal counsel|(will|gonna|going to|could|can i|should i|plan to|planning to|thinking (of|about)|considering|might|i'?ll|to) sue|sue (you|u|the company|them|this company|for|over|my)|suing|sued|take (you|you guys|them|this|the company|it) to court|court case|class action|eeoc|labou?r board|department of labou?r|dol complaint|osha complaint|file (a )?(complaint|charge|lawsuit) (against|with the (eeoc|state|labor))|wrongful(ly)? (termination|dismissal|terminated|fired)|illegal|against the law|is (that|this) (even )?legal|abogad[oa]s?|demandar\w*|demanda (legal|judicial|contra)|denuncia\w*|tribunal|avocats?|poursuiv\w*|prud'?hom\w*|proces|anwalt|anwaltin|verklag\w*|klage|gericht)\b/,
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    pattern:
      /\b((talk|speak|chat|meet) (to|with) (a |an |some |one |the )?(real |actual |live |human )?(human|person|people|someone|somebody|hr (person|rep|representative|manager|partner|business partner|generalist|staff|team member)|representative|rep|agent|specialist|manager in hr)|(want|need|like|get me|give me|connect me (to|with)|transfer me to|put me through to) (a |an |to a |to an )?(real |actual |live )?(human|person|human being|real person)|human (agent|please)|not a (bot|robot|machine)|stop (the )?bot|escalate (this|my|it)|hablar con (una persona|alguien|un humano|un agente|recursos humanos)|parler (a|avec) (une personne|quelqu'?un|un humain|un conseiller)|(mit )?(einem menschen|einer person|jemandem) (sprechen|reden)|echten menschen)\b/,
  },
];

const ALL_TRIGGERS = [...TRIGGERS, ...EXTRA_TRIGGERS, ...MORE_TRIGGERS];
/** The subjects a person must handle, most urgent first (also the concern model's classes). */
export const URGENCY: readonly EscalationKind[] = [
  'crisis',
  'safety',
  'harassment',
  'discrimination',
  'retaliation',
  'bullying',
  'fraud',
  'legal',
  'human',
];

/** Plain-text names of the subjects, for escalation reasons. */
export const CONCERN_LABELS: Record<EscalationKind, string> = {
  crisis: 'possible self-harm or personal crisis',
  safety: 'threat of violence or a workplace safety danger',
  harassment: 'harassment',
  discrimination: 'discrimination',
  retaliation: 'retaliation',
  bullying: 'bullying or intimidation',
  fraud: 'fraud or whistleblowing',
  legal: 'a legal threat or legal action',
  human: 'an explicit request to speak with a person',
  anger: 'an angry employee',
  priority: 'a high priority',
  repeat: 'a repeated question',
};

/** Removes innocent uses of alarming words so the triggers only see the rest. */
export function stripInnocentPhrases(folded: string): string {
  let text = folded;
  for (const pattern of EXTRA_INNOCENT_PHRASES) text = text.replace(pattern, ' ');
  for (const pattern of INNOCENT_PHRASES) text = text.replace(pattern, ' ');
  return text;
}

export interface TriggerMatch {
  kind: EscalationKind;
  label: string;
  matched: string;
}

/** Every sensitive subject the message raises, most urgent first. */
export function findTriggers(folded: string, alreadyStripped = false): TriggerMatch[] {
  const text = alreadyStripped ? folded : stripInnocentPhrases(folded);
  const matches: TriggerMatch[] = [];
  for (const trigger of ALL_TRIGGERS) {
    if (matches.some((found) => found.kind === trigger.kind)) continue;
    const match = trigger.pattern.exec(text);
    if (match) matches.push({ kind: trigger.kind, label: trigger.label, matched: match[0] });
  }
  for (const combined of COMBINED_TRIGGERS) {
    if (matches.some((found) => found.kind === combined.kind)) continue;
    const parts = combined.all.map((pattern) => pattern.exec(text));
    if (parts.every((part) => part !== null))
      matches.push({
        kind: combined.kind,
        label: combined.label,
        matched: parts.map((part) => part![0]).join(' … '),
      });
  }
  matches.sort((a, b) => URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind));
  return matches;
}
