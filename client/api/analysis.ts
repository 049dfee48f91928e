/**
 * The analysis queries (metrics, gaps, coverage, what-if, suggestions, insights) and the names of their
 * result types, generated from server/schema.graphql and the documents below (`npm run codegen`).
 * Written by hand, as client-side view types: the level and metric key lists (what the explorer offers)
 * and `CoverageStatus` (the statuses the coverage table knows; the schema's field is a String).
 * The filter is the view's (`analysisFilter` in state/network.ts), with both kinds of ties.
 */
import { gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type {
  CoverageQuery,
  InsightsQuery,
  MetricsQuery,
  NetworkStatsFieldsFragment,
  EstimateFieldsFragment,
  AnalysisStatusQuery,
  ProfileCategoryInput,
  RegionCellFieldsFragment,
  GapsQuery,
  SuggestionsQuery,
  WhatIfQuery,
  TieWeighting,
} from './generated/graphql.ts';
import type { NetworkFilter } from './types.ts';

export const LEVELS = ['district', 'planning_region', 'state'] as const;
export type Level = (typeof LEVELS)[number];

export const METRIC_KEYS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export type Metrics = MetricsQuery['metrics'];
export type NodeMetrics = Metrics['nodes'][number];
/** Compile-time check: the metrics document asks for every metric key, each a number (or null). */
const _allMetrics: NodeMetrics extends Record<MetricKey, number | null> ? true : never = true;
export type BrokerageRoles = NodeMetrics['brokerage'];
export type NetworkStats = NetworkStatsFieldsFragment;
export type Estimate = EstimateFieldsFragment;
/** The background analysis after a data change. */
export type AnalysisStatus = AnalysisStatusQuery['analysisStatus'];

/** The region gaps, with the wished ties (approved at live-capture workshops) per region pair beside them. */
export type RegionGaps = GapsQuery['regionGaps'] & { wished?: GapsQuery['wishedTies']['regionPairs'] };
export type RegionGapSummary = RegionGaps['regions'][number];
export type RegionCell = RegionCellFieldsFragment;
export type WhiteSpot = RegionGaps['whiteSpots'][number];

export type Coverage = CoverageQuery['coverage'];
export type ProfileCategory = Coverage['profile'][number];
export type CoverageStatus = 'missing' | 'unconnected' | 'ok';

export type WhatIf = WhatIfQuery['whatIf'];
export type WhatIfSide = WhatIf['before'];

export type Suggestion = SuggestionsQuery['suggestions'][number];
export type Insight = InsightsQuery['insights'][number];
export type Localized = Insight['text'];
export type NetworkPart = InsightsQuery['networkParts'][number];

export const NetworkStatsFields = graphql(`
  fragment NetworkStatsFields on NetworkStats {
    nodes edges density components largestComponent isolates averagePathLength diameter degreeCentralization communities modularity articulationPoints bridges
    estimates { ...EstimateFields }
  }
`);

/** How an estimated figure was computed: |estimate − exact| ≤ epsilon with probability `confidence`. */
export const EstimateFields = graphql(`
  fragment EstimateFields on Estimate { metric method epsilon confidence samples }
`);

const AnalysisStatusDoc = graphql(`
  query AnalysisStatus { analysisStatus { revision currentRevision state done total step elapsedMs error } }
`);

export async function fetchAnalysisStatus(signal?: AbortSignal): Promise<AnalysisStatus> {
  return (await gql(AnalysisStatusDoc, {}, signal)).analysisStatus;
}

export const RegionCellFields = graphql(`
  fragment RegionCellFields on RegionCell { a b aName bName observed expected ratio }
`);

const MetricsDoc = graphql(`
  query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String, $weighting: TieWeighting) {
    metrics(filter: $filter, weighted: $weighted, level: $level, weighting: $weighting) {
      nodes {
        id label kind regionId degree weightedDegree betweenness closeness eigenvector pagerank constraint effectiveSize
        community component articulationPoint brokerage { coordinator gatekeeper representative itinerant liaison }
      }
      communitySizes modularity stats { ...NetworkStatsFields } estimates { ...EstimateFields }
    }
  }
`);

const RegionGapsDoc = graphql(`
  query Gaps($filter: NetworkFilter, $level: String) {
    regionGaps(level: $level, filter: $filter) {
      level ties actorsWithoutRegion regions { id name actors internalTies externalTies eiIndex isolatedActors }
      cells { ...RegionCellFields } whiteSpots { a b aName bName observed expected ratio reasons programmes distanceKm tier }
    }
    wishedTies(level: $level) { regionPairs { a b aName bName wished missing existing } }
  }
`);

const CoverageDoc = graphql(`
  query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) {
    coverage(level: $level, profile: $profile, filter: $filter) {
      level profile { key kinds minimum } rows { regionId name actors cells { category count connected minimum status } sectors { sector count } }
      missing { regionId category } unconnected { regionId category }
    }
  }
`);

const WhatIfDoc = graphql(`
  query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) {
    whatIf(remove: $remove, level: $level, filter: $filter) {
      removed unknown
      before { components largestComponent interRegionalTies connectedRegionPairs }
      after { components largestComponent interRegionalTies connectedRegionPairs }
      disconnectedActors { id label regionId } lostRegionPairs { a b aName bName } isolatedRegions { id name }
    }
  }
`);

const SuggestionsDoc = graphql(`
  query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) {
    suggestions(filter: $filter, level: $level, limit: $limit) { a b aLabel bLabel score commonPartners adamicAdar reasons { code text { de en } } }
  }
`);

const InsightsDoc = graphql(`
  query Insights($filter: NetworkFilter, $level: String) {
    insights(filter: $filter, level: $level) { id kind text { de en } nodeIds regionIds }
    networkParts(filter: $filter, level: $level) { component name regionId projectId actors broker brokerCutOff }
    networkStats(filter: $filter, level: $level) { ...NetworkStatsFields }
    wishedTies(level: $level) { insights { id kind text { de en } nodeIds regionIds } }
  }
`);

/**
 * The tie weight of the weighted measures (weighted degree, eigenvector, PageRank, Louvain, Burt):
 * none — every tie counts once; count — cooperations plus shared projects and events; newman —
 * cooperations plus Newman's 1/(n − 1) per shared project of n partners.
 */
export const METRIC_WEIGHTS = ['none', 'count', 'newman'] as const;
export type MetricWeights = (typeof METRIC_WEIGHTS)[number];

export async function fetchMetrics(filter: NetworkFilter, weights: MetricWeights, level: Level, signal?: AbortSignal): Promise<Metrics> {
  const weighting: TieWeighting = weights === 'newman' ? 'NEWMAN' : 'COUNT';
  return (await gql(MetricsDoc, { filter, weighted: weights !== 'none', level, weighting }, signal)).metrics;
}

export async function fetchRegionGaps(filter: NetworkFilter, level: Level, signal?: AbortSignal): Promise<RegionGaps> {
  const r = await gql(RegionGapsDoc, { filter, level }, signal);
  return { ...r.regionGaps, wished: r.wishedTies.regionPairs };
}

export async function fetchCoverage(filter: NetworkFilter, level: Level, profile: ProfileCategoryInput[] | null, signal?: AbortSignal): Promise<Coverage> {
  return (await gql(CoverageDoc, { filter, level, profile }, signal)).coverage;
}

export async function fetchWhatIf(filter: NetworkFilter, remove: string[], level: Level, signal?: AbortSignal): Promise<WhatIf> {
  return (await gql(WhatIfDoc, { filter, remove, level }, signal)).whatIf;
}

export async function fetchSuggestions(filter: NetworkFilter, level: Level, limit: number, signal?: AbortSignal): Promise<Suggestion[]> {
  return (await gql(SuggestionsDoc, { filter, level, limit }, signal)).suggestions;
}

/** The insight cards, with those on wished ties (live capture) after the network's own. */
export async function fetchInsights(filter: NetworkFilter, level: Level, signal?: AbortSignal): Promise<InsightsQuery> {
  const r = await gql(InsightsDoc, { filter, level }, signal);
  return { ...r, insights: [...r.insights, ...r.wishedTies.insights] };
}
