#!/usr/bin/env node
// `npm audit --omit=dev` for CI, failing on high or critical advisories in production dependencies.
// When the registry in use cannot answer audits (some mirrors allow only GET and return 405), it says so and
// exits 0 instead of failing every build: the audit must then run where registry.npmjs.org is reachable.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: false });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stderr || run.stdout);
  process.exit(1);
}

if (report.statusCode && !report.metadata) {
  console.warn(
    `npm audit unavailable from this registry (${report.message}); run it where registry.npmjs.org is reachable.`,
  );
  process.exit(0);
}

const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
  if (vulnerability.severity === 'high' || vulnerability.severity === 'critical') {
    const via = vulnerability.via
      .map((v) => (typeof v === 'string' ? v : `${v.title} (${v.url})`))
      .join('; ');
    console.log(`  ${vulnerability.severity.toUpperCase()} ${name} ${vulnerability.range}: ${via}`);
  }
}
process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
