/** Longest excerpt of one question kept in a summary; the whole text stays in the transcript. */
const EXCERPT_CHARS = 160;

/** Collapses whitespace and cuts at a word boundary so an excerpt never ends mid-word. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * An extractive summary for the person taking over: what the employee first asked and, when the conversation
 * went on, what they asked last — the two turns that best say what it is about and where it stands.
 */
export function summarizeQuestions(questions: string[]): string {
  const asked = questions.map((q) => q.trim()).filter((q) => q.length > 0);
  const first = asked[0];
  if (first === undefined) return 'No question recorded.';
  const last = asked[asked.length - 1] ?? first;
  if (asked.length === 1) return `Asked: "${excerpt(first)}"`;
  return `First asked: "${excerpt(first)}" — latest (question ${asked.length}): "${excerpt(last)}"`;
}
