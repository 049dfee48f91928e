/**
 * The analysis queries (metrics, gaps, coverage, what-if, suggestions, insights) and their types,
 * mirroring server/schema.graphql. The filter is the view's, with both kinds of ties: the analysis
 * always looks at the whole cooperation network, whatever the canvas draws.
 */
import type { Filters } from '../state/explorer.ts';
import { filterOf } from '../state/network.ts';
import { gql } from './client.ts';
import type { NetworkFilter } from './types.ts';

export const LEVELS = ['district', 'planning_region', 'state'] as const;
export type Level = (typeof LEVELS)[number];

export const METRIC_KEYS = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'constraint', 'effectiveSize'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface Localized {
  de: string;
  en: string;
}

export interface BrokerageRoles {
  coordinator: number;
  gatekeeper: number;
  representative: number;
  itinerant: number;
  liaison: number;
}

export interface NodeMetrics extends Record<MetricKey, number | null> {
  id: string;
  label: string;
  kind: string | null;
  regionId: string | null;
  degree: number;
  community: number;
  component: number;
  articulationPoint: boolean;
  brokerage: BrokerageRoles;
}

/** How an estimated figure was computed: |estimate − exact| ≤ epsilon with probability `confidence` (server/metrics/metrics.type.ts Estimate). */
export interface Estimate {
  metric: string;
  method: string;
  epsilon: number;
  confidence: number;
  samples: number;
}

/** The background analysis after a data change (server AnalysisStatus). */
export interface AnalysisStatus {
  revision: number;
  currentRevision: number;
  state: 'idle' | 'running' | 'ready' | 'failed';
  done: number;
  total: number;
  step: string | null;
  elapsedMs: number;
  error: string | null;
}

export async function fetchAnalysisStatus(signal?: AbortSignal): Promise<AnalysisStatus> {
  const q = '{ analysisStatus { revision currentRevision state done total step elapsedMs error } }';
  return (await gql<{ analysisStatus: AnalysisStatus }>(q, {}, signal)).analysisStatus;
}

export interface NetworkStats {
  nodes: number;
  edges: number;
  density: number;
  components: number;
  largestComponent: number;
  isolates: number;
  averagePathLength: number | null;
  diameter: number;
  degreeCentralization: number;
  communities: number;
  modularity: number;
  articulationPoints: number;
  bridges: number;
  /** Whole-network figures that are estimates (average path length, diameter); empty when exact. */
  estimates: Estimate[];
}

export interface Metrics {
  nodes: NodeMetrics[];
  communitySizes: number[];
  modularity: number;
  stats: NetworkStats;
  /** Per-actor metrics that are estimates (betweenness, closeness); empty when exact. */
  estimates: Estimate[];
}

export interface RegionGapSummary {
  id: string;
  name: string;
  actors: number;
  internalTies: number;
  externalTies: number;
  eiIndex: number | null;
  isolatedActors: number;
}

export interface RegionCell {
  a: string;
  b: string;
  aName: string;
  bName: string;
  observed: number;
  expected: number;
  ratio: number | null;
}

export interface WhiteSpot extends RegionCell {
  reasons: ('neighbours' | 'programme')[];
  programmes: string[];
  distanceKm: number;
  tier: number;
}

export interface RegionGaps {
  level: string;
  regions: RegionGapSummary[];
  cells: RegionCell[];
  whiteSpots: WhiteSpot[];
  ties: number;
  actorsWithoutRegion: number;
}

export type CoverageStatus = 'missing' | 'unconnected' | 'ok';

export interface ProfileCategory {
  key: string;
  kinds: string[];
  minimum: number;
}

export interface Coverage {
  level: string;
  profile: ProfileCategory[];
  rows: {
    regionId: string;
    name: string;
    actors: number;
    cells: { category: string; count: number; connected: number; minimum: number; status: CoverageStatus }[];
    sectors: { sector: string; count: number }[];
  }[];
  missing: { regionId: string; category: string }[];
  unconnected: { regionId: string; category: string }[];
}

export interface WhatIfSide {
  components: number;
  largestComponent: number;
  interRegionalTies: number;
  connectedRegionPairs: number;
}

export interface WhatIf {
  removed: string[];
  unknown: string[];
  before: WhatIfSide;
  after: WhatIfSide;
  disconnectedActors: { id: string; label: string; regionId: string | null }[];
  lostRegionPairs: { a: string; b: string; aName: string; bName: string }[];
  isolatedRegions: { id: string; name: string }[];
}

