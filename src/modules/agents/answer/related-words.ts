import { stem } from '../../nlp/stem.js';

/**
 * Everyday words and the words our articles use for them ("my dad died" → the sentence about a parent). They
 * choose the sentence inside an article, never the article: retrieval already learned them from the example
 * questions. English only; the glossary maps Spanish, French and German words to these English ones first.
 */
const RELATED: Record<string, string[]> = {
  dad: ['parent'],
  father: ['parent'],
  mom: ['parent'],
  mum: ['parent'],
  mother: ['parent'],
  stepdad: ['stepparent'],
  stepmom: ['stepparent'],
  grandma: ['grandparent'],
  grandmother: ['grandparent'],
  grandpa: ['grandparent'],
  grandfather: ['grandparent'],
  granddaughter: ['grandchild'],
  grandson: ['grandchild'],
  wife: ['spouse'],
  husband: ['spouse'],
  partner: ['spouse'],
  son: ['child'],
  daughter: ['child'],
  kid: ['child'],
  baby: ['child', 'birth'],
  brother: ['sibling'],
  sister: ['sibling'],
  friend: ['friend', 'colleague'],
  coworker: ['colleague'],
  boss: ['manager'],
  quit: ['resign', 'leave'],
  fired: ['terminated', 'ended'],
  money: ['pay', 'amount'],
  paycheck: ['pay'],
  salary: ['pay'],
  raise: ['increase'],
  often: ['every', 'weekly', 'monthly'],
  late: ['deadline', 'after'],
  due: ['deadline'],
  cost: ['price', 'premium', 'copay'],
  free: ['cost'],
  glasses: ['frames', 'lenses'],
  contacts: ['contact lenses'],
  braces: ['orthodontia'],
  phone: ['call'],
  number: ['call'],
  email: ['email'],
  sick: ['ill', 'illness'],
  doctor: ['medical', 'provider'],
  hurt: ['injury'],
  injured: ['injury'],
  died: ['death'],
  passed: ['death'],
  funeral: ['funeral'],
  locked: ['lockout'],
  forgot: ['forgot', 'reset'],
  // How employees say what a policy's own words say.
  trouble: ['disciplined', 'penalized', 'discipline'],
  punished: ['disciplined', 'penalized'],
  qualify: ['eligible', 'eligibility'],
  rollover: ['carry', 'carried'],
  roll: ['carry'],
  split: ['blocks', 'divide', 'split'],
  signing: ['sign-on'],
  laid: ['layoff', 'ended'],
  owe: ['repay', 'repayment'],
  refund: ['reimbursed', 'reimbursement'],
  cash: ['paid out', 'cashed'],
  allowed: ['permitted', 'may'],
  anonymous: ['without names', 'anonymous'],
  vacation: ['pto'],
  insurance: ['coverage'],
  laptop: ['device'],
  ssn: ['social security'],
};

export const RELATED_STEMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(RELATED).map(([word, related]) => [
    stem(word),
    related.flatMap((phrase) => phrase.split(' ')).map((word) => stem(word)),
  ]),
);

/** Stems that only ever appear as a counterpart: they add to a sentence's match, not to what must be matched. */
export const RELATED_ONLY: ReadonlySet<string> = new Set([...RELATED_STEMS.values()].flat());
