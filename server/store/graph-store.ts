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
  Story,
  Target,
} from '../domain/model.ts';
import type { CaptureBackend } from '../capture/capture.model.ts';
import type { Network, NetworkFilter, Path, RegionPair } from '../network/network.model.ts';
import type { SearchCandidate } from '../search/fold.ts';

export type Ids = readonly string[];

export interface StoreStats {
  sources: number;
  regions: number;
  actors: number;
  projects: number;
  events: number;
  stories: number;
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

/** The version of a row (for optimistic locking: updates and deletes name the version they saw). */
export interface HasVersion {
  version: number;
}

export interface ActorDetails {
  actor: Actor;
  version: number;
  region: Region | null;
  participations: (Participation & { project: Project } & HasVersion)[];
  eventParticipations: (EventParticipation & { event: Event } & HasVersion)[];
  /** Direct ties, seen from this actor: `partner` is the other side, `outgoing` the stated direction. */
  cooperations: (Cooperation & { partner: Actor; outgoing: boolean } & HasVersion)[];
  sources: Source[];
}

export interface ProjectDetails {
  project: Project;
  version: number;
  participations: (Participation & { actor: Actor } & HasVersion)[];
  events: (Event & { place: Region | null })[];
  targets: (Target & { region: Region } & HasVersion)[];
  predecessor: Project | null;
  successors: Project[];
  sources: Source[];
}

export interface RegionDetails {
  region: Region;
  version: number;
  parent: Region | null;
  ancestors: Region[];
  children: Region[];
  actors: Actor[];
  events: Event[];
  /** Projects and events aimed at this region. */
  targetedBy: (Target & { project: Project | null; event: Event | null } & HasVersion)[];
  sources: Source[];
}

export interface EventDetails {
  event: Event;
  version: number;
  place: Region | null;
  project: Project | null;
  participations: (EventParticipation & { actor: Actor } & HasVersion)[];
  targets: (Target & { region: Region } & HasVersion)[];
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
  /** Called now and then while rows are written: rows done of all rows of the batch. */
  onProgress?: (done: number, total: number) => void;
  /** Recorded in the audit log (one entry for the whole batch) when the batch changes anything. */
  audit?: { who: Who; summary: string };
}

/** Who makes a change: the access token's name and role (or a CLI). */
export interface Who {
  name: string;
  role: string | null;
}

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'merge', 'import'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One change, as the audit log keeps it. `entityId` is an id or a relationship's natural key (`a|b`). */
export interface AuditRecord {
  who: string;
  role: string | null;
  action: AuditAction;
  /** actors, projects, …, cooperations, or `batch` for an import. */
  entityType: BatchKey | 'batch';
  entityId: string;
  /** Every entity id the change touches (both ends of a relationship), for "the history of X". */
  refs: string[];
  before: unknown;
  after: unknown;
  summary: string | null;
}

export interface AuditEntry extends AuditRecord {
  /** Increasing: later entries have larger ids. */
  seq: number;
  /** ISO timestamp. */
  at: string;
}

export interface AuditQuery {
  /** Only entries touching this id (the entity itself or a relationship of it). */
  entityId?: string | null;
  limit: number;
  offset: number;
}

/**
 * A set of changes written in one transaction: versions are checked first (a stale one aborts with
 * ConflictError), then rows are deleted and written (each written row's version goes up by one),
 * then the audit entries are added.
 */
export interface ChangeSet {
  put: GraphBatch;
  /** Natural keys (`relationKey`, or the id) of rows to delete, per kind. */
  del: Partial<Record<BatchKey, string[]>>;
  /** The version a row must still have (0: must not exist). */
  expect: { key: BatchKey; id: string; version: number }[];
  audit: AuditRecord[];
}

export const ACCESS_ROLES = ['viewer', 'editor', 'admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** An access token as stored: never the secret, only its hash. */
export interface TokenRecord {
  id: string;
  name: string;
  role: AccessRole;
  /** sha256 of the secret, hex. */
  hash: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /**
   * A pseudonymised share link (viewer role only): every answer for it names actors by kind and
   * number ("Unternehmen 3") instead of their names, and leaves free text out (server/pseudonym/).
   */
  pseudonymous: boolean;
}

/** Thrown at the end of a dry run's transaction to roll it back; carries the counts. */
export class DryRunRollback extends Error {
  constructor(readonly result: BatchResult) {
    super('dry run: rolled back');
    this.name = 'DryRunRollback';
  }
}

/** A story in the list of stories: enough to choose one. */
export interface StorySummary {
  id: string;
  title: string;
  description: string | null;
  slideCount: number;
  version: number;
}

/** What the rest of the server uses. */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Counts this store's writes: anything derived from its data is stale once it changes. */
  revision(): number;
  /**
   * Another connection (an import worker) wrote: the revision moves on and caches are dropped.
   * `touched`: the ids the write touched (store/changes.ts), when known.
   */
  dataChanged(touched?: ReadonlySet<string> | null): void;
  /** What the writes after `revision` touched (store/changes.ts); null: anything (or too long ago to tell). */
  changedSince(revision: number): ReadonlySet<string> | null;
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
  /** A source document with its version. */
  source(id: string): Promise<Versioned<Source> | null>;
  /** Every story (without its slides), sorted by title. Stories are not network nodes: network, search and analysis never see them. */
  stories(): Promise<StorySummary[]>;
  /** A story with its slides and version. */
  story(id: string): Promise<Versioned<Story> | null>;

  network(filter?: NetworkFilter): Promise<Network>;
  neighborhood(id: string, depth: number, limit?: number): Promise<Network>;
  shortestPaths(from: string, to: string, maxLength: number, limit?: number): Promise<Path[]>;
  regionMatrix(level: string, filter?: NetworkFilter): Promise<RegionPair[]>;
  /** The non-empty cells of the region matrix only (the store's one regionTies statement), for overviews. */
  regionTies(level: string, filter?: NetworkFilter): Promise<RegionTieCounts>;
  /** The actor–actor projection under a filter (co-participation counts, Newman weights, cooperations), sorted by (a, b). */
  ties(filter?: NetworkFilter): Promise<ActorTie[]>;
  /** Programmes with their regions (for the gap analysis: regions sharing a programme). */
  programmes(): Promise<ProgrammeRegions[]>;
  /** Everything the store holds, as one batch (for exports; importing it into an empty store gives the same network). */
  exportBatch(): Promise<GraphBatch>;

  /** Create, update, delete and merge single rows with version checks and audit entries (mutations.ts). */
  readonly edit: Mutations;
  /** The audit log, newest first. */
  auditLog(q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }>;
  /** Access tokens (stored in the same database). */
  readonly tokens: TokenBackend;
  /** Live capture sessions and their submissions (server/capture; stored beside the network). */
  readonly capture: CaptureBackend;
}

/** A row with its version. */
export interface Versioned<T> {
  row: T;
  version: number;
}

export interface Mutations {
  /** Creates a row from `input` (an entity without `id` gets one derived from its name, or the title of a source or story). */
  create(key: BatchKey, input: Record<string, unknown>, who: Who): Promise<Versioned<Record<string, unknown>>>;
  /** Updates the row with natural key `id` if it still has `version`: absent fields keep their value, null clears. */
  update(key: BatchKey, id: string, version: number, patch: Record<string, unknown>, who: Who): Promise<Versioned<Record<string, unknown>>>;
  /** Deletes the row (an actor with its relationships, a project or event with its participations and targets). */
  remove(key: BatchKey, id: string, version: number, who: Who): Promise<{ cascaded: number }>;
  /** Moves every relationship of `mergeId` to `keepId`, merges their fields and provenance, deletes `mergeId`. */
  mergeActors(keep: { id: string; version: number }, merge: { id: string; version: number }, who: Who): Promise<Versioned<Record<string, unknown>>>;
}

/** Token storage primitives (both adapters). */
export interface TokenBackend {
  list(): Promise<TokenRecord[]>;
  insert(token: TokenRecord): Promise<void>;
  byHash(hash: string): Promise<TokenRecord | null>;
  /** Sets lastUsedAt / revokedAt; returns the updated token, null when unknown. */
  update(id: string, patch: { lastUsedAt?: string; revokedAt?: string }): Promise<TokenRecord | null>;
}

/**
 * Which actors and ties a graph primitive looks at: the network filter with its regions already
 * widened to their sub-regions. Semantics (both stores, checked by the property in test/contract/primitives.property.ts against
 * the reference in primitives-reference.ts):
 * - an actor takes part when it is located in one of `regionIds` (null: anywhere, also nowhere), has one of
 *   `actorKinds`, at least one of `sectors`, and (when `projectIds` is given) takes part in one of them (any role);
 * - a project counts when its period overlaps the year window (partial ISO dates: the year counts; an unknown
 *   start or end is open) and, when `projectIds` is given, it is one of them; an event counts when its
 *   [date, endDate ?? date] overlaps the window and, when `projectIds` is given, it belongs to one of them;
 * - a cooperation counts when both ends take part and [since, until] overlaps the window;
 * - in a closed window (fromYear or toYear set) an actor takes part only when it also has something that
 *   counts: a participation (any role) in a counting project, an event participation in a counting event,
 *   or (with includeDirect) a counting cooperation: the network as of that time.
 */
export interface TieFilter {
  regionIds: Ids | null;
  actorKinds: Ids | null;
  sectors: Ids | null;
  projectIds: Ids | null;
  fromYear: number | null;
  toYear: number | null;
  /** Count cooperations (direct ties). */
  includeDirect: boolean;
  /** Count shared projects and events (derived ties). */
  includeDerived: boolean;
}

/** No restriction: every actor, project, event and cooperation. */
export const ALL_TIES: TieFilter = {
  regionIds: null,
  actorKinds: null,
  sectors: null,
  projectIds: null,
  fromYear: null,
  toYear: null,
  includeDirect: true,
  includeDerived: true,
};

/**
 * One actor–actor tie of the projection (an unordered pair, `a < b` by code unit order).
 * `direct`: cooperation rows between them (either direction, any kind) that count under the filter.
 * `shared`: projects (both sides in a role other than funder) and events both take part in that count.
 * `newman`: Newman's collaboration weight, the sum over those shared items of 1 / (n - 1), n being the
 * item's cooperating members in the whole store (non-funder participants of a project, participants of an event).
 * Pairs with direct = 0 and shared = 0 are not ties.
 */
export interface ActorTie {
  a: string;
  b: string;
  direct: number;
  shared: number;
  newman: number;
}

/** A node of a neighbourhood with its distance from the start (0 for the start itself). */
export interface ReachedNode {
  id: string;
  type: NodeType;
  depth: number;
}

/** A walk's result: the nearest `limit` nodes, and the ids of every node in reach when the store lists them. */
export interface Reached {
  nodes: ReachedNode[];
  truncated: boolean;
  /**
   * Every node within the depth, also beyond the limit, or null when the store does not list them
   * (then a truncated answer's reach is unknown). Used to keep answers across writes (store/changes.ts).
   */
  reach?: string[] | null;
}

/** Region × region tie counts at one level: the regions (at that level) that hold a taking-part actor, and every non-empty cell. */
export interface RegionTieCounts {
  regionIds: string[];
  /** a <= b; directTies / derivedTies: actor pairs with direct > 0 / shared > 0; derivedWeight: the sum of their `shared`; derivedNewman: of their `newman`. */
  pairs: RegionPair[];
}

/**
 * Graph primitives: each store answers them in its own language (SQL, Cypher), in one statement where
 * the language allows. The logical graph they walk is the network's: every stored relationship
 * (participation actor–project in any role, event participation actor–event, cooperation actor–actor,
 * located-in actor–region, held-in event–region, targets project/event–region, part-of region–region,
 * belongs-to event–project, continues project–project), undirected, plus derived actor–actor ties
 * between actors sharing a project (both in roles other than funder) or an event.
 */
export interface GraphPrimitives {
  /**
   * The nodes within `depth` (1–3) steps of `id` (included, depth 0), each at its shortest distance,
   * sorted by (depth, id); at most `limit` of them, `truncated` when more were in reach. Empty for an unknown id.
   */
  neighbourhood(id: string, depth: number, limit: number): Promise<Reached>;
  /** The actor neighbours (cooperations and derived ties, undirected, no filter) of each of `ids`, sorted; unknown ids map to []. */
  actorNeighbours(ids: Ids): Promise<Map<string, string[]>>;
  /** The actor–actor projection under a filter, sorted by (a, b). */
  ties(filter: TieFilter): Promise<ActorTie[]>;
  /** Facets counted in the store (any order; the store sorts): actor kinds, sectors, the years of dated projects and events. */
  facetCounts(): Promise<Facets>;
  /**
   * Tie counts between the regions of `level` (a region kind) that actors' regions lie in (an actor's own
   * region or its nearest ancestor of that kind; actors with none there are left out), under a filter.
   */
  regionTies(level: string, filter: TieFilter): Promise<RegionTieCounts>;
}

/** Row-level primitives an adapter implements. `undefined` selectors mean "all". */
export interface GraphBackend extends GraphPrimitives {
  readonly kind: 'embedded' | 'neo4j';
  init(): Promise<void>;
  close(): Promise<void>;
  counts(): Promise<StoreStats>;
  /** Writes a batch in one transaction after `validate` (called inside it) accepts it. */
  writeBatch(batch: GraphBatch, validate: (existing: ExistingIds) => void, options?: WriteOptions): Promise<BatchResult>;
  /**
   * Writes a change set in one transaction (see ChangeSet); `validate` is called after the deletes and
   * before the writes, against what then exists. Throws ConflictError on a stale version.
   */
  writeChanges(changes: ChangeSet, validate: (existing: ExistingIds) => void): Promise<void>;
  /** Current versions of rows by natural key (missing rows are absent from the map). */
  versions(key: BatchKey, ids: Ids): Promise<Map<string, number>>;
  auditLog(q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }>;
  readonly tokens: TokenBackend;
  readonly capture: CaptureBackend;
  /** Clears the network data, stories included (not the tokens, not the audit log). */
  clear(): Promise<void>;

  loadRegions(): Promise<Region[]>;
  /** `undefined`: all sources. */
  loadSources(ids?: Ids): Promise<Source[]>;
  /** `undefined`: all stories. */
  loadStories(ids?: Ids): Promise<Story[]>;
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
  stories: 0,
  participations: 0,
  eventParticipations: 0,
  cooperations: 0,
  targets: 0,
});
