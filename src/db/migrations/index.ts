import type { Migration } from 'kysely';
import * as core from './20261128_0001_core.js';
import * as webhooks from './20261128_0002_webhooks.js';
import * as audit from './20261128_0003_audit.js';
import * as handoff from './20261128_0004_handoff.js';
import * as scaleIndexes from './20261128_0005_scale_indexes.js';
import * as kbTitleUnique from './20261128_0006_kb_title_unique.js';
import * as messagesUser from './20261128_0007_messages_user.js';
import * as apiTokens from './20261207_0008_api_tokens.js';
import * as kbVersions from './20261207_0009_kb_versions.js';
import * as webhookDeliveryOptions from './20261207_0019_webhook_delivery_options.js';
import * as messageAnswer from './20261207_0020_message_answer.js';
import * as escalationKind from './20261207_0030_escalation_kind.js';
import * as caseWorkspace from './20261207_1700_case_workspace.js';
import * as confidential from './20261207_1701_confidential.js';
import * as backfillEscalationKind from './20261207_2130_h14_backfill_escalation_kind.js';

/**
 * Every migration, by its timestamped name. A static list (rather than reading the folder at run time) keeps
 * migrations working the same under tsx, vitest and the compiled build. Names sort in the order they apply.
 */
export const migrations: Record<string, Migration> = {
  '20261128_0001_core': core,
  '20261128_0002_webhooks': webhooks,
  '20261128_0003_audit': audit,
  '20261128_0004_handoff': handoff,
  '20261128_0005_scale_indexes': scaleIndexes,
  '20261128_0006_kb_title_unique': kbTitleUnique,
  '20261128_0007_messages_user': messagesUser,
  '20261207_0008_api_tokens': apiTokens,
  '20261207_0009_kb_versions': kbVersions,
  '20261207_0019_webhook_delivery_options': webhookDeliveryOptions,
  '20261207_0020_message_answer': messageAnswer,
  '20261207_0030_escalation_kind': escalationKind,
  '20261207_1700_case_workspace': caseWorkspace,
  '20261207_1701_confidential': confidential,
  '20261207_2130_h14_backfill_escalation_kind': backfillEscalationKind,
};
