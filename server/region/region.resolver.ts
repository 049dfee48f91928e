import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EntityMutations } from '../common/edit.resolver.ts';
import { RegionInput } from './region.input.ts';
import { DETAIL_LIST_LIMIT, ref, sourcesOf } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { GraphStore, RegionDetails } from '../store/graph-store.ts';
import { Region } from './region.type.ts';

export function toRegion(d: RegionDetails): Region {
  const src = (ids: string[]) => sourcesOf(ids, d.sources);
  return {
    ...d.region,
    version: d.version,
    parent: d.parent ? ref('REGION', d.parent) : null,
    ancestors: d.ancestors.map((r) => ref('REGION', r)),
    children: d.children.slice(0, DETAIL_LIST_LIMIT).map((r) => ref('REGION', r)),
    actors: d.actors.slice(0, DETAIL_LIST_LIMIT).map((a) => ref('ACTOR', a)),
    actorCount: d.actors.length,
    events: d.events.slice(0, DETAIL_LIST_LIMIT).map((e) => ({ id: e.id, name: e.name, kind: e.kind, date: e.date, place: ref('REGION', d.region) })),
    targetedBy: d.targetedBy.slice(0, DETAIL_LIST_LIMIT).flatMap((t) => {
      const subject = t.project ? ref('PROJECT', t.project) : t.event ? ref('EVENT', t.event) : null;
      return subject ? [{ version: t.version, role: t.role, subject, sources: src(t.sourceIds) }] : [];
    }),
    sources: src(d.region.sourceIds),
  };
}

const readRegion = async (store: GraphStore, id: string) => {
  const d = await store.regionDetails(id);
  return d ? toRegion(d) : null;
};

@Resolver(() => Region)
export class RegionResolver extends EntityMutations({ key: 'regions', name: 'Region', input: RegionInput, output: Region, read: readRegion }) {
  @Query(() => Region, { description: 'A region with its hierarchy, actors, events and the projects aimed at it.' })
  async region(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<Region> {
    const d = await store.regionDetails(id);
    if (!d) throw new NotFoundError('region', id);
    return toRegion(d);
  }
}
