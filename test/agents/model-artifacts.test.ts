import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  artifactFile,
  artifactText,
  MODEL_SPECS,
  shippedModels,
  trainingHash,
  trainSnapshots,
} from '../../src/modules/agents/model-artifacts.js';

const FIX =
  "Run `npm run train` after any change to data/training, data/kb/articles.json or the models' code, and commit data/models.";

describe('trained model artifacts (data/models)', () => {
  it('are loaded at start without training when they match the training files', () => {
    const warnings: string[] = [];
    const models = shippedModels((message) => warnings.push(message));
    expect(warnings, `${warnings.join('\n')}\n${FIX}`).toEqual([]);
    for (const spec of MODEL_SPECS) expect(models[spec.name]).toBeDefined();
  });

  it('are byte for byte what training on the current training files produces', () => {
    const trainedOn = trainingHash();
    const stale: string[] = [];
    for (const [name, snapshot] of trainSnapshots()) {
      const file = artifactFile(name);
      const shipped = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (shipped !== artifactText(name, trainedOn, snapshot))
        stale.push(`${relative(process.cwd(), file)} ${shipped === undefined ? 'is missing' : 'differs'}`);
    }
    expect(
      stale,
      `The shipped models are not what training produces now: ${stale.join(', ')}. ${FIX}`,
    ).toEqual([]);
  }, 600_000);
});
