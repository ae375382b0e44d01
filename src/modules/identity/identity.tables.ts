/** Personal API tokens. Only a hash of the secret is kept; the secret itself is shown once, at creation. */
export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  /** sha256 of the whole token, hex: tokens are 256 random bits, so a slow hash would add nothing. */
  token_hash: string;
  /** The first characters of the token ("hrt_Ab12"), so a person can tell their tokens apart. */
  prefix: string;
  created_at: number;
  /** The audit name of whoever created it. */
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface IdentityTables {
  api_tokens: ApiTokensTable;
}
