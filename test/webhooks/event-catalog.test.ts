import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/modules/webhooks/events.js';
import { adminHeaders } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { WebhookHarness } from './harness.js';
import { Receiver } from './receiver.js';

interface CatalogEntry {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  example: Record<string, unknown>;
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * The published catalog describes what is really sent: every event the worker delivers, caused through the API
 * as an integrator's users would, validates against the schema GET /event-types publishes for it.
 */
describeEachDatabase('the event catalog', (kind) => {
  let h: WebhookHarness;
  let receiver: Receiver;
  let gone: Receiver;
  let catalog: CatalogEntry[];
  beforeAll(async () => {
    h = await WebhookHarness.start(kind);
    receiver = await Receiver.start();
    gone = await Receiver.start();
    gone.respond = () => ({ status: 410 });
    const res = await h.api('GET', '/api/v1/webhooks/event-types');
    expect(res.statusCode).toBe(200);
    catalog = res.json().event_types;
  });
  afterAll(async () => {
    await receiver.close();
    await gone.close();
    await h.close();
  });

  it('lists every event with a JSON Schema 2020-12 and an example that satisfies it', () => {
    expect(catalog.map((e) => e.name).sort()).toEqual([...EVENT_TYPES].sort());
    const ajv = validator();
    for (const entry of catalog) {
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const valid = ajv.validate(entry.schema, entry.example);
      expect(valid, `${entry.name}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('publishes the same events under OpenAPI 3.1 webhooks', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\.1/);
    expect(Object.keys(spec.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    for (const entry of catalog) {
      const body = spec.webhooks[entry.name].post.requestBody.content['application/json'];
      const { $schema: _, ...schema } = entry.schema;
      expect(body.schema).toEqual(schema);
    }
  });

  it('query.created and query.escalated carry why a person must take over (metadata.escalation_kind)', async () => {
    const kinds = await Receiver.start();
    try {
      await h.createWebhook({ url: kinds.url, events: ['query.created', 'query.escalated'] });
      const ask = async (message: string, userId: string) =>
        (
          await h.app.inject({ method: 'POST', url: '/api/v1/query', payload: { message, user_id: userId } })
        ).json() as { conversation_id: string; metadata: { escalation_kind: string | null } };
      const person = await ask('could a real person from HR look at my overtime hours, please', 'emp-kind-1');
      const plain = await ask('How many vacation days can I carry over?', 'emp-kind-2');
      expect(person.metadata.escalation_kind).toBe('human_request');
      await h.worker().runOnce();
      const sent = (conversation: string) =>
        kinds
          .bodies()
          .filter((body) => (body.data as { query_id: string }).query_id === conversation)
          .map((body) => [
            body.event,
            (body.data as { metadata: Record<string, unknown> }).metadata.escalation_kind,
          ]);
      expect(sent(person.conversation_id).sort()).toEqual([
        ['query.created', 'human_request'],
        ['query.escalated', 'human_request'],
      ]);
      expect(sent(plain.conversation_id)).toEqual([['query.created', null]]);
    } finally {
      await kinds.close();
    }
  });

  it('every payload the worker sends validates against its published schema', async () => {
    await h.createWebhook({ url: receiver.url, events: [...EVENT_TYPES] });
    const stopping = await h.createWebhook({ url: gone.url, events: ['query.created'] });
    const ask = async (message: string, userId: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/query',
        payload: { message, user_id: userId },
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { conversation_id: string; metadata: { escalated: boolean } };
    };
    const answered = await ask('How do I enroll in the 401k?', 'emp-catalog-1');
    const escalated = await ask(
      'My manager keeps harassing me in meetings and I am scared to report it.',
      'emp-catalog-2',
    );
    expect(escalated.metadata.escalated).toBe(true);
    const feedback = await h.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: {
        conversation_id: answered.conversation_id,
        user_id: 'emp-catalog-1',
        rating: 4,
        comment: 'helpful',
      },
    });
    expect(feedback.statusCode).toBeLessThan(300);
    const replied = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${escalated.conversation_id}/reply`,
      headers: adminHeaders,
      payload: { message: 'Could you tell me when this started?' },
    });
    expect(replied.statusCode).toBe(200);
    const resolved = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${escalated.conversation_id}/resolve`,
      headers: adminHeaders,
      payload: { response: 'HR will call you today.', resolved_by: 'Dana' },
    });
    expect(resolved.statusCode).toBe(200);
    const test = await h.api('POST', `/api/v1/webhooks/${stopping.id}/test`);
    expect(test.json().status_code).toBe(410);
    const worker = h.worker();
    await worker.runOnce();
    await worker.runOnce();

    const ajv = validator();
    const schemas = new Map(catalog.map((entry) => [entry.name, entry.schema]));
    const seen = new Set<string>();
    for (const body of receiver.bodies()) {
      const type = body.event as string;
      seen.add(type);
      const valid = ajv.validate(schemas.get(type) as object, body);
      expect(valid, `${type}: ${ajv.errorsText()}`).toBe(true);
    }
    const testSent = await h.api(
      'POST',
      `/api/v1/webhooks/${(await h.createWebhook({ url: receiver.url })).id}/test`,
    );
    expect(testSent.json().success).toBe(true);
    const last = receiver.bodies().at(-1) as Record<string, unknown>;
    expect(ajv.validate(schemas.get('webhook.test') as object, last), ajv.errorsText()).toBe(true);
    seen.add(last.event as string);
    expect([...seen].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
