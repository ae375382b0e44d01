import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminSecurity } from '../../http/admin-auth.js';
import { eventCatalog } from './event-catalog.js';
import {
  BulkBody,
  BulkResult,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryList,
  DeliveryParams,
  ErrorResponse,
  EventTypeList,
  IdParams,
  ListQuery,
  RecoverBody,
  RecoverResult,
  RedeliverResult,
  RotateBody,
  SecretResult,
  TestResult,
  UpdateWebhookBody,
  Webhook,
  WebhookList,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['webhooks'];
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** The management API under /api/v1/webhooks; every route needs the admin key. */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ service: WebhooksService }> = async (
  app,
  { service },
) => {
  // Every route here is for hr_admin (roles.ts); declared once for the whole plugin.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'webhooks:manage' };
  });
  const security = adminSecurity;

  app.post(
    '/',
    {
      schema: {
        tags,
        security,
        summary: 'Register a webhook',
        description: 'Answers 201 with the webhook, including its full secret_key — shown in full only here.',
        body: CreateWebhookBody,
        response: { 201: Webhook, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(request.body)),
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        security,
        summary: 'List webhooks',
        querystring: ListQuery,
        response: { 200: WebhookList, ...errors },
      },
    },
    async (request) => {
      const { skip = 0, limit = 100, is_active } = request.query;
      return service.list({ skip, limit, isActive: is_active });
    },
  );

  app.get(
    '/event-types',
    {
      schema: {
        tags,
        security,
        summary: 'The event catalog: every event with its JSON Schema (2020-12) and an example',
        response: { 200: EventTypeList, ...errors },
      },
    },
    async () => ({ event_types: eventCatalog() }),
  );

  app.post(
    '/bulk',
    {
      schema: {
        tags,
        security,
        summary: 'Activate, deactivate or delete several webhooks',
        body: BulkBody,
        response: { 200: BulkResult, ...errors },
      },
    },
    async (request) => service.bulk(request.body.action, request.body.ids),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Get a webhook with its delivery statistics',
        params: IdParams,
        response: { 200: Webhook, ...errors },
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.get(
    '/:id/secret',
    {
      schema: {
        tags,
        security,
        summary: 'Reveal the full signing secret',
        params: IdParams,
        response: { 200: SecretResult, ...errors },
      },
    },
    async (request) => service.secret(request.params.id),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Update a webhook (partial): url, events, pause/resume, filters, retry settings',
        params: IdParams,
        body: UpdateWebhookBody,
        response: { 200: Webhook, ...errors },
      },
    },
    async (request) => service.update(request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a webhook; its pending deliveries are cancelled',
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errors },
      },
    },
    async (request, reply) => {
      await service.remove(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/test',
    {
      schema: {
        tags,
        security,
        summary: 'Send a webhook.test event now and report the outcome',
        params: IdParams,
        response: { 200: TestResult, ...errors },
      },
    },
    async (request) => service.sendTest(request.params.id),
  );

  app.post(
    '/:id/rotate-secret',
    {
      schema: {
        tags,
        security,
        summary: 'Rotate the signing secret; the old one keeps signing during the grace period',
        params: IdParams,
        body: RotateBody,
        response: { 200: SecretResult, ...errors },
      },
    },
    async (request) => service.rotateSecret(request.params.id, request.body?.grace_period_seconds ?? 86_400),
  );

  app.get(
    '/:id/deliveries',
    {
      schema: {
        tags,
        security,
        summary: 'Delivery log of a webhook, newest first, each with its attempts',
        description:
          'Page with skip, or with cursor: pass next_cursor back for the next, older page (no delivery skipped or ' +
          'repeated while new ones are written).',
        params: IdParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList, ...errors },
      },
    },
    async (request) => {
      const { skip = 0, limit = 100, cursor, status, event } = request.query;
      return service.deliveries(request.params.id, { skip, limit, cursor, status, event });
    },
  );

  app.post(
    '/:id/recover',
    {
      schema: {
        tags,
        security,
        summary: 'Send again every failed delivery of a time window (new attempts, same event ids)',
        params: IdParams,
        body: RecoverBody,
        response: { 202: RecoverResult, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await service.recover(request.params.id, request.body.since, request.body.until)),
  );

  app.post(
    '/:id/deliveries/:delivery_id/retry',
    {
      schema: {
        tags,
        security,
        summary: 'Redeliver an event now, with the same event id',
        params: DeliveryParams,
        response: { 202: RedeliverResult, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await service.redeliver(request.params.id, request.params.delivery_id)),
  );
};
