/**
 * The API's shapes as the client sees them: names for the result types that graphql-codegen generates
 * from `server/schema.graphql` and the documents in queries.ts (`npm run codegen`). Nothing here is
 * written by hand except `NODE_TYPES`, the node types in the order the client lists them (checked
 * against the schema's enum below). The network is the one shape (nodes + edges) that travels from
 * store to API to client.
 */
import type {
  ActorDetailsQuery,
  CatalogQuery,
  EventDetailsQuery,
  EventSummaryFieldsFragment,
  NetworkEdgeFieldsFragment,
  NetworkFieldsFragment,
  NetworkNodeFieldsFragment,
  NodeRefFieldsFragment,
  NodeType as GeneratedNodeType,
  OverviewQuery,
  ProjectDetailsQuery,
  RegionDetailsQuery,
  SearchQuery,
  PathsQuery,
  SourceFieldsFragment,
} from './generated/graphql.ts';

export type { NetworkFilter } from './generated/graphql.ts';

export type NodeType = GeneratedNodeType;
export const NODE_TYPES = ['ACTOR', 'PROJECT', 'EVENT', 'REGION'] as const satisfies readonly NodeType[];
/** Compile-time check: NODE_TYPES lists every node type of the schema. */
const _allNodeTypes: Exclude<NodeType, (typeof NODE_TYPES)[number]> extends never ? true : never = true;

export type NetworkNode = NetworkNodeFieldsFragment;
export type NetworkEdge = NetworkEdgeFieldsFragment;
export type Network = NetworkFieldsFragment;

export type RegionSummary = CatalogQuery['regions'][number];
export type Facets = CatalogQuery['facets'];
export type FacetCount = Facets['actorKinds'][number];
export type SearchHit = SearchQuery['search'][number];
export type Path = PathsQuery['shortestPaths'][number];

/** A large network at a glance: regions of one level with their actors and the ties between them. */
export type Overview = OverviewQuery['overview'];
export type OverviewRegion = Overview['regions'][number];
export type RegionTie = Overview['ties'][number];

export type NodeRef = NodeRefFieldsFragment;
export type Source = SourceFieldsFragment;
export type EventSummary = EventSummaryFieldsFragment;

/** The details of a node; `version` and the form-only fields are there when loaded for editing (`fetchDetails(…, editable)`). */
export type ActorDetails = ActorDetailsQuery['actor'];
export type ProjectDetails = ProjectDetailsQuery['project'];
export type RegionDetails = RegionDetailsQuery['region'];
export type EventDetails = EventDetailsQuery['event'];
export type Details = ActorDetails | ProjectDetails | RegionDetails | EventDetails;

export type ActorParticipation = ActorDetails['participations'][number];
export type ActorEventRole = ActorDetails['events'][number];
/** `outgoing`: this actor is the stated subject (the stored row's actorId); `sources` (editing): a tie whose kind changes is replaced, and keeps its sources. */
export type ActorCooperation = ActorDetails['cooperations'][number];
export type Participant = ProjectDetails['participants'][number] | EventDetails['participants'][number];
export type Targeting = ProjectDetails['targets'][number] | EventDetails['targets'][number];
