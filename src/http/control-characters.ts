import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../errors.js';

// C0 controls except tab, line feed and carriage return, DEL, and the C1 controls. PostgreSQL cannot store
// U+0000 at all while SQLite can, and the others only ever arrive by accident or to corrupt logs and terminals.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this guard's whole job.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const MAX_DEPTH = 32;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The path of the first string (value or key) holding a control character, and the character found. */
function findControl(value: unknown, path: string, depth = 0): { path: string; char: string } | undefined {
  if (typeof value === 'string') {
    const match = CONTROL.exec(value);
    return match ? { path, char: match[0] } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const inKey = CONTROL.exec(key);
    const itemPath = `${path}/${key.replace(CONTROL, '?')}`;
    if (inKey) return { path: itemPath, char: inKey[0] };
    const found = findControl(item, itemPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses control characters anywhere in a request's path parameters, query string and JSON body with a 422
 * naming the field, before any route runs: one rule for every route and both database engines.
 */
export function registerControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const found =
      findControl(request.params, 'params') ??
      findControl(request.query, 'querystring') ??
      findControl(request.body, 'body');
    if (found) {
      done(invalid(`${found.path} must not contain control characters (found ${codePoint(found.char)})`));
      return;
    }
    done();
  });
}
