/**
 * The Neo4j adapter of the storage port (graph model: schema.ts, statements: queries.ts).
 *
 * Entities are nodes keyed by `id`; single-valued references are relationships
 * (Region.parentId → PART_OF, Actor.regionId → LOCATED_IN, Project.predecessorId → CONTINUES,
 * Event.placeId → HELD_IN, Event.projectId → BELONGS_TO); relationship rows are relationships
 * with their properties. Absent optional values and empty lists are not stored; reading turns
 * missing properties back into `null` / `[]`, so rows equal what the embedded adapter returns.
 * Every stored row carries `fingerprint(row)` to tell created / updated / unchanged apart, and a
 * `version` (1 when created, +1 with each write; missing on rows stored before versions existed,
 * which count as 1).
 *
 * Stories are unconnected (:Story) nodes holding the whole story as JSON text: they travel with the
 * network (exports, clear()) but are not part of the graph.
 *
 * Beside the network: the audit log (:AuditEntry, numbered by a :Counter) and the access tokens
 * (:AccessToken), untouched by clear().
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  BATCH_KEYS,
  NON_COOPERATING_ROLES,
  relationKey,
  type Actor,
  type BatchKey,
  type Cooperation,
  type Event,
  type EventParticipation,
  type GraphBatch,
  type NodeType,
  type Participation,
  type Project,
  type Region,
  type Source,
  type Story,
  type Target,
} from '../../domain/model.ts';
import { ConflictError } from '../../errors.ts';
import { foldGerman, foldPlain, type SearchCandidate } from '../../search/fold.ts';
import { batchAudit, fingerprint, PROGRESS_EVERY, referencedIds } from '../batch.ts';
import { REACH_CAP } from '../changes.ts';
import {
  ACCESS_ROLES,
  DryRunRollback,
  emptyCounts,
  type AccessRole,
  type ActorTie,
  type AuditEntry,
  type AuditQuery,
  type AuditRecord,
  type BatchResult,
  type ChangeSet,
  type ExistingIds,
  type Facets,
  type GraphBackend,
  type Ids,
  type Reached,
  type RegionTieCounts,
  type StoreStats,
  type TieFilter,
  type TokenBackend,
  type TokenRecord,
  type WriteOptions,
} from '../graph-store.ts';
import type { CaptureBackend } from '../../capture/capture.model.ts';
import { captureNodes } from './capture-nodes.ts';
import { dateParam, dateTimeParam, int, openNeo4j, type GraphConnection, type Neo4jConfig, type Params, type PlainRecord, type Tx } from './driver.ts';
import * as G from './graph.cypher.ts';
import * as Q from './queries.ts';

/** cypher/schema.cypher at the repository root (constraints and indexes, applied by init()). */
export const SCHEMA_FILE = new URL('../../../cypher/schema.cypher', import.meta.url);

/** Rows per UNWIND statement inside one transaction (keeps each message to the server moderate). */
const CHUNK = 5000;
/** Nodes deleted per transaction by clear() (CLEAR_CHUNK deletes at most this many). */
const CLEAR_CHUNK_SIZE = 10000;

/** Kinds of row stored as a node keyed by `id` (stories too: unconnected nodes beside the network). */
type EntityKind = 'sources' | 'regions' | 'actors' | 'projects' | 'events' | 'stories';
const ENTITY_KINDS: readonly EntityKind[] = ['sources', 'regions', 'actors', 'projects', 'events', 'stories'];
type RelationKind = Exclude<BatchKey, EntityKind>;
const isEntityKind = (key: BatchKey): key is EntityKind => (ENTITY_KINDS as readonly string[]).includes(key);

/** The fields of a relationship row's natural key, in the order of `relationKey` (`a|b|c`). */
const KEY_FIELDS: Record<RelationKind, readonly string[]> = {
  participations: ['actorId', 'projectId'],
  eventParticipations: ['actorId', 'eventId'],
  cooperations: ['actorId', 'partnerId', 'kind'],
  targets: ['subjectId', 'regionId'],
};

/** The statements that lock (and read the version of) and delete rows of one kind by natural key. */
const BY_KEY: Record<BatchKey, { lock: string; del: string }> = {
  sources: { lock: Q.LOCK_SOURCE_VERSIONS, del: Q.DELETE_SOURCES },
  regions: { lock: Q.LOCK_REGION_VERSIONS, del: Q.DELETE_REGIONS },
  actors: { lock: Q.LOCK_ACTOR_VERSIONS, del: Q.DELETE_ACTORS },
  projects: { lock: Q.LOCK_PROJECT_VERSIONS, del: Q.DELETE_PROJECTS },
  events: { lock: Q.LOCK_EVENT_VERSIONS, del: Q.DELETE_EVENTS },
  stories: { lock: Q.LOCK_STORY_VERSIONS, del: Q.DELETE_STORIES },
  participations: { lock: Q.LOCK_PARTICIPATION_VERSIONS, del: Q.DELETE_PARTICIPATIONS },
  eventParticipations: { lock: Q.LOCK_EVENT_PARTICIPATION_VERSIONS, del: Q.DELETE_EVENT_PARTICIPATIONS },
  cooperations: { lock: Q.LOCK_COOPERATION_VERSIONS, del: Q.DELETE_COOPERATIONS },
  targets: { lock: Q.LOCK_TARGET_VERSIONS, del: Q.DELETE_TARGETS },
};
const RELATION_VERSIONS: Record<RelationKind, string> = {
  participations: Q.PARTICIPATION_VERSIONS,
  eventParticipations: Q.EVENT_PARTICIPATION_VERSIONS,
  cooperations: Q.COOPERATION_VERSIONS,
  targets: Q.TARGET_VERSIONS,
};

/** `a|b` → the endpoint fields of a relationship row of `key` (as the *_VERSIONS / DELETE_* `$rows` expect). */
export function keyParams(key: RelationKind, id: string): Params {
  const parts = id.split('|');
  const fields = KEY_FIELDS[key];
  if (parts.length !== fields.length) throw new Error(`${key}: malformed key "${id}"`);
  return Object.fromEntries(fields.map((f, i) => [f, parts[i]]));
}

