/** Who is signed in (`me`) and, for admins, the access tokens. */
import { gql } from './client.ts';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  /** null: anonymous (read-only). */
  role: Role | null;
  /** The token's name. */
  name: string | null;
  canEdit: boolean;
  canAdmin: boolean;
  /** "open": anyone may read; "token": reading needs at least a viewer token. */
  readAccess: string;
}

export const ANONYMOUS: Me = { role: null, name: null, canEdit: false, canAdmin: false, readAccess: 'open' };

export const ME_QUERY = 'query Me { me { role name canEdit canAdmin readAccess } }';

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return (await gql<{ me: Me }>(ME_QUERY, undefined, signal)).me;
}

export interface AccessToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export interface CreatedToken {
  token: AccessToken;
  /** Shown once only. */
  secret: string;
  signInUrl: string;
}

const TOKEN_FIELDS = 'id name role createdAt createdBy lastUsedAt revokedAt active';

export const tokenDocs = {
  list: `query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ${TOKEN_FIELDS} } }`,
  create: `mutation CreateToken($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret signInUrl token { ${TOKEN_FIELDS} } } }`,
  revoke: `mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ${TOKEN_FIELDS} } }`,
};

export async function fetchTokens(includeRevoked: boolean, signal?: AbortSignal): Promise<AccessToken[]> {
  return (await gql<{ tokens: AccessToken[] }>(tokenDocs.list, { includeRevoked }, signal)).tokens;
}

export async function createToken(name: string, role: Role): Promise<CreatedToken> {
  return (await gql<{ createToken: CreatedToken }>(tokenDocs.create, { name, role })).createToken;
}

export async function revokeToken(id: string): Promise<AccessToken> {
  return (await gql<{ revokeToken: AccessToken }>(tokenDocs.revoke, { id })).revokeToken;
}
