import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * The only reader of process.env. Every setting is parsed and validated once at start-up; a bad value
 * stops the process with a message naming the variable, instead of failing later in a request.
 */

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string } // file is ':memory:' for an in-memory database
  | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  dataDir: string;
  /** True when DATA_DIR is unset and an older install's ./data/hr-platform.db is still in use (see below). */
  legacyDataDir: boolean;
  database: DatabaseConfig;
  databasePoolSize: number;
  /** Undefined means: generate one on first start and keep it in dataDir (see admin-key.ts). */
  adminApiKey: string | undefined;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  rateLimitPerMinute: number;
  corsOrigins: string[];
  /** Proxies whose X-Forwarded-For is believed (client addresses for rate limits and the audit log). */
  trustProxy: false | string[];
  piiRedaction: 'mask' | 'off';
  workerEmbedded: boolean;
  webhookAllowPrivateUrls: boolean;
  maxWebhooks: number;
  deliveryLogRetentionDays: number;
  /** Resolved conversations older than this are erased by the worker; undefined keeps them. */
  conversationRetentionDays: number | undefined;
  auth: AuthConfig;
  /** Largest handbook or article file an import accepts (upload and CLI). */
  kbImportMaxBytes: number;
  /** An article not reviewed for this many days is listed as due for review. */
  kbReviewIntervalDays: number;
  /** Response-time targets by priority band (see cases/sla.ts). */
  sla: { firstResponseMinutes: PriorityBand[]; resolutionHours: PriorityBand[] };
  /** E-mail to employees when HR replies or resolves; off while url is undefined. */
  smtp: { url: string | undefined; from: string };
  llm: {
    baseUrl: string | undefined;
    apiKey: string | undefined;
    model: string | undefined;
    timeoutMs: number;
    classify: boolean;
  };
}

/**
 * `open`: employees are whoever they say they are (the two-command trial). `oidc`: people sign in through the
 * company's OpenID Connect provider. Personal API tokens and the bootstrap admin key work in both.
 */
export type AuthConfig =
  | { mode: 'open' }
  | {
      mode: 'oidc';
      oidc: {
        /** Discovery document at <issuer>/.well-known/openid-configuration. */
        issuer: string;
        /** The `aud` API bearer tokens must carry. */
        audience: string;
        clientId: string;
        clientSecret: string | undefined;
        /** The claim whose value is the employee's user id (default email). */
        userClaim: string;
        /** The claim holding the roles, a dotted path for nested claims such as Keycloak's realm_access.roles. */
        rolesClaim: string;
        /** Where people reach this service, for the login callback and the cookie's Secure flag. */
        publicUrl: string;
        /** Scopes the pages' sign-in asks for. */
        scopes: string;
      };
      /** Signs and encrypts the pages' session cookie; undefined = generated once and kept in DATA_DIR. */
      sessionSecret: string | undefined;
    };
/** A target that applies from `minPriority` up, until a band with a higher minPriority takes over. */
export interface PriorityBand {
  minPriority: number;
  value: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function parseDatabase(raw: string | undefined, dataDir: string): DatabaseConfig {
  if (raw === undefined) return { dialect: 'sqlite', file: path.join(dataDir, 'hr-platform.db') };
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid PostgreSQL URL');
    }
    return { dialect: 'postgres', url: raw };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new ConfigError('DATABASE_URL', 'needs a path after "sqlite:"');
    return { dialect: 'sqlite', file: file === ':memory:' ? ':memory:' : path.resolve(file) };
  }
  const scheme = raw.split(':')[0];
  throw new ConfigError(
    'DATABASE_URL',
    `has unsupported scheme "${scheme}:" (use sqlite:<path> or postgres://…)`,
  );
}

function parseOrigins(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `contains "${origin}", which is not an origin like https://hr.example.com`,
      );
    }
  }
  return origins;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

// "false" (default) or the proxies' addresses / CIDR ranges. "true" (believe any client's X-Forwarded-For) is
// refused: anyone could then choose the address their requests are counted and audited under.
function parseTrustProxy(raw: string | undefined): false | string[] {
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const version = isIP(address);
    const prefixOk =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!PROXY_KEYWORDS.has(entry) && (version === 0 || !prefixOk)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `contains "${entry}"; use false or proxy addresses/CIDRs like 10.0.0.0/8,127.0.0.1`,
      );
    }
  }
  return entries;
}

