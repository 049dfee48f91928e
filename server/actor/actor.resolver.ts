import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { editor } from '../auth/editing.ts';
import { EntityMutations } from '../common/edit.resolver.ts';
import { ActorInput } from './actor.input.ts';
import { DETAIL_LIST_LIMIT, ref, sourcesOf } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { ActorDetails, GraphStore } from '../store/graph-store.ts';
import { Actor } from './actor.type.ts';

export function toActor(d: ActorDetails): Actor {
  const src = (ids: string[]) => sourcesOf(ids, d.sources);
  return {
    ...d.actor,
    version: d.version,
    region: d.region ? ref('REGION', d.region) : null,
    participations: d.participations.slice(0, DETAIL_LIST_LIMIT).map((p) => ({
      version: p.version,
      role: p.role,
      project: ref('PROJECT', p.project),
      contribution: p.contribution,
      start: p.project.start,
      end: p.project.end,
      description: p.description,
      sources: src(p.sourceIds),
    })),
    participationCount: d.participations.length,
    events: d.eventParticipations.slice(0, DETAIL_LIST_LIMIT).map((p) => ({
      version: p.version,
      role: p.role,
      event: ref('EVENT', p.event),
      date: p.event.date,
      description: p.description,
      sources: src(p.sourceIds),
    })),
    cooperations: d.cooperations.slice(0, DETAIL_LIST_LIMIT).map((c) => ({
      version: c.version,
      kind: c.kind,
      partner: ref('ACTOR', c.partner),
      outgoing: c.outgoing,
      since: c.since,
      until: c.until,
      description: c.description,
      sources: src(c.sourceIds),
    })),
    sources: src(d.actor.sourceIds),
  };
}

const readActor = async (store: GraphStore, id: string) => {
  const d = await store.actorDetails(id);
  return d ? toActor(d) : null;
};

@Resolver(() => Actor)
export class ActorResolver extends EntityMutations({ key: 'actors', name: 'Actor', input: ActorInput, output: Actor, read: readActor }) {
  @Query(() => Actor, { description: 'An actor with its region, projects, events, direct ties and provenance.' })
  async actor(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<Actor> {
    const d = await store.actorDetails(id);
    if (!d) throw new NotFoundError('actor', id);
    return toActor(d);
  }

  @Mutation(() => Actor, {
    description:
      'Merges a duplicate into the kept actor (editor role): its projects, events and ties move over (joined where both have them; a tie between the two disappears), sectors, tags and sources are united, empty fields filled; the duplicate is deleted. Both versions must be current.',
  })
  async mergeActors(
    @Arg('keepId', () => ID) keepId: string,
    @Arg('keepVersion', () => Int) keepVersion: number,
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('mergeVersion', () => Int) mergeVersion: number,
    @Ctx() ctx: Context,
  ): Promise<Actor> {
    await ctx.store.edit.mergeActors({ id: keepId, version: keepVersion }, { id: mergeId, version: mergeVersion }, editor(ctx));
    const d = await ctx.store.actorDetails(keepId);
    if (!d) throw new NotFoundError('actor', keepId);
    return toActor(d);
  }
}
