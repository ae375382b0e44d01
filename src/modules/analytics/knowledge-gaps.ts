import { analyzeText } from '../nlp/analyze.js';

export type GapReason = 'no_article' | 'low_rating' | 'handed_over';

export interface GapQuestion {
  text: string;
  reason: GapReason;
  createdAt: number;
}

export interface GapCluster {
  suggestedTitle: string;
  count: number;
  reasons: Record<GapReason, number>;
  examples: string[];
  firstSeen: number;
  lastSeen: number;
}

/** Two questions whose term-weighted stems overlap this much (cosine) ask the same thing. */
const SAME_TOPIC = 0.3;
const EXAMPLES = 5;
const TITLE_TERMS = 3;

interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/**
 * Groups the questions the knowledge base could not answer into topics, offline: each question becomes a
 * TF-IDF vector over the pipeline's own stems (so "vacation"/"vacations" and typos it corrects meet), and a
 * question joins the most similar existing topic when their cosine similarity reaches SAME_TOPIC, else starts
 * one (single-pass leader clustering against each topic's summed vector: linear in questions × topics, and
 * stable — the same questions give the same topics). Topics are ranked by size; each names itself from its
 * heaviest words.
 */
export function clusterGaps(questions: GapQuestion[]): GapCluster[] {
  const analyzed = questions.map((q) => ({
    q,
    stems: analyzeText(q.text).stems,
    words: surfaceWords(q.text),
  }));
  const documentFrequency = new Map<string, number>();
  for (const { stems } of analyzed)
    for (const stem of new Set(stems)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const idf = (stem: string) =>
    Math.log((1 + analyzed.length) / (1 + (documentFrequency.get(stem) ?? 0))) + 1;

  const topics: { centroid: Map<string, number>; members: typeof analyzed }[] = [];
  for (const item of analyzed) {
    const vector = tfidf(item.stems, idf);
    if (vector.norm === 0) continue;
    let best = -1;
    let bestScore = 0;
    topics.forEach((topic, i) => {
      const score = cosine(vector, topic.centroid);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0 && bestScore >= SAME_TOPIC) {
      const topic = topics[best]!;
      topic.members.push(item);
      for (const [stem, w] of vector.weights)
        topic.centroid.set(stem, (topic.centroid.get(stem) ?? 0) + w / vector.norm);
    } else {
      const centroid = new Map<string, number>();
      for (const [stem, w] of vector.weights) centroid.set(stem, w / vector.norm);
      topics.push({ centroid, members: [item] });
    }
  }

  return topics
    .map((topic) => {
      const reasons: Record<GapReason, number> = { no_article: 0, low_rating: 0, handed_over: 0 };
      for (const m of topic.members) reasons[m.q.reason]++;
      const times = topic.members.map((m) => m.q.createdAt);
      const seen = new Set<string>();
      const examples: string[] = [];
      for (const m of [...topic.members].sort((a, b) => b.q.createdAt - a.q.createdAt)) {
        const key = m.q.text.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        examples.push(m.q.text.trim());
        if (examples.length === EXAMPLES) break;
      }
      return {
        suggestedTitle: titleFor(topic.centroid, topic.members),
        count: topic.members.length,
        reasons,
        examples,
        firstSeen: Math.min(...times),
        lastSeen: Math.max(...times),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen);
}

function tfidf(stems: string[], idf: (stem: string) => number): Vector {
  const weights = new Map<string, number>();
  for (const stem of stems) weights.set(stem, (weights.get(stem) ?? 0) + 1);
  let sum = 0;
  for (const [stem, tf] of weights) {
    const w = tf * idf(stem);
    weights.set(stem, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

function cosine(vector: Vector, centroid: Map<string, number>): number {
  let dot = 0;
  let centroidNorm = 0;
  for (const w of centroid.values()) centroidNorm += w * w;
  if (centroidNorm === 0) return 0;
  for (const [stem, w] of vector.weights) dot += (w / vector.norm) * (centroid.get(stem) ?? 0);
  return dot / Math.sqrt(centroidNorm);
}

/** Lower-case words of a question with the stem each one reduces to, for naming a topic in real words. */
function surfaceWords(text: string): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []) {
    const stem = analyzeText(word).stems[0];
    if (stem && !byStem.has(stem)) byStem.set(stem, word);
  }
  return byStem;
}

/** The topic's heaviest stems, each shown as the word employees most often wrote for it. */
function titleFor(centroid: Map<string, number>, members: { words: Map<string, string> }[]): string {
  const terms = [...centroid].sort((a, b) => b[1] - a[1]).slice(0, TITLE_TERMS);
  const words = terms.map(([stem]) => {
    const counts = new Map<string, number>();
    for (const m of members) {
      const word = m.words.get(stem);
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? stem;
  });
  const title = words.join(' ');
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : 'Unnamed topic';
}
