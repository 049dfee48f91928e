import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { DEFAULT_NETWORK_LIMIT } from './network.model.ts';
import { NetworkFilter } from './network.input.ts';
import { Network, Overview, Path, RegionPair } from './network.type.ts';

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, { description: 'The network: actors, projects, events and regions with direct and derived ties, filtered.' })
  network(@Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null, @Ctx() { store }: Context): Promise<Network> {
    return store.network(filter ?? {});
  }

  @Query(() => Network, { description: 'Everything within `depth` steps (1–3) of a node, with the ties among it.' })
  neighborhood(
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, nullable: true }) depth: number | null,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_NETWORK_LIMIT, nullable: true, description: 'Maximum number of nodes.' }) limit: number | null,
    @Ctx() { serving, caller }: Context,
  ): Promise<Network> {
    return serving.read({ op: 'neighborhood', id, depth: depth ?? 1, limit: limit ?? DEFAULT_NETWORK_LIMIT }, caller);
  }

  @Query(() => [Path], { description: 'All shortest cooperation paths between two actors, over direct and derived ties ("who can introduce us").' })
  shortestPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxLength', () => Int, { defaultValue: 6, nullable: true }) maxLength: number | null,
    @Arg('limit', () => Int, { defaultValue: 50, nullable: true, description: 'Maximum number of paths.' }) limit: number | null,
    @Ctx() { serving, caller }: Context,
  ): Promise<Path[]> {
    return serving.read({ op: 'shortestPaths', from, to, maxLength: maxLength ?? 6, limit: limit ?? 50 }, caller);
  }

  @Query(() => [RegionPair], { description: 'Ties between the actors of every pair of regions of one kind (e.g. district) that have actors.' })
  regionMatrix(
    @Arg('level', () => String, { description: 'A region kind: state, planning_region, district, city, …' }) level: string,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Ctx() { serving, caller }: Context,
  ): Promise<RegionPair[]> {
    return serving.read({ op: 'regionMatrix', level, filter: filter ?? {} }, caller);
  }

  @Query(() => Overview, {
    description:
      'The overview of a large network: the regions of one level (default: state) with their actors and the ties between them; with `parentId`, the regions of the level inside that region.',
  })
  overview(
    @Arg('level', () => String, { defaultValue: 'state', nullable: true, description: 'A region kind: state, district, …' }) level: string | null,
    @Arg('parentId', () => ID, { nullable: true, description: 'Only actors inside this region.' }) parentId: string | null,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Ctx() { serving, caller }: Context,
  ): Promise<Overview> {
    return serving.read({ op: 'overview', level: level ?? 'state', parentId: parentId ?? null, filter: filter ?? {} }, caller);
  }
}
