/** Shared by the trained models in this folder: integer feature ids and a repeatable shuffle. */

/**
 * The ids of a message's features, adding unseen features to `index`, so the training passes touch only typed
 * arrays. Duplicate features count once.
 */
export function encodeFeatures(index: Map<string, number>, features: readonly string[]): Int32Array {
  const ids = new Set<number>();
  for (const feature of features) {
    let id = index.get(feature);
    if (id === undefined) {
      id = index.size;
      index.set(feature, id);
    }
    ids.add(id);
  }
  return Int32Array.from(ids);
}

/**
 * Shuffles `order` in place (Fisher–Yates driven by a linear congruential generator), so training is the same on
 * every start. Returns the generator's next state.
 */
export function shuffleInPlace(order: number[], state: number): number {
  for (let i = order.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return state;
}
