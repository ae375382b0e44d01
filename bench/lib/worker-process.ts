import { type ChildProcess, spawn } from 'node:child_process';
import { root } from './processes.js';

/** A process started from a TypeScript entry (the API server or `npm run worker`) for multi-process runs. */
export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** The API's base URL, or the worker's id (hostname:pid:suffix, the lease owner it writes). */
  address: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

const READY = {
  server: /Server listening at (http:\/\/[^"\s]+)/,
  worker: /"worker":"([^"]+)"[^\n]*webhook delivery worker started/,
} as const;

/**
 * Starts `src/server.ts` or `src/cli/worker.ts` under tsx with the given environment (on top of PATH only, so
 * nothing of the parent's configuration leaks in) and waits for its ready line.
 */
export function startAppProcess(
  role: keyof typeof READY,
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<AppProcess> {
  const entry = role === 'server' ? 'src/server.ts' : 'src/cli/worker.ts';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not become ready in ${timeoutMs} ms:\n${output.slice(-4000)}`));
    }, timeoutMs);
    const keep = (chunk: Buffer) => {
      // Keep the tail only: a worker under load logs little, but a long run must not grow without bound.
      output = (output + chunk.toString()).slice(-200_000);
      if (ready) return;
      const match = READY[role].exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        child,
        pid: child.pid as number,
        address: match[1] as string,
        exited,
        output: () => output,
        stop: (graceMs = 20_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return exited;
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
          return exited.finally(() => clearTimeout(force));
        },
      });
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    void exited.then((code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output.slice(-4000)}`));
    });
  });
}
