/** Per-webhook event filters: an event passes when it satisfies every filter that is set. */
export interface WebhookFilters {
  categories?: string[];
  min_priority?: number;
}

export function parseFilters(json: string | null): WebhookFilters | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as WebhookFilters;
  } catch {
    return null;
  }
}

export function matchesFilters(
  filters: WebhookFilters | null,
  event: { category?: string; priority?: number },
): boolean {
  if (!filters) return true;
  if (filters.categories && filters.categories.length > 0) {
    const wanted = filters.categories.map((c) => c.toLowerCase());
    if (event.category === undefined || !wanted.includes(event.category.toLowerCase())) return false;
  }
  if (filters.min_priority !== undefined) {
    if (event.priority === undefined || event.priority < filters.min_priority) return false;
  }
  return true;
}
