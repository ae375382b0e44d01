import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The training lines of a folder of `<label>.txt` files: one example per non-empty line, `#` starts a
 * comment. `labelOf` maps a file's name (without `.txt`) to its label, or to undefined to skip the file.
 */
export function readLabeledLines<Label>(
  folder: string,
  labelOf: (name: string) => Label | undefined,
): { label: Label; text: string }[] {
  const examples: { label: Label; text: string }[] = [];
  for (const file of readdirSync(folder)) {
    const label = file.endsWith('.txt') ? labelOf(file.slice(0, -'.txt'.length)) : undefined;
    if (label === undefined) continue;
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const text = line.trim();
      if (text.length > 0 && !text.startsWith('#')) examples.push({ label, text });
    }
  }
  return examples;
}
