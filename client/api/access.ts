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
 * "token": reading needs at least a viewer token; `pseudonymous`: a pseudonymised share link (the
 * server answers with pseudonyms everywhere).
 */
export type Me = MeQuery['me'];

export const ANONYMOUS: Me = { role: null, name: null, canEdit: false, canAdmin: false, readAccess: 'open', pseudonymous: false };

export const ME_QUERY = graphql(`
  query Me { me { role name canEdit canAdmin readAccess pseudonymous } }
`);

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return (await gql(ME_QUERY, {}, signal)).me;
}

export type AccessToken = TokenFieldsFragment;

/** `secret` is shown once only. */
export type CreatedToken = CreateTokenMutation['createToken'];

export const TokenFields = graphql(`
  fragment TokenFields on AccessToken { id name role createdAt createdBy lastUsedAt revokedAt active pseudonymous }
`);

export const tokenDocs = {
  list: graphql(`
    query Tokens($includeRevoked: Boolean) { tokens(includeRevoked: $includeRevoked) { ...TokenFields } }
  `),
  create: graphql(`
    mutation CreateToken($name: String!, $role: Role!, $pseudonymous: Boolean) {
      createToken(name: $name, role: $role, pseudonymous: $pseudonymous) { secret signInUrl token { ...TokenFields } }
    }
  `),
  revoke: graphql(`
    mutation RevokeToken($id: ID!) { revokeToken(id: $id) { ...TokenFields } }
  `),
};

export async function fetchTokens(includeRevoked: boolean, signal?: AbortSignal): Promise<AccessToken[]> {
  return (await gql(tokenDocs.list, { includeRevoked }, signal)).tokens;
}

/** `pseudonymous` (viewer tokens only): a share link whose answers name actors by pseudonym. */
export async function createToken(name: string, role: Role, pseudonymous = false): Promise<CreatedToken> {
  return (await gql(tokenDocs.create, { name, role, pseudonymous })).createToken;
}

export async function revokeToken(id: string): Promise<AccessToken> {
  return (await gql(tokenDocs.revoke, { id })).revokeToken;
}
