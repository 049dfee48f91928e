/**
 * The storage port. The API and the analysis speak to a `GraphStore`; two adapters implement it
 * (embedded SQLite, Neo4j) and pass one contract suite (test/contract/).
 *
 * Adapters implement the small set of domain primitives in `GraphBackend` (load rows by ids or
 * regions, write a validated batch in one transaction); `BaseGraphStore` builds the network
 * queries (filters, derived ties, neighbourhoods, paths, region matrix) on top of them, so both
 * stores answer with the same semantics.
 */
import type {
  Actor,
  BatchKey,
  Cooperation,
  Event,
  EventParticipation,
  GraphBatch,
  GraphBatchInput,
  NodeType,
  Participation,
  Project,
  Region,
  Source,
  Target,
} from '../domain/model.ts';
import type { Network, NetworkFilter, Path, RegionPair } from '../network/network.model.ts';
import type { SearchCandidate } from '../search/fold.ts';

export type Ids = readonly string[];

export interface StoreStats {
  sources: number;
  regions: number;
  actors: number;
  projects: number;
  events: number;
  participations: number;
  eventParticipations: number;
  cooperations: number;
  targets: number;
}

/** What the data holds, for filter controls: actor kinds and sectors with counts, the year range. */
export interface Facets {
  actorKinds: { value: string; count: number }[];
  sectors: { value: string; count: number }[];
  /** Earliest and latest year of a project period or event date; null when nothing is dated. */
  minYear: number | null;
  maxYear: number | null;
}

export interface BatchResult {
  created: Record<BatchKey, number>;
  updated: Record<BatchKey, number>;
  unchanged: Record<BatchKey, number>;
}

export interface SearchHit {
  id: string;
  type: NodeType;
  kind: string | null;
  label: string;
}

export interface ActorDetails {
  actor: Actor;
  region: Region | null;
  participations: (Participation & { project: Project })[];
  eventParticipations: (EventParticipation & { event: Event })[];
  /** Direct ties, seen from this actor: `partner` is the other side, `outgoing` the stated direction. */
  cooperations: (Cooperation & { partner: Actor; outgoing: boolean })[];
  sources: Source[];
}

export interface ProjectDetails {
  project: Project;
  participations: (Participation & { actor: Actor })[];
  events: (Event & { place: Region | null })[];
  targets: (Target & { region: Region })[];
  predecessor: Project | null;
  successors: Project[];
  sources: Source[];
}

export interface RegionDetails {
  region: Region;
  parent: Region | null;
  ancestors: Region[];
  children: Region[];
  actors: Actor[];
  events: Event[];
  /** Projects and events aimed at this region. */
  targetedBy: (Target & { project: Project | null; event: Event | null })[];
  sources: Source[];
}

export interface EventDetails {
  event: Event;
  place: Region | null;
  project: Project | null;
  participations: (EventParticipation & { actor: Actor })[];
  targets: (Target & { region: Region })[];
  sources: Source[];
}

/** A funding programme (or a project that names none) and the regions it reaches. */
export interface ProgrammeRegions {
  /** The programme's name, or the project's id when it names none. */
  key: string;
  label: string;
  /** Regions its projects target or partner with, and the regions of its participating actors. */
  regionIds: string[];
  /** Only the regions its projects target (role target), the regions it is meant for. */
  targetRegionIds: string[];
  /** Its projects. */
  projectIds: string[];
}

export interface WriteOptions {
  /** Validate and count in the transaction as for real, then roll it back: the report of what would change. */
  dryRun?: boolean;
}

/** Thrown at the end of a dry run's transaction to roll it back; carries the counts. */
export class DryRunRollback extends Error {
  constructor(readonly result: BatchResult) {
    super('dry run: rolled back');
    this.name = 'DryRunRollback';
  }
}

