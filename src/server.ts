import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** Process entry: read the configuration, boot the app, listen, and close gracefully on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 30_000);
    forced.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`API docs at http://${config.host}:${config.port}/docs`);
  releaseStartupGarbage();
}

/**
 * Loading the models parses ~16 MB of JSON; the text and the intermediate objects are garbage once the server
 * listens, but V8 may hold them (and the pages they sit on) until a full collection it schedules much later.
 * `npm start` passes --expose-gc so one full collection right after start-up returns that memory at once.
 */
function releaseStartupGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) setImmediate(gc);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
