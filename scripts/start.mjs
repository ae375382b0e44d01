// `npm start`: runs the compiled server (dist/), compiling first when dist/ is missing or older than any file
// in src/. Running the TypeScript directly through tsx costs ~2 s and ~30 MB of transpiler at every start;
// `npm run dev` keeps tsx (with watch) for development. The V8 flags live in package.json's start script
// (`--max-semi-space-size=2`: a small young generation, ~40 MB less idle memory; `--expose-gc`: one full
// collection after start-up, see src/server.ts), as flags must be given before the process starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'server.js');

function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(join(root, 'src'))) {
  process.stderr.write('Compiling the server (dist/ is missing or older than src/)…\n');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(entry).href);