/**
 * "240" (every priority) or "9:60,1:240" (priority 9 and up: 60, the rest: 240). Bands are sorted highest first
 * and must include priority 1, so every case has a target.
 */
function priorityBands(env: Env, name: string, fallback: string, max: number): PriorityBand[] {
  const raw = read(env, name) ?? fallback;
  const problem = `must be a number or bands like "9:60,1:240" (priority:value, one band from 1), got "${raw}"`;
  const bands: PriorityBand[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    const match = /^(?:(\d{1,2}):)?(\d{1,6})$/.exec(part);
    if (!match) throw new ConfigError(name, problem);
    const minPriority = match[1] === undefined ? 1 : Number(match[1]);
    const value = Number(match[2]);
    if (minPriority < 1 || minPriority > 10 || value < 1 || value > max) throw new ConfigError(name, problem);
    if (bands.some((b) => b.minPriority === minPriority)) throw new ConfigError(name, problem);
    bands.push({ minPriority, value });
  }
  if (!bands.some((b) => b.minPriority === 1)) throw new ConfigError(name, problem);
  return bands.sort((a, b) => b.minPriority - a.minPriority);
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('scheme');
  } catch {
    throw new ConfigError(
      'SMTP_URL',
      `must be an smtp:// or smtps:// URL, got "${raw.replace(/\/\/[^@/]*@/, '//***@')}"`,
    );
  }
  return raw;
}

function parseLlmUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new ConfigError('LLM_BASE_URL', `must be an http(s) URL, got "${raw}"`);
  }
  return raw;
}

// An https URL; plain http only on loopback (tests, local providers) unless allowed (PUBLIC_URL on a private network).
function parseUrl(env: Env, name: string, allowLoopbackHttp: boolean): string {
  const raw = read(env, name);
  if (raw === undefined) throw new ConfigError(name, 'must be set when AUTH_MODE is oidc');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (allowLoopbackHttp || loopback))) {
    throw new ConfigError(name, `must be an https URL (http only on localhost), got "${raw}"`);
  }
  return raw.replace(/\/$/, '');
}

function required(env: Env, name: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(name, 'must be set when AUTH_MODE is oidc');
  return value;
}

const CLAIM = /^[A-Za-z_][A-Za-z0-9_:./-]*$/;

function claimName(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (!CLAIM.test(value)) throw new ConfigError(name, `is not a claim name, got "${value}"`);
  return value;
}

function parseScopes(raw: string): string {
  const scopes = raw.split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid') || scopes.some((s) => !/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(s))) {
    throw new ConfigError('OIDC_SCOPES', `must be space-separated scopes including openid, got "${raw}"`);
  }
  return scopes.join(' ');
}

