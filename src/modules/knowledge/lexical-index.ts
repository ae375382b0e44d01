/**
 * A BM25 inverted index over a few fields, built for answering one question fast over thousands of passages.
 *
 * It scores exactly as minisearch 7 did for this project's use (the same BM25+ formula and parameters, field
 * lengths counted as distinct terms, the same running average of field lengths, scores summed field by field
 * and term by term in the same order, multiplied by the number of query terms matched), so rankings did not
 * change when it replaced minisearch. What it drops is the per-document cost of a general search API: a
 * search writes numbers into preallocated typed arrays and returns only document slots and scores, instead of
 * an object with stored fields, match lists and term arrays for every one of the thousands of passages that
 * share a common word. Removal is immediate (no discarded documents to skip or vacuum later).
 */

/** minisearch's defaults: term saturation k, length normalization b, and the BM25+ floor d. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface LexicalDocument {
  id: string;
  /** The terms of each field, already normalized and stemmed, in the index's field order. */
  fields: readonly (readonly string[])[];
}

export interface LexicalResults {
  /** Document slots with a positive score, in no particular order. */
  slots: Int32Array;
  /** Each slot's BM25 score (sum over fields and query terms, times the number of query terms it matched). */
  scores: Float64Array;
}

/** One field's postings of a term: document slots and the term's frequency in each, side by side. */
interface Postings {
  slots: number[];
  frequencies: number[];
}

