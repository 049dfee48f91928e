/** Analysis queries: thin — validate, one call to the analysis service (worker + cache), return. */
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { NetworkFilter } from '../network/network.input.ts';
import { ProfileCategoryInput, TieWeighting } from './metrics.input.ts';
import { AnalysisStatus, Coverage, Insight, Metrics, NetworkPart, NetworkStats, RegionGaps, Suggestion, WhatIf } from './metrics.type.ts';

const LEVEL = { nullable: true, description: 'Region kind the analysis groups by: district (default), planning_region, state, …' } as const;

@Resolver()
export class MetricsResolver {
  @Query(() => Metrics, { description: 'Centralities, communities, cut points and brokerage of the actors, over direct and derived ties.' })
  metrics(
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Arg('weighted', () => Boolean, { defaultValue: false, description: 'Use tie weights (strength, eigenvector, PageRank, Louvain, Burt).' }) weighted: boolean,
    @Arg('level', () => String, LEVEL) level: string | null,
    @Arg('weighting', () => TieWeighting, { defaultValue: TieWeighting.COUNT, description: 'Which tie weight the weighted measures and weightedDegree use (cached separately).' }) weighting: TieWeighting,
    @Ctx() { analysis }: Context,
  ): Promise<Metrics> {
    return analysis.metrics(filter, weighted, level, weighting);
  }

  @Query(() => AnalysisStatus, { description: 'Progress of the background analysis that runs after every data change.' })
  analysisStatus(@Ctx() { analysis }: Context): AnalysisStatus {
    return analysis.status();
  }

  @Query(() => NetworkStats, { description: 'Size, density, components, path lengths, centralisation and modularity of the actor network.' })
  async networkStats(
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Arg('level', () => String, { ...LEVEL, description: 'Only shares the cached metrics of that level (the statistics do not depend on it).' }) level: string | null,
    @Ctx() { analysis }: Context,
  ): Promise<NetworkStats> {
    return (await analysis.metrics(filter, false, level)).stats;
  }

  @Query(() => RegionGaps, { description: 'Region × region ties against a null model, E-I index per region, and the white spots.' })
  regionGaps(
    @Arg('level', () => String, LEVEL) level: string | null,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Ctx() { analysis }: Context,
  ): Promise<RegionGaps> {
    return analysis.regionGaps(level, filter);
  }

  @Query(() => Coverage, { description: 'Actor kinds per region against a target profile: missing and unconnected cells.' })
  coverage(
    @Arg('level', () => String, LEVEL) level: string | null,
    @Arg('profile', () => [ProfileCategoryInput], { nullable: true, description: 'Default: companies, research, education, chambers, administration, civil society.' })
    profile: ProfileCategoryInput[] | null,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Ctx() { analysis }: Context,
  ): Promise<Coverage> {
    return analysis.coverage(level, profile, filter);
  }

  @Query(() => WhatIf, { description: 'What changes when these actors leave: cut-off actors and regions, components, inter-regional ties.' })
  whatIf(
    @Arg('remove', () => [ID]) remove: string[],
    @Arg('level', () => String, LEVEL) level: string | null,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Ctx() { analysis }: Context,
  ): Promise<WhatIf> {
    return analysis.whatIf(remove, level, filter);
  }

  @Query(() => [Suggestion], { description: 'Actors not yet tied who should meet: common partners, complementary kinds, bridging white spots.' })
  suggestions(
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Arg('level', () => String, LEVEL) level: string | null,
    @Ctx() { analysis }: Context,
  ): Promise<Suggestion[]> {
    return analysis.suggestions(filter, level, limit);
  }

  @Query(() => [Insight], { description: 'Short findings in German and English.' })
  insights(
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Arg('level', () => String, LEVEL) level: string | null,
    @Ctx() { analysis }: Context,
  ): Promise<Insight[]> {
    return analysis.insights(filter, level);
  }

  @Query(() => [NetworkPart], { description: 'The separate parts of the network and who bridges inside each.' })
  networkParts(
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter: NetworkFilter | null,
    @Arg('level', () => String, LEVEL) level: string | null,
    @Ctx() { analysis }: Context,
  ): Promise<NetworkPart[]> {
    return analysis.parts(filter, level);
  }
}
