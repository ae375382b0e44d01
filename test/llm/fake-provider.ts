import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
    [key: string]: unknown;
  };
}

export type Behaviour = (request: RecordedRequest, res: http.ServerResponse) => void;

export interface FakeProvider {
  /** The LLM_BASE_URL to configure, e.g. http://127.0.0.1:12345/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
}

/**
 * A real OpenAI-compatible chat-completions server on loopback: POST /v1/chat/completions answering JSON, or
 * server-sent events when the request asks for `stream: true`. Tests choose how it behaves per case.
 */
export async function startFakeProvider(): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  let behaviour: Behaviour = answer('Default fake answer.');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const recorded: RecordedRequest = {
        path: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(recorded);
      behaviour(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave: (next) => {
      behaviour = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const usage = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };

function sse(res: http.ServerResponse, events: unknown[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) res.write(`data: ${JSON.stringify(event)}\n\n`);
  res.end('data: [DONE]\n\n');
}

function chunk(model: string | undefined, delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

/** A normal completion: JSON, or word-by-word SSE chunks when the client streams. */
export function answer(text: string): Behaviour {
  return (request, res) => {
    if (request.body.stream) {
      const words = text.split(/(?<= )/);
      sse(res, [
        chunk(request.body.model, { role: 'assistant', content: '' }),
        ...words.map((word) => chunk(request.body.model, { content: word })),
        chunk(request.body.model, {}, 'stop'),
        { ...chunk(request.body.model, {}), choices: [], usage },
      ]);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: request.body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage,
      }),
    );
  };
}

/** Holds the response back for `ms` (longer than the client's timeout in timeout tests). */
export function delayed(ms: number, then: Behaviour): Behaviour {
  return (request, res) => {
    const timer = setTimeout(() => then(request, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

export function status(code: number): Behaviour {
  return (_request, res) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `fake failure ${code}`, type: 'server_error' } }));
  };
}

export function raw(contentType: string, body: string): Behaviour {
  return (_request, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };
}

/** Streams a few good tokens, then stalls without ever finishing. */
export function stallingStream(firstTokens: string[]): Behaviour {
  return (request, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const token of firstTokens)
      res.write(`data: ${JSON.stringify(chunk(request.body.model, { content: token }))}\n\n`);
  };
}

/** Streams `first`, waits for `gate`, then streams `rest` and finishes: proves tokens reach the client early. */
export function gatedStream(first: string[], gate: Promise<void>, rest: string[]): Behaviour {
  return (request, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (text: string) =>
      res.write(`data: ${JSON.stringify(chunk(request.body.model, { content: text }))}\n\n`);
    first.forEach(send);
    void gate.then(() => {
      rest.forEach(send);
      res.end('data: [DONE]\n\n');
    });
  };
}
