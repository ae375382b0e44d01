import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/** A person known to the test provider: their login name is their id, their password anything. */
export interface Person {
  email: string;
  roles: string[];
}

export const API_AUDIENCE = 'api://hr';
export const PAGES_CLIENT = { id: 'hr-pages', secret: 'pages-secret-0123456789abcdef' };

/** The settings of an app that trusts this provider. */
export const oidcEnv = (issuer: string, publicUrl = 'http://127.0.0.1:1') => ({
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: issuer,
  OIDC_AUDIENCE: API_AUDIENCE,
  OIDC_CLIENT_ID: PAGES_CLIENT.id,
  OIDC_CLIENT_SECRET: PAGES_CLIENT.secret,
  PUBLIC_URL: publicUrl,
});

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  return { privateKey, jwk };
}

type SigningKey = Awaited<ReturnType<typeof signingKey>>;

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on a loopback port: discovery, JWKS,
 * the authorization-code flow with its own login and consent pages, and JWT access tokens for the HR API
 * (resource indicator `hr-api`, or any other resource, which then becomes the token's audience).
 * Each person is also a client of the client-credentials grant, so a test can get a real token for them
 * without a browser.
 */
export class OidcTestProvider {
  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
    private readonly key: SigningKey,
    readonly people: Record<string, Person>,
  ) {}

  static async start(
    people: Record<string, Person>,
    redirectUris: string[],
    options: { port?: number; key?: SigningKey } = {},
  ): Promise<OidcTestProvider> {
    const key = options.key ?? (await signingKey());
    let handler: http.RequestListener = (_req, res) => res.end();
    const server = http.createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const personOf = (id: string | undefined) => (id === undefined ? undefined : people[id]);
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: PAGES_CLIENT.id,
          client_secret: PAGES_CLIENT.secret,
          redirect_uris: redirectUris,
          post_logout_redirect_uris: redirectUris.map((uri) => new URL('/', uri).toString()),
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
        ...Object.keys(people).map((id) => ({
          client_id: id,
          client_secret: `secret-of-${id}-0123456789`,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        })),
      ],
      jwks: { keys: [key.jwk as JWK & { kty: 'RSA' }] },
      claims: { openid: ['sub'], email: ['email'], roles: ['roles'] },
      scopes: ['openid', 'email', 'roles'],
      conformIdTokenClaims: false,
      findAccount: async (_ctx, id) => {
        const person = personOf(id);
        if (!person) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, email: person.email, roles: person.roles }) };
      },
      features: {
        devInteractions: { enabled: true },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => API_AUDIENCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx, resource) => ({
            scope: 'openid email roles',
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      // The API reads the person's email and roles from the access token, as Entra ID and Okta put them there.
      extraTokenClaims: async (_ctx, token) => {
        const id = (token as { accountId?: string }).accountId ?? (token as { clientId?: string }).clientId;
        const person = personOf(id);
        return person ? { email: person.email, roles: person.roles } : undefined;
      },
      pkce: { required: () => true },
    });
    provider.on('server_error', (_ctx, error) => console.error('oidc-provider error', error));
    handler = provider.callback();
    return new OidcTestProvider(issuer, server, key, people);
  }

  /** A real access token for this person, issued by the provider's token endpoint. */
  async tokenFor(personId: string, resource = API_AUDIENCE): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${personId}:secret-of-${personId}-0123456789`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'openid' }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token)
      throw new Error(`token endpoint: ${response.status} ${JSON.stringify(body)}`);
    return body.access_token;
  }

  /** A token signed with the provider's own key (or another key under the same key id), claims as given. */
  async sign(claims: Record<string, unknown>, options: { foreignKey?: boolean } = {}): Promise<string> {
    const key = options.foreignKey ? (await signingKey()).privateKey : this.key.privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.key.jwk.kid, typ: 'at+jwt' })
      .sign(key);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  static newKey = signingKey;

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An unsigned token ("alg": "none"), which must never be accepted. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
