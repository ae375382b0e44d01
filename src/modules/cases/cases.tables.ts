/** Row types of the case workspace tables (same conventions as the core tables). */
export interface CaseNotesTable {
  id: string;
  conversation_id: string;
  /** The HR person who wrote it. */
  author: string;
  content: string;
  created_at: number;
}

export interface CannedRepliesTable {
  id: string;
  title: string;
  body: string;
  created_at: number;
  updated_at: number;
}

/** Named sequences (the case number). */
export interface CountersTable {
  name: string;
  value: number;
}

export interface CaseTables {
  case_notes: CaseNotesTable;
  canned_replies: CannedRepliesTable;
  counters: CountersTable;
}
