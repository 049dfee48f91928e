import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { NodeType as NodeTypeName } from '../domain/model.ts';
import { NodeType } from '../common/common.type.ts';
import { MAX_VIEW_EDGES } from './network.model.ts';

@ObjectType({ description: 'A node of the network view.' })
export class NetworkNode {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeTypeName;
  @Field(() => String, { nullable: true, description: 'Actor/region/event kind, or the project status.' }) kind!: string | null;
  @Field(() => String) label!: string;
  @Field(() => ID, { nullable: true, description: 'Actor: its region; event: its place; region: its parent; project: its first target region.' })
  regionId!: string | null;
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => Float, { nullable: true }) lon!: number | null;
  @Field(() => [String]) sectors!: string[];
  @Field(() => Int, { nullable: true }) startYear!: number | null;
  @Field(() => Int, { nullable: true }) endYear!: number | null;
}

@ObjectType({ description: 'An edge of the network view.' })
export class NetworkEdge {
  @Field(() => ID) id!: string;
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String, {
    description: 'cooperation (actor–actor), participation, event_participation, located_in, held_in, targets, part_of, belongs_to or continues',
  })
  kind!: string;
  @Field(() => String, { nullable: true, description: 'Role of a participation, kind of a direct tie (member_of, …), role of a target.' })
  role!: string | null;
  @Field(() => Float, { description: 'Derived ties: number of shared projects and events; otherwise 1.' }) weight!: number;
  @Field(() => Boolean, { description: 'true for actor–actor ties derived from shared projects and events.' }) derived!: boolean;
  @Field(() => [ID], { description: 'Derived ties: the shared projects and events.' }) via!: string[];
}

@ObjectType({ description: 'Nodes and edges: the one network shape shared by API and explorer.' })
export class Network {
  @Field(() => [NetworkNode]) nodes!: NetworkNode[];
  @Field(() => [NetworkEdge]) edges!: NetworkEdge[];
  @Field(() => Boolean, { description: 'true when the node limit cut the result (the best-connected nodes are kept).' })
  truncated!: boolean;
  @Field(() => Int, { description: `Derived ties left out because the view carries at most ${MAX_VIEW_EDGES.toLocaleString('en-US')} edges (the weakest go first); 0 when none.` })
  hiddenTies!: number;
}

@ObjectType({ description: 'A shortest cooperation path between two actors ("who can introduce us").' })
export class Path {
  @Field(() => Int, { description: 'Number of ties.' }) length!: number;
  @Field(() => [NetworkNode]) nodes!: NetworkNode[];
}

@ObjectType({ description: 'Cooperation ties between the actors of two regions (a = b: within one region).' })
export class RegionPair {
  @Field(() => ID) a!: string;
  @Field(() => ID) b!: string;
  @Field(() => Int, { description: 'Actor pairs with a direct tie.' }) directTies!: number;
  @Field(() => Int, { description: 'Actor pairs with a tie derived from shared projects and events.' }) derivedTies!: number;
  @Field(() => Float, { description: 'Sum of the weights of the derived ties.' }) derivedWeight!: number;
  @Field(() => Float, {
    description: "Newman's collaboration weight of the derived ties: each shared project or event of n partners adds 1/(n−1), so a 60-partner consortium counts like one tie per partner, not 1,770 pairs.",
  })
  derivedNewman!: number;
}

@ObjectType({ description: 'A search result.' })
export class SearchHit {
  @Field(() => ID) id!: string;
  @Field(() => NodeType) type!: NodeTypeName;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'How much the store holds.' })
export class StoreStats {
  @Field(() => String, { description: 'embedded or neo4j' }) store!: string;
  @Field(() => Int) sources!: number;
  @Field(() => Int) regions!: number;
  @Field(() => Int) actors!: number;
  @Field(() => Int) projects!: number;
  @Field(() => Int) events!: number;
  @Field(() => Int, { description: 'Stories (not part of the network, but stored with it).' }) stories!: number;
  @Field(() => Int) participations!: number;
  @Field(() => Int) eventParticipations!: number;
  @Field(() => Int) cooperations!: number;
  @Field(() => Int) targets!: number;
}

@ObjectType({ description: 'A value and how many actors have it.' })
export class FacetCount {
  @Field(() => String) value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'What the data holds, for filter controls.' })
export class Facets {
  @Field(() => [FacetCount], { description: 'Actor kinds, most frequent first.' }) actorKinds!: FacetCount[];
  @Field(() => [FacetCount], { description: 'Actor sectors, most frequent first.' }) sectors!: FacetCount[];
  @Field(() => Int, { nullable: true, description: 'Earliest year of a project period or event date.' }) minYear!: number | null;
  @Field(() => Int, { nullable: true, description: 'Latest year of a project period or event date.' }) maxYear!: number | null;
}

@ObjectType({ description: 'A region of the overview with its actors under the filter.' })
export class OverviewRegion {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int, { description: 'Actors located in the region or below it.' }) actors!: number;
  @Field(() => Int, { description: 'Actor pairs within the region with a tie.' }) internalTies!: number;
  @Field(() => Boolean, { description: 'Regions of the next level lie below it (the overview can drill into it).' }) hasChildren!: boolean;
}

@ObjectType({ description: 'A large network at a glance: the regions of one level with their actors, and the ties between them.' })
export class Overview {
  @Field(() => String) level!: string;
  @Field(() => ID, { nullable: true, description: 'The region drilled into (its sub-regions are shown), or null.' }) parentId!: string | null;
  @Field(() => [OverviewRegion], { description: 'Regions holding actors, most actors first.' }) regions!: OverviewRegion[];
  @Field(() => [RegionPair], { description: 'Ties between two different regions (a < b).' }) ties!: RegionPair[];
  @Field(() => Int, { description: 'Actors under the filter (within the parent region when given).' }) actors!: number;
  @Field(() => Int, { description: 'Actors without a region at this level.' }) unplaced!: number;
  @Field(() => Boolean, { description: 'The actor count hit the cap (counts are a lower bound).' }) truncated!: boolean;
}
