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

/** Feature name → id, in the order encoded. */
export function decodeVocabulary(encoded: string): Map<string, number> {
  const index = new Map<string, number>();
  if (encoded.length === 0) return index;
  for (const feature of encoded.split('\n')) index.set(feature, index.size);
  return index;
}

/** Builds an instance without running its (training) constructor, for the models' fromSnapshot(). */
export function restore<T extends object>(prototype: T, fields: Record<string, unknown>): T {
  return Object.assign(Object.create(prototype) as T, fields);
}
