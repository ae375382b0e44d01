import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './databases.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The real server as a child process, with everything it writes (stdout and stderr) kept for inspection. */
export interface ServerProcess {
  baseUrl: string;
  /** Everything the process has written so far. */
  output(): string;
  stop(): void;
}

/**
 * Starts `src/server.ts` with exactly the given environment (plus PATH, a fresh DATA_DIR and PORT=0) and waits
 * until it says where it listens: bounded at 90 s, since start-up loads the models and seeds the knowledge base
 * and test machines are shared.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: tempDir(), PORT: '0', ...env },
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let baseUrl = '';
  for (let i = 0; i < 900 && !baseUrl; i++) {
    const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match) baseUrl = match[1]!;
    else if (child.exitCode !== null) break;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!baseUrl) {
    child.kill('SIGKILL');
    throw new Error(`server did not start:\n${output}`);
  }
  return { baseUrl, output: () => output, stop: () => child.kill('SIGKILL') };
}
