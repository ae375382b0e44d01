import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const oidc = {
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://login.example.com/realms/hr',
  OIDC_AUDIENCE: 'hr-api',
  OIDC_CLIENT_ID: 'hr-console',
  PUBLIC_URL: 'https://hr.example.com',
};

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('AUTH_MODE and the OIDC settings', () => {
  it('defaults to the open mode', () => {
    expect(loadConfig({}).auth).toEqual({ mode: 'open' });
  });

  it('reads a complete oidc configuration with its defaults', () => {
    const { auth } = loadConfig(oidc);
    expect(auth).toMatchObject({
      mode: 'oidc',
      oidc: {
        issuer: 'https://login.example.com/realms/hr',
        audience: 'hr-api',
        clientId: 'hr-console',
        clientSecret: undefined,
        userClaim: 'email',
        rolesClaim: 'roles',
        publicUrl: 'https://hr.example.com',
      },
      sessionSecret: undefined,
    });
    const keycloak = loadConfig({
      ...oidc,
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_USER_CLAIM: 'preferred_username',
    });
    expect(keycloak.auth).toMatchObject({
      oidc: { rolesClaim: 'realm_access.roles', userClaim: 'preferred_username' },
    });
  });

  it.each([
    [{ AUTH_MODE: 'saml' }, 'AUTH_MODE'],
    [{ ...oidc, OIDC_ISSUER: '' }, 'OIDC_ISSUER'],
    [{ ...oidc, OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER'],
    [{ ...oidc, OIDC_ISSUER: 'http://login.example.com' }, 'OIDC_ISSUER'],
    [{ ...oidc, OIDC_AUDIENCE: '' }, 'OIDC_AUDIENCE'],
    [{ ...oidc, OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    [{ ...oidc, PUBLIC_URL: '' }, 'PUBLIC_URL'],
    [{ ...oidc, OIDC_ROLES_CLAIM: 'roles; drop' }, 'OIDC_ROLES_CLAIM'],
    [{ ...oidc, SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ CONVERSATION_RETENTION_DAYS: '0' }, 'CONVERSATION_RETENTION_DAYS'],
    [{ CONVERSATION_RETENTION_DAYS: 'a week' }, 'CONVERSATION_RETENTION_DAYS'],
  ])('refuses %j naming %s', (env, variable) => {
    const error = failure(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('allows a plain-http issuer on loopback only (local providers and tests)', () => {
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).auth.mode).toBe('oidc');
  });

  it('keeps conversations unless a retention is set', () => {
    expect(loadConfig({}).conversationRetentionDays).toBeUndefined();
    expect(loadConfig({ CONVERSATION_RETENTION_DAYS: '365' }).conversationRetentionDays).toBe(365);
  });
});
