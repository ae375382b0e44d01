import { createHash } from 'node:crypto';

/**
 * A short, stable, non-reversible name for an API key (first 8 hex characters of its SHA-256), so logs, rate
 * limits and the audit trail can tell keys apart without ever holding one.
 */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * The rate-limit bucket for a client address. IPv4-mapped IPv6 addresses count as their IPv4 address, and an
 * IPv6 client counts by its /64 network: one host is usually given a whole /64 and could otherwise rotate
 * through fresh addresses to escape its limit.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = ip.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}
