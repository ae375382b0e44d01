import { relative } from 'node:path';
import { trainingHash, writeArtifacts } from '../modules/agents/model-artifacts.js';

/**
 * `npm run train`: trains every model from data/training and the shipped articles and writes the artifacts the
 * app loads at start (data/models/*.json). Run it after any change to the training files or the articles file.
 */
const started = performance.now();
const files = writeArtifacts();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`Trained on ${trainingHash()} in ${seconds} s:\n`);
for (const file of files) process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
