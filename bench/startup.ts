import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, root, rssMb } from './lib/processes.js';

export interface StartupFigures {
  /** From spawning the process to the first healthy answer of /api/v1/health (agent ready). */
  healthySeconds: number;
  /** Resident memory after the server has sat idle for a few seconds. */
  idleRssMb: number;
  /** CPU seconds the server process used until healthy: the start-up work itself, whatever the machine's load. */
  cpuSeconds: number;
}

const IDLE_MS = 5000;

/** The Node flags `npm start` passes (package.json's start script), so the measured process is the real one. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * Starts the server the way `npm start` does (its Node flags, then scripts/start.mjs: the compiled server,
 * compiled first if stale)
 * on a fresh SQLite file, and measures start-to-healthy and the idle resident memory. A first start compiles
 * when needed and seeds nothing that the measured starts rely on; each measured start gets its own data folder,
 * so it also seeds the knowledge base, as a first start in production does.
 */
export async function measureStartup(runs = 3): Promise<StartupFigures> {
  await startOnce(); // compiles dist/ if it is stale, outside the measurement
  const figures: StartupFigures[] = [];
  for (let i = 0; i < runs; i++) figures.push(await startOnce());
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    healthySeconds: median(figures.map((f) => f.healthySeconds)),
    idleRssMb: median(figures.map((f) => f.idleRssMb)),
    cpuSeconds: median(figures.map((f) => f.cpuSeconds)),
  };
}

async function startOnce(): Promise<StartupFigures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hr-startup-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), 'scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'hr.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const deadline = Date.now() + 120_000;
    let healthySeconds = Number.NaN;
    let cpuSeconds = Number.NaN;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        const body = (await response.json()) as { status?: string; agent_ready?: boolean };
        if (response.ok && body.status === 'healthy' && body.agent_ready) {
          healthySeconds = (performance.now() - started) / 1000;
          cpuSeconds = await cpuSecondsOf(child.pid);
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (Number.isNaN(healthySeconds)) throw new Error(`the server did not become healthy: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { healthySeconds, idleRssMb: await rssMb(child.pid), cpuSeconds };
  } finally {
    await new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** User + system CPU time of a process, from /proc (Linux; clock ticks of 1/100 s). */
async function cpuSecondsOf(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureStartup(Number(process.argv[2] ?? 3));
  process.stdout.write(
    `start to healthy ${figures.healthySeconds.toFixed(2)} s (${figures.cpuSeconds.toFixed(2)} s of CPU), idle RSS ${figures.idleRssMb.toFixed(0)} MB\n`,
  );
}