// ---------------------------------------------------------------------------------------------
// schema.cypher
// ---------------------------------------------------------------------------------------------

/** Splits a .cypher file into statements: a statement ends with `;` at the end of a line; `//` comment lines are skipped. */
export function splitCypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const statement = current.join('\n').trim();
    if (statement !== '') statements.push(statement);
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trimStart().startsWith('//')) continue;
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(';')) {
      current.push(trimmed.slice(0, -1));
      flush();
    } else current.push(line);
  }
  flush();
  return statements;
}

// ---------------------------------------------------------------------------------------------
// Rows → statement parameters
// ---------------------------------------------------------------------------------------------

/** Lists are stored only when non-empty (read back as [] when missing). */
const list = (xs: readonly string[]): string[] | null => (xs.length === 0 ? null : [...xs]);
const searchKeys = (name: string) => ({ searchKey: foldGerman(name), searchKeyAlt: foldPlain(name) });

/** The node properties of an entity row (null = not stored), as WRITE_* expects them in `$rows`. */
export const nodeProperties = {
  sources: (r: Source) => ({ id: r.id, title: r.title, url: r.url, date: dateParam(r.date), publisher: r.publisher, fingerprint: fingerprint(r) }),
  regions: (r: Region) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    tags: list(r.tags),
    sourceIds: list(r.sourceIds),
    kind: r.kind,
    code: r.code,
    lat: r.lat,
    lon: r.lon,
    ...searchKeys(r.name),
    fingerprint: fingerprint(r),
  }),
  actors: (r: Actor) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    tags: list(r.tags),
    sourceIds: list(r.sourceIds),
    kind: r.kind,
    sectors: list(r.sectors),
    website: r.website,
    ...searchKeys(r.name),
    fingerprint: fingerprint(r),
  }),
  projects: (r: Project) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    tags: list(r.tags),
    sourceIds: list(r.sourceIds),
    programme: r.programme,
    start: dateParam(r.start),
    end: dateParam(r.end),
    status: r.status,
    goals: list(r.goals),
    results: list(r.results),
    ...searchKeys(r.name),
    fingerprint: fingerprint(r),
  }),
  events: (r: Event) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    tags: list(r.tags),
    sourceIds: list(r.sourceIds),
    kind: r.kind,
    date: dateParam(r.date),
    endDate: dateParam(r.endDate),
    venue: r.venue,
    ...searchKeys(r.name),
    fingerprint: fingerprint(r),
  }),
  /** The whole story as JSON text (slides, views and all); the title beside it for Neo4j Browser. */
  stories: (r: Story) => ({ id: r.id, title: r.title, json: JSON.stringify(r), fingerprint: fingerprint(r) }),
} satisfies { [K in EntityKind]: (r: GraphBatch[K][number]) => Params };

/** The relationship properties plus endpoint ids of a relationship row, as WRITE_* expects them. */
export const relationshipProperties = {
  participations: (r: Participation) => ({
    actorId: r.actorId,
    projectId: r.projectId,
    role: r.role,
    contribution: r.contribution,
    description: r.description,
    sourceIds: list(r.sourceIds),
    fingerprint: fingerprint(r),
  }),
  eventParticipations: (r: EventParticipation) => ({
    actorId: r.actorId,
    eventId: r.eventId,
    role: r.role,
    description: r.description,
    sourceIds: list(r.sourceIds),
    fingerprint: fingerprint(r),
  }),
  cooperations: (r: Cooperation) => ({
    actorId: r.actorId,
    partnerId: r.partnerId,
    kind: r.kind,
    since: dateParam(r.since),
    until: dateParam(r.until),
    description: r.description,
    sourceIds: list(r.sourceIds),
    fingerprint: fingerprint(r),
  }),
  targets: (r: Target) => ({
    subjectId: r.subjectId,
    regionId: r.regionId,
    role: r.role,
    description: r.description,
    sourceIds: list(r.sourceIds),
    fingerprint: fingerprint(r),
  }),
} satisfies { [K in Exclude<BatchKey, EntityKind>]: (r: GraphBatch[K][number]) => Params };

// ---------------------------------------------------------------------------------------------
// Result rows → domain rows
// ---------------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

