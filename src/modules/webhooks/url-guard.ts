import dns from 'node:dns';
import net from 'node:net';

/**
 * The SSRF guard: webhook URLs may only reach public unicast addresses. Hosts are checked when a webhook is
 * registered and again on the address actually resolved at delivery time (see sender.ts), so a DNS record
 * changed after registration cannot point deliveries into the private network.
 */

const v4Blocks: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved (IETF protocol assignments)'],
  ['192.0.2.0', 24, 'reserved (documentation)'],
  ['192.88.99.0', 24, 'reserved (6to4 relay)'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved (benchmarking)'],
  ['198.51.100.0', 24, 'reserved (documentation)'],
  ['203.0.113.0', 24, 'reserved (documentation)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const v6Blocks: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved (IPv4-compatible)'],
  ['100::', 64, 'reserved (discard)'],
  ['2001::', 23, 'reserved (IETF protocol assignments)'],
  ['2001:db8::', 32, 'reserved (documentation)'],
  ['fc00::', 7, 'private (unique local)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved (site-local)'],
  ['ff00::', 8, 'multicast'],
];

const lists = new Map<string, net.BlockList>();
function listFor(reason: string, family: 'ipv4' | 'ipv6', address: string, prefix: number): void {
  const key = `${family}:${reason}`;
  let list = lists.get(key);
  if (!list) {
    list = new net.BlockList();
    lists.set(key, list);
  }
  list.addSubnet(address, prefix, family);
}
for (const [address, prefix, reason] of v4Blocks) listFor(reason, 'ipv4', address, prefix);
for (const [address, prefix, reason] of v6Blocks) listFor(reason, 'ipv6', address, prefix);

/** Expands an IPv6 address into eight 16-bit groups (handles "::" and a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    const tail = `${(((parts[0] ?? 0) << 8) | (parts[1] ?? 0)).toString(16)}:${(((parts[2] ?? 0) << 8) | (parts[3] ?? 0)).toString(16)}`;
    text = text.slice(0, -dotted[1].length) + tail;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill('0'), ...right].map((g) => Number.parseInt(g, 16) || 0);
}

function embeddedIpv4(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** Why an address may not be contacted, or null when it is public. */
export function blockedReason(address: string): string | null {
  const family = net.isIP(address);
  if (family === 4) {
    for (const [key, list] of lists) {
      if (key.startsWith('ipv4:') && list.check(address, 'ipv4')) return key.slice(5);
    }
    return null;
  }
  if (family !== 6) return 'not an IP address';
  const g = ipv6Groups(address);
  // IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach an IPv4 host: judge that host.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return blockedReason(embeddedIpv4(g[6] ?? 0, g[7] ?? 0));
  }
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return blockedReason(embeddedIpv4(g[6] ?? 0, g[7] ?? 0));
  }
  if (g[0] === 0x2002) return blockedReason(embeddedIpv4(g[1] ?? 0, g[2] ?? 0));
  const normalized = g.map((x) => x.toString(16)).join(':');
  for (const [key, list] of lists) {
    if (key.startsWith('ipv6:') && list.check(normalized, 'ipv6')) return key.slice(5);
  }
  return null;
}

export class BlockedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedUrlError';
  }
}

/** The host of a URL as an address or name: brackets removed; numeric IPv4 forms are already normalised by URL. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Parses and checks the shape of a webhook URL; throws a plain-words message when it is unusable. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError(`"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockedUrlError(
      `URL scheme "${url.protocol.replace(':', '')}" is not allowed (use http or https)`,
    );
  }
  if (!url.hostname) throw new BlockedUrlError('URL has no host');
  return url;
}

const localNames = /(^|\.)(localhost|localdomain|internal|local)$/i;

/** Checks a host literally (IP literal or obviously local name) without DNS. */
export function checkHostLiteral(host: string): void {
  if (net.isIP(host)) {
    const reason = blockedReason(host);
    if (reason) throw new BlockedUrlError(`address ${host} is ${reason} and may not receive webhooks`);
  } else if (localNames.test(host.replace(/\.$/, ''))) {
    throw new BlockedUrlError(`host ${host} is a local name and may not receive webhooks`);
  }
}

export type Lookup = (host: string) => Promise<string[]>;

export const systemLookup: Lookup = async (host) =>
  (await dns.promises.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Registration-time check: the literal host, then every address it resolves to now. A name that does not
 * resolve yet is accepted; delivery checks again and fails plainly if it still doesn't.
 */
export async function assertPublicUrl(raw: string, lookup: Lookup = systemLookup): Promise<URL> {
  const url = parseWebhookUrl(raw);
  const host = urlHost(url);
  checkHostLiteral(host);
  if (net.isIP(host)) return url;
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch {
    return url;
  }
  for (const address of addresses) {
    const reason = blockedReason(address);
    if (reason) throw new BlockedUrlError(`host ${host} resolves to ${address}, which is ${reason}`);
  }
  return url;
}