/** What the rest of the server uses. */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Counts this store's writes: anything derived from its data is stale once it changes. */
  revision(): number;
  init(): Promise<void>;
  close(): Promise<void>;
  stats(): Promise<StoreStats>;
  /** Actor kinds and sectors with counts, and the year range (cached until the next write). */
  facets(): Promise<Facets>;
  /** Validates and writes a batch in one transaction; throws BatchValidationError, writes nothing then. */
  applyBatch(input: GraphBatchInput | GraphBatch, options?: WriteOptions): Promise<BatchResult>;
  clear(): Promise<void>;

  /** Best matches first; `types` restricts the node types (e.g. actors for the path finder). */
  search(text: string, limit: number, types?: readonly NodeType[] | null): Promise<SearchHit[]>;
  /** All regions (optionally of one kind), sorted by name. */
  regions(kind?: string | null): Promise<Region[]>;
  nodeType(id: string): Promise<NodeType | null>;
  actorDetails(id: string): Promise<ActorDetails | null>;
  projectDetails(id: string): Promise<ProjectDetails | null>;
  regionDetails(id: string): Promise<RegionDetails | null>;
  eventDetails(id: string): Promise<EventDetails | null>;

  network(filter?: NetworkFilter): Promise<Network>;
  neighborhood(id: string, depth: number, limit?: number): Promise<Network>;
  shortestPaths(from: string, to: string, maxLength: number, limit?: number): Promise<Path[]>;
  regionMatrix(level: string, filter?: NetworkFilter): Promise<RegionPair[]>;
  /** Programmes with their regions (for the gap analysis: regions sharing a programme). */
  programmes(): Promise<ProgrammeRegions[]>;
  /** Everything the store holds, as one batch (for exports; importing it into an empty store gives the same network). */
  exportBatch(): Promise<GraphBatch>;
}

/** Row-level primitives an adapter implements. `undefined` selectors mean "all". */
export interface GraphBackend {
  readonly kind: 'embedded' | 'neo4j';
  init(): Promise<void>;
  close(): Promise<void>;
  counts(): Promise<StoreStats>;
  /** Writes a batch in one transaction after `validate` (called inside it) accepts it. */
  writeBatch(batch: GraphBatch, validate: (existing: ExistingIds) => void, options?: WriteOptions): Promise<BatchResult>;
  clear(): Promise<void>;

  loadRegions(): Promise<Region[]>;
  /** `undefined`: all sources. */
  loadSources(ids?: Ids): Promise<Source[]>;
  loadActors(q: { ids?: Ids; regionIds?: Ids; kinds?: Ids }): Promise<Actor[]>;
  loadProjects(q: { ids?: Ids; predecessorIds?: Ids }): Promise<Project[]>;
  loadEvents(q: { ids?: Ids; projectIds?: Ids; placeIds?: Ids }): Promise<Event[]>;
  loadParticipations(q: { actorIds?: Ids; projectIds?: Ids }): Promise<Participation[]>;
  loadEventParticipations(q: { actorIds?: Ids; eventIds?: Ids }): Promise<EventParticipation[]>;
  /** Cooperations with either end in `actorIds`. */
  loadCooperations(q: { actorIds?: Ids }): Promise<Cooperation[]>;
  loadTargets(q: { subjectIds?: Ids; regionIds?: Ids }): Promise<Target[]>;
  /** Nodes whose search keys contain `key` (German folding) or `alt` (plain folding). */
  searchCandidates(key: string, alt: string, max: number): Promise<SearchCandidate[]>;
  nodeTypes(ids: Ids): Promise<Map<string, NodeType>>;
}

/** Which ids exist already, per entity kind (used to validate references inside a transaction). */
export interface ExistingIds {
  has(kind: 'sources' | 'regions' | 'actors' | 'projects' | 'events', id: string): boolean;
  /** The stored parent of a region (to detect cycles across batch and store). */
  parentOf(regionId: string): string | null | undefined;
}

export const emptyCounts = (): Record<BatchKey, number> => ({
  sources: 0,
  regions: 0,
  actors: 0,
  projects: 0,
  events: 0,
  participations: 0,
  eventParticipations: 0,
  cooperations: 0,
  targets: 0,
});
