import { afterAll, beforeAll } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { Receiver } from '../webhooks/receiver.js';

/** The real server process logging at trace level, and a local webhook receiver it may deliver to. */
export interface TracedServer {
  server: ServerProcess;
  receiver: Receiver;
  /** The bodies the receiver has been sent so far. */
  readonly received: string[];
}

/**
 * Registers the set-up of a "nothing reaches the output" suite: a receiver on 127.0.0.1, then the server at
 * LOG_LEVEL=trace with the given admin key, allowed to deliver to that receiver. The fields are filled once the
 * suite starts; start-up is bounded at 120 s (it loads the models on a shared machine).
 */
export function useTracedServer(adminKey: string): TracedServer {
  const traced = {
    get received() {
      return traced.receiver.received.map((request) => request.body);
    },
  } as TracedServer;
  beforeAll(async () => {
    traced.receiver = await Receiver.start();
    traced.server = await startServerProcess({
      LOG_LEVEL: 'trace',
      ADMIN_API_KEY: adminKey,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      RATE_LIMIT_PER_MINUTE: '0',
    });
  }, 120_000);
  afterAll(async () => {
    traced.server?.stop();
    await traced.receiver?.close();
  });
  return traced;
}
