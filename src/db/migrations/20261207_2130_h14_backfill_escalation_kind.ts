import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was, not the current types
type AnyDb = Kysely<any>;

/**
 * What each escalation reason ever written says about why the case went to a person, most urgent first. The
 * reason was always "Escalated because the message raises <label> (…); the employee is angry; …", listing the
 * concerns most urgent first, so the first label found is the kind. Labels of every release are listed, as they
 * were written then (a copy on purpose: a migration must not change when the product's wording does).
 * "threat of violence or a workplace safety danger" did not say which, and is read as violence, the kind with
 * the higher floor, so a backfilled case is never ranked below what it may be. Three old labels have no kind
 * of their own ("a breach of confidential personal information", "a conflict of interest or favouritism",
 * "a formal complaint about a colleague"): their cases keep a null kind unless another part of the reason names one.
 */
const LABELS: readonly (readonly [kind: string, labels: readonly string[]])[] = [
  ['crisis', ['possible self-harm or a personal crisis', 'possible self-harm or personal crisis']],
  ['violence', ['violence or a threat of violence', 'threat of violence or a workplace safety danger']],
  ['harassment', ['harassment or bullying', 'bullying or intimidation', 'harassment']],
  ['discrimination', ['discrimination']],
  ['retaliation', ['retaliation']],
  ['safety', ['a workplace safety hazard or injury']],
  ['fraud', ['fraud, theft or unpaid wages', 'fraud or whistleblowing']],
  ['legal', ['legal action or a labour-law violation', 'a legal threat or legal action']],
  ['human_request', ['a request to speak with a person', 'an explicit request to speak with a person']],
];

/** Escalations that named no concern, in the order the escalation check chose them. */
const WITHOUT_A_CONCERN: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['angry', /\bthe employee is angry\b/],
  ['repeated', /\bthe same question was asked \d+ times\b/],
  ['high_priority', /\bpriority (reached|is) \d+ \(threshold \d+\)/],
];

/** The escalation kind an old escalation reason shows, or null when it shows none. */
export function kindFromReason(reason: string): string | null {
  const raised = [...reason.matchAll(/\braises (.+?) \("/g)].map((match) => match[1]!);
  for (const label of raised) for (const [kind, labels] of LABELS) if (labels.includes(label)) return kind;
  for (const [kind, pattern] of WITHOUT_A_CONCERN) if (pattern.test(reason)) return kind;
  return null;
}

const BATCH = 500;

/**
 * Cases escalated before the escalation kind was stored (migration 0030) get the kind their reason shows, so
 * the queue, the VIP re-prioritization and the webhooks see it. Only rows with a null kind are touched; the
 * priority is left as it was computed then.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const table of ['conversations', 'messages'] as const) {
    let after = '';
    for (;;) {
      const rows: { id: string; escalation_reason: string }[] = await db
        .selectFrom(table)
        .select(['id', 'escalation_reason'])
        .where('escalated', '=', 1)
        .where('escalation_kind', 'is', null)
        .where('escalation_reason', 'is not', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const kind = kindFromReason(row.escalation_reason);
        if (kind !== null)
          await db.updateTable(table).set({ escalation_kind: kind }).where('id', '=', row.id).execute();
      }
      after = rows.at(-1)!.id;
    }
  }
}

/** Nothing to undo: the kinds are what the reasons said, and migration 0030's down drops the columns. */
export async function down(): Promise<void> {}
