/**
 * Lists evaluation lines copied into training data, code, tests or docs, or shared by two evaluation sets
 * (`npm run leaks`). The same check runs in `npm test`; this prints the findings with a count per set.
 */
import { fileURLToPath } from 'node:url';
import { describeReport, findLeaks } from './lib/eval-leaks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const report = findLeaks(root);
const elapsed = performance.now() - started;
const text = describeReport(report);
if (text !== '') console.log(text);
const perSet: Record<string, number> = {};
for (const leak of report.leaks) perSet[leak.eval.file] = (perSet[leak.eval.file] ?? 0) + 1;
console.log(
  `\n${report.leaks.length} finding(s), ${report.malformed.length} malformed line(s); ` +
    `${report.evalLines.length} evaluation lines against ${report.scannedFiles} files in ${elapsed.toFixed(0)} ms`,
);
if (report.leaks.length > 0) console.table(perSet);
process.exitCode = report.leaks.length + report.malformed.length > 0 ? 1 : 0;
