/**
 * The API's shapes as the client sees them (mirrors `server/schema.graphql`). The network is the one
 * shape (nodes + edges) that travels from store to API to client.
 */
export type NodeType = 'ACTOR' | 'PROJECT' | 'EVENT' | 'REGION';
export const NODE_TYPES: readonly NodeType[] = ['ACTOR', 'PROJECT', 'EVENT', 'REGION'];

export interface NetworkNode {
  id: string;
  type: NodeType;
  kind: string | null;
  label: string;
  regionId: string | null;
  lat: number | null;
  lon: number | null;
  sectors: string[];
  startYear: number | null;
  endYear: number | null;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  role: string | null;
  weight: number;
  derived: boolean;
  via: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}

export interface NetworkFilter {
  regionIds?: string[];
  actorKinds?: string[];
  sectors?: string[];
  projectIds?: string[];
  fromYear?: number;
  toYear?: number;
  includeDirect?: boolean;
  includeDerived?: boolean;
  nodeTypes?: NodeType[];
  limit?: number;
}

export interface RegionSummary {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  lat: number;
  lon: number;
  parentId: string | null;
}

/** A region of the overview (server: OverviewRegion). */
export interface OverviewRegion {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  parentId: string | null;
  actors: number;
  internalTies: number;
  hasChildren: boolean;
}

export interface RegionTie {
  a: string;
  b: string;
  directTies: number;
  derivedTies: number;
  derivedWeight: number;
}

/** A large network at a glance (server: Overview). */
export interface Overview {
  level: string;
  parentId: string | null;
  regions: OverviewRegion[];
  ties: RegionTie[];
  actors: number;
  unplaced: number;
  truncated: boolean;
}

export interface SearchHit {
  id: string;
  type: NodeType;
  kind: string | null;
  label: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  actorKinds: FacetCount[];
  sectors: FacetCount[];
  minYear: number | null;
  maxYear: number | null;
}

export interface Path {
  length: number;
  nodes: NetworkNode[];
}

export interface NodeRef {
  id: string;
  type: NodeType;
  kind: string | null;
  label: string;
}

export interface Source {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
}

/** Present when the details were loaded for editing (`fetchDetails(…, editable)`). */
interface Versioned {
  version?: number;
}

export interface Targeting extends Versioned {
  region: NodeRef;
  role: string;
  description: string | null;
}

export interface EventSummary {
  id: string;
  name: string;
  kind: string;
  date: string | null;
  place: NodeRef | null;
}

export interface ActorParticipation extends Versioned {
  project: NodeRef;
  role: string;
  start: string | null;
  end: string | null;
  description: string | null;
  contribution?: number | null;
}

export interface ActorEventRole extends Versioned {
  event: NodeRef;
  role: string;
  date: string | null;
  description?: string | null;
}

export interface ActorCooperation extends Versioned {
  partner: NodeRef;
  kind: string;
  /** This actor is the stated subject (the stored row's actorId). */
  outgoing: boolean;
  since: string | null;
  until: string | null;
  description: string | null;
  /** Loaded for editing: a tie whose kind changes is replaced, and keeps its sources. */
  sources?: { id: string }[];
}

export interface Participant extends Versioned {
  actor: NodeRef;
  role: string;
  description: string | null;
  contribution?: number | null;
}

export interface ActorDetails extends Versioned {
  __typename: 'Actor';
  id: string;
  name: string;
  kind: string;
  sectors: string[];
  tags: string[];
  website: string | null;
  description: string | null;
  region: NodeRef | null;
  participations: ActorParticipation[];
  events: ActorEventRole[];
  cooperations: ActorCooperation[];
  sources: Source[];
}

export interface ProjectDetails extends Versioned {
  __typename: 'Project';
  id: string;
  name: string;
  status: string;
  programme: string | null;
  start: string | null;
  end: string | null;
  description: string | null;
  goals: string[];
  results: string[];
  tags: string[];
  participants: Participant[];
  funders: NodeRef[];
  events: EventSummary[];
  targets: Targeting[];
  predecessor: NodeRef | null;
  successors: NodeRef[];
  sources: Source[];
}

export interface RegionDetails extends Versioned {
  __typename: 'Region';
  id: string;
  name: string;
  kind: string;
  code: string | null;
  lat: number;
  lon: number;
  description: string | null;
  tags: string[];
  actorCount: number;
  parent: NodeRef | null;
  ancestors: NodeRef[];
  children: NodeRef[];
  actors: NodeRef[];
  events: EventSummary[];
  targetedBy: ({ subject: NodeRef; role: string } & Versioned)[];
  sources: Source[];
}

export interface EventDetails extends Versioned {
  __typename: 'Event';
  id: string;
  name: string;
  kind: string;
  date: string | null;
  endDate: string | null;
  venue: string | null;
  description: string | null;
  tags: string[];
  place: NodeRef | null;
  project: NodeRef | null;
  participants: Participant[];
  targets: Targeting[];
  sources: Source[];
}

export type Details = ActorDetails | ProjectDetails | RegionDetails | EventDetails;
