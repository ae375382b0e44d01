import { isEnglishWord } from './english-words.js';

/**
 * Edit-distance-1 correction with a symmetric-delete index (the SymSpell idea): every known word is
 * indexed under each of its one-letter deletions, so a lookup is a handful of map reads.
 */
/** Known words seen this often are trusted as spelled; rarer ones yield to a neighbour this much more frequent. */
const RARE = 2;
const DOMINANCE = 5;

export interface SpellerSnapshot {
  /** The known words in the order first seen, newline-joined, and how often each was seen. */
  words: string;
  frequencies: number[];
}

export class Speller {
  private readonly known: Map<string, number>;
  /** Each one-letter deletion → the most frequent known word it comes from (the first seen on a tie). */
  private readonly deletions = new Map<string, string>();

  constructor(words: Iterable<string> | Map<string, number>) {
    if (words instanceof Map) this.known = words;
    else {
      this.known = new Map();
      for (const word of words)
        if (word.length >= 4 && !/\d/.test(word)) this.known.set(word, (this.known.get(word) ?? 0) + 1);
    }
    for (const [word, frequency] of this.known)
      for (const variant of deletionsOf(word)) {
        const current = this.deletions.get(variant);
        if (current === undefined || this.known.get(current)! < frequency) this.deletions.set(variant, word);
      }
  }

  toSnapshot(): SpellerSnapshot {
    return { words: [...this.known.keys()].join('\n'), frequencies: [...this.known.values()] };
  }

  static fromSnapshot(snapshot: SpellerSnapshot): Speller {
    const words = snapshot.words.length === 0 ? [] : snapshot.words.split('\n');
    return new Speller(new Map(words.map((word, i) => [word, snapshot.frequencies[i]!])));
  }

  /**
   * The closest known word one edit away, or the word itself when it is short, a real English word,
   * or well known. A word seen only once or twice may be a typo from the training lines themselves
   * ("comission"), so it still gives way to a far more frequent neighbour.
   */
  correct(word: string): string {
    if (word.length < 5 || /\d/.test(word) || isEnglishWord(word)) return word;
    const seen = this.known.get(word) ?? 0;
    if (seen > RARE) return word;
    const frequency = (candidate: string | undefined) => (candidate ? (this.known.get(candidate) ?? 0) : 0);
    // Typos seldom hit the first letter, while real words one edit away from a known word often
    // differ there ("design" is not a misspelt "resign").
    const plausible = (candidate: string | undefined): candidate is string =>
      candidate !== undefined && candidate !== word && candidate[0] === word[0];
    let best: string | undefined;
    const direct = this.deletions.get(word); // the word lacks a letter of a known word
    if (plausible(direct)) best = direct;
    for (const variant of deletionsOf(word)) {
      // a letter too many (variant is known) or substituted/transposed (both share a deletion)
      const candidate = this.known.has(variant) ? variant : this.deletions.get(variant);
      if (plausible(candidate) && withinOneEdit(word, candidate) && frequency(candidate) > frequency(best))
        best = candidate;
    }
    if (best === undefined) return word;
    return seen === 0 || frequency(best) >= seen * DOMINANCE ? best : word;
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
