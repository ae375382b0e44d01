import { randomUUID } from 'node:crypto';
import type { Transaction, Updateable } from 'kysely';
import { toIsoOrNull } from '../../clock.js';
import type { AppContext } from '../../context.js';
import type { LogPage } from '../../db/pagination.js';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.js';
import { checkHeaders, HeaderError, parseHeaders } from './custom-headers.js';
import { deliverAttempt, leaseMsFor } from './deliver-attempt.js';
import * as outbox from './deliveries.repository.js';
import { generateSigningKeyPair } from './ed25519.js';
import { buildEnvelope, newEventId, serializeEnvelope, testEventData } from './events.js';
import { doublingSchedule, retrySchedule, scheduleOf } from './retry-policy.js';
import type { WebhookSender } from './sender.js';
import { generateSecret } from './sign.js';
import {
  hasCredentials,
  MaskedCredentialsError,
  redactUrl,
  restoreMaskedCredentials,
} from './url-credentials.js';
import { assertPublicUrl, BlockedUrlError, parseWebhookUrl } from './url-guard.js';
import type { WebhookFilters } from './webhook-filters.js';
import * as repo from './webhooks.repository.js';
import type { DeliveryStatus, WebhooksTable } from './webhooks.tables.js';
import { type DeliveryView, deliveryView, type WebhookView, webhookView } from './webhooks.views.js';
import { wakeDeliveryWorkers } from './worker-registry.js';

export interface WebhookInput {
  url: string;
  events: string[];
  description?: string | null;
  max_attempts?: number;
  retry_schedule?: number[];
  timeout_seconds?: number;
  rate_limit_per_second?: number | null;
  filters?: WebhookFilters | null;
  headers?: Record<string, string> | null;
  /** Chosen at creation only (the update body has no such field). */
  include_confidential?: boolean;
  /** Chosen at creation only: "hmac" (default) or "ed25519" (Standard Webhooks v1a). */
  signature_scheme?: 'hmac' | 'ed25519';
}

export interface WebhookPatch extends Partial<WebhookInput> {
  is_active?: boolean;
}

export type BulkAction = 'activate' | 'deactivate' | 'delete';

/** The webhook management use cases. Routes validate shapes; this enforces the rules and owns the writes. */
export class WebhooksService {
  constructor(
    private readonly ctx: AppContext,
    private readonly sender: WebhookSender,
  ) {}

  private get db() {
    return this.ctx.db.kysely;
  }

  /** The URL to store: masked credentials restored from the stored URL, then the SSRF check. */
  private async checkUrl(raw: string, stored: string | null = null): Promise<string> {
    try {
      const url = restoreMaskedCredentials(raw, stored);
      if (this.ctx.config.webhookAllowPrivateUrls) return parseWebhookUrl(url).toString();
      return (await assertPublicUrl(url)).toString();
    } catch (error) {
      if (error instanceof BlockedUrlError || error instanceof MaskedCredentialsError)
        throw invalid(`url: ${error.message}`);
      throw error;
    }
  }

  async create(input: WebhookInput): Promise<WebhookView> {
    const url = await this.checkUrl(input.url);
    const now = this.ctx.clock.now();
    const scheme = input.signature_scheme ?? 'hmac';
    const signing = newSigningCredentials(scheme);
    const row = repo.newWebhookRow(
      {
        id: randomUUID(),
        url,
        events: JSON.stringify([...new Set(input.events)]),
        description: input.description ?? null,
        ...signing,
        ...scheduleColumns(chosenSchedule(input) ?? [...retrySchedule.defaultScheduleSeconds]),
        timeout_seconds: input.timeout_seconds ?? retrySchedule.defaultTimeoutSeconds,
        rate_limit_per_second: input.rate_limit_per_second ?? null,
        filters: normalizeFilters(input.filters),
        headers: this.headersColumn(input.headers, null, url),
        include_confidential: input.include_confidential ? 1 : 0,
      },
      now,
    );
    await this.db.transaction().execute(async (trx) => {
      if ((await repo.countWebhooks(trx)) >= this.ctx.config.maxWebhooks) {
        throw conflict(
          `Webhook limit reached: at most ${this.ctx.config.maxWebhooks} webhooks (MAX_WEBHOOKS); delete one first`,
        );
      }
      await repo.insertWebhook(trx, row);
      await this.audit(trx, 'webhook.create', row.id, {
        url: redactUrl(url),
        events: input.events,
        signature_scheme: scheme,
        // Recorded because it sends the text of harassment reports and the like to this receiver.
        ...(input.include_confidential ? { include_confidential: true } : {}),
      });
    });
    return this.view(row, true);
  }

