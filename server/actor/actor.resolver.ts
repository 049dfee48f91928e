import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { DETAIL_LIST_LIMIT, ref, sourcesOf } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { ActorDetails } from '../store/graph-store.ts';
import { Actor } from './actor.type.ts';

export function toActor(d: ActorDetails): Actor {
  const src = (ids: string[]) => sourcesOf(ids, d.sources);
  return {
    ...d.actor,
    region: d.region ? ref('REGION', d.region) : null,
    participations: d.participations.slice(0, DETAIL_LIST_LIMIT).map((p) => ({
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
      role: p.role,
      event: ref('EVENT', p.event),
      date: p.event.date,
      description: p.description,
      sources: src(p.sourceIds),
    })),
    cooperations: d.cooperations.slice(0, DETAIL_LIST_LIMIT).map((c) => ({
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

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { description: 'An actor with its region, projects, events, direct ties and provenance.' })
  async actor(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<Actor> {
    const d = await store.actorDetails(id);
    if (!d) throw new NotFoundError('actor', id);
    return toActor(d);
  }
}