function text(row: Row, key: string, what: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`Neo4j: ${what} ${String(row.id ?? '')} has no ${key} (got ${JSON.stringify(v) ?? 'nothing'})`);
  return v;
}
function number(row: Row, key: string, what: string): number {
  const v = row[key];
  if (typeof v !== 'number') throw new Error(`Neo4j: ${what} ${String(row.id ?? '')} has no numeric ${key} (got ${JSON.stringify(v) ?? 'nothing'})`);
  return v;
}
const optional = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Domain rows from the `row` maps the LOAD_* statements return. */
export const fromRow = {
  source: (r: Row): Source => ({
    id: text(r, 'id', 'source'),
    title: text(r, 'title', 'source'),
    url: optional(r.url),
    date: optional(r.date),
    publisher: optional(r.publisher),
  }),
  region: (r: Row): Region => ({
    id: text(r, 'id', 'region'),
    name: text(r, 'name', 'region'),
    description: optional(r.description),
    tags: strings(r.tags),
    sourceIds: strings(r.sourceIds),
    kind: text(r, 'kind', 'region') as Region['kind'],
    code: optional(r.code),
    lat: number(r, 'lat', 'region'),
    lon: number(r, 'lon', 'region'),
    parentId: optional(r.parentId),
  }),
  actor: (r: Row): Actor => ({
    id: text(r, 'id', 'actor'),
    name: text(r, 'name', 'actor'),
    description: optional(r.description),
    tags: strings(r.tags),
    sourceIds: strings(r.sourceIds),
    kind: text(r, 'kind', 'actor') as Actor['kind'],
    sectors: strings(r.sectors),
    regionId: optional(r.regionId),
    website: optional(r.website),
  }),
  project: (r: Row): Project => ({
    id: text(r, 'id', 'project'),
    name: text(r, 'name', 'project'),
    description: optional(r.description),
    tags: strings(r.tags),
    sourceIds: strings(r.sourceIds),
    programme: optional(r.programme),
    start: optional(r.start),
    end: optional(r.end),
    status: text(r, 'status', 'project') as Project['status'],
    goals: strings(r.goals),
    results: strings(r.results),
    predecessorId: optional(r.predecessorId),
  }),
  event: (r: Row): Event => ({
    id: text(r, 'id', 'event'),
    name: text(r, 'name', 'event'),
    description: optional(r.description),
    tags: strings(r.tags),
    sourceIds: strings(r.sourceIds),
    kind: text(r, 'kind', 'event') as Event['kind'],
    date: optional(r.date),
    endDate: optional(r.endDate),
    placeId: optional(r.placeId),
    venue: optional(r.venue),
    projectId: optional(r.projectId),
  }),
  story: (r: Row): Story => {
    const json = text(r, 'json', 'story');
    let story: unknown;
    try {
      story = JSON.parse(json);
    } catch (e) {
      throw new Error(`Neo4j: story ${String(r.id ?? '')} holds no valid JSON (${(e as Error).message})`, { cause: e });
    }
    if (story === null || typeof story !== 'object' || Array.isArray(story) || (story as { id?: unknown }).id !== r.id)
      throw new Error(`Neo4j: story ${String(r.id ?? '')} holds JSON that is not that story`);
    return story as Story;
  },
  participation: (r: Row): Participation => ({
    actorId: text(r, 'actorId', 'participation'),
    projectId: text(r, 'projectId', 'participation'),
    role: text(r, 'role', 'participation') as Participation['role'],
    contribution: typeof r.contribution === 'number' ? r.contribution : null,
    description: optional(r.description),
    sourceIds: strings(r.sourceIds),
  }),
  eventParticipation: (r: Row): EventParticipation => ({
    actorId: text(r, 'actorId', 'event participation'),
    eventId: text(r, 'eventId', 'event participation'),
    role: text(r, 'role', 'event participation') as EventParticipation['role'],
    description: optional(r.description),
    sourceIds: strings(r.sourceIds),
  }),
  cooperation: (r: Row): Cooperation => ({
    actorId: text(r, 'actorId', 'cooperation'),
    partnerId: text(r, 'partnerId', 'cooperation'),
    kind: text(r, 'kind', 'cooperation') as Cooperation['kind'],
    since: optional(r.since),
    until: optional(r.until),
    description: optional(r.description),
    sourceIds: strings(r.sourceIds),
  }),
  target: (r: Row): Target => ({
    subjectId: text(r, 'subjectId', 'target'),
    regionId: text(r, 'regionId', 'target'),
    role: text(r, 'role', 'target') as Target['role'],
    description: optional(r.description),
    sourceIds: strings(r.sourceIds),
  }),
  auditEntry: (r: Row): AuditEntry => ({
    seq: number(r, 'seq', 'audit entry'),
    at: text(r, 'at', 'audit entry'),
    who: text(r, 'who', 'audit entry'),
    role: optional(r.role),
    action: text(r, 'action', 'audit entry') as AuditEntry['action'],
    entityType: text(r, 'entityType', 'audit entry') as AuditEntry['entityType'],
    entityId: text(r, 'entityId', 'audit entry'),
    refs: strings(r.refs),
    before: typeof r.before === 'string' ? (JSON.parse(r.before) as unknown) : null,
    after: typeof r.after === 'string' ? (JSON.parse(r.after) as unknown) : null,
    summary: optional(r.summary),
  }),
  token: (r: Row): TokenRecord => {
    const role = text(r, 'role', 'access token');
    if (!(ACCESS_ROLES as readonly string[]).includes(role)) throw new Error(`Neo4j: access token ${String(r.id ?? '')} has an unknown role "${role}"`);
    return {
      id: text(r, 'id', 'access token'),
      name: text(r, 'name', 'access token'),
      role: role as AccessRole,
      hash: text(r, 'hash', 'access token'),
      createdAt: text(r, 'createdAt', 'access token'),
      createdBy: optional(r.createdBy),
      lastUsedAt: optional(r.lastUsedAt),
      revokedAt: optional(r.revokedAt),
      pseudonymous: r.pseudonymous === true,
    };
  },
};

/** The `row` column of a LOAD_* record. */
function rowOf(record: PlainRecord): Row {
  const row = record.row;
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error('Neo4j: expected a map in column "row"');
  return row as Row;
}

// ---------------------------------------------------------------------------------------------
// Selectors
// ---------------------------------------------------------------------------------------------

/** undefined → null ("all"); a list → its distinct values. */
const sel = (ids: Ids | undefined): string[] | null => (ids === undefined ? null : [...new Set(ids)]);
/** An empty selector means "none". */
const selectsNothing = (...selectors: (Ids | undefined)[]) => selectors.some((s) => s !== undefined && s.length === 0);

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Runs `cypher` with `$rows` in chunks; `afterChunk` hears how many rows each chunk held. */
async function runRows(tx: Tx, cypher: string, rows: readonly Params[], afterChunk?: (n: number) => void): Promise<PlainRecord[]> {
  const out: PlainRecord[] = [];
  for (const part of chunks(rows)) {
    out.push(...(await tx.run(cypher, { rows: part })));
    afterChunk?.(part.length);
  }
  return out;
}

const asString = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Error(`Neo4j: expected a string ${what}, got ${JSON.stringify(v) ?? 'nothing'}`);
  return v;
};
const asCount = (v: unknown): number => (typeof v === 'number' ? v : 0);

const asVersion = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`Neo4j: expected an integer version of ${what}, got ${JSON.stringify(v) ?? 'nothing'}`);
  return v;
};

/** The natural key of a row of `key` in a result record (`id`, or the `relationKey` of the endpoint fields). */
function recordKey(key: BatchKey, r: PlainRecord): string {
  return isEntityKind(key) ? asString(r.id, 'id') : (relationKey[key] as (r: PlainRecord) => string)(r);
}

