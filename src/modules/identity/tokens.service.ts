import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { toIso, toIsoOrNull } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.js';
import type { Principal } from './principal.js';
import { tokenPrincipal } from './principal.js';
import { isRole, type Role } from './roles.js';
import { type TokenRow, TokensRepository } from './tokens.repository.js';

export const TOKEN_PREFIX = 'hrt_';
/** The name the bootstrap admin key goes by; no personal token may take it. */
export const BOOTSTRAP_NAME = 'bootstrap';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewToken {
  name: string;
  role: Role;
  expiresAt?: string;
}

function present(row: TokenRow, now: number) {
  let state: 'active' | 'expired' | 'revoked' = 'active';
  if (row.revoked_at !== null) state = 'revoked';
  else if (row.expires_at !== null && row.expires_at <= now) state = 'expired';
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    status: state,
    created_at: toIso(row.created_at),
    created_by: row.created_by,
    expires_at: toIsoOrNull(row.expires_at),
    revoked_at: toIsoOrNull(row.revoked_at),
  };
}

/** Personal API tokens for staff and integrations: issued once, kept hashed, revoked at once. */
export class TokensService {
  constructor(private readonly ctx: AppContext) {}

  private get repository() {
    return new TokensRepository(this.ctx.db.kysely);
  }

  async create(input: NewToken, creator: Principal) {
    const now = this.ctx.clock.now();
    const expiresAt = input.expiresAt === undefined ? null : Date.parse(input.expiresAt);
    if (expiresAt !== null && !(expiresAt > now)) throw invalid('expires_at must be in the future');
    const name = input.name.trim();
    if (name.toLowerCase() === BOOTSTRAP_NAME)
      throw conflict('The name "bootstrap" is reserved for the admin key');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = {
      id: randomUUID(),
      name,
      role: input.role,
      token_hash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 4),
      created_at: now,
      created_by: creator.name,
      expires_at: expiresAt,
      revoked_at: null,
    };
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new TokensRepository(trx);
      if (await repository.activeNamed(name, now))
        throw conflict(`An active token is already named "${name}"`);
      await repository.insert(row);
      await recordAudit(
        trx,
        {
          action: 'token.create',
          target_type: 'token',
          target_id: row.id,
          details: { name, role: input.role, expires_at: toIsoOrNull(expiresAt) },
        },
        this.ctx.clock,
      );
    });
    return { ...present(row, now), token };
  }

  async list() {
    const now = this.ctx.clock.now();
    return { tokens: (await this.repository.list()).map((row) => present(row, now)) };
  }

  async revoke(id: string): Promise<void> {
    await this.ctx.db.kysely.transaction().execute(async (trx) => {
      const repository = new TokensRepository(trx);
      const row = await repository.byId(id);
      if (!row) throw notFound('Token');
      if (!(await repository.revoke(id, this.ctx.clock.now()))) return;
      await recordAudit(
        trx,
        { action: 'token.revoke', target_type: 'token', target_id: id, details: { name: row.name } },
        this.ctx.clock,
      );
    });
  }

  /** The principal a presented personal token stands for, or undefined when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const row = await this.repository.byHash(hashToken(token));
    if (!row || row.revoked_at !== null) return undefined;
    if (row.expires_at !== null && row.expires_at <= this.ctx.clock.now()) return undefined;
    return isRole(row.role) ? tokenPrincipal(row.name, row.role) : undefined;
  }
}
