import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard: webhook URLs may only reach public unicast addresses. Hosts are checked when a webhook is
 * registered and again on the address actually resolved at delivery time (see sender.ts), so a DNS record
 * changed after registration cannot point deliveries into the private network.
 */

type Block = [string, number, string];

const v4Blocks: Block[] = [
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

// Checked after the embedded IPv4 address (if any) was judged; outside 2000::/3 nothing is public anyway.
const v6Blocks: Block[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved (IPv4-compatible)'],
  ['::ffff:0:0:0', 96, 'reserved (IPv4-translated)'],
  ['64:ff9b:1::', 48, 'reserved (local-use NAT64)'],
  ['100::', 64, 'reserved (discard)'],
  ['2001::', 32, 'reserved (Teredo)'],
  ['2001::', 23, 'reserved (IETF protocol assignments)'],
  ['2001:db8::', 32, 'reserved (documentation)'],
  ['fc00::', 7, 'private (unique local)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved (site-local)'],
  ['ff00::', 8, 'multicast'],
];

type Range<T> = [T, number, string];
const v4Ranges: Range<ipaddr.IPv4>[] = v4Blocks.map(([a, bits, why]) => [ipaddr.IPv4.parse(a), bits, why]);
const v6Ranges: Range<ipaddr.IPv6>[] = v6Blocks.map(([a, bits, why]) => [ipaddr.IPv6.parse(a), bits, why]);
const globalUnicast = ipaddr.IPv6.parseCIDR('2000::/3');
const inRange = (address: ipaddr.IPv6, cidr: string) => address.match(ipaddr.IPv6.parseCIDR(cidr));

const v4FromParts = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address leads to, for every form that embeds one: IPv4-mapped (::ffff:0:0/96),
 * IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 well-known and local-use (64:ff9b::/96,
 * 64:ff9b:1::/48, taking the last 32 bits as a /96 translator does), 6to4 (2002::/16, bits 16–47) and Teredo
 * (2001::/32: the server in bits 32–63, the client in the last 32 bits inverted).
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = address.parts as number[];
  const at = (i: number) => p[i] ?? 0;
  const tail = v4FromParts(at(6), at(7));
  if (inRange(address, '::ffff:0:0/96') || inRange(address, '::ffff:0:0:0/96')) return [tail];
  if (inRange(address, '::/96') && address.range() !== 'unspecified' && address.range() !== 'loopback')
    return [tail];
  if (inRange(address, '64:ff9b::/96') || inRange(address, '64:ff9b:1::/48')) return [tail];
  if (inRange(address, '2002::/16')) return [v4FromParts(at(1), at(2))];
  if (inRange(address, '2001::/32'))
    return [v4FromParts(at(2), at(3)), v4FromParts(~at(6) & 0xffff, ~at(7) & 0xffff)];
  return [];
}

function ipv4Reason(address: ipaddr.IPv4): string | null {
  for (const [range, bits, reason] of v4Ranges) if (address.match(range, bits)) return reason;
  return null;
}

function ipv6Reason(address: ipaddr.IPv6): string | null {
  for (const embedded of embeddedIpv4(address)) {
    const reason = ipv4Reason(embedded);
    if (reason) return reason;
  }
  // A mapped or well-known NAT64 address of a public IPv4 host is that public host.
  if (inRange(address, '::ffff:0:0/96') || inRange(address, '64:ff9b::/96')) return null;
  for (const [range, bits, reason] of v6Ranges) if (address.match(range, bits)) return reason;
  if (!address.match(globalUnicast)) return 'not a global unicast address';
  return null;
}

/** Why an address may not be contacted, or null when it is public. IPv6 zone ids ("%eth0") are ignored. */
export function blockedReason(address: string): string | null {
  const bare = address.split('%')[0] ?? '';
  const family = net.isIP(bare);
  if (family === 4) return ipv4Reason(ipaddr.IPv4.parse(bare));
  if (family === 6) return ipv6Reason(ipaddr.IPv6.parse(bare));
  return 'not an IP address';
}

export class BlockedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedUrlError';
  }
}

/**
 * The host of a URL as an address or name: brackets and every trailing dot removed ("localhost.." is
 * localhost to a resolver), numeric IPv4 forms already normalised by URL.
 */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
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
  } else if (localNames.test(host.replace(/\.+$/, ''))) {
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
