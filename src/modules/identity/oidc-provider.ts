import type * as Jose from 'jose';
import type * as client from 'openid-client';
import type { AuthConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import { ClaimError, identityFromClaims } from './oidc-claims.js';
import type { OidcIdentity } from './principal.js';

export type OidcSettings = Extract<AuthConfig, { mode: 'oidc' }>['oidc'];

// Asymmetric algorithms only: "none" and the HMAC family (whose key would be the public client secret) are refused.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

type OpenIdClient = typeof client;

/**
 * openid-client and jose (~0.1 s and ~15 MB to load together) are imported on the first sign-in or bearer token,
 * not at start: a server with AUTH_MODE=open never needs them, and an OIDC one starts faster.
 */
let openIdClient: Promise<OpenIdClient> | undefined;
let jose: Promise<typeof Jose> | undefined;
const loadOpenIdClient = () => (openIdClient ??= import('openid-client'));
const loadJose = () => (jose ??= import('jose'));

const unauthorized = (message: string) =>
  new AppError('UNAUTHORIZED', message, { 'www-authenticate': 'Bearer error="invalid_token"' });

function explain(error: unknown, joseErrors: typeof Jose.errors): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ClaimError) return unauthorized(error.message);
  if (error instanceof joseErrors.JWTExpired) return unauthorized('The token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return unauthorized(`The token's "${error.claim}" claim is not accepted here`);
  }
  if (error instanceof joseErrors.JWKSTimeout || error instanceof TypeError) {
    return new AppError('SERVICE_UNAVAILABLE', 'The identity provider cannot be reached');
  }
  if (error instanceof joseErrors.JOSEError) return unauthorized('The token is not valid');
  return new AppError('SERVICE_UNAVAILABLE', 'The identity provider cannot be reached');
}

/**
 * The company's OpenID provider: its discovery document (fetched on first use, so the API starts even while
 * the provider is down), its signing keys (jose caches them and fetches again when a token names a key it has
 * not seen: that is how key rotation is followed), and the client used by the pages' login.
 */
export class OidcProvider {
  private discovered: Promise<client.Configuration> | undefined;
  private keys: ReturnType<typeof Jose.createRemoteJWKSet> | undefined;

  /**
   * @param keyRefetchCooldownMs the least time between two fetches of the key set: a token naming an unknown key
   * id fetches it again (rotation) unless the last fetch was more recent than this, so forged key ids cannot make
   * us hammer the provider.
   */
  constructor(
    readonly settings: OidcSettings,
    private readonly keyRefetchCooldownMs = 30_000,
  ) {}

  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  /** The openid-client module, loaded on first use (for the pages' login routes too). */
  client(): Promise<OpenIdClient> {
    return loadOpenIdClient();
  }

  private async discover(): Promise<client.Configuration> {
    const client = await loadOpenIdClient();
    const { issuer, clientId, clientSecret } = this.settings;
    const insecure = new URL(issuer).protocol === 'http:';
    return client.discovery(
      new URL(issuer),
      clientId,
      clientSecret,
      clientSecret === undefined ? client.None() : undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  }

  /** Verifies an API bearer token (signature, issuer, audience, expiry) and says whom it names; 401 otherwise. */
  async verifyAccessToken(token: string): Promise<OidcIdentity> {
    const { errors, jwtVerify } = await loadJose();
    try {
      const keys = await this.signingKeys();
      const { payload } = await jwtVerify(token, keys, {
        // The issuer as the provider spells it in its discovery document (trailing slash and all).
        issuer: (await this.configuration()).serverMetadata().issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      return identityFromClaims(payload, this.settings);
    } catch (error) {
      throw explain(error, errors);
    }
  }

  private async signingKeys() {
    if (this.keys) return this.keys;
    const jwksUri = (await this.configuration()).serverMetadata().jwks_uri;
    if (!jwksUri) throw new AppError('SERVICE_UNAVAILABLE', 'The identity provider publishes no jwks_uri');
    this.keys = (await loadJose()).createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: this.keyRefetchCooldownMs,
      cacheMaxAge: 10 * 60_000,
    });
    return this.keys;
  }
}
