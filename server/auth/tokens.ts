/**
 * Access tokens: a random secret is shown once; only its sha256 is stored. Roles are ordered
 * viewer < editor < admin. On first start the server creates an admin token and prints a sign-in
 * link (like Jupyter), since nobody could sign in otherwise.
 */
import { createHash, randomBytes } from 'node:crypto';
import { BadUserInputError } from '../errors.ts';
import { ACCESS_ROLES, type AccessRole, type GraphStore, type TokenRecord } from '../store/graph-store.ts';

const RANK: Record<AccessRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether `has` includes the rights of `needed`. */
export const roleAllows = (has: AccessRole, needed: AccessRole): boolean => RANK[has] >= RANK[needed];

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A secret that is recognisable in logs and config files (`nwa_…`), 256 random bits. */
export const newSecret = (): string => `nwa_${randomBytes(32).toString('base64url')}`;

/**
 * The link that signs a browser in: the explorer reads `#token=` once, keeps it and clears the address
 * bar. In the fragment, the secret never reaches the server, a proxy log or a Referer header.
 */
export const signInUrl = (baseUrl: string, secret: string): string => `${baseUrl.replace(/\/?$/, '/')}#token=${encodeURIComponent(secret)}`;

export function checkRole(role: string, field = 'role'): AccessRole {
  const r = role.toLowerCase();
  if (!(ACCESS_ROLES as readonly string[]).includes(r)) throw new BadUserInputError(field, `must be one of ${ACCESS_ROLES.join(', ')}`);
  return r as AccessRole;
}

export async function createToken(
  store: GraphStore,
  opts: { name: string; role: string; createdBy: string | null; pseudonymous?: boolean },
): Promise<{ token: TokenRecord; secret: string }> {
  const name = opts.name.trim();
  if (name === '') throw new BadUserInputError('name', 'must not be empty');
  if (name.length > 120) throw new BadUserInputError('name', 'must be at most 120 characters');
  const role = checkRole(opts.role);
  const pseudonymous = opts.pseudonymous === true;
  // Only a reader can be kept from the names: an editor edits (and sees) the real rows.
  if (pseudonymous && role !== 'viewer') throw new BadUserInputError('pseudonymous', 'only a viewer token can be pseudonymised');
  const secret = newSecret();
  const token: TokenRecord = {
    id: `t-${randomBytes(6).toString('hex')}`,
    name,
    role,
    hash: hashSecret(secret),
    createdAt: new Date().toISOString(),
    createdBy: opts.createdBy,
    lastUsedAt: null,
    revokedAt: null,
    pseudonymous,
  };
  await store.tokens.insert(token);
  return { token, secret };
}

/**
 * Revokes a token; null when unknown. The last active admin token is kept (BAD_USER_INPUT): without
 * it nobody could manage access until a restart printed a new admin link into the server log.
 */
export async function revokeToken(store: GraphStore, id: string): Promise<TokenRecord | null> {
  const tokens = await store.tokens.list();
  const t = tokens.find((x) => x.id === id);
  if (!t) return null;
  if (t.role === 'admin' && t.revokedAt === null && !tokens.some((x) => x.id !== id && x.role === 'admin' && x.revokedAt === null))
    throw new BadUserInputError('id', 'this is the last active admin token; create another admin token first');
  return store.tokens.update(id, { revokedAt: new Date().toISOString() });
}

/** The active token with this secret, or null (unknown or revoked). */
export async function verifySecret(store: GraphStore, secret: string): Promise<TokenRecord | null> {
  const t = await store.tokens.byHash(hashSecret(secret));
  return t && t.revokedAt === null ? t : null;
}

/** Creates the first admin token when no active admin token exists; returns its secret then, else null. */
export async function ensureAdminToken(store: GraphStore): Promise<string | null> {
  const tokens = await store.tokens.list();
  if (tokens.some((t) => t.role === 'admin' && t.revokedAt === null)) return null;
  return (await createToken(store, { name: 'Admin (first start)', role: 'admin', createdBy: 'server' })).secret;
}

/** Records use at most once a minute per token (reads would otherwise write on every request). */
export function usageRecorder(store: () => GraphStore | null, everyMs = 60_000): (t: TokenRecord) => void {
  const last = new Map<string, number>();
  return (t) => {
    const now = Date.now();
    if (now - (last.get(t.id) ?? 0) < everyMs) return;
    last.set(t.id, now);
    store()
      ?.tokens.update(t.id, { lastUsedAt: new Date(now).toISOString() })
      .catch(() => undefined);
  };
}
