/**
 * Who is asking: the token from `Authorization: Bearer …`. Reads are open unless READ_ACCESS=token;
 * writes need an editor token, token management an admin token (requireRole in the resolvers).
 */
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { AccessRole, GraphStore, TokenRecord, Who } from '../store/graph-store.ts';
import { roleAllows, verifySecret } from './tokens.ts';

export type ReadAccess = 'open' | 'token';

export interface Session {
  /** The verified token; null for anonymous requests. */
  token: TokenRecord | null;
  readAccess: ReadAccess;
  /** A pseudonymised share link: every answer names actors by pseudonym (server/pseudonym/). */
  pseudonymous: boolean;
}

/** The secret in an Authorization header (`Bearer nwa_…`), or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/**
 * Resolves the session of a request. A token that is given but unknown or revoked is always an
 * error (so a client drops it rather than silently reading anonymously).
 */
export async function sessionOf(store: GraphStore, secret: string | null, readAccess: ReadAccess, used?: (t: TokenRecord) => void): Promise<Session> {
  if (secret === null) {
    if (readAccess === 'token') throw new UnauthenticatedError('This server needs an access token to read: open your sign-in link.');
    return { token: null, readAccess, pseudonymous: false };
  }
  const token = await verifySecret(store, secret);
  if (!token) throw new UnauthenticatedError('The access token is unknown or revoked.');
  used?.(token);
  return { token, readAccess, pseudonymous: token.pseudonymous };
}

/** Throws UNAUTHENTICATED without a token, FORBIDDEN when its role is too low. */
export function requireRole(session: Session, needed: AccessRole): TokenRecord {
  if (!session.token) throw new UnauthenticatedError(`This needs an access token with the ${needed} role (Authorization: Bearer …).`);
  if (!roleAllows(session.token.role, needed)) throw new ForbiddenError(needed, session.token.role);
  return session.token;
}

/** The author of a change, for the audit log. */
export const whoOf = (t: TokenRecord): Who => ({ name: t.name, role: t.role });
