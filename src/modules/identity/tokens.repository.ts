import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ApiTokensTable } from './identity.tables.js';

export type TokenRow = Selectable<ApiTokensTable>;

/** All SQL about personal API tokens. */
export class TokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ApiTokensTable): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  async byHash(hash: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  async byId(id: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async activeNamed(name: string, now: number): Promise<TokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
  }

  /** Newest first. */
  async list(): Promise<TokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  }

  async revoke(id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
