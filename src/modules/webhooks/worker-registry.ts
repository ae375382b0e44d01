/** Delivery workers running in this process, so writers of the outbox can wake them without importing them. */
export interface Wakeable {
  nudge(): void;
}

const workers = new Set<Wakeable>();

export function registerWorker(worker: Wakeable): () => void {
  workers.add(worker);
  return () => workers.delete(worker);
}

/** Call after committing outbox rows (publishEvent calls it too) to cut the wait for the next poll. */
export function wakeDeliveryWorkers(): void {
  for (const worker of workers) worker.nudge();
}