/** The natural key of a batch row of `key`. */
function rowKey(key: BatchKey, row: unknown): string {
  return isEntityKind(key) ? (row as { id: string }).id : (relationKey[key] as (r: unknown) => string)(row);
}

type Run = (cypher: string, params: Params) => Promise<PlainRecord[]>;

/** Current versions of the rows of `key` with the natural keys `ids` (missing rows are absent). */
async function readVersions(run: Run, key: BatchKey, ids: Ids): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  let records: PlainRecord[];
  if (isEntityKind(key)) {
    const params: Params = Object.fromEntries(ENTITY_KINDS.map((k) => [k, k === key ? unique : []]));
    records = await run(Q.ENTITY_VERSIONS, params);
  } else {
    const rows = unique.map((id) => keyParams(key, id));
    records = [];
    for (const part of chunks(rows)) records.push(...(await run(RELATION_VERSIONS[key], { rows: part })));
  }
  for (const r of records) out.set(recordKey(key, r), asVersion(r.version, key));
  return out;
}

/**
 * Reports rows done at every multiple of PROGRESS_EVERY (the same calls the embedded adapter makes)
 * and once at the end. Made inside the transaction's work, so a retried transaction starts over.
 */
class Progress {
  private done = 0;
  private next = PROGRESS_EVERY;
  constructor(
    private readonly total: number,
    private readonly report: ((done: number, total: number) => void) | undefined,
  ) {}
  advance(n: number): void {
    this.done += n;
    if (this.report === undefined) return;
    while (this.next <= this.done) {
      this.report(this.next, this.total);
      this.next += PROGRESS_EVERY;
    }
  }
  finish(): void {
    this.report?.(this.total, this.total);
  }
}

/**
 * What exists, for `validate` (writeBatch and writeChanges alike): which of the ids `batch` defines
 * or refers to are stored, and, when it holds regions, every stored region's parent (cycle check).
 * `has` answers false for any other id.
 */
async function existingIds(tx: Tx, batch: GraphBatch): Promise<ExistingIds> {
  const stored: Record<Exclude<EntityKind, 'stories'>, Set<string>> = {
    sources: new Set(),
    regions: new Set(),
    actors: new Set(),
    projects: new Set(),
    events: new Set(),
  };
  const ids = referencedIds(batch);
  if (ids.length > 0) {
    for (const r of await tx.run(Q.EXISTING_IDS, { ids })) {
      const kind = asString(r.kind, 'kind') as keyof typeof stored;
      stored[kind].add(asString(r.id, 'id'));
    }
  }
  const parents = new Map<string, string | null>();
  if (batch.regions.length > 0) {
    for (const r of await tx.run(Q.REGION_PARENTS)) parents.set(asString(r.id, 'region id'), optional(r.parentId));
  }
  return {
    has: (kind, id) => stored[kind].has(id),
    parentOf: (id) => parents.get(id),
  };
}

/**
 * Writes rows (each one's version + 1, 1 when new): nodes first (references may point at rows later
 * in the batch), then the single-valued references of the written entities (an old relationship is
 * removed when it changed), then the relationship rows. `isProject` tells a target's subject kind.
 */
