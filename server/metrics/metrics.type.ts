/** GraphQL types of the analysis: metrics, region gaps, coverage, what-if, suggestions, insights. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A sentence in German and English.' })
export class LocalizedText {
  @Field(() => String) de!: string;
  @Field(() => String) en!: string;
}

@ObjectType({ description: 'Gould–Fernandez brokerage: open triads the actor brokers, by the regions of the three (undirected ties: a broker sharing the region of exactly one end counts as both gatekeeper and representative).' })
export class BrokerageRoles {
  @Field(() => Int, { description: 'All three in one region.' }) coordinator!: number;
  @Field(() => Int, { description: 'The broker in the region of one end.' }) gatekeeper!: number;
  @Field(() => Int, { description: 'The broker in the region of one end (the other direction).' }) representative!: number;
  @Field(() => Int, { description: 'Both ends in one region, the broker elsewhere.' }) itinerant!: number;
  @Field(() => Int, { description: 'All three in different regions.' }) liaison!: number;
}

@ObjectType({ description: 'Metrics of one actor in the cooperation network (direct and derived ties).' })
export class NodeMetrics {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => ID, { nullable: true }) regionId!: string | null;
  @Field(() => Int) degree!: number;
  @Field(() => Float, { description: 'Sum of tie weights (shared projects and events count each).' }) weightedDegree!: number;
  @Field(() => Float, { description: 'degree / (n − 1)' }) degreeCentrality!: number;
  @Field(() => Float, { description: 'Normalised by (n−1)(n−2), as networkx.' }) betweenness!: number;
  @Field(() => Float, { description: 'Wasserman–Faust closeness (for disconnected networks).' }) closeness!: number;
  @Field(() => Float) eigenvector!: number;
  @Field(() => Float) pagerank!: number;
  @Field(() => Int, { description: 'Louvain community, 0 = the largest.' }) community!: number;
  @Field(() => Int, { description: 'Connected component, 0 = the largest.' }) component!: number;
  @Field(() => Float, { nullable: true, description: "Burt's constraint; null without ties." }) constraint!: number | null;
  @Field(() => Float, { nullable: true, description: "Burt's effective size; null without ties." }) effectiveSize!: number | null;
  @Field(() => Boolean, { description: 'Removing the actor splits its component.' }) articulationPoint!: boolean;
  @Field(() => BrokerageRoles) brokerage!: BrokerageRoles;
}

@ObjectType({
  description:
    'How an estimated figure was computed and how far it may be off: |estimate − exact| ≤ epsilon with probability `confidence`. Figures without an estimate entry are exact.',
})
export class Estimate {
  @Field(() => String, { description: 'betweenness, closeness (per actor), averagePathLength, diameter (whole network).' }) metric!: string;
  @Field(() => String, { description: 'The estimator, e.g. Riondato–Kornaropoulos shortest-path sampling.' }) method!: string;
  @Field(() => Float, { description: 'Absolute error bound, in the unit of the figure (diameter: the value is a lower bound, the true diameter at most value + epsilon).' })
  epsilon!: number;
  @Field(() => Float, { description: 'Probability that every estimated value lies within epsilon (1 = certain).' }) confidence!: number;
  @Field(() => Int, { description: 'Sampled shortest paths, sources or searches.' }) samples!: number;
}

@ObjectType({ description: "The background analysis of the default view (whole network, district level), started whenever the store's data changes." })
export class AnalysisStatus {
  @Field(() => Int, { description: 'The data revision the background run is about.' }) revision!: number;
  @Field(() => Int, { description: "The store's current data revision (differs from revision until the next run starts)." }) currentRevision!: number;
  @Field(() => String, { description: 'idle, running, ready or failed' }) state!: string;
  @Field(() => Int, { description: 'Analyses finished, of total.' }) done!: number;
  @Field(() => Int) total!: number;
  @Field(() => String, { nullable: true, description: 'The analysis running now: metrics, gaps, coverage, parts, insights.' }) step!: string | null;
  @Field(() => Int, { description: 'Milliseconds since the run started (running) or that it took.' }) elapsedMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class NetworkStats {
  @Field(() => Int) nodes!: number;
  @Field(() => Int) edges!: number;
  @Field(() => Float) density!: number;
  @Field(() => Int) components!: number;
  @Field(() => Int) largestComponent!: number;
  @Field(() => Int) isolates!: number;
  @Field(() => Float, { nullable: true, description: 'Mean shortest path over connected pairs.' }) averagePathLength!: number | null;
  @Field(() => Int, { description: 'Longest shortest path within a component.' }) diameter!: number;
  @Field(() => Float, { description: "Freeman's degree centralisation." }) degreeCentralization!: number;
  @Field(() => Int) communities!: number;
  @Field(() => Float) modularity!: number;
  @Field(() => Int) articulationPoints!: number;
  @Field(() => Int) bridges!: number;
  @Field(() => [Estimate], { description: 'Whole-network figures that are estimates (large networks); empty when all are exact.' }) estimates!: Estimate[];
}

@ObjectType({ description: 'A tie whose removal splits its component.' })
export class BridgeTie {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
}

@ObjectType()
export class Metrics {
  @Field(() => [NodeMetrics]) nodes!: NodeMetrics[];
  @Field(() => [Int], { description: 'Community sizes by community number.' }) communitySizes!: number[];
  @Field(() => Float) modularity!: number;
  @Field(() => [BridgeTie]) bridges!: BridgeTie[];
  @Field(() => NetworkStats) stats!: NetworkStats;
  @Field(() => [Estimate], { description: 'Per-actor metrics that are estimates (betweenness, closeness above the exact work budget), with their bounds; empty when all are exact.' })
  estimates!: Estimate[];
}

@ObjectType()
export class RegionGapSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) actors!: number;
  @Field(() => Int) internalTies!: number;
  @Field(() => Int) externalTies!: number;
  @Field(() => Float, { nullable: true, description: 'Krackhardt–Stern E-I index (E − I)/(E + I); null without ties.' }) eiIndex!: number | null;
  @Field(() => Int) isolatedActors!: number;
}

@ObjectType({ description: 'Ties between the actors of two regions (a = b: inside one region), observed and expected.' })
export class RegionCell {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => String) aName!: string;
  @Field(() => String) bName!: string;
  @Field(() => Int) observed!: number;
  @Field(() => Float, { description: 'Configuration model: D_A·D_B / 2m (D = tie ends of a region’s actors).' }) expected!: number;
  @Field(() => Float, { nullable: true }) ratio!: number | null;
}

@ObjectType({ description: 'A region pair with no or far fewer ties than expected.' })
export class WhiteSpot extends RegionCell {
  @Field(() => [String], { description: 'neighbours, programme' }) reasons!: string[];
  @Field(() => [String], { description: 'Programmes both regions take part in.' }) programmes!: string[];
  @Field(() => Int) distanceKm!: number;
  @Field(() => Int, { description: '0 = neighbours sharing a programme, 1 = one of the two, 2 = neither.' }) tier!: number;
}

@ObjectType()
export class RegionGaps {
  @Field(() => String) level!: string;
  @Field(() => [RegionGapSummary]) regions!: RegionGapSummary[];
  @Field(() => [RegionCell]) cells!: RegionCell[];
  @Field(() => [WhiteSpot]) whiteSpots!: WhiteSpot[];
  @Field(() => Int) ties!: number;
  @Field(() => Int) actorsWithoutRegion!: number;
}

@ObjectType()
export class ProfileCategory {
  @Field(() => String) key!: string;
  @Field(() => [String]) kinds!: string[];
  @Field(() => Int) minimum!: number;
}

@ObjectType()
export class CoverageCell {
  @Field(() => String) category!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'Of these, actors with at least one tie.' }) connected!: number;
  @Field(() => Int) minimum!: number;
  @Field(() => String, { description: 'missing, unconnected or ok' }) status!: string;
}

@ObjectType()
export class SectorCount {
  @Field(() => String) sector!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class CoverageRow {
  @Field(() => ID) regionId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) actors!: number;
  @Field(() => [CoverageCell]) cells!: CoverageCell[];
  @Field(() => [SectorCount]) sectors!: SectorCount[];
}

@ObjectType()
export class CoverageGap {
  @Field(() => ID) regionId!: string;
  @Field(() => String) category!: string;
}

@ObjectType()
export class Coverage {
  @Field(() => String) level!: string;
  @Field(() => [ProfileCategory]) profile!: ProfileCategory[];
  @Field(() => [CoverageRow]) rows!: CoverageRow[];
  @Field(() => [CoverageGap]) missing!: CoverageGap[];
  @Field(() => [CoverageGap]) unconnected!: CoverageGap[];
}

@ObjectType()
export class WhatIfSide {
  @Field(() => Int) components!: number;
  @Field(() => Int) largestComponent!: number;
  @Field(() => Int) interRegionalTies!: number;
  @Field(() => Int) connectedRegionPairs!: number;
}

@ObjectType()
export class ActorRef {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => ID, { nullable: true }) regionId!: string | null;
}

@ObjectType()
export class RegionRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
export class RegionPairRef {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => String) aName!: string;
  @Field(() => String) bName!: string;
}

@ObjectType()
export class WhatIf {
  @Field(() => [ID]) removed!: string[];
  @Field(() => [ID], { description: 'Given ids that are no actor of the (filtered) network.' }) unknown!: string[];
  @Field(() => WhatIfSide) before!: WhatIfSide;
  @Field(() => WhatIfSide) after!: WhatIfSide;
  @Field(() => [ActorRef], { description: 'Actors cut off from the bigger part of their former component.' }) disconnectedActors!: ActorRef[];
  @Field(() => [RegionPairRef], { description: 'Region pairs no chain of ties links any more.' }) lostRegionPairs!: RegionPairRef[];
  @Field(() => [RegionRef], { description: 'Regions now linked to no other region.' }) isolatedRegions!: RegionRef[];
}

@ObjectType()
export class SuggestionReason {
  @Field(() => String, { description: 'common_partners, complementary or white_spot' }) code!: string;
  @Field(() => LocalizedText) text!: LocalizedText;
}

@ObjectType({ description: 'Two actors not yet tied who should meet, and why.' })
export class Suggestion {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => String) aLabel!: string;
  @Field(() => String) bLabel!: string;
  @Field(() => Float) score!: number;
  @Field(() => Int) commonPartners!: number;
  @Field(() => Float) adamicAdar!: number;
  @Field(() => [SuggestionReason]) reasons!: SuggestionReason[];
}

@ObjectType({ description: 'A short finding in words.' })
export class Insight {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'parts, bridge, hub, white_spot, few_ties, no_actors, missing, unconnected, isolates, liaison' }) kind!: string;
  @Field(() => LocalizedText) text!: LocalizedText;
  @Field(() => [ID]) nodeIds!: string[];
  @Field(() => [ID]) regionIds!: string[];
}

@ObjectType({ description: 'A connected part of the network (at least two actors) and who bridges inside it.' })
export class NetworkPart {
  @Field(() => Int) component!: number;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) regionId!: string | null;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => [ID]) actors!: string[];
  @Field(() => ID, { nullable: true }) broker!: string | null;
  @Field(() => Int, { description: 'Actors cut off without the broker.' }) brokerCutOff!: number;
}