  private headersColumn(
    headers: Record<string, string> | null | undefined,
    stored: string | null,
    url: string,
  ): string | null {
    if (!headers || Object.keys(headers).length === 0) return null;
    try {
      return JSON.stringify(checkHeaders(headers, stored, hasCredentials(url)));
    } catch (error) {
      if (error instanceof HeaderError) throw invalid(`headers: ${error.message}`);
      throw error;
    }
  }

  /** The audit entry of a change, written in the change's own transaction (both commit or neither). */
  private audit(trx: Transaction<Database>, action: string, id: string, details?: Record<string, unknown>) {
    return recordAudit(
      trx,
      { action, target_type: 'webhook', target_id: id, ...(details && { details }) },
      this.ctx.clock,
    );
  }

  async list(page: { skip: number; limit: number; isActive?: boolean }) {
    const { rows, total } = await repo.listWebhooks(this.db, page);
    return { webhooks: rows.map((row) => this.view(row)), total, skip: page.skip, limit: page.limit };
  }

  private view(row: repo.WebhookRow, revealSecret = false): WebhookView {
    return webhookView(row, { revealSecret, now: this.ctx.clock.now() });
  }

  private async require(id: string): Promise<repo.WebhookRow> {
    const row = await repo.findWebhook(this.db, id);
    if (!row) throw notFound('Webhook');
    return row;
  }

  async get(id: string): Promise<WebhookView> {
    return this.view(await this.require(id));
  }

