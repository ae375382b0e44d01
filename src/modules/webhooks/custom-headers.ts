/**
 * Extra request headers a webhook sends with every attempt (an API key the receiver wants, a routing hint).
 * What would change how the request is framed or verified is refused: hop-by-hop headers, Host, Content-*, and
 * the signature headers. Values are shown masked (they are often credentials); an edit that sends the mask
 * back keeps the stored value.
 */

export const MAX_HEADERS = 20;
export const MAX_HEADER_VALUE = 1000;
export const HEADER_MASK = '****';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const VISIBLE = /^[\t\x20-\x7e]*$/;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const SIGNATURE = new Set(['webhook-id', 'webhook-timestamp', 'webhook-signature']);

export class HeaderError extends Error {}

function refusal(name: string): string | null {
  const lower = name.toLowerCase();
  if (!TOKEN.test(name)) return `"${name}" is not a valid header name`;
  if (HOP_BY_HOP.has(lower)) return `${name} is a hop-by-hop header`;
  if (lower === 'host') return 'Host is set from the URL';
  if (lower.startsWith('content-')) return `${name} describes the body, which the platform writes`;
  if (SIGNATURE.has(lower) || lower.startsWith('x-webhook-')) return `${name} is a signature header`;
  return null;
}

/**
 * The headers to store, lower-cased names: checked, with masked values restored from the stored ones.
 * `hasUrlCredentials`: the URL already sends Authorization, so a second one is refused.
 */
export function checkHeaders(
  headers: Record<string, string>,
  stored: string | null,
  hasUrlCredentials: boolean,
): Record<string, string> {
  const previous = stored === null ? {} : (JSON.parse(stored) as Record<string, string>);
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) throw new HeaderError(`at most ${MAX_HEADERS} headers`);
  const clean: Record<string, string> = {};
  for (const [name, value] of entries) {
    const why = refusal(name);
    if (why) throw new HeaderError(why);
    const lower = name.toLowerCase();
    if (lower in clean) throw new HeaderError(`${name} is given twice`);
    if (lower === 'authorization' && hasUrlCredentials)
      throw new HeaderError('Authorization is already sent from the credentials in the URL');
    if (value.length > MAX_HEADER_VALUE || !VISIBLE.test(value))
      throw new HeaderError(`${name}: values are up to ${MAX_HEADER_VALUE} visible ASCII characters`);
    if (value === HEADER_MASK) {
      const kept = previous[lower];
      if (kept === undefined)
        throw new HeaderError(`${name}: "${HEADER_MASK}" is a mask; send the real value`);
      clean[lower] = kept;
    } else clean[lower] = value;
  }
  return clean;
}

export function parseHeaders(stored: string | null): Record<string, string> {
  return stored === null ? {} : (JSON.parse(stored) as Record<string, string>);
}

/** How headers appear in answers: names, with every value masked. */
export function maskedHeaders(stored: string | null): Record<string, string> {
  return Object.fromEntries(Object.keys(parseHeaders(stored)).map((name) => [name, HEADER_MASK]));
}