function parseAuth(env: Env): AuthConfig {
  const mode = oneOf(env, 'AUTH_MODE', ['open', 'oidc'], 'open');
  if (mode === 'open') return { mode };
  const sessionSecret = read(env, 'SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }
  return {
    mode,
    oidc: {
      issuer: parseUrl(env, 'OIDC_ISSUER', false),
      audience: required(env, 'OIDC_AUDIENCE'),
      clientId: required(env, 'OIDC_CLIENT_ID'),
      clientSecret: read(env, 'OIDC_CLIENT_SECRET'),
      userClaim: claimName(env, 'OIDC_USER_CLAIM', 'email'),
      rolesClaim: claimName(env, 'OIDC_ROLES_CLAIM', 'roles'),
      publicUrl: parseUrl(env, 'PUBLIC_URL', true),
      scopes: parseScopes(read(env, 'OIDC_SCOPES') ?? 'openid email profile'),
    },
    sessionSecret,
  };
}

function optionalInteger(env: Env, name: string, min: number, max: number): number | undefined {
  return read(env, name) === undefined ? undefined : integer(env, name, min, min, max);
}

const DEFAULT_DATA_DIR = 'var';
const LEGACY_DATA_DIR = 'data';

/**
 * Runtime state (database, generated key) lives in ./var by default, apart from the shipped ./data (knowledge base,
 * training and evaluation sets), so deleting it resets the installation without breaking it. Installs from
 * before that kept their database in ./data: while no ./var database exists, that one stays in use.
 */
function defaultDataDir(cwd: string): { dataDir: string; legacy: boolean } {
  const current = path.resolve(cwd, DEFAULT_DATA_DIR);
  const legacy = path.resolve(cwd, LEGACY_DATA_DIR);
  const inUse = (dir: string) => fs.existsSync(path.join(dir, 'hr-platform.db'));
  if (!inUse(current) && inUse(legacy)) return { dataDir: legacy, legacy: true };
  return { dataDir: current, legacy: false };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Readonly<Config> {
  const configuredDataDir = read(env, 'DATA_DIR');
  const { dataDir, legacy } =
    configuredDataDir === undefined
      ? defaultDataDir(cwd)
      : { dataDir: path.resolve(cwd, configuredDataDir), legacy: false };
  const adminApiKey = read(env, 'ADMIN_API_KEY');
  if (adminApiKey !== undefined && adminApiKey.length < 16) {
    throw new ConfigError('ADMIN_API_KEY', 'must be at least 16 characters long');
  }
  const config: Config = {
    port: integer(env, 'PORT', 8000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    dataDir,
    legacyDataDir: legacy,
    database: parseDatabase(read(env, 'DATABASE_URL'), dataDir),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    adminApiKey,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    corsOrigins: parseOrigins(read(env, 'CORS_ORIGINS')),
    trustProxy: parseTrustProxy(read(env, 'TRUST_PROXY')),
    piiRedaction: oneOf(env, 'PII_REDACTION', ['mask', 'off'], 'mask'),
    workerEmbedded: boolean(env, 'WORKER_EMBEDDED', true),
    webhookAllowPrivateUrls: boolean(env, 'WEBHOOK_ALLOW_PRIVATE_URLS', false),
    maxWebhooks: integer(env, 'MAX_WEBHOOKS', 100, 1, 100_000),
    deliveryLogRetentionDays: integer(env, 'DELIVERY_LOG_RETENTION_DAYS', 30, 1, 3650),
    conversationRetentionDays: optionalInteger(env, 'CONVERSATION_RETENTION_DAYS', 1, 36500),
    auth: parseAuth(env),
    kbImportMaxBytes: integer(env, 'KB_IMPORT_MAX_BYTES', 20 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    kbReviewIntervalDays: integer(env, 'KB_REVIEW_INTERVAL_DAYS', 365, 1, 3650),
    sla: {
      firstResponseMinutes: priorityBands(env, 'SLA_FIRST_RESPONSE_MINUTES', '9:60,1:240', 100_000),
      resolutionHours: priorityBands(env, 'SLA_RESOLUTION_HOURS', '9:24,1:72', 10_000),
    },
    smtp: {
      url: parseSmtpUrl(read(env, 'SMTP_URL')),
      from: read(env, 'SMTP_FROM') ?? 'HR Help Desk <hr-help@localhost>',
    },
    llm: {
      baseUrl: parseLlmUrl(read(env, 'LLM_BASE_URL')),
      apiKey: read(env, 'LLM_API_KEY'),
      model: read(env, 'LLM_MODEL'),
      timeoutMs: integer(env, 'LLM_TIMEOUT_MS', 8000, 100, 120_000),
      classify: boolean(env, 'LLM_CLASSIFY', false),
    },
  };
  if (config.llm.baseUrl !== undefined && config.llm.model === undefined) {
    throw new ConfigError('LLM_MODEL', 'must be set when LLM_BASE_URL is set');
  }
  return Object.freeze(config);
}

/**
 * Settings of `npm run listen` (a client of a running server, not the server): the API token from HR_API_TOKEN,
 * else ADMIN_API_KEY; the server's base URL from HR_API_URL, else http://127.0.0.1:<PORT or 8000>.
 */
export function loadListenerEnv(env: Env = process.env): { token: string | undefined; apiUrl: string } {
  return {
    token: read(env, 'HR_API_TOKEN') ?? read(env, 'ADMIN_API_KEY'),
    apiUrl: read(env, 'HR_API_URL') ?? `http://127.0.0.1:${integer(env, 'PORT', 8000, 1, 65535)}`,
  };
}
