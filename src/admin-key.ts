import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

export const ADMIN_KEY_FILE = 'admin-api-key';

/**
 * Returns the admin key: ADMIN_API_KEY when set, otherwise the key kept in DATA_DIR, generated on first start.
 * The generated key is written with mode 0600 and printed once, when it is created.
 */
export function resolveAdminKey(configured: string | undefined, dataDir: string, log: Logger): string {
  if (configured !== undefined) return configured;
  const file = path.join(dataDir, ADMIN_KEY_FILE);
  if (fs.existsSync(file)) {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= 16) return kept;
  }
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = `hrk_${randomBytes(32).toString('base64url')}`;
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  log.warn({ file }, `Generated an admin API key (kept in ${file}, readable by its owner only): ${key}`);
  return key;
}
