/**
 * Compact, exact encodings for trained weights in the shipped artifacts (data/models/*.json). Weights are kept
 * as 32-bit floats in base64 (a quarter of the size of JSON numbers, and half the memory once loaded) and a
 * vocabulary as one newline-joined string; both decode to exactly what was encoded, so a model rebuilt from its
 * snapshot scores exactly as the snapshot does.
 */

/** 32-bit floats, little-endian, base64. */
export function encodeFloats(values: ArrayLike<number>): string {
  const floats = Float32Array.from(values as ArrayLike<number>);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

export function decodeFloats(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  // Copied into its own buffer: a Float32Array needs 4-byte alignment, which Node's pooled buffers don't promise.
  const out = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Feature names never contain a newline (they are built from tokenized text). */
export function encodeVocabulary(features: Iterable<string>): string {
  return [...features].join('\n');
}

/**
 * While the shipped models load (sharingStrings), each feature name is kept once: the models read the same
 * lines through the same features, so their vocabularies mostly repeat each other, and one copy per name instead
 * of one per model saves megabytes of idle memory. The pool itself is dropped once they are loaded.
 */
let sharedNames: Map<string, string> | undefined;

export function sharingStrings<T>(load: () => T): T {
  sharedNames = new Map();
  try {
    return load();
  } finally {
    sharedNames = undefined;
  }
}

/** Feature name → id, in the order encoded. */
export function decodeVocabulary(encoded: string): Map<string, number> {
  const index = new Map<string, number>();
  if (encoded.length === 0) return index;
  const pool = sharedNames;
  for (const feature of encoded.split('\n')) {
    let name = feature;
    if (pool) {
      const seen = pool.get(feature);
      if (seen === undefined) pool.set(feature, feature);
      else name = seen;
    }
    index.set(name, index.size);
  }
  return index;
}

/** Builds an instance without running its (training) constructor, for the models' fromSnapshot(). */
export function restore<T extends object>(prototype: T, fields: Record<string, unknown>): T {
  return Object.assign(Object.create(prototype) as T, fields);
}
