import { parseArgs } from 'node:util';
import { ConfigError, loadListenerEnv } from '../config.js';
import { type ListenedEvent, startLocalListener } from '../modules/webhooks/local-listener.js';

/**
 * `npm run listen -- --forward-to http://localhost:3000/hooks [--events a,b] [--url http://127.0.0.1:8000]
 * [--token …] [--port n] [--public-url https://…] [--signature-scheme hmac|ed25519]`
 *
 * Like `stripe listen`: starts a local receiver, registers a temporary webhook pointing at it (with an API token
 * allowed to manage webhooks), verifies and prints each event, forwards it unchanged to --forward-to, and
 * deletes the temporary webhook on exit (Ctrl+C, SIGTERM). The server must be able to reach the receiver: on a
 * development server that means WEBHOOK_ALLOW_PRIVATE_URLS=true (loopback is refused otherwise); for a remote
 * server, expose the receiver (a tunnel) and pass its address as --public-url.
 */

const USAGE =
  'Usage: npm run listen -- --forward-to <url> [--events a,b] [--url <server>] [--token <token>] ' +
  '[--port <n>] [--public-url <url>] [--signature-scheme hmac|ed25519]';

class ApiError extends Error {}

interface Api {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

function apiClient(base: string, token: string): Api {
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(path, base), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) {
        let message = text;
        try {
          message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
        } catch {
          // not JSON: keep the text
        }
        throw new ApiError(`${method} ${path} answered ${response.status}: ${message}`);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Deletes the temporary webhook, trying again briefly after a transient failure; returns the error or null. */
async function deleteWebhook(api: Api, id: string): Promise<string | null> {
  let failure = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await api.call('DELETE', `/api/v1/webhooks/${id}`);
      return null;
    } catch (error) {
      failure = (error as Error).message;
      if (/answered 404/.test(failure)) return null; // already gone
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return failure;
}

function line(event: ListenedEvent, forwardTo: string): string {
  const time = new Date().toISOString().slice(11, 19);
  const what = `${event.eventType ?? '?'} ${event.eventId ?? ''}`.trim();
  if (!event.verified) return `${time}  ✗ ${what}  signature not verified (${event.error}); not forwarded`;
  if (event.forwardedStatus === null) return `${time}  ✓ ${what}  → ${forwardTo} failed: ${event.error}`;
  return `${time}  ✓ ${what}  → ${forwardTo} [${event.forwardedStatus}]`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'forward-to': { type: 'string' },
      events: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      'signature-scheme': { type: 'string' },
    },
    strict: true,
  });
  const forwardTo = values['forward-to'];
  if (!forwardTo) throw new Error(`--forward-to is required. ${USAGE}`);
  new URL(forwardTo); // a clear error before anything is registered
  const env = loadListenerEnv();
  const token = values.token ?? env.token;
  if (!token) throw new Error('an API token is required: --token, or HR_API_TOKEN or ADMIN_API_KEY');
  const api = apiClient(values.url ?? env.apiUrl, token);

  let events = values.events
    ?.split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!events?.length) {
    const catalog = await api.call<{ event_types: { name: string }[] }>(
      'GET',
      '/api/v1/webhooks/event-types',
    );
    // webhook.test is sent on demand to one webhook, never published.
    events = catalog.event_types.map((e) => e.name).filter((name) => name !== 'webhook.test');
  }

  let secret: string | null = null;
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const listener = await startLocalListener({
    forwardTo,
    secret: () => secret,
    report: (event) => out(line(event, forwardTo)),
    host: values.host,
    port: values.port === undefined ? 0 : Number(values.port),
  });
  let webhookId: string | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (webhookId !== null) {
      const failure = await deleteWebhook(api, webhookId);
      if (failure === null) out(`Deleted the temporary webhook ${webhookId}.`);
      else {
        process.stderr.write(`Could not delete the temporary webhook ${webhookId}: ${failure}\n`);
        code = code || 1;
      }
    }
    await listener.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const target = values['public-url'] ?? listener.url;
  try {
    const created = await api.call<{ id: string; secret_key: string }>('POST', '/api/v1/webhooks', {
      url: target,
      events,
      description: 'Temporary webhook of npm run listen (deleted when it stops)',
      // Short retries: a listener that is gone should not be retried for a day (it deletes the webhook anyway).
      retry_schedule: [1, 2],
      ...(values['signature-scheme'] ? { signature_scheme: values['signature-scheme'] } : {}),
    });
    webhookId = created.id;
    secret = created.secret_key;
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message}\n`);
    if (/may not receive webhooks|resolves to/.test(message)) {
      process.stderr.write(
        'The server refuses to deliver to this machine’s private address. On a development server set ' +
          'WEBHOOK_ALLOW_PRIVATE_URLS=true; for a remote server expose the listener (a tunnel) and pass ' +
          '--public-url.\n',
      );
    }
    await stop(1);
    return;
  }
  const verifyWith = secret.startsWith('whpk_') ? 'public key' : 'signing secret';
  out(`Ready: ${target} receives ${events.join(', ')} (temporary webhook ${webhookId}).`);
  out(`Forwarding to ${forwardTo}. Your endpoint verifies with this ${verifyWith}: ${secret}`);
  out('Press Ctrl+C to stop; the temporary webhook is deleted then.');
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof ApiError || error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`listen: ${message}\n`);
  process.exit(1);
});
