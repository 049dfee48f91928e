import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { editor } from '../auth/editing.ts';
import type { Context } from '../context.ts';
import { BadUserInputError } from '../errors.ts';
import { AuditPage } from './audit.type.ts';

@Resolver()
export class AuditResolver {
  @Query(() => AuditPage, { description: 'The audit log, newest first (editor role); with entityId, the changes touching that entity.' })
  async auditLog(
    @Arg('entityId', () => ID, { nullable: true }) entityId: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<AuditPage> {
    editor(ctx);
    if (limit < 1 || limit > 500) throw new BadUserInputError('limit', 'must be between 1 and 500');
    if (offset < 0) throw new BadUserInputError('offset', 'must not be negative');
    const page = await ctx.store.auditLog({ entityId, limit, offset });
    return { total: page.total, entries: page.entries.map((e) => ({ ...e, id: String(e.seq) })) };
  }
}
