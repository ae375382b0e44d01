import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The Dockerfile checked without a Docker engine: the properties docs/deployment.md promises. */

const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const dockerignore = fs
  .readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** Instructions with their continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = instructions.filter((line) => /^FROM\s/i.test(line));
const finalStage = instructions.slice(instructions.lastIndexOf(stages.at(-1) as string));

/** The last matching rule of .dockerignore decides, as Docker does. */
function ignored(file: string): boolean {
  let excluded = false;
  for (const rule of dockerignore) {
    const negated = rule.startsWith('!');
    const pattern = negated ? rule.slice(1) : rule;
    const regex = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}(/|$)`);
    if (regex.test(file)) excluded = !negated;
  }
  return excluded;
}

interface PackageJson {
  scripts: { start: string };
}

describe('Dockerfile', () => {
  it('is multi-stage: a build stage compiles, the runtime stage installs production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/RUN npm run build\b/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(finalStage.some((line) => /^COPY --from=\S+ \S*dist/.test(line))).toBe(true);
    expect(finalStage.some((line) => /^COPY --from=\S+ \S*node_modules/.test(line))).toBe(true);
  });

  it('runs as a non-root user', () => {
    const user = finalStage.filter((line) => /^USER\s/i.test(line)).at(-1);
    expect(user).toBeDefined();
    expect(user?.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('has a HEALTHCHECK on /api/v1/health that needs no curl', () => {
    const healthcheck = instructions.find((line) => /^HEALTHCHECK\s/i.test(line));
    expect(healthcheck).toContain('/api/v1/health');
    expect(healthcheck).toContain('"node"');
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it('starts the API by default; the worker is the same image with another command', () => {
    // With the V8 flags `npm start` passes (a small young generation, one collection after start-up).
    const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson)
      .scripts.start;
    const flags = start.split(/\s+/).filter((word) => word.startsWith('--'));
    expect(flags.length).toBeGreaterThan(0);
    expect(instructions.at(-1)).toBe(
      `CMD ${JSON.stringify(['node', ...flags, 'dist/server.js']).replaceAll(',', ', ')}`,
    );
    for (const entry of ['src/server.ts', 'src/cli/worker.ts', 'src/cli/migrate.ts'])
      expect(fs.existsSync(path.join(root, entry))).toBe(true);
  });

  it('copies what the compiled app reads at run time, and .dockerignore lets it through', () => {
    const copied = finalStage
      .filter((line) => /^COPY\s/i.test(line) && !line.includes('--from='))
      .map((line) => line.split(/\s+/)[1] as string);
    for (const needed of ['package.json', 'data/kb', 'data/training', 'src/web/public']) {
      expect(copied, needed).toContain(needed);
    }
    for (const source of [...copied, 'package-lock.json', 'src', 'tsconfig.json', 'tsconfig.build.json']) {
      expect(fs.existsSync(path.join(root, source)), source).toBe(true);
      expect(ignored(source), `${source} is excluded by .dockerignore`).toBe(false);
    }
    expect(fs.existsSync(path.join(root, 'data/kb/articles.json'))).toBe(true);
  });

  it('.dockerignore keeps the context small: no git history, modules, tests or local databases', () => {
    for (const excluded of [
      '.git',
      'node_modules',
      'dist',
      'test',
      'bench',
      'data/hr-platform.db',
      'data/admin-api-key',
    ])
      expect(ignored(excluded), excluded).toBe(true);
  });
});