async function writeRows(
  tx: Tx,
  rows: GraphBatch,
  isProject: (id: string) => boolean,
  progress?: Progress,
  isNew: (key: EntityKind, id: string) => boolean = () => false,
): Promise<void> {
  const write = async (cypher: string, params: readonly Params[], counted = true) => {
    if (params.length > 0) await runRows(tx, cypher, params, counted && progress ? (n) => progress.advance(n) : undefined);
  };
  /** A node created by this write has no old reference to remove (an import of new rows skips the UNLINK work). */
  const stored = <T extends { id: string }>(key: EntityKind, list: T[]) => list.filter((r) => !isNew(key, r.id));
  await write(Q.WRITE_SOURCES, rows.sources.map(nodeProperties.sources));
  await write(Q.WRITE_REGIONS, rows.regions.map(nodeProperties.regions));
  await write(Q.WRITE_ACTORS, rows.actors.map(nodeProperties.actors));
  await write(Q.WRITE_PROJECTS, rows.projects.map(nodeProperties.projects));
  await write(Q.WRITE_EVENTS, rows.events.map(nodeProperties.events));
  await write(Q.WRITE_STORIES, rows.stories.map(nodeProperties.stories));

  const parentRows = rows.regions.map((r) => ({ id: r.id, parentId: r.parentId }));
  await write(Q.UNLINK_REGION_PARENTS, stored('regions', parentRows), false);
  await write(Q.LINK_REGION_PARENTS, parentRows, false);
  const regionRows = rows.actors.map((r) => ({ id: r.id, regionId: r.regionId }));
  await write(Q.UNLINK_ACTOR_REGIONS, stored('actors', regionRows), false);
  await write(Q.LINK_ACTOR_REGIONS, regionRows, false);
  const predecessorRows = rows.projects.map((r) => ({ id: r.id, predecessorId: r.predecessorId }));
  await write(Q.UNLINK_PROJECT_PREDECESSORS, stored('projects', predecessorRows), false);
  await write(Q.LINK_PROJECT_PREDECESSORS, predecessorRows, false);
  const placeRows = rows.events.map((r) => ({ id: r.id, placeId: r.placeId }));
  await write(Q.UNLINK_EVENT_PLACES, stored('events', placeRows), false);
  await write(Q.LINK_EVENT_PLACES, placeRows, false);
  const projectRows = rows.events.map((r) => ({ id: r.id, projectId: r.projectId }));
  await write(Q.UNLINK_EVENT_PROJECTS, stored('events', projectRows), false);
  await write(Q.LINK_EVENT_PROJECTS, projectRows, false);

  await write(Q.WRITE_PARTICIPATIONS, rows.participations.map(relationshipProperties.participations));
  await write(Q.WRITE_EVENT_PARTICIPATIONS, rows.eventParticipations.map(relationshipProperties.eventParticipations));
  await write(Q.WRITE_COOPERATIONS, rows.cooperations.map(relationshipProperties.cooperations));
  await write(Q.WRITE_PROJECT_TARGETS, rows.targets.filter((t) => isProject(t.subjectId)).map(relationshipProperties.targets));
  await write(Q.WRITE_EVENT_TARGETS, rows.targets.filter((t) => !isProject(t.subjectId)).map(relationshipProperties.targets));
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** The AuditEntry properties of a record (without `seq`, which APPEND_AUDIT numbers), as `$rows` expects them. */
export const auditProperties = (a: AuditRecord, at: unknown): Params => ({
  at,
  who: a.who,
  role: a.role,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  refs: list([...new Set(a.refs)]),
  before: json(a.before),
  after: json(a.after),
  summary: a.summary,
});

async function appendAudit(tx: Tx, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const at = dateTimeParam(new Date().toISOString());
  await runRows(tx, Q.APPEND_AUDIT, records.map((a) => auditProperties(a, at)));
}

// ---------------------------------------------------------------------------------------------
// The backend
// ---------------------------------------------------------------------------------------------

export interface Neo4jBackendOptions {
  /** Opens the connection (default: the shared driver of driver.ts). */
  connect?: (config: Neo4jConfig) => Promise<GraphConnection>;
  /** The constraints and indexes to apply on init() (default: cypher/schema.cypher). */
  schemaFile?: URL;
  /**
   * Apply the schema on init() (default). A second connection of the same process (the analysis
   * worker) passes false: the main store applies it once, and every connection waits for the indexes.
   */
  applySchema?: boolean;
}

/** Applies one schema statement; another process applying the same rule at the same moment is no error. */
async function applySchemaStatement(conn: GraphConnection, statement: string): Promise<void> {
  try {
    await conn.write(statement);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists') return;
    throw e;
  }
}

export class Neo4jBackend implements GraphBackend {
  readonly kind = 'neo4j' as const;
  private conn: GraphConnection | null = null;
  /** The running or finished init() (one connection however often init() is called). */
  private opening: Promise<void> | null = null;
  private readonly connect: (config: Neo4jConfig) => Promise<GraphConnection>;
  private readonly schemaFile: URL;
  private readonly applySchema: boolean;

  constructor(
    private readonly config: Neo4jConfig,
    options: Neo4jBackendOptions = {},
  ) {
    this.connect = options.connect ?? openNeo4j;
    this.schemaFile = options.schemaFile ?? SCHEMA_FILE;
    this.applySchema = options.applySchema ?? true;
  }

  /** Connects (verifying connectivity) and applies schema.cypher; each schema statement runs on its own. */
  init(): Promise<void> {
    this.opening ??= this.open().catch((e: unknown) => {
      this.opening = null;
      throw e;
    });
    return this.opening;
  }

  private async open(): Promise<void> {
    const conn = await this.connect(this.config);
    try {
      let schema: string;
      try {
        schema = await readFile(this.schemaFile, 'utf8');
      } catch (e) {
        throw new Error(`Cannot read the Neo4j schema file ${fileURLToPath(this.schemaFile)}: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      }
      if (this.applySchema) {
        for (const statement of splitCypherStatements(schema)) await applySchemaStatement(conn, statement);
        // Entries written before the audit log had references as relationships: linked once, in batches.
        const [done] = await conn.read(Q.AUDIT_REFS_LINKED);
        if (done?.linked !== 1) {
          while (asCount((await conn.write(Q.LINK_AUDIT_REFS))[0]?.linked) >= 10000);
          await conn.write(Q.MARK_AUDIT_REFS_LINKED);
        }
      }
      // The first query must find its indexes online (a new index populates in the background).
      await conn.write(Q.AWAIT_INDEXES);
    } catch (e) {
      await conn.close();
      throw e;
    }
    this.conn = conn;
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    if (opening) await opening.catch(() => undefined);
    const conn = this.conn;
    this.conn = null;
    await conn?.close();
  }

  private get db(): GraphConnection {
    if (this.conn === null) throw new Error('Neo4jBackend: call init() first');
    return this.conn;
  }

  private async rows<T>(cypher: string, params: Params, map: (row: Row) => T): Promise<T[]> {
    return (await this.db.read(cypher, params)).map((r) => map(rowOf(r)));
  }

  async counts(): Promise<StoreStats> {
    const [row] = await this.db.read(Q.COUNTS);
    const out = emptyCounts();
    for (const k of BATCH_KEYS) out[k] = asCount(row?.[k]);
    return out;
  }

  async clear(): Promise<void> {
    for (;;) {
      const [row] = await this.db.write(Q.CLEAR_CHUNK);
      if (asCount(row?.deleted) < CLEAR_CHUNK_SIZE) return;
    }
  }

  async writeBatch(batch: GraphBatch, validate: (existing: ExistingIds) => void, options: WriteOptions = {}): Promise<BatchResult> {
    try {
      return await this.write(batch, validate, options);
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result; // the transaction was rolled back
      throw e;
    }
  }

  private write(batch: GraphBatch, validate: (existing: ExistingIds) => void, options: WriteOptions): Promise<BatchResult> {
    // The work may be retried by the driver (transient errors): it keeps no state between attempts.
    return this.db.inWriteTransaction(async (tx) => {
      const result: BatchResult = { created: emptyCounts(), updated: emptyCounts(), unchanged: emptyCounts() };
      const progress = new Progress(BATCH_KEYS.reduce((n, k) => n + batch[k].length, 0), options.onProgress);

      // 1. What exists: the ids the batch defines or refers to, and every stored region's parent.
      const existing = await existingIds(tx, batch);
      validate(existing);

      // 2. Stored fingerprints of the batch rows (null: stored without one).
      const old = new Map<string, string | null>();
      const remember = (key: string, fp: unknown) => old.set(key, optional(fp));
      if (ENTITY_KINDS.some((k) => batch[k].length > 0)) {
        const params = Object.fromEntries(ENTITY_KINDS.map((k) => [k, batch[k].map((r) => r.id)]));
        for (const r of await tx.run(Q.ENTITY_FINGERPRINTS, params)) remember(`${asString(r.kind, 'kind')}:${asString(r.id, 'id')}`, r.fingerprint);
      }
      const relationFingerprints = async <K extends RelationKind>(key: K, cypher: string, keyFields: (r: GraphBatch[K][number]) => Params) => {
        const rows = batch[key] as GraphBatch[K][number][];
        if (rows.length === 0) return;
        for (const r of await runRows(tx, cypher, rows.map(keyFields))) remember(`${key}:${recordKey(key, r)}`, r.fingerprint);
      };
      await relationFingerprints('participations', Q.PARTICIPATION_FINGERPRINTS, (r) => ({ actorId: r.actorId, projectId: r.projectId }));
      await relationFingerprints('eventParticipations', Q.EVENT_PARTICIPATION_FINGERPRINTS, (r) => ({
        actorId: r.actorId,
        eventId: r.eventId,
      }));
      await relationFingerprints('cooperations', Q.COOPERATION_FINGERPRINTS, (r) => ({
        actorId: r.actorId,
        partnerId: r.partnerId,
        kind: r.kind,
      }));
      await relationFingerprints('targets', Q.TARGET_FINGERPRINTS, (r) => ({ subjectId: r.subjectId, regionId: r.regionId }));

      // 3. Which rows to write (new or changed), counted like the embedded adapter.
      const changed = <K extends BatchKey>(key: K): GraphBatch[K] =>
        (batch[key] as GraphBatch[K][number][]).filter((row) => {
          const stored = old.get(`${key}:${rowKey(key, row)}`);
          if (stored === fingerprint(row)) {
            result.unchanged[key]++;
            return false;
          }
          if (stored === undefined) result.created[key]++;
          else result.updated[key]++;
          return true;
        }) as GraphBatch[K];
      const rows: GraphBatch = {
        sources: changed('sources'),
        regions: changed('regions'),
        actors: changed('actors'),
        projects: changed('projects'),
        events: changed('events'),
        stories: changed('stories'),
        participations: changed('participations'),
        eventParticipations: changed('eventParticipations'),
        cooperations: changed('cooperations'),
        targets: changed('targets'),
      };
      progress.advance(BATCH_KEYS.reduce((n, k) => n + result.unchanged[k], 0)); // nothing to write for these

      // 4. The new and changed rows (versions + 1).
      const batchProjects = new Set(batch.projects.map((p) => p.id));
      const created = (key: EntityKind, id: string) => !old.has(`${key}:${id}`);
      await writeRows(tx, rows, (id) => batchProjects.has(id) || existing.has('projects', id), progress, created);
      progress.finish();
      if (options.dryRun) throw new DryRunRollback(result);

      // 5. One audit entry for the batch (none when nothing changed), in the same transaction.
      const audit = batchAudit(result, options.audit);
      if (audit) await appendAudit(tx, [audit]);
      return result;
    });
  }

  async writeChanges(changes: ChangeSet, validate: (existing: ExistingIds) => void): Promise<void> {
    // The work may be retried by the driver (transient errors, deadlocks): it keeps no state between attempts.
    await this.db.inWriteTransaction(async (tx) => {
      // 1. The version check. The LOCK_* statements write-lock each row they read, so a checked row
      //    keeps its version until this transaction ends (a concurrent writer waits, then sees ours).
      //    Rows are locked in one order (kind, then key), which keeps two edits of the same rows from
      //    deadlocking (Neo4j would detect it and the driver retry, but this avoids the wait).
      const current = new Map<string, number>();
      for (const key of BATCH_KEYS) {
        const ids = [...new Set(changes.expect.filter((e) => e.key === key).map((e) => e.id))].sort();
        if (ids.length === 0) continue;
        const records = isEntityKind(key)
          ? await tx.run(BY_KEY[key].lock, { ids })
          : await runRows(tx, BY_KEY[key].lock, ids.map((id) => keyParams(key, id)));
        for (const r of records) current.set(`${key}:${recordKey(key, r)}`, asVersion(r.version, key));
      }
      for (const e of changes.expect) {
        const version = current.get(`${e.key}:${e.id}`) ?? 0;
        if (version !== e.version) throw new ConflictError(e.key, e.id, e.version, version);
      }

      // 2. Deletes: relationship rows first, then entities (with the references they hold).
      const deleted = new Set<string>();
      for (const key of [...BATCH_KEYS].reverse()) {
        const ids = [...new Set(changes.del[key] ?? [])];
        if (ids.length === 0) continue;
        ids.forEach((id) => deleted.add(`${key}:${id}`));
        if (isEntityKind(key)) await tx.run(BY_KEY[key].del, { ids });
        else await runRows(tx, BY_KEY[key].del, ids.map((id) => keyParams(key, id)));
      }

      // 3. Validation against what exists now.
      const existing = await existingIds(tx, changes.put);
      validate(existing);

      // 4. The rows, each one's version + 1 (1 when new).
      const putProjects = new Set(changes.put.projects.map((p) => p.id));
      await writeRows(tx, changes.put, (id) => putProjects.has(id) || existing.has('projects', id));

      // A row expected absent (version 0) cannot be locked in step 1: if another transaction created
      // it meanwhile, our MERGE found that row and moved its version past 1. Every written row that
      // was expected at version v must now be at v + 1.
      for (const key of BATCH_KEYS) {
        const written = new Set((changes.put[key] as unknown[]).map((row) => rowKey(key, row)));
        const checks = changes.expect.filter((e) => e.key === key && written.has(e.id) && !deleted.has(`${key}:${e.id}`));
        if (checks.length === 0) continue;
        const now = await readVersions((cypher, params) => tx.run(cypher, params), key, checks.map((e) => e.id));
        for (const e of checks) {
          const version = now.get(e.id) ?? 0;
          if (version !== e.version + 1) throw new ConflictError(e.key, e.id, e.version, Math.max(version - 1, 0));
        }
      }

      // 5. The audit entries.
      await appendAudit(tx, changes.audit);
    });
  }

  async versions(key: BatchKey, ids: Ids): Promise<Map<string, number>> {
    return readVersions((cypher, params) => this.db.read(cypher, params), key, ids);
  }

  async auditLog(q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }> {
    const entityId = q.entityId ? q.entityId : null;
    const page = { entityId, offset: int(Math.max(0, Math.trunc(q.offset))), limit: int(Math.max(0, Math.trunc(q.limit))) };
    // By entity: from the (:AuditRef {id}) index entry along REFERS_TO, never a scan of the log.
    const [count] = await this.db.read(entityId === null ? Q.AUDIT_COUNT : Q.AUDIT_COUNT_FOR, { entityId });
    const entries = await this.rows(entityId === null ? Q.AUDIT_ENTRIES : Q.AUDIT_ENTRIES_FOR, page, fromRow.auditEntry);
    return { total: asCount(count?.total), entries };
  }

  readonly capture: CaptureBackend = captureNodes(() => this.db);

  readonly tokens: TokenBackend = {
    list: () => this.rows(Q.TOKENS, {}, fromRow.token),
    insert: async (t) => {
      await this.db.write(Q.INSERT_TOKEN, {
        id: t.id,
        name: t.name,
        role: t.role,
        hash: t.hash,
        createdAt: dateTimeParam(t.createdAt),
        createdBy: t.createdBy,
        lastUsedAt: dateTimeParam(t.lastUsedAt),
        revokedAt: dateTimeParam(t.revokedAt),
        pseudonymous: t.pseudonymous,
      });
    },
    byHash: async (hash) => (await this.rows(Q.TOKEN_BY_HASH, { hash }, fromRow.token))[0] ?? null,
    update: async (id, patch) => {
      const [record] = await this.db.write(Q.UPDATE_TOKEN, {
        id,
        lastUsedAt: dateTimeParam(patch.lastUsedAt ?? null),
        revokedAt: dateTimeParam(patch.revokedAt ?? null),
      });
      return record ? fromRow.token(rowOf(record)) : null;
    },
  };

  async loadRegions(): Promise<Region[]> {
    return this.rows(Q.LOAD_REGIONS, {}, fromRow.region);
  }

  async loadSources(ids?: Ids): Promise<Source[]> {
    if (ids?.length === 0) return [];
    return this.rows(Q.LOAD_SOURCES, { ids: sel(ids) }, fromRow.source);
  }

  async loadStories(ids?: Ids): Promise<Story[]> {
    if (ids?.length === 0) return [];
    return this.rows(Q.LOAD_STORIES, { ids: sel(ids) }, fromRow.story);
  }

  async loadActors(q: { ids?: Ids; regionIds?: Ids; kinds?: Ids }): Promise<Actor[]> {
    if (selectsNothing(q.ids, q.regionIds, q.kinds)) return [];
    const params = { ids: sel(q.ids), regionIds: sel(q.regionIds), kinds: sel(q.kinds) };
    const cypher = q.ids ? Q.LOAD_ACTORS_BY_IDS : q.regionIds ? Q.LOAD_ACTORS_BY_REGIONS : Q.LOAD_ACTORS;
    return this.rows(cypher, params, fromRow.actor);
  }

  async loadProjects(q: { ids?: Ids; predecessorIds?: Ids }): Promise<Project[]> {
    if (selectsNothing(q.ids, q.predecessorIds)) return [];
    const params = { ids: sel(q.ids), predecessorIds: sel(q.predecessorIds) };
    const cypher = q.ids ? Q.LOAD_PROJECTS_BY_IDS : q.predecessorIds ? Q.LOAD_PROJECTS_BY_PREDECESSORS : Q.LOAD_PROJECTS;
    return this.rows(cypher, params, fromRow.project);
  }

  async loadEvents(q: { ids?: Ids; projectIds?: Ids; placeIds?: Ids }): Promise<Event[]> {
    if (selectsNothing(q.ids, q.projectIds, q.placeIds)) return [];
    const params = { ids: sel(q.ids), projectIds: sel(q.projectIds), placeIds: sel(q.placeIds) };
    const cypher = q.ids
      ? Q.LOAD_EVENTS_BY_IDS
      : q.projectIds
        ? Q.LOAD_EVENTS_BY_PROJECTS
        : q.placeIds
          ? Q.LOAD_EVENTS_BY_PLACES
          : Q.LOAD_EVENTS;
    return this.rows(cypher, params, fromRow.event);
  }

  async loadParticipations(q: { actorIds?: Ids; projectIds?: Ids }): Promise<Participation[]> {
    if (selectsNothing(q.actorIds, q.projectIds)) return [];
    const params = { actorIds: sel(q.actorIds), projectIds: sel(q.projectIds) };
    const cypher = q.actorIds
      ? Q.LOAD_PARTICIPATIONS_BY_ACTORS
      : q.projectIds
        ? Q.LOAD_PARTICIPATIONS_BY_PROJECTS
        : Q.LOAD_PARTICIPATIONS;
    return this.rows(cypher, params, fromRow.participation);
  }

  async loadEventParticipations(q: { actorIds?: Ids; eventIds?: Ids }): Promise<EventParticipation[]> {
    if (selectsNothing(q.actorIds, q.eventIds)) return [];
    const params = { actorIds: sel(q.actorIds), eventIds: sel(q.eventIds) };
    const cypher = q.actorIds
      ? Q.LOAD_EVENT_PARTICIPATIONS_BY_ACTORS
      : q.eventIds
        ? Q.LOAD_EVENT_PARTICIPATIONS_BY_EVENTS
        : Q.LOAD_EVENT_PARTICIPATIONS;
    return this.rows(cypher, params, fromRow.eventParticipation);
  }

  async loadCooperations(q: { actorIds?: Ids }): Promise<Cooperation[]> {
    if (q.actorIds === undefined) return this.rows(Q.LOAD_COOPERATIONS, {}, fromRow.cooperation);
    if (q.actorIds.length === 0) return [];
    return this.rows(Q.LOAD_COOPERATIONS_BY_ACTORS, { actorIds: sel(q.actorIds) }, fromRow.cooperation);
  }

  async loadTargets(q: { subjectIds?: Ids; regionIds?: Ids }): Promise<Target[]> {
    if (selectsNothing(q.subjectIds, q.regionIds)) return [];
    const params = { subjectIds: sel(q.subjectIds), regionIds: sel(q.regionIds) };
    if (q.subjectIds) {
      // A UNION of the project and the event branch: sorted here, like the other statements sort.
      const rows = await this.rows(Q.LOAD_TARGETS_BY_SUBJECTS, params, fromRow.target);
      return rows.sort((a, b) => compare(a.subjectId, b.subjectId) || compare(a.regionId, b.regionId));
    }
    return this.rows(q.regionIds ? Q.LOAD_TARGETS_BY_REGIONS : Q.LOAD_TARGETS, params, fromRow.target);
  }

  async searchCandidates(key: string, alt: string, max: number): Promise<SearchCandidate[]> {
    const german = key.split(' ').filter((t) => t !== '');
    const plain = alt.split(' ').filter((t) => t !== '');
    const longest = (ts: string[]) => ts.reduce((a, t) => (t.length > a.length ? t : a), '');
    if (german.length === 0 && plain.length === 0) return [];
    const params = { german, plain, probeGerman: longest(german) || longest(plain), probePlain: longest(plain) || longest(german), max: int(max) };
    const records = await this.db.read(Q.SEARCH_CANDIDATES, params);
    return records.slice(0, max).map((r) => ({
      id: asString(r.id, 'id'),
      type: asString(r.type, 'type') as NodeType,
      kind: optional(r.kind),
      label: asString(r.label, 'label'),
      searchKey: asString(r.searchKey, 'searchKey'),
      searchKeyAlt: asString(r.searchKeyAlt, 'searchKeyAlt'),
    }));
  }

  // -------------------------------------------------------------------------------------------
  // Graph primitives (graph.cypher.ts): one statement each
  // -------------------------------------------------------------------------------------------

  async neighbourhood(id: string, depth: number, limit: number): Promise<Reached> {
    const cypher = depth <= 1 ? G.NEIGHBOURHOOD_1 : depth === 2 ? G.NEIGHBOURHOOD_2 : G.NEIGHBOURHOOD_3;
    const [record] = await this.db.read(cypher, { id, limit: int(limit), cap: int(Math.max(limit, REACH_CAP)), nonCooperating: [...NON_COOPERATING_ROLES] });
    if (!record) return { nodes: [], truncated: false, reach: [] };
    const nodes = (record.nodes as Row[]).map((n) => ({
      id: asString(n.id, 'id'),
      type: asString(n.type, 'type') as NodeType,
      depth: number(n, 'depth', 'reached node'),
    }));
    return { nodes, truncated: record.truncated === true, reach: record.reach === null ? null : strings(record.reach) };
  }

  async actorNeighbours(ids: Ids): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const records = await this.db.read(G.ACTOR_NEIGHBOURS, { ids: sel(ids), nonCooperating: [...NON_COOPERATING_ROLES] });
    for (const r of records) out.set(asString(r.id, 'id'), strings(r.neighbours));
    return out;
  }

  async ties(filter: TieFilter): Promise<ActorTie[]> {
    const records = await this.db.read(G.TIES, tieParams(filter));
    return records.map((r) => ({
      a: asString(r.a, 'a'),
      b: asString(r.b, 'b'),
      direct: asCount(r.direct),
      shared: asCount(r.shared),
      newman: typeof r.newman === 'number' ? r.newman : 0,
    }));
  }

  async regionTies(level: string, filter: TieFilter): Promise<RegionTieCounts> {
    const [record] = await this.db.read(G.REGION_TIES, { ...tieParams(filter), level });
    const regionIds = strings(record?.regionIds).sort(compare);
    const pairs = ((record?.pairs ?? []) as Row[]).map((p) => ({
      a: asString(p.a, 'a'),
      b: asString(p.b, 'b'),
      directTies: asCount(p.directTies),
      derivedTies: asCount(p.derivedTies),
      derivedWeight: asCount(p.derivedWeight),
      derivedNewman: typeof p.derivedNewman === 'number' ? p.derivedNewman : 0,
    }));
    return { regionIds, pairs };
  }

  async facetCounts(): Promise<Facets> {
    const [r] = await this.db.read(G.FACETS);
    const counts = (v: unknown) => ((v ?? []) as Row[]).map((c) => ({ value: asString(c.value, 'facet value'), count: asCount(c.count) }));
    return {
      actorKinds: counts(r?.actorKinds),
      sectors: counts(r?.sectors),
      minYear: typeof r?.minYear === 'number' ? r.minYear : null,
      maxYear: typeof r?.maxYear === 'number' ? r.maxYear : null,
    };
  }

  async nodeTypes(ids: Ids): Promise<Map<string, NodeType>> {
    if (ids.length === 0) return new Map();
    const records = await this.db.read(Q.NODE_TYPES, { ids: sel(ids) });
    return new Map(records.map((r) => [asString(r.id, 'id'), asString(r.type, 'type') as NodeType]));
  }
}

/** The parameters of a TieFilter, as graph.cypher.ts names them. */
function tieParams(f: TieFilter): Params {
  const list = (xs: Ids | null) => (xs === null ? [] : [...xs]);
  return {
    f: {
      regionIds: list(f.regionIds),
      anyRegion: f.regionIds === null,
      kinds: list(f.actorKinds),
      anyKind: f.actorKinds === null,
      sectors: list(f.sectors),
      anySector: f.sectors === null,
      projectIds: list(f.projectIds),
      anyProject: f.projectIds === null,
      from: int(f.fromYear ?? -1_000_000),
      to: int(f.toYear ?? 1_000_000),
      openWindow: f.fromYear === null && f.toYear === null,
      includeDirect: f.includeDirect,
      includeDerived: f.includeDerived,
    },
    nonCooperating: [...NON_COOPERATING_ROLES],
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
