/**
 * Who is signed in (`me`) and, for admins, the access tokens. The shapes are the generated result
 * types (`npm run codegen`); `ROLES` lists the schema's roles in the order the client offers them.
 */
import { gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type { CreateTokenMutation, MeQuery, Role as GeneratedRole, TokenFieldsFragment } from './generated/graphql.ts';

export type Role = GeneratedRole;
export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const satisfies readonly Role[];
/** Compile-time check: ROLES lists every role of the schema. */
const _allRoles: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;

/**
 * `role` null: anonymous (read-only); `name`: the token's name; `readAccess` "open": anyone may read,
 * "token": reading needs at least a viewer token.
 */
export type Me = MeQuery['me'];

export const ANONYMOUS: Me = { role: null, name: null, canEdit: false, canAdmin: false, readAccess: 'open' };

export const ME_QUERY = graphql(`
  query Me { me { role name canEdit canAdmin readAccess } }
`);

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return (await gql(ME_QUERY, {}, signal)).me;
}

export type AccessToken = TokenFieldsFragment;

/** `secret` is shown once only. */
export type CreatedToken = CreateTokenMutation['createToken'];

export const TokenFields = graphql(`
  fragment TokenFields on AccessToken { id name role createdAt createdBy lastUsedAt revokedAt active }
`);

export const tokenDocs = {
  list: graphql(`
    query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ...TokenFields } }
  `),
  create: graphql(`
    mutation CreateToken($name: String!, $role: Role!) { createToken(name: $name, role: $role) { secret signInUrl token { ...TokenFields } } }
  `),
  revoke: graphql(`
    mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ...TokenFields } }
  `),
};

export async function fetchTokens(includeRevoked: boolean, signal?: AbortSignal): Promise<AccessToken[]> {
  return (await gql(tokenDocs.list, { includeRevoked }, signal)).tokens;
}

export async function createToken(name: string, role: Role): Promise<CreatedToken> {
  return (await gql(tokenDocs.create, { name, role })).createToken;
}

export async function revokeToken(id: string): Promise<AccessToken> {
  return (await gql(tokenDocs.revoke, { id })).revokeToken;
}
