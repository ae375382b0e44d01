import type { AuditTables } from '../modules/audit/audit.tables.js';
import type { CaseTables } from '../modules/cases/cases.tables.js';
import type { HandoffTables } from '../modules/handoff/handoff.tables.js';
import type { IdentityTables } from '../modules/identity/identity.tables.js';
import type { KnowledgeTables } from '../modules/knowledge/knowledge.tables.js';
import type { WebhookTables } from '../modules/webhooks/webhooks.tables.js';
import type { CoreTables } from './core-tables.js';

/**
 * The whole database as Kysely sees it. Each capability declares its own tables next to its migration and is
 * composed here, so adding a module means adding one name to this list.
 */
export interface Database
  extends CoreTables,
    WebhookTables,
    HandoffTables,
    AuditTables,
    IdentityTables,
    KnowledgeTables,
    CaseTables {}
