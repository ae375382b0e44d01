import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background thread folds the write-ahead log back into the database file. */
const DEFAULT_INTERVAL_MS = 100;

export interface CheckpointReport {
  /** Frames in the write-ahead log, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface SqliteCheckpointer {
  /** Resolves with the next checkpoint's report (for tests and diagnostics). */
  nextCheckpoint(): Promise<CheckpointReport>;
  stop(): Promise<void>;
}

// The thread's code: plain CommonJS so it runs the same under tsx and from the compiled build.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 100');
const timer = setInterval(() => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
  } catch {
    // Busy or locked: the next tick tries again.
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * SQLite checkpoints the write-ahead log on the connection that commits, synchronously — copying pages and
 * syncing the file inside one unlucky request, on the event loop (`npx tsx bench/sqlite-commit.ts`: a 3-row
 * commit at p50 0.2 ms has a p99 of 20-25 ms because of it, and about 1 ms on this thread). The app's connection turns automatic checkpoints down to a backstop, and this
 * thread, with its own connection, runs PASSIVE checkpoints (which never block readers or writers) every
 * `intervalMs` instead. Under constant writes the log then grows to the backstop, where the committing
 * connection's own checkpoint finds the pages already copied and only lets the log start over; a RESTART
 * from the thread would bound it sooner but makes commits wait for its lock (measured: mean commit 0.34 →
 * 0.56 ms), so the log is allowed its 40 MB.
 */
export function startSqliteCheckpointer(file: string, intervalMs = DEFAULT_INTERVAL_MS): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  // Never keep the process alive for it; stop() ends it on a graceful close.
  worker.unref();
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  let stopped: Promise<void> | undefined;
  return {
    nextCheckpoint: () =>
      new Promise((resolve, reject) => {
        const onMessage = (report: CheckpointReport) => {
          worker.off('error', onError);
          resolve(report);
        };
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
      }),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        // Keep the process alive until the thread has closed its connection.
        worker.ref();
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
