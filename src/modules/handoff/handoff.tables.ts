/**
 * Row types of the handoff tables. Same conventions as the core tables: text UUID ids, BIGINT epoch
 * milliseconds, JSON text for structured values.
 */
export interface FeedbackTable {
  id: string;
  conversation_id: string;
  user_id: string;
  /** 1..5 stars. */
  rating: number;
  comment: string | null;
  /** When the first rating was given, and when the current one replaced it (equal until replaced). */
  created_at: number;
  updated_at: number;
}

export interface HandoffTables {
  feedback: FeedbackTable;
}
