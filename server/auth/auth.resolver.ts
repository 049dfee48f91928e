import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { TokenRecord } from '../store/graph-store.ts';
import { AccessToken, CreatedToken, Me, Role } from './auth.type.ts';
import { requireRole } from './session.ts';
import { createToken, revokeToken, roleAllows, signInUrl } from './tokens.ts';

export const toAccessToken = (t: TokenRecord): AccessToken => ({
  id: t.id,
  name: t.name,
  role: t.role as Role,
  createdAt: t.createdAt,
  createdBy: t.createdBy,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  active: t.revokedAt === null,
  pseudonymous: t.pseudonymous,
});

@Resolver()
export class AuthResolver {
  @Query(() => Me, { description: 'Who is asking (from the Authorization header) and what they may do.' })
  me(@Ctx() { session }: Context): Me {
    const t = session.token;
    return {
      role: t ? (t.role as Role) : null,
      name: t?.name ?? null,
      canEdit: t !== null && roleAllows(t.role, 'editor'),
      canAdmin: t !== null && roleAllows(t.role, 'admin'),
      readAccess: session.readAccess,
      pseudonymous: session.pseudonymous,
    };
  }

  @Query(() => [AccessToken], { description: 'Access tokens (admin role), oldest first.' })
  async tokens(@Arg('includeRevoked', () => Boolean, { defaultValue: false }) includeRevoked: boolean, @Ctx() ctx: Context): Promise<AccessToken[]> {
    requireRole(ctx.session, 'admin');
    return (await ctx.store.tokens.list()).filter((t) => includeRevoked || t.revokedAt === null).map(toAccessToken);
  }

  @Mutation(() => CreatedToken, { description: 'Creates a named token with a role (admin role). The secret is returned only here.' })
  async createToken(
    @Arg('name', () => String) name: string,
    @Arg('role', () => Role) role: Role,
    @Arg('pseudonymous', () => Boolean, { defaultValue: false, description: 'A pseudonymised share link (viewer role only): actors by kind and number, no free text.' })
    pseudonymous: boolean,
    @Ctx() ctx: Context,
  ): Promise<CreatedToken> {
    const admin = requireRole(ctx.session, 'admin');
    const { token, secret } = await createToken(ctx.store, { name, role, createdBy: admin.name, pseudonymous });
    return { token: toAccessToken(token), secret, signInUrl: signInUrl(ctx.baseUrl, secret) };
  }

  @Mutation(() => AccessToken, { description: 'Revokes a token (admin role): it stops working at once. The last active admin token cannot be revoked.' })
  async revokeToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccessToken> {
    requireRole(ctx.session, 'admin');
    const t = await revokeToken(ctx.store, id);
    if (!t) throw new NotFoundError('token', id);
    return toAccessToken(t);
  }
}
