import type { EscalationKind } from './types.js';

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
      /\b(my (accent|disability|age|race|religion|faith|pregnancy|gender|sexuality|skin|ethnicity|nationality|hijab|turban|culture|medical condition|diagnosis|hearing|wheelchair|handicap|stutter|speech impediment|limp|autism|adhd|dyslexia|scars?)|(younger|older) (person|guy|woman|man|girl|candidate|employee|worker|colleague)|pregnan\w*|because i'?m (the only )?(a )?(\w+ )?(woman|black|gay|old|muslim|jewish|disabled|foreign|immigrant)|eid|diwali|ramadan|hanukkah|yom kippur|lunar new year|passover|sabbath|(came|come|coming|got|get|returned|returning)( back)? from (maternity|paternity|parental|medical|disability) leave|mon handicap|i (use|am in|'?m in) a (wheelchair|walker)|i use a (cane|hearing aid|screen reader)|i'?m (deaf|blind|hard of hearing)|i'?m (gay|lesbian|trans|transgender|bisexual|queer|muslim|jewish|pregnant|disabled|autistic))\b/,
      /\b(moved|left out|excluded|passed over|passed (me|him|her|us) over|fired|let go|demoted|denied|den(y|ies|ying)|gave (my|the) (job|role|position|promotion)|replaced|cut|uncomfortable|treated|comments?|jokes?|mock\w*|laugh\w*|removed|taken off|refused|ignored|not allowed|won'?t let|overlooked|skipped|reject\w*|no (real )?work|sidelined|stripped|taken away|took me off|pulled me off|removed me|targeted|picked on|singled out|se moque)\b/,
    ],
  },
  {
    kind: 'retaliation',
    label: 'retaliation',
    all: [
      /\b(i (reported|complained|raised|filed|flagged|spoke up|went to hr|told hr|blew the whistle|testified)|after (my|the) (report|complaint|grievance)|(after|since) i (asked|requested|applied) for (a |an |my )?(disability |medical |religious |reasonable )?(accommodation|fmla|medical leave|protected leave|my overtime|overtime pay)|nach meiner beschwerde)\b/,
      /\b(written up|write[- ]ups?|moved|cut|worse|excluded|demoted|fired|punish\w*|targeted|singled out|bad (shifts?|reviews?|ratings?)|hours (cut|reduced)|retaliat\w*|payback|threaten\w*|ignored|won'?t (talk|speak) to me|silent treatment|freez\w* me out|cold shoulder|strafversetzt|versetzt|pushed out|forced out|pushing me out|squeezed out|pushed me out)\b/,
    ],
  },
  {
    kind: 'human',
    label: 'an explicit request to speak with a person',
    all: [
      // "a broken machine" is equipment; only the assistant as a machine counts
      /\b(bot|chatbot|robot|automated|ai|(talk\w* to|chatting with|you'?re|you are|answering|answered by) (a |an |some )?machine)\b/,
      /\b(refuse|don'?t want|do not want|not|no more|stop|enough|human|person|real)\b/,
    ],
  },
  {
    // a payee nobody can vouch for: "a vendor with no address gets paid every month and nobody knows who it is"
    kind: 'fraud',
    label: 'fraud or whistleblowing',
    all: [
      /\b(vendors?|suppliers?|contractors?|payees?|shell compan(y|ies)|someone on (the )?payroll|names? on (the )?payroll)\b/,
      /\b(gets paid|get paid|is paid|are paid|being paid|paid out|invoic\w*)\b/,
      /\b(no (address|phone number|tax id|contact details)|(nobody|no one|no-one) (knows|has (ever )?(met|seen|heard of))|(doesn'?t|don'?t) (seem to )?exist|never (met|seen|heard of) (them|him|her|it))\b/,
    ],
  },
];
