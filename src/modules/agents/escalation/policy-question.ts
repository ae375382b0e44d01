/**
 * A question about a policy, a process or a definition that names a subject ("what is the harassment
 * policy?", "how do I report fraud?") asks for information; it reports nothing. A message that tells of an
 * event or a person ("he keeps…", "I was…", "my manager…") is a report however it is phrased.
 */
const ASKS: readonly RegExp[] = [
  /^\W*(what|where|how|is|are|does|do|can|could|who|when|which|should|may|would|will|quick question|question)\b|\b(policy|policies|procedure|process|handbook|guidelines?|code of conduct|training|course|module|faq|form|definition|what counts as|considered|covered)\b/,
  /^\W*(como|donde|que|cual|cuales|hay|puedo|quien|a quien|existe)\b|\b(politica|procedimiento|protocolo|reglamento)\b/,
  // A French question often puts its subject after the verb ("la ligne garde-t-elle…", "doit-on…").
  /^\W*(comment|ou|que|quel|quelle|quels|est-ce|y a-t-il|puis-je|suis-je|qui|a qui)\b|\b(politique|procedure|reglement|charte)\b|\w-t-(il|elle|on)\b|\b(peu[tx]|peuvent|doi[st]|doivent|faut|est|sont|ai|puis|existe|suis|avons|avez|faudrait|pourrai[st]|devrai[st])-(je|il|elle|on|nous|vous|ils|elles)\b/,
  /^\W*(wie|wo|was|welche|welcher|gibt es|kann ich|bin ich|wer|an wen)\b|\b(richtlinie|verfahren|regelung|betriebsvereinbarung)\b/,
];

const TELLS_OF_AN_EVENT: readonly RegExp[] = [
  /\b(i was|i am being|i'?m being|i got|i have been|i'?ve been|happened|happening|keeps?|kept|again|every (day|shift|week|time)|me|my (manager|boss|supervisor|lead|coworker|co-worker|colleague|team|director|shift|store|site)|he|she|they|him|her|them|someone|somebody|yesterday|today|last (week|night|month))\b/,
  /\b(mi (jefe|jefa|supervisor|supervisora|companero|companera|gerente|encargado)|ayer|hoy|siempre|todos los dias|me (esta|estan|han|ha))\b/,
  /\b(m'a|m'ont|mon (chef|responsable|collegue|manager|superieur)|ma (cheffe|collegue|responsable)|hier|aujourd'?hui|tous les jours|je suis (harcele|discrimine))\b/,
  /\b(mein (chef|kollege|vorgesetzter|teamleiter)|meine (chefin|kollegin|vorgesetzte)|gestern|heute|jeden tag|hat mich|werde ich)\b/,
];

/** "If someone did…", "hypothetically": the people in a hypothetical question are not an event. */
const HYPOTHETICAL =
  /\b(hypothetical\w*|what happens (if|when|after)|if (someone|somebody|a (coworker|colleague|manager|employee|team member)|an employee|i (saw|see|ever|noticed?|witness\w*)))\b/;

/** Whether a question is about rules or reporting in general, with no event or person in it. */
export function isPolicyQuestion(folded: string): boolean {
  if (!ASKS.some((pattern) => pattern.test(folded))) return false;
  return HYPOTHETICAL.test(folded) || !TELLS_OF_AN_EVENT.some((pattern) => pattern.test(folded));
}