  async secret(id: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.findWebhook(trx, id);
      if (!row) throw notFound('Webhook');
      await this.audit(trx, 'webhook.reveal_secret', id);
      return { id: row.id, secret_key: row.secret, previous_secret_expires_at: this.previousExpiry(row) };
    });
  }

  private previousExpiry(row: repo.WebhookRow): string | null {
    const expires = row.previous_secret_expires_at;
    return expires !== null && expires > this.ctx.clock.now() ? toIsoOrNull(expires) : null;
  }

  async update(id: string, patch: WebhookPatch): Promise<WebhookView> {
    const current = await this.require(id);
    const changes: Updateable<WebhooksTable> = { updated_at: this.ctx.clock.now() };
    if (patch.url !== undefined) changes.url = await this.checkUrl(patch.url, current.url);
    if (patch.events !== undefined) changes.events = JSON.stringify([...new Set(patch.events)]);
    if (patch.description !== undefined) changes.description = patch.description;
    const schedule = chosenSchedule(patch, current);
    if (schedule !== undefined) Object.assign(changes, scheduleColumns(schedule));
    if (patch.timeout_seconds !== undefined) changes.timeout_seconds = patch.timeout_seconds;
    if (patch.rate_limit_per_second !== undefined)
      changes.rate_limit_per_second = patch.rate_limit_per_second;
    if (patch.filters !== undefined) changes.filters = normalizeFilters(patch.filters);
    if (patch.headers !== undefined || patch.url !== undefined)
      changes.headers = this.headersColumn(
        patch.headers === undefined ? parseHeaders(current.headers) : patch.headers,
        current.headers,
        changes.url ?? current.url,
      );
    if (patch.is_active !== undefined) Object.assign(changes, activation(patch.is_active));
    const updated = await this.db.transaction().execute(async (trx) => {
      if (!(await repo.updateWebhook(trx, id, changes))) throw notFound('Webhook');
      await this.audit(trx, 'webhook.update', id, { fields: Object.keys(patch) });
      return repo.findWebhook(trx, id);
    });
    if (!updated) throw notFound('Webhook');
    if (patch.is_active && !current.is_active) wakeDeliveryWorkers();
    return this.view(updated);
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.deleteWebhook(trx, id, this.ctx.clock.now()))) throw notFound('Webhook');
      await this.audit(trx, 'webhook.delete', id);
    });
  }

  async rotateSecret(id: string, gracePeriodSeconds: number) {
    const now = this.ctx.clock.now();
    const expiresAt = gracePeriodSeconds > 0 ? now + gracePeriodSeconds * 1000 : null;
    const fresh = await this.db.transaction().execute(async (trx) => {
      const current = await repo.findWebhook(trx, id);
      if (!current) throw notFound('Webhook');
      const next = newSigningCredentials(current.signature_scheme);
      const keep = expiresAt !== null;
      await repo.updateWebhook(trx, id, {
        ...next,
        previous_secret: keep ? current.secret : null,
        previous_signing_key: keep ? current.signing_key : null,
        previous_secret_expires_at: expiresAt,
        updated_at: now,
      });
      await this.audit(trx, 'webhook.rotate_secret', id, { grace_period_seconds: gracePeriodSeconds });
      return next;
    });
    return { secret_key: fresh.secret, previous_secret_expires_at: toIsoOrNull(expiresAt) };
  }

  /** Sends a `webhook.test` event right away (one attempt, logged like any other) and reports the outcome. */
  async sendTest(id: string) {
    const webhook = await this.require(id);
    const now = this.ctx.clock.now();
    const owner = `test:${randomUUID()}`;
    const eventId = newEventId();
    const body = serializeEnvelope(buildEnvelope(eventId, 'webhook.test', id, now, testEventData(id, now)));
    const [deliveryId] = await outbox.insertDeliveries(
      this.db,
      [
        {
          webhookId: id,
          eventId,
          eventType: 'webhook.test',
          body,
          leaseOwner: owner,
          leaseUntil: now + leaseMsFor(webhook),
        },
      ],
      now,
    );
    const delivery = await outbox.findDelivery(this.db, id, deliveryId as string);
    if (!delivery) throw new AppError('INTERNAL_ERROR', 'test delivery vanished');
    const deps = { db: this.db, clock: this.ctx.clock, sender: this.sender };
    const { send, outcome } = await deliverAttempt(deps, delivery, webhook, owner, []);
    return {
      success: outcome === 'success',
      status_code: send.statusCode,
      response_time_ms: send.durationMs,
      error: outcome === 'success' ? null : (send.error ?? `HTTP ${send.statusCode}`),
      delivery_id: delivery.id,
      event_id: eventId,
    };
  }

  async deliveries(
    webhookId: string,
    page: LogPage & { status?: DeliveryStatus | undefined; event?: string | undefined },
  ): Promise<{
    logs: DeliveryView[];
    total: number;
    skip: number;
    limit: number;
    next_cursor: string | null;
  }> {
    await this.require(webhookId);
    const { rows, total, nextCursor } = await outbox.listDeliveries(this.db, webhookId, page);
    const attempts = await outbox.attemptsOf(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      logs: rows.map((row) => deliveryView(row, attempts)),
      total,
      skip: page.skip,
      limit: page.limit,
      next_cursor: nextCursor,
    };
  }

  /** Sends again every failed delivery created in [since, until) (until defaults to now). */
  async recover(webhookId: string, since: string, until?: string) {
    const now = this.ctx.clock.now();
    const from = Date.parse(since);
    const to = until === undefined ? now : Date.parse(until);
    if (from > now) throw invalid('since: must not be in the future');
    if (!(to > from)) throw invalid('until: must be after since');
    const queued = await this.db.transaction().execute(async (trx) => {
      if (!(await repo.findWebhook(trx, webhookId))) throw notFound('Webhook');
      const n = await outbox.requeueFailed(trx, webhookId, from, to, now);
      await this.audit(trx, 'webhook.recover', webhookId, {
        since: toIsoOrNull(from),
        until: toIsoOrNull(to),
        queued: n,
      });
      return n;
    });
    wakeDeliveryWorkers();
    return { queued };
  }

  async redeliver(webhookId: string, deliveryId: string) {
    await this.require(webhookId);
    const delivery = await outbox.findDelivery(this.db, webhookId, deliveryId);
    if (!delivery) throw notFound('Delivery');
    const now = this.ctx.clock.now();
    if (!(await outbox.requeueDelivery(this.db, deliveryId, now))) {
      throw conflict('This delivery is being attempted right now; try again in a moment');
    }
    wakeDeliveryWorkers();
    return { delivery_id: deliveryId, event_id: delivery.event_id, status: 'pending' as const };
  }

  /** The whole batch is one transaction: every change with its audit entry, or none of them. */
  async bulk(action: BulkAction, ids: string[]) {
    const now = this.ctx.clock.now();
    const results = await this.db.transaction().execute(async (trx) => {
      const done: { id: string; status: 'ok' | 'not_found' }[] = [];
      for (const id of [...new Set(ids)]) {
        const found =
          action === 'delete'
            ? await repo.deleteWebhook(trx, id, now)
            : await repo.updateWebhook(trx, id, { ...activation(action === 'activate'), updated_at: now });
        done.push({ id, status: found ? 'ok' : 'not_found' });
        if (found) await this.audit(trx, `webhook.${action}`, id, { bulk: true });
      }
      return done;
    });
    if (action === 'activate') wakeDeliveryWorkers();
    return { action, results };
  }
}

