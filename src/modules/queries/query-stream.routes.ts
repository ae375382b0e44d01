import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, errorBody } from '../../errors.js';
import { actingEmployee } from '../identity/ownership.js';
import { QueryRequest } from './queries.schemas.js';
import { DEFAULT_USER_ID, type QueriesService, type QueryAnswer } from './queries.service.js';

export interface QueryStreamRoutesOptions {
  queries: QueriesService;
}

interface SseEvent {
  event: 'meta' | 'token' | 'reset' | 'done' | 'error';
  data: unknown;
}

/** A server-sent events body that tolerates the client hanging up: later events are simply dropped. */
function eventStream() {
  const stream = new PassThrough();
  // Fastify destroys the body when the client disconnects; without a listener the next write would crash.
  stream.on('error', () => {});
  const frame = ({ event, data }: SseEvent) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const open = () => !stream.destroyed && !stream.writableEnded;
  return {
    stream,
    send(event: SseEvent): void {
      if (open()) stream.write(frame(event));
    },
    end(event: SseEvent): void {
      if (open()) stream.end(frame(event));
    },
  };
}

/**
 * The text still owed to a client that has seen `streamed`: nothing, the rest of the answer, or (when the
 * provider failed partway and the local answer replaced its text) a reset followed by the whole answer.
 */
export function closingEvents(streamed: string, response: string): SseEvent[] {
  if (streamed.trim() === response.trim()) return [];
  if (streamed !== '' && response.startsWith(streamed)) {
    return [{ event: 'token', data: { text: response.slice(streamed.length) } }];
  }
  const whole: SseEvent = { event: 'token', data: { text: response } };
  return streamed === '' ? [whole] : [{ event: 'reset', data: {} }, whole];
}

export const queryStreamRoutes: FastifyPluginAsyncTypebox<QueryStreamRoutesOptions> = async (
  app,
  { queries },
) => {
  app.post(
    '/api/v1/query/stream',
    {
      config: { access: 'employee' },
      schema: {
        tags: ['queries'],
        summary: 'Ask an HR question, streaming the answer (server-sent events)',
        description:
          'Same body as POST /api/v1/query. Events: `meta` (conversation_id, category, sentiment, priority, ' +
          'escalated…), `token` ({ text }) as the answer is written, `reset` (discard the text shown so far; ' +
          'the provider failed and the local answer follows), `done` (exactly what POST /api/v1/query returns) ' +
          'or `error` (the common error body). Bad input and unknown conversations are rejected with a JSON ' +
          'error before any event.',
        body: QueryRequest,
        produces: ['text/event-stream'],
        response: {
          200: {
            description: 'An event stream: meta, token…, done',
            // Typed as the stream the handler sends; documented as the text it carries.
            content: { 'text/event-stream': { schema: Type.Unsafe<PassThrough>({ type: 'string' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const { message, user_id, conversation_id } = request.body;
      const userId = actingEmployee(request.principal, user_id);
      const events = eventStream();
      let streamed = '';
      let announceStart: () => void = () => {};
      const started = new Promise<void>((resolve) => {
        announceStart = resolve;
      });
      const answer = queries.ask(
        {
          message,
          userId: userId ?? DEFAULT_USER_ID,
          conversationId: conversation_id,
        },
        {
          onMeta: (meta) => {
            events.send({ event: 'meta', data: meta });
            announceStart();
          },
          onToken: (text) => {
            streamed += text;
            events.send({ event: 'token', data: { text } });
          },
        },
      );
      // Until the first event nothing is sent, so a bad conversation id still gets a normal JSON 404.
      await Promise.race([started, answer]);
      answer.then(
        (result: QueryAnswer) => {
          for (const event of closingEvents(streamed, result.response)) events.send(event);
          events.end({ event: 'done', data: result });
        },
        (error: unknown) => {
          request.log.error({ err: error }, 'streamed query failed after the stream began');
          const body =
            error instanceof AppError
              ? errorBody(error.code, error.message, request.id)
              : errorBody('INTERNAL_ERROR', 'Internal server error', request.id);
          events.end({ event: 'error', data: body });
        },
      );
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no') // keep reverse proxies from holding tokens back
        .send(events.stream);
    },
  );
};
