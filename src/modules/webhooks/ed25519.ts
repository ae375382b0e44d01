import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/**
 * The asymmetric scheme of Standard Webhooks (`v1a`): an Ed25519 signature over "{id}.{seconds}.{body}", sent
 * as "v1a,<base64>" in webhook-signature. Key formats as the specification writes them:
 * - public key  `whpk_` + base64 of the raw 32-byte key (what receivers verify with; not a secret);
 * - private key `whsk_` + base64 of the 64-byte seed‖public key (libsodium's form); it never leaves the server.
 */

export const PUBLIC_KEY_PREFIX = 'whpk_';
export const PRIVATE_KEY_PREFIX = 'whsk_';

// DER headers that turn a raw 32-byte Ed25519 seed / public key into PKCS#8 / SPKI, which node:crypto loads.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKeyPair {
  privateKey: string;
  publicKey: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return {
    privateKey: PRIVATE_KEY_PREFIX + Buffer.concat([seed, raw]).toString('base64'),
    publicKey: PUBLIC_KEY_PREFIX + raw.toString('base64'),
  };
}

function decode(key: string, prefix: string, lengths: number[]): Buffer {
  if (!key.startsWith(prefix)) throw new Error(`an Ed25519 key must start with ${prefix}`);
  const bytes = Buffer.from(key.slice(prefix.length), 'base64');
  if (!lengths.includes(bytes.length))
    throw new Error(`an ${prefix} key must decode to ${lengths.join(' or ')} bytes`);
  return bytes;
}

// Parsing a key costs more than signing with it; webhooks sign with the same few keys over and over.
const KEY_CACHE_LIMIT = 1000;
const keyCache = new Map<string, KeyObject>();

function cached(key: string, load: () => KeyObject): KeyObject {
  let object = keyCache.get(key);
  if (!object) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    object = load();
    keyCache.set(key, object);
  }
  return object;
}

function privateKeyObject(privateKey: string): KeyObject {
  return cached(privateKey, () => {
    const seed = decode(privateKey, PRIVATE_KEY_PREFIX, [64, 32]).subarray(0, 32);
    return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  });
}

function publicKeyObject(publicKey: string): KeyObject {
  return cached(publicKey, () => {
    const raw = decode(publicKey, PUBLIC_KEY_PREFIX, [32]);
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  });
}

/** The public key of a stored private key (rotation and views derive it rather than storing it twice). */
export function publicKeyOf(privateKey: string): string {
  return PUBLIC_KEY_PREFIX + decode(privateKey, PRIVATE_KEY_PREFIX, [64]).subarray(32).toString('base64');
}

export function ed25519Signature(privateKey: string, eventId: string, seconds: number, body: string): string {
  const message = Buffer.from(`${eventId}.${seconds}.${body}`, 'utf8');
  return `v1a,${sign(null, message, privateKeyObject(privateKey)).toString('base64')}`;
}

/** True when `signature` (the base64 after "v1a,") is valid for the message under `publicKey`. */
export function verifyEd25519(
  publicKey: string,
  eventId: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return false;
  const message = Buffer.from(`${eventId}.${timestamp}.${body}`, 'utf8');
  return verify(null, message, publicKeyObject(publicKey), bytes);
}
