import { isEnglishWord } from './english-words.js';

/**
 * Edit-distance-1 correction with a symmetric-delete index (the SymSpell idea): every known word is
 * indexed under each of its one-letter deletions, so a lookup is a handful of map reads.
 */
export class Speller {
  private readonly known = new Map<string, number>();
  private readonly deletions = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    if (word.length < 4 || /\d/.test(word)) return;
    const frequency = (this.known.get(word) ?? 0) + 1;
    this.known.set(word, frequency);
    for (const variant of deletionsOf(word)) {
      const current = this.deletions.get(variant);
      if (current === undefined || (this.known.get(current) ?? 0) < frequency)
        this.deletions.set(variant, word);
    }
  }

  /** The word itself when known or too short; otherwise the closest known word one edit away, if any. */
  correct(word: string): string {
    if (word.length < 5 || this.known.has(word) || /\d/.test(word) || isEnglishWord(word)) return word;
    const direct = this.deletions.get(word); // a letter was inserted by mistake
    if (direct !== undefined && direct[0] === word[0]) return direct;
    let best: string | undefined;
    for (const variant of deletionsOf(word)) {
      // a letter was dropped (variant is known) or substituted/transposed (both share a deletion)
      const candidate = this.known.has(variant) ? variant : this.deletions.get(variant);
      if (
        candidate !== undefined &&
        withinOneEdit(word, candidate) &&
        (best === undefined || (this.known.get(candidate) ?? 0) > (this.known.get(best) ?? 0))
      )
        best = candidate;
    }
    // Typos seldom hit the first letter, while real words one edit away from a known word often
    // differ there ("design" is not a misspelt "resign").
    return best !== undefined && best[0] === word[0] ? best : word;
  }
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Two words sharing a one-letter deletion can still be two edits apart ("promo" and "proof" both give
 * "proo"): accept only one insertion, deletion, substitution or swap of neighbours.
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
