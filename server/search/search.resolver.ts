import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { NodeType } from '../common/common.type.ts';
import type { NodeType as NodeTypeName } from '../domain/model.ts';
import type { Context } from '../context.ts';
import { RegionSummary } from '../region/region.type.ts';
import { Facets, SearchHit, StoreStats } from '../network/network.type.ts';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Actors, projects, regions and events by name: case-insensitive, umlauts and ß folded, best first.' })
  search(
    @Arg('text', () => String) text: string,
    @Arg('limit', () => Int, { defaultValue: 20, nullable: true }) limit: number | null,
    @Arg('types', () => [NodeType], { nullable: true, description: 'Only these node types (default all).' }) types: NodeTypeName[] | null,
    @Ctx() { serving, caller }: Context,
  ): Promise<SearchHit[]> {
    // In a read worker: at 25,000 actors a search takes 15–60 ms, too long for the main thread when many type at once.
    return serving.read({ op: 'search', text, limit: limit ?? 20, types }, caller);
  }

  @Query(() => [RegionSummary], { description: 'All regions (optionally of one kind), sorted by name, at most 5,000.' })
  async regions(@Arg('kind', () => String, { nullable: true }) kind: string | null, @Ctx() { store }: Context): Promise<RegionSummary[]> {
    return (await store.regions(kind)).slice(0, 5000);
  }

  @Query(() => StoreStats, { description: 'How much the store holds.' })
  async stats(@Ctx() { store }: Context): Promise<StoreStats> {
    return { store: store.kind, ...(await store.stats()) };
  }

  @Query(() => Facets, { description: 'Actor kinds and sectors with counts, and the year range: the choices of the explorer\'s filters.' })
  facets(@Ctx() { store }: Context): Promise<Facets> {
    return store.facets();
  }

  @Query(() => NodeType, { nullable: true, description: 'The type of the node with this id (null when there is none): for links that carry only an id.' })
  nodeType(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<NodeTypeName | null> {
    return store.nodeType(id);
  }
}
