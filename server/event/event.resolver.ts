import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EntityMutations } from '../common/edit.resolver.ts';
import { EventInput } from './event.input.ts';
import { DETAIL_LIST_LIMIT, ref, sourcesOf } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { EventDetails, GraphStore } from '../store/graph-store.ts';
import { toTargeting } from '../project/project.resolver.ts';
import { Event } from './event.type.ts';

export function toEvent(d: EventDetails): Event {
  const src = (ids: string[]) => sourcesOf(ids, d.sources);
  return {
    ...d.event,
    version: d.version,
    place: d.place ? ref('REGION', d.place) : null,
    project: d.project ? ref('PROJECT', d.project) : null,
    participants: d.participations.slice(0, DETAIL_LIST_LIMIT).map((p) => ({
      version: p.version,
      role: p.role,
      actor: ref('ACTOR', p.actor),
      description: p.description,
      sources: src(p.sourceIds),
    })),
    targets: d.targets.map((t) => toTargeting(t, d.sources)),
    sources: src(d.event.sourceIds),
  };
}

const readEvent = async (store: GraphStore, id: string) => {
  const d = await store.eventDetails(id);
  return d ? toEvent(d) : null;
};

@Resolver(() => Event)
export class EventResolver extends EntityMutations({ key: 'events', name: 'Event', input: EventInput, output: Event, read: readEvent }) {
  @Query(() => Event, { description: 'An event with its place, project, participants and provenance.' })
  async event(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<Event> {
    const d = await store.eventDetails(id);
    if (!d) throw new NotFoundError('event', id);
    return toEvent(d);
  }
}
