import { describe, expect, it } from 'vitest';
import { useTracedServer } from './trace-server.js';

const ADMIN_KEY = 'confidential-log-test-key-41c9e07d';
const REPORTER = 'emp-log-reporter';

/** Words each step of the case writes; none may reach the process output or a thin webhook. */
const TEXT = {
  report: 'My supervisor keeps sexually harassing me and cornered me by the loading dock again',
  followUp: 'He did it again yesterday beside the freight elevator on level two',
  streamed: 'My coworker groped me in the parking garage stairwell and threatened me if I tell anyone',
  reply: 'Please send me the names of any witnesses near the freight elevator',
  refusedReply: 'Uncleared agent drafting about the loading dock mezzanine',
  note: 'Interviewed the forklift operator on the night shift',
  resolution: 'A formal investigation is open with the ethics office and the supervisor is suspended',
  comment: 'Thank you for believing me about the loading dock',
};
/** Distinctive fragments of TEXT (a logged excerpt would carry them even if the whole text were cut). */
const FRAGMENTS = [
  'loading dock',
  'freight elevator',
  'parking garage stairwell',
  'sexually harassing',
  'groped',
  'forklift operator',
  'ethics office',
  'believing me',
  'mezzanine',
];

/**
 * The real server process at LOG_LEVEL=trace while a confidential case is filed (plain and streamed), continued,
 * answered, noted, refused to an uncleared agent, resolved and rated: its whole output holds none of the case's
 * words, and a webhook created without include_confidential receives none either.
 */
describe('confidential case text never reaches the logs', () => {
  const traced = useTracedServer(ADMIN_KEY);

  it('while the case is filed, continued, answered, refused, noted, resolved and rated', async () => {
    const call = async (method: string, url: string, body?: unknown, credential?: string) => {
      const res = await fetch(`${traced.server.baseUrl}${url}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    };
    const json = (res: { text: string }) => JSON.parse(res.text) as Record<string, unknown>;
    const issue = async (name: string, role: string) =>
      json(await call('POST', '/api/v1/tokens', { name, role }, ADMIN_KEY)).token as string;
    const agent = await issue('log-agent', 'hr_agent');
    const cleared = await issue('log-cleared', 'hr_confidential');
    const hook = await call(
      'POST',
      '/api/v1/webhooks',
      {
        url: traced.receiver.url,
        events: ['query.created', 'query.escalated', 'query.replied', 'query.resolved', 'feedback.received'],
      },
      ADMIN_KEY,
    );
    expect(hook.status).toBe(201);

    const filed = await call('POST', '/api/v1/query', { message: TEXT.report, user_id: REPORTER });
    expect(filed.status).toBe(200);
    const conversationId = json(filed).conversation_id as string;
    expect(json(filed).metadata).toMatchObject({ escalated: true, confidential: true });
    const followUp = await call('POST', '/api/v1/query', {
      message: TEXT.followUp,
      user_id: REPORTER,
      conversation_id: conversationId,
    });
    expect(followUp.status).toBe(200);
    const streamed = await call('POST', '/api/v1/query/stream', {
      message: TEXT.streamed,
      user_id: REPORTER,
    });
    expect(streamed.status).toBe(200);
    expect(streamed.text).toContain('confidential');

    const base = `/api/v1/conversations/${conversationId}`;
    expect((await call('POST', `${base}/reply`, { message: TEXT.refusedReply }, agent)).status).toBe(403);
    expect((await call('POST', `${base}/reply`, { message: TEXT.reply }, cleared)).status).toBe(200);
    expect((await call('POST', `${base}/notes`, { content: TEXT.note }, cleared)).status).toBe(201);
    expect((await call('GET', base, undefined, agent)).status).toBe(403);
    expect((await call('GET', '/api/v1/cases?view=all', undefined, agent)).status).toBe(200);
    const resolved = await call(
      'POST',
      `${base}/resolve`,
      { response: TEXT.resolution, resolved_by: 'Rosa' },
      cleared,
    );
    expect(resolved.status).toBe(200);
    const rated = await call('POST', '/api/v1/feedback', {
      conversation_id: conversationId,
      user_id: REPORTER,
      rating: 5,
      comment: TEXT.comment,
    });
    expect(rated.status).toBeLessThan(500);

    // Let the embedded worker deliver (and log) the events, up to the resolution (bounded at 30 s).
    const delivered = (event: string) => traced.received.some((body) => body.includes(`"event":"${event}"`));
    for (let i = 0; i < 300 && !(delivered('query.replied') && delivered('query.resolved')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const event of ['query.created', 'query.escalated', 'query.replied', 'query.resolved']) {
      expect(delivered(event), event).toBe(true);
    }

    const output = traced.server.output();
    // The logs really were written, about these very requests.
    expect(output).toContain('incoming request');
    expect(output).toContain(`${base}/resolve`);
    for (const fragment of FRAGMENTS) expect(output, fragment).not.toContain(fragment);
    for (const body of traced.received) {
      for (const fragment of FRAGMENTS) expect(body, fragment).not.toContain(fragment);
    }
    expect(traced.received.some((body) => body.includes('"confidential":true'))).toBe(true);
  }, 120_000);
});
