/**
 * Credentials written into a webhook URL (https://user:pass@host/…). They are stored with the URL, sent as HTTP
 * Basic authentication (fetch-style clients never send URL userinfo, so receivers answered 401), and shown
 * nowhere: every view, audit entry and event shows the URL with both parts replaced by a mask.
 */

export const CREDENTIAL_MASK = '****';

export interface OutboundTarget {
  /** The URL without its userinfo. */
  url: string;
  /** "Basic …" when the URL carried credentials, else null. */
  authorization: string | null;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function hasCredentials(raw: string): boolean {
  const url = parse(raw);
  return url !== null && (url.username !== '' || url.password !== '');
}

/** Where to send and the Authorization header to send with it. */
export function outboundTarget(raw: string): OutboundTarget {
  const url = parse(raw);
  if (url === null || (url.username === '' && url.password === '')) return { url: raw, authorization: null };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return {
    url: url.toString(),
    authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`,
  };
}

/** The URL as shown to people and written to the audit trail and events. */
export function redactUrl(raw: string): string {
  const url = parse(raw);
  if (url === null || (url.username === '' && url.password === '')) return raw;
  url.username = CREDENTIAL_MASK;
  if (url.password !== '') url.password = CREDENTIAL_MASK;
  return url.toString();
}

export class MaskedCredentialsError extends Error {}

/**
 * A URL sent back as it was shown (credentials masked) keeps the stored credentials, so an edit form can send
 * the URL it displayed. The mask is only honoured for the same origin: moving the webhook elsewhere needs the
 * credentials typed again, or they could be carried to a host their owner never meant them for.
 */
export function restoreMaskedCredentials(incoming: string, stored: string | null): string {
  const url = parse(incoming);
  if (url === null || url.username !== CREDENTIAL_MASK) return incoming;
  if (url.password !== '' && url.password !== CREDENTIAL_MASK) return incoming;
  const previous = stored === null ? null : parse(stored);
  if (previous === null || previous.origin !== url.origin || !hasCredentials(stored as string)) {
    throw new MaskedCredentialsError(
      'the URL carries masked credentials (****); type the real credentials when changing the host',
    );
  }
  url.username = previous.username;
  url.password = previous.password;
  return url.toString();
}
