import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSION_SECRET_FILE = 'session-secret';

/**
 * The 32-byte key of the pages' encrypted session cookie: from SESSION_SECRET when set (every replica must share
 * it), otherwise generated once and kept in DATA_DIR with mode 0600, like the admin key.
 */
export function sessionKey(configured: string | undefined, dataDir: string): Buffer {
  let secret = configured;
  if (secret === undefined) {
    const file = path.join(dataDir, SESSION_SECRET_FILE);
    if (fs.existsSync(file)) secret = fs.readFileSync(file, 'utf8').trim();
    if (secret === undefined || secret.length < 32) {
      fs.mkdirSync(dataDir, { recursive: true });
      secret = randomBytes(32).toString('base64url');
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    }
  }
  // A hash turns any secret of 32+ characters into exactly the key length the cookie cipher needs.
  return createHash('sha256').update(secret).digest();
}