export class LexicalIndex {
  private readonly fieldCount: number;
  /** term → one postings list per field (undefined when the term never occurs in that field). */
  private readonly postings = new Map<string, (Postings | undefined)[]>();
  /** Per slot: the document id, or undefined for a free slot. */
  private readonly ids: (string | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Per slot and field: the number of distinct terms (minisearch's notion of a field's length). */
  private fieldLengths: Float64Array;
  /** Per slot: the distinct terms it was indexed under, so removal touches only its own postings. */
  private readonly termsOf: (Set<string> | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly averageFieldLength: number[];
  private documentCount = 0;

  // Scratch space reused by every search (one search runs at a time: the process is single-threaded).
  private total = new Float64Array(0);
  private termScore = new Float64Array(0);
  private matchedTerms = new Uint16Array(0);
  private seenInTerm = new Uint8Array(0);

  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.averageFieldLength = new Array<number>(fieldCount).fill(0);
    this.fieldLengths = new Float64Array(0);
  }

  get size(): number {
    return this.documentCount;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The document id in a slot returned by `search`. */
  idAt(slot: number): string {
    return this.ids[slot]!;
  }

  /** The slot a document is held in (undefined when it is not indexed). */
  slotFor(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Indexes a document (replacing one with the same id) and returns its slot. */
  add(document: LexicalDocument): number {
    if (this.slotOf.has(document.id)) this.remove(document.id);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ensureCapacity(slot + 1);
    this.ids[slot] = document.id;
    this.slotOf.set(document.id, slot);
    this.documentCount++;
    const distinct = new Set<string>();
    for (let field = 0; field < this.fieldCount; field++) {
      const terms = document.fields[field] ?? [];
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      this.addFieldLength(slot, field, counts.size);
      for (const [term, frequency] of counts) {
        distinct.add(term);
        let lists = this.postings.get(term);
        if (lists === undefined) {
          lists = new Array<Postings | undefined>(this.fieldCount).fill(undefined);
          this.postings.set(term, lists);
        }
        let list = lists[field];
        if (list === undefined) {
          list = { slots: [], frequencies: [] };
          lists[field] = list;
        }
        list.slots.push(slot);
        list.frequencies.push(frequency);
      }
    }
    this.termsOf[slot] = distinct;
    return slot;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (let field = 0; field < this.fieldCount; field++)
      this.removeFieldLength(field, this.fieldLengths[slot * this.fieldCount + field]!);
    for (const term of this.termsOf[slot] ?? []) {
      const lists = this.postings.get(term);
      if (lists === undefined) continue;
      let empty = true;
      for (let field = 0; field < this.fieldCount; field++) {
        const list = lists[field];
        if (list === undefined) continue;
        const at = list.slots.indexOf(slot);
        if (at >= 0) {
          list.slots.splice(at, 1);
          list.frequencies.splice(at, 1);
        }
        if (list.slots.length === 0) lists[field] = undefined;
        else empty = false;
      }
      if (empty) this.postings.delete(term);
    }
    this.termsOf[slot] = undefined;
    this.ids[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.documentCount--;
  }

  /** Whether a document holds a term in any field. */
  contains(slot: number, term: string): boolean {
    return this.termsOf[slot]?.has(term) ?? false;
  }

  /**
   * Scores every document holding at least one of the terms (OR), each term weighted by `termBoost` and each
   * field by `fieldBoosts`. Repeated terms count once, as minisearch's combination did.
   */
  search(
    terms: readonly string[],
    fieldBoosts: readonly number[],
    termBoost: (term: string) => number = () => 1,
  ): LexicalResults {
    const total = this.total;
    const termScore = this.termScore;
    const matched = this.matchedTerms;
    const seen = this.seenInTerm;
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const lists = this.postings.get(term);
      if (lists === undefined) continue;
      const boost = termBoost(term);
      const inTerm: number[] = [];
      for (let field = 0; field < this.fieldCount; field++) {
        const list: Postings | undefined = lists[field];
        if (list === undefined) continue;
        const weight = boost * (fieldBoosts[field] ?? 1);
        const average = this.averageFieldLength[field]!;
        const holders: number[] = list.slots;
        const frequencies = list.frequencies;
        const idf = Math.log(1 + (this.documentCount - holders.length + 0.5) / (holders.length + 0.5));
        for (let i = 0; i < holders.length; i++) {
          const slot = holders[i]!;
          const frequency = frequencies[i]!;
          const length = this.fieldLengths[slot * this.fieldCount + field]!;
          const raw = idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * length) / average)));
          const score = weight * raw;
          if (seen[slot] === 0) {
            seen[slot] = 1;
            termScore[slot] = score;
            inTerm.push(slot);
          } else termScore[slot] = termScore[slot]! + score;
        }
      }
      for (const slot of inTerm) {
        if (matched[slot] === 0) {
          total[slot] = termScore[slot]!;
          touched.push(slot);
        } else total[slot] = total[slot]! + termScore[slot]!;
        matched[slot] = matched[slot]! + 1;
        seen[slot] = 0;
      }
    }
    const slots = new Int32Array(touched.length);
    const scores = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const slot = touched[i]!;
      slots[i] = slot;
      scores[i] = total[slot]! * matched[slot]!;
      matched[slot] = 0;
    }
    return { slots, scores };
  }

  private ensureCapacity(slots: number): void {
    if (this.total.length >= slots) return;
    const capacity = Math.max(64, slots * 2);
    const lengths = new Float64Array(capacity * this.fieldCount);
    lengths.set(this.fieldLengths);
    this.fieldLengths = lengths;
    this.total = new Float64Array(capacity);
    this.termScore = new Float64Array(capacity);
    this.matchedTerms = new Uint16Array(capacity);
    this.seenInTerm = new Uint8Array(capacity);
  }

  /** The running average, updated the way minisearch updates it (so scores match to the last bit). */
  private addFieldLength(slot: number, field: number, length: number): void {
    this.fieldLengths[slot * this.fieldCount + field] = length;
    const count = this.documentCount - 1;
    this.averageFieldLength[field] = (this.averageFieldLength[field]! * count + length) / (count + 1);
  }

  private removeFieldLength(field: number, length: number): void {
    const count = this.documentCount;
    if (count === 1) {
      this.averageFieldLength[field] = 0;
      return;
    }
    this.averageFieldLength[field] = (this.averageFieldLength[field]! * count - length) / (count - 1);
  }
}
