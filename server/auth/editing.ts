/** Small helpers the mutation resolvers share: who may edit, and GraphQL input objects → plain patches. */
import type { Context } from '../context.ts';
import type { Who } from '../store/graph-store.ts';
import { requireRole, whoOf } from './session.ts';

/** The author of a change; throws UNAUTHENTICATED / FORBIDDEN unless the token may edit. */
export const editor = (ctx: Context): Who => whoOf(requireRole(ctx.session, 'editor'));

/** The fields a client sent (absent ones are left out: an update keeps them). */
export function patchOf(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