export interface Suggestion {
  a: string;
  b: string;
  aLabel: string;
  bLabel: string;
  score: number;
  commonPartners: number;
  adamicAdar: number;
  reasons: { code: 'common_partners' | 'complementary' | 'white_spot'; text: Localized }[];
}

export interface Insight {
  id: string;
  kind: string;
  text: Localized;
  nodeIds: string[];
  regionIds: string[];
}

export interface NetworkPart {
  component: number;
  name: string;
  regionId: string | null;
  projectId: string | null;
  actors: string[];
  broker: string | null;
  brokerCutOff: number;
}

/** The view's filter for the analysis: the same actors, both kinds of ties (node types and limit are the server's). */
export function analysisFilter(f: Filters): NetworkFilter {
  const { nodeTypes: _types, limit: _limit, ...rest } = filterOf(f, 0);
  return { ...rest, includeDirect: true, includeDerived: true };
}

const ESTIMATE = 'estimates { metric method epsilon confidence samples }';
const STATS = `nodes edges density components largestComponent isolates averagePathLength diameter degreeCentralization communities modularity articulationPoints bridges ${ESTIMATE}`;
const CELL = 'a b aName bName observed expected ratio';

export async function fetchMetrics(filter: NetworkFilter, weighted: boolean, level: Level, signal?: AbortSignal): Promise<Metrics> {
  const q = `query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String) { metrics(filter: $filter, weighted: $weighted, level: $level) {
    nodes { id label kind regionId ${METRIC_KEYS.join(' ')} community component articulationPoint brokerage { coordinator gatekeeper representative itinerant liaison } }
    communitySizes modularity stats { ${STATS} } ${ESTIMATE} } }`;
  return (await gql<{ metrics: Metrics }>(q, { filter, weighted, level }, signal)).metrics;
}

export async function fetchRegionGaps(filter: NetworkFilter, level: Level, signal?: AbortSignal): Promise<RegionGaps> {
  const q = `query Gaps($filter: NetworkFilter, $level: String) { regionGaps(level: $level, filter: $filter) {
    level ties actorsWithoutRegion regions { id name actors internalTies externalTies eiIndex isolatedActors }
    cells { ${CELL} } whiteSpots { ${CELL} reasons programmes distanceKm tier } } }`;
  return (await gql<{ regionGaps: RegionGaps }>(q, { filter, level }, signal)).regionGaps;
}

export async function fetchCoverage(filter: NetworkFilter, level: Level, profile: ProfileCategory[] | null, signal?: AbortSignal): Promise<Coverage> {
  const q = `query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) { coverage(level: $level, profile: $profile, filter: $filter) {
    level profile { key kinds minimum } rows { regionId name actors cells { category count connected minimum status } sectors { sector count } }
    missing { regionId category } unconnected { regionId category } } }`;
  return (await gql<{ coverage: Coverage }>(q, { filter, level, profile }, signal)).coverage;
}

export async function fetchWhatIf(filter: NetworkFilter, remove: string[], level: Level, signal?: AbortSignal): Promise<WhatIf> {
  const side = 'components largestComponent interRegionalTies connectedRegionPairs';
  const q = `query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) { whatIf(remove: $remove, level: $level, filter: $filter) {
    removed unknown before { ${side} } after { ${side} } disconnectedActors { id label regionId } lostRegionPairs { a b aName bName } isolatedRegions { id name } } }`;
  return (await gql<{ whatIf: WhatIf }>(q, { filter, remove, level }, signal)).whatIf;
}

export async function fetchSuggestions(filter: NetworkFilter, level: Level, limit: number, signal?: AbortSignal): Promise<Suggestion[]> {
  const q = `query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) { suggestions(filter: $filter, level: $level, limit: $limit) {
    a b aLabel bLabel score commonPartners adamicAdar reasons { code text { de en } } } }`;
  return (await gql<{ suggestions: Suggestion[] }>(q, { filter, level, limit }, signal)).suggestions;
}

export async function fetchInsights(filter: NetworkFilter, level: Level, signal?: AbortSignal): Promise<{ insights: Insight[]; networkParts: NetworkPart[]; networkStats: NetworkStats }> {
  const q = `query Insights($filter: NetworkFilter, $level: String) {
    insights(filter: $filter, level: $level) { id kind text { de en } nodeIds regionIds }
    networkParts(filter: $filter, level: $level) { component name regionId projectId actors broker brokerCutOff }
    networkStats(filter: $filter, level: $level) { ${STATS} } }`;
  return gql<{ insights: Insight[]; networkParts: NetworkPart[]; networkStats: NetworkStats }>(q, { filter, level }, signal);
}