/**
 * The retry schedule a create or update asks for: retry_schedule itself, or max_attempts alone for the original
 * system's doubling waits (an unchanged max_attempts, as an edit form sends it back, keeps the schedule).
 * Undefined: nothing asked (the caller keeps the current schedule or takes the default).
 */
function chosenSchedule(
  input: { retry_schedule?: number[]; max_attempts?: number },
  current?: repo.WebhookRow,
): number[] | undefined {
  const attempts = input.max_attempts;
  if (input.retry_schedule !== undefined) {
    if (attempts !== undefined && attempts !== input.retry_schedule.length + 1) {
      throw invalid(
        `max_attempts: ${attempts} does not match retry_schedule (${input.retry_schedule.length} waits make ${input.retry_schedule.length + 1} attempts); send one of them`,
      );
    }
    return input.retry_schedule;
  }
  if (attempts === undefined) return undefined;
  if (current && scheduleOf(current).length + 1 === attempts) return undefined;
  return doublingSchedule(attempts);
}

/**
 * A webhook's signing columns. HMAC: the shared secret. Ed25519: the private key in signing_key (never
 * returned, stored like the HMAC secret) and the public key in `secret`, the column every view, the reveal
 * endpoint and the rotation already show as "what the receiver verifies with".
 */
function newSigningCredentials(scheme: 'hmac' | 'ed25519') {
  if (scheme === 'hmac') return { signature_scheme: scheme, secret: generateSecret(), signing_key: null };
  const pair = generateSigningKeyPair();
  return { signature_scheme: scheme, secret: pair.publicKey, signing_key: pair.privateKey };
}

function scheduleColumns(schedule: number[]) {
  return { retry_schedule: JSON.stringify(schedule), max_attempts: schedule.length + 1 };
}

/** Resuming clears the automatic pause's bookkeeping so the webhook gets a fresh run. */
function activation(active: boolean): Updateable<WebhooksTable> {
  return active ? { is_active: 1, paused_reason: null, consecutive_failures: 0 } : { is_active: 0 };
}

function normalizeFilters(filters: WebhookFilters | null | undefined): string | null {
  if (!filters) return null;
  const clean: WebhookFilters = {};
  if (filters.categories && filters.categories.length > 0)
    clean.categories = [...new Set(filters.categories)];
  if (filters.min_priority !== undefined) clean.min_priority = filters.min_priority;
  return Object.keys(clean).length > 0 ? JSON.stringify(clean) : null;
}
