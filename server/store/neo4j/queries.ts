/**
 * Every Cypher statement the Neo4j adapter sends, one constant each. Labels, relationship types and
 * property keys are fixed text from the graph model (schema.ts); every value is a `$parameter`.
 * The adapter only chooses among these constants, it never builds Cypher at run time.
 *
 * Conventions:
 * - Nodes are identified by their `id` property (unique per label, see cypher/schema.cypher), so
 *   `MATCH (n:Label) WHERE n.id IN $ids` is an index seek.
 * - Absent optional values are not stored: writes `SET n = {…}` with the complete property map,
 *   where a null value leaves the key unset (and `=` drops every property not in the map). The
 *   adapter sends empty lists as null too, so they are not stored either.
 * - Reads return one map per row, `row`, holding the domain fields (missing ones come back as null;
 *   the adapter turns missing lists into []). References (parentId, regionId, …) are read from the
 *   relationships.
 * - Optional filters are `($x IS NULL OR … IN $x)`; the selective filter of each variant is the
 *   index seek it starts from.
 * - Statements that return rows in a defined order sort by id / natural key (stable answers).
 * - Versions: every WRITE_* statement sets `version` to 1 on a new node / relationship (MERGE … ON
 *   CREATE SET version = 0, then + 1) and to the stored version + 1 otherwise; a row stored before
 *   versions existed has none and counts as version 1 (`coalesce(x.version, 1)`, everywhere). Reading
 *   `x.version` on the right-hand side of the SET makes Neo4j take the write lock before it reads, so
 *   concurrent writers cannot lose an increment.
 */

// ---------------------------------------------------------------------------------------------
// Maintenance
// ---------------------------------------------------------------------------------------------

/** Row counts per kind of the batch (one row; relationship types only join our labels, so the count store answers). */
export const COUNTS = `RETURN
  COUNT { (:Source) } AS sources,
  COUNT { (:Region) } AS regions,
  COUNT { (:Actor) } AS actors,
  COUNT { (:Project) } AS projects,
  COUNT { (:Event) } AS events,
  COUNT { (:Story) } AS stories,
  COUNT { ()-[:PARTICIPATES_IN]->() } AS participations,
  COUNT { ()-[:TAKES_PART_IN]->() } AS eventParticipations,
  COUNT { ()-[:COOPERATES_WITH]->() } AS cooperations,
  COUNT { ()-[:TARGETS]->() } AS targets`;

/**
 * Deletes up to 10 000 network nodes (stories included) with their relationships; run until it reports 0.
 * The audit log, its counter and the access tokens (:AuditEntry, :Counter, :AccessToken) are not network
 * data and stay.
 */
export const CLEAR_CHUNK = `MATCH (n:Region|Actor|Project|Event|Source|Story)
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted`;

// ---------------------------------------------------------------------------------------------
// writeBatch: what exists
// ---------------------------------------------------------------------------------------------

/** Which of `$ids` exist, with their kind (batch key). */
export const EXISTING_IDS = `MATCH (n:Source) WHERE n.id IN $ids RETURN n.id AS id, 'sources' AS kind
UNION ALL
MATCH (n:Region) WHERE n.id IN $ids RETURN n.id AS id, 'regions' AS kind
UNION ALL
MATCH (n:Actor) WHERE n.id IN $ids RETURN n.id AS id, 'actors' AS kind
UNION ALL
MATCH (n:Project) WHERE n.id IN $ids RETURN n.id AS id, 'projects' AS kind
UNION ALL
MATCH (n:Event) WHERE n.id IN $ids RETURN n.id AS id, 'events' AS kind`;

/** Every stored region with its parent (regions are few; used for the cycle check). */
export const REGION_PARENTS = `MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
RETURN r.id AS id, p.id AS parentId`;

/** Stored fingerprints of entities, by kind: `$sources`, `$regions`, …, `$stories` are id lists. */
export const ENTITY_FINGERPRINTS = `MATCH (n:Source) WHERE n.id IN $sources RETURN 'sources' AS kind, n.id AS id, n.fingerprint AS fingerprint
UNION ALL
MATCH (n:Region) WHERE n.id IN $regions RETURN 'regions' AS kind, n.id AS id, n.fingerprint AS fingerprint
UNION ALL
MATCH (n:Actor) WHERE n.id IN $actors RETURN 'actors' AS kind, n.id AS id, n.fingerprint AS fingerprint
UNION ALL
MATCH (n:Project) WHERE n.id IN $projects RETURN 'projects' AS kind, n.id AS id, n.fingerprint AS fingerprint
UNION ALL
MATCH (n:Event) WHERE n.id IN $events RETURN 'events' AS kind, n.id AS id, n.fingerprint AS fingerprint
UNION ALL
MATCH (n:Story) WHERE n.id IN $stories RETURN 'stories' AS kind, n.id AS id, n.fingerprint AS fingerprint`;

/** `$rows`: [{actorId, projectId}] */
export const PARTICIPATION_FINGERPRINTS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:PARTICIPATES_IN]->(p:Project {id: row.projectId})
RETURN a.id AS actorId, p.id AS projectId, r.fingerprint AS fingerprint`;

/** `$rows`: [{actorId, eventId}] */
export const EVENT_PARTICIPATION_FINGERPRINTS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:TAKES_PART_IN]->(e:Event {id: row.eventId})
RETURN a.id AS actorId, e.id AS eventId, r.fingerprint AS fingerprint`;

/** `$rows`: [{actorId, partnerId, kind}] */
export const COOPERATION_FINGERPRINTS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:COOPERATES_WITH {kind: row.kind}]->(b:Actor {id: row.partnerId})
RETURN a.id AS actorId, b.id AS partnerId, r.kind AS kind, r.fingerprint AS fingerprint`;

/** `$rows`: [{subjectId, regionId}] (the subject is a project or an event). */
export const TARGET_FINGERPRINTS = `UNWIND $rows AS row
MATCH (s:Project|Event)-[r:TARGETS]->(g:Region {id: row.regionId})
WHERE s.id = row.subjectId
RETURN s.id AS subjectId, g.id AS regionId, r.fingerprint AS fingerprint`;

// ---------------------------------------------------------------------------------------------
// writeBatch: entities (`$rows` hold the node properties; absent values are null)
// ---------------------------------------------------------------------------------------------

export const WRITE_SOURCES = `UNWIND $rows AS row
MERGE (n:Source {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, title: row.title, url: row.url, date: row.date, publisher: row.publisher,
  fingerprint: row.fingerprint, version: coalesce(n.version, 1) + 1}`;

export const WRITE_REGIONS = `UNWIND $rows AS row
MERGE (n:Region {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, name: row.name, description: row.description, tags: row.tags, sourceIds: row.sourceIds,
  kind: row.kind, code: row.code, lat: row.lat, lon: row.lon,
  searchKey: row.searchKey, searchKeyAlt: row.searchKeyAlt, fingerprint: row.fingerprint,
  version: coalesce(n.version, 1) + 1}`;

export const WRITE_ACTORS = `UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, name: row.name, description: row.description, tags: row.tags, sourceIds: row.sourceIds,
  kind: row.kind, sectors: row.sectors, website: row.website,
  searchKey: row.searchKey, searchKeyAlt: row.searchKeyAlt, fingerprint: row.fingerprint,
  version: coalesce(n.version, 1) + 1}`;

export const WRITE_PROJECTS = `UNWIND $rows AS row
MERGE (n:Project {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, name: row.name, description: row.description, tags: row.tags, sourceIds: row.sourceIds,
  programme: row.programme, start: row.start, end: row.end, status: row.status, goals: row.goals, results: row.results,
  searchKey: row.searchKey, searchKeyAlt: row.searchKeyAlt, fingerprint: row.fingerprint,
  version: coalesce(n.version, 1) + 1}`;

export const WRITE_EVENTS = `UNWIND $rows AS row
MERGE (n:Event {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, name: row.name, description: row.description, tags: row.tags, sourceIds: row.sourceIds,
  kind: row.kind, date: row.date, endDate: row.endDate, venue: row.venue,
  searchKey: row.searchKey, searchKeyAlt: row.searchKeyAlt, fingerprint: row.fingerprint,
  version: coalesce(n.version, 1) + 1}`;

/** Stories: the whole story is `json` (text); `title` is beside it for people browsing the database. */
export const WRITE_STORIES = `UNWIND $rows AS row
MERGE (n:Story {id: row.id})
ON CREATE SET n.version = 0
SET n = {id: row.id, title: row.title, json: row.json, fingerprint: row.fingerprint, version: coalesce(n.version, 1) + 1}`;

// ---------------------------------------------------------------------------------------------
// writeBatch: single-valued references of the written entities. UNLINK removes a relationship to
// anything but the new target (all of them when the reference is null), LINK merges the new one.
// `$rows`: [{id, <reference>}]; run after all nodes of the batch exist.
// ---------------------------------------------------------------------------------------------

export const UNLINK_REGION_PARENTS = `UNWIND $rows AS row
MATCH (n:Region {id: row.id})-[old:PART_OF]->(t:Region)
WHERE row.parentId IS NULL OR t.id <> row.parentId
DELETE old`;

export const LINK_REGION_PARENTS = `UNWIND $rows AS row
WITH row WHERE row.parentId IS NOT NULL
MATCH (n:Region {id: row.id})
MATCH (t:Region {id: row.parentId})
MERGE (n)-[:PART_OF]->(t)`;

export const UNLINK_ACTOR_REGIONS = `UNWIND $rows AS row
MATCH (n:Actor {id: row.id})-[old:LOCATED_IN]->(t:Region)
WHERE row.regionId IS NULL OR t.id <> row.regionId
DELETE old`;

export const LINK_ACTOR_REGIONS = `UNWIND $rows AS row
WITH row WHERE row.regionId IS NOT NULL
MATCH (n:Actor {id: row.id})
MATCH (t:Region {id: row.regionId})
MERGE (n)-[:LOCATED_IN]->(t)`;

export const UNLINK_PROJECT_PREDECESSORS = `UNWIND $rows AS row
MATCH (n:Project {id: row.id})-[old:CONTINUES]->(t:Project)
WHERE row.predecessorId IS NULL OR t.id <> row.predecessorId
DELETE old`;

export const LINK_PROJECT_PREDECESSORS = `UNWIND $rows AS row
WITH row WHERE row.predecessorId IS NOT NULL
MATCH (n:Project {id: row.id})
MATCH (t:Project {id: row.predecessorId})
MERGE (n)-[:CONTINUES]->(t)`;

export const UNLINK_EVENT_PLACES = `UNWIND $rows AS row
MATCH (n:Event {id: row.id})-[old:HELD_IN]->(t:Region)
WHERE row.placeId IS NULL OR t.id <> row.placeId
DELETE old`;

export const LINK_EVENT_PLACES = `UNWIND $rows AS row
WITH row WHERE row.placeId IS NOT NULL
MATCH (n:Event {id: row.id})
MATCH (t:Region {id: row.placeId})
MERGE (n)-[:HELD_IN]->(t)`;

export const UNLINK_EVENT_PROJECTS = `UNWIND $rows AS row
MATCH (n:Event {id: row.id})-[old:BELONGS_TO]->(t:Project)
WHERE row.projectId IS NULL OR t.id <> row.projectId
DELETE old`;

export const LINK_EVENT_PROJECTS = `UNWIND $rows AS row
WITH row WHERE row.projectId IS NOT NULL
MATCH (n:Event {id: row.id})
MATCH (t:Project {id: row.projectId})
MERGE (n)-[:BELONGS_TO]->(t)`;

// ---------------------------------------------------------------------------------------------
// writeBatch: relationship rows, merged on their natural key
// ---------------------------------------------------------------------------------------------

export const WRITE_PARTICIPATIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (p:Project {id: row.projectId})
MERGE (a)-[r:PARTICIPATES_IN]->(p)
ON CREATE SET r.version = 0
SET r = {role: row.role, contribution: row.contribution, description: row.description, sourceIds: row.sourceIds, fingerprint: row.fingerprint,
  version: coalesce(r.version, 1) + 1}`;

export const WRITE_EVENT_PARTICIPATIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (e:Event {id: row.eventId})
MERGE (a)-[r:TAKES_PART_IN]->(e)
ON CREATE SET r.version = 0
SET r = {role: row.role, description: row.description, sourceIds: row.sourceIds, fingerprint: row.fingerprint,
  version: coalesce(r.version, 1) + 1}`;

export const WRITE_COOPERATIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (b:Actor {id: row.partnerId})
MERGE (a)-[r:COOPERATES_WITH {kind: row.kind}]->(b)
ON CREATE SET r.version = 0
SET r = {kind: row.kind, since: row.since, until: row.until, description: row.description, sourceIds: row.sourceIds,
  fingerprint: row.fingerprint, version: coalesce(r.version, 1) + 1}`;

/** Targets whose subject is a project. */
export const WRITE_PROJECT_TARGETS = `UNWIND $rows AS row
MATCH (s:Project {id: row.subjectId})
MATCH (g:Region {id: row.regionId})
MERGE (s)-[r:TARGETS]->(g)
ON CREATE SET r.version = 0
SET r = {role: row.role, description: row.description, sourceIds: row.sourceIds, fingerprint: row.fingerprint,
  version: coalesce(r.version, 1) + 1}`;

/** Targets whose subject is an event. */
export const WRITE_EVENT_TARGETS = `UNWIND $rows AS row
MATCH (s:Event {id: row.subjectId})
MATCH (g:Region {id: row.regionId})
MERGE (s)-[r:TARGETS]->(g)
ON CREATE SET r.version = 0
SET r = {role: row.role, description: row.description, sourceIds: row.sourceIds, fingerprint: row.fingerprint,
  version: coalesce(r.version, 1) + 1}`;

// ---------------------------------------------------------------------------------------------
// Versions (versions(), and writeChanges' check that a written row is the expected one after it)
// ---------------------------------------------------------------------------------------------

/** Versions of entities, by kind: `$sources`, `$regions`, …, `$stories` are id lists. */
export const ENTITY_VERSIONS = `MATCH (n:Source) WHERE n.id IN $sources RETURN 'sources' AS kind, n.id AS id, coalesce(n.version, 1) AS version
UNION ALL
MATCH (n:Region) WHERE n.id IN $regions RETURN 'regions' AS kind, n.id AS id, coalesce(n.version, 1) AS version
UNION ALL
MATCH (n:Actor) WHERE n.id IN $actors RETURN 'actors' AS kind, n.id AS id, coalesce(n.version, 1) AS version
UNION ALL
MATCH (n:Project) WHERE n.id IN $projects RETURN 'projects' AS kind, n.id AS id, coalesce(n.version, 1) AS version
UNION ALL
MATCH (n:Event) WHERE n.id IN $events RETURN 'events' AS kind, n.id AS id, coalesce(n.version, 1) AS version
UNION ALL
MATCH (n:Story) WHERE n.id IN $stories RETURN 'stories' AS kind, n.id AS id, coalesce(n.version, 1) AS version`;

/** `$rows`: [{actorId, projectId}] */
export const PARTICIPATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:PARTICIPATES_IN]->(p:Project {id: row.projectId})
RETURN a.id AS actorId, p.id AS projectId, coalesce(r.version, 1) AS version`;

/** `$rows`: [{actorId, eventId}] */
export const EVENT_PARTICIPATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:TAKES_PART_IN]->(e:Event {id: row.eventId})
RETURN a.id AS actorId, e.id AS eventId, coalesce(r.version, 1) AS version`;

/** `$rows`: [{actorId, partnerId, kind}] */
export const COOPERATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:COOPERATES_WITH {kind: row.kind}]->(b:Actor {id: row.partnerId})
RETURN a.id AS actorId, b.id AS partnerId, r.kind AS kind, coalesce(r.version, 1) AS version`;

/** `$rows`: [{subjectId, regionId}] */
export const TARGET_VERSIONS = `UNWIND $rows AS row
MATCH (s:Project|Event)-[r:TARGETS]->(g:Region {id: row.regionId})
WHERE s.id = row.subjectId
RETURN s.id AS subjectId, g.id AS regionId, coalesce(r.version, 1) AS version`;

// ---------------------------------------------------------------------------------------------
// writeChanges: the version check. Each statement write-locks the rows it reads (SET with the
// property on its right-hand side locks before reading), so a checked row cannot change under the
// transaction until it commits; a row stored without a version gets its implicit 1 written.
// ---------------------------------------------------------------------------------------------

export const LOCK_SOURCE_VERSIONS = `MATCH (n:Source) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

export const LOCK_REGION_VERSIONS = `MATCH (n:Region) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

export const LOCK_ACTOR_VERSIONS = `MATCH (n:Actor) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

export const LOCK_PROJECT_VERSIONS = `MATCH (n:Project) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

export const LOCK_EVENT_VERSIONS = `MATCH (n:Event) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

export const LOCK_STORY_VERSIONS = `MATCH (n:Story) WHERE n.id IN $ids
SET n.version = coalesce(n.version, 1)
RETURN n.id AS id, n.version AS version`;

/** `$rows`: [{actorId, projectId}] */
export const LOCK_PARTICIPATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:PARTICIPATES_IN]->(p:Project {id: row.projectId})
SET r.version = coalesce(r.version, 1)
RETURN a.id AS actorId, p.id AS projectId, r.version AS version`;

/** `$rows`: [{actorId, eventId}] */
export const LOCK_EVENT_PARTICIPATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:TAKES_PART_IN]->(e:Event {id: row.eventId})
SET r.version = coalesce(r.version, 1)
RETURN a.id AS actorId, e.id AS eventId, r.version AS version`;

/** `$rows`: [{actorId, partnerId, kind}] */
export const LOCK_COOPERATION_VERSIONS = `UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})-[r:COOPERATES_WITH {kind: row.kind}]->(b:Actor {id: row.partnerId})
SET r.version = coalesce(r.version, 1)
RETURN a.id AS actorId, b.id AS partnerId, r.kind AS kind, r.version AS version`;

/** `$rows`: [{subjectId, regionId}] */
export const LOCK_TARGET_VERSIONS = `UNWIND $rows AS row
MATCH (s:Project|Event)-[r:TARGETS]->(g:Region {id: row.regionId})
WHERE s.id = row.subjectId
SET r.version = coalesce(r.version, 1)
RETURN s.id AS subjectId, g.id AS regionId, r.version AS version`;

// ---------------------------------------------------------------------------------------------
// writeChanges: deletes by natural key (relationship rows first; the caller has checked that
// nothing else still points at a deleted entity, so DETACH only removes its own references)
// ---------------------------------------------------------------------------------------------

/** `$rows`: [{actorId, projectId}] */
export const DELETE_PARTICIPATIONS = `UNWIND $rows AS row
MATCH (:Actor {id: row.actorId})-[r:PARTICIPATES_IN]->(:Project {id: row.projectId})
DELETE r`;

/** `$rows`: [{actorId, eventId}] */
export const DELETE_EVENT_PARTICIPATIONS = `UNWIND $rows AS row
MATCH (:Actor {id: row.actorId})-[r:TAKES_PART_IN]->(:Event {id: row.eventId})
DELETE r`;

/** `$rows`: [{actorId, partnerId, kind}] */
export const DELETE_COOPERATIONS = `UNWIND $rows AS row
MATCH (:Actor {id: row.actorId})-[r:COOPERATES_WITH {kind: row.kind}]->(:Actor {id: row.partnerId})
DELETE r`;

/** `$rows`: [{subjectId, regionId}] */
export const DELETE_TARGETS = `UNWIND $rows AS row
MATCH (s:Project|Event)-[r:TARGETS]->(:Region {id: row.regionId})
WHERE s.id = row.subjectId
DELETE r`;

export const DELETE_SOURCES = `MATCH (n:Source) WHERE n.id IN $ids
DETACH DELETE n`;

export const DELETE_REGIONS = `MATCH (n:Region) WHERE n.id IN $ids
DETACH DELETE n`;

export const DELETE_ACTORS = `MATCH (n:Actor) WHERE n.id IN $ids
DETACH DELETE n`;

export const DELETE_PROJECTS = `MATCH (n:Project) WHERE n.id IN $ids
DETACH DELETE n`;

export const DELETE_EVENTS = `MATCH (n:Event) WHERE n.id IN $ids
DETACH DELETE n`;

export const DELETE_STORIES = `MATCH (n:Story) WHERE n.id IN $ids
DETACH DELETE n`;

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

/**
 * Appends `$rows` (a non-empty list of maps with the AuditEntry properties but `seq`; `before` /
 * `after` JSON text or null) with consecutive `seq` numbers. The numbers come from the one
 * (:Counter {name: 'audit'}) node (unique name: concurrent first MERGEs make one node): the SET reads
 * `c.value` on its right-hand side, so Neo4j write-locks the counter before reading it and keeps the
 * lock until commit. Concurrent transactions therefore take turns, each sees the value the previous
 * one committed, and a rolled-back transaction gives its numbers back: `seq` increases in commit order
 * without gaps or duplicates (the unique constraint on `seq` would refuse a duplicate anyway).
 */
export const APPEND_AUDIT = `MERGE (c:Counter {name: 'audit'})
ON CREATE SET c.value = 0
SET c.value = c.value + size($rows)
WITH c.value - size($rows) AS last
UNWIND range(1, size($rows)) AS i
WITH last + i AS seq, $rows[i - 1] AS entry
CREATE (e:AuditEntry {seq: seq, at: entry.at, who: entry.who, role: entry.role, action: entry.action,
  entityType: entry.entityType, entityId: entry.entityId, refs: entry.refs, before: entry.before, after: entry.after,
  summary: entry.summary})
WITH e
UNWIND coalesce(e.refs, []) AS ref
MERGE (r:AuditRef {id: ref})
CREATE (e)-[:REFERS_TO]->(r)`;

/** Whether the audit log's references are all relationships already (the Counter `auditRefs` marks it). */
export const AUDIT_REFS_LINKED = `OPTIONAL MATCH (c:Counter {name: 'auditRefs'})
RETURN c.value AS linked`;

/**
 * Links up to 10,000 entries stored before references were relationships to their (:AuditRef) nodes;
 * init() repeats it until it links fewer (each its own transaction, so a large old log never has to
 * fit in one). MERGE: two servers starting at once on the same database link each entry once.
 */
export const LINK_AUDIT_REFS = `MATCH (e:AuditEntry)
WHERE e.refs IS NOT NULL AND COUNT { (e)-[:REFERS_TO]->() } = 0
WITH e LIMIT 10000
UNWIND e.refs AS ref
MERGE (r:AuditRef {id: ref})
MERGE (e)-[:REFERS_TO]->(r)
RETURN count(DISTINCT e) AS linked`;

/** Marks the audit log's references as linked (LINK_AUDIT_REFS is not needed again). */
export const MARK_AUDIT_REFS_LINKED = `MERGE (c:Counter {name: 'auditRefs'})
SET c.value = 1`;

/** Waits until every index is online (init(): a new index populates in the background). */
export const AWAIT_INDEXES = `CALL db.awaitIndexes(300)`;

/** How many entries the log holds (answered from the count store). */
export const AUDIT_COUNT = `MATCH (e:AuditEntry)
RETURN count(e) AS total`;

/** How many entries touch `$entityId`: from its (:AuditRef) by index, along REFERS_TO. */
export const AUDIT_COUNT_FOR = `MATCH (:AuditRef {id: $entityId})<-[:REFERS_TO]-(e:AuditEntry)
RETURN count(e) AS total`;

/**
 * A page of the log, newest first; `$offset` and `$limit` Integers.
 * (`e.seq IS NOT NULL` lets the planner read the unique index on seq in order instead of sorting.)
 */
export const AUDIT_ENTRIES = `MATCH (e:AuditEntry)
WHERE e.seq IS NOT NULL
RETURN e {.seq, .at, .who, .role, .action, .entityType, .entityId, .refs, .before, .after, .summary} AS row
ORDER BY e.seq DESC
SKIP $offset
LIMIT $limit`;

/** A page of the entries touching `$entityId`, newest first. */
export const AUDIT_ENTRIES_FOR = `MATCH (:AuditRef {id: $entityId})<-[:REFERS_TO]-(e:AuditEntry)
RETURN e {.seq, .at, .who, .role, .action, .entityType, .entityId, .refs, .before, .after, .summary} AS row
ORDER BY e.seq DESC
SKIP $offset
LIMIT $limit`;

// ---------------------------------------------------------------------------------------------
// Access tokens (only the hash of a secret is stored)
// ---------------------------------------------------------------------------------------------

export const TOKENS = `MATCH (t:AccessToken)
RETURN t {.id, .name, .role, .hash, .createdAt, .createdBy, .lastUsedAt, .revokedAt, .pseudonymous} AS row
ORDER BY t.createdAt, t.id`;

export const TOKEN_BY_HASH = `MATCH (t:AccessToken {hash: $hash})
RETURN t {.id, .name, .role, .hash, .createdAt, .createdBy, .lastUsedAt, .revokedAt, .pseudonymous} AS row`;

/** Null values (`createdBy`, `lastUsedAt`, `revokedAt`) are not stored; a token stored without `pseudonymous` (older data) reads as false. */
export const INSERT_TOKEN = `CREATE (:AccessToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: $createdAt,
  createdBy: $createdBy, lastUsedAt: $lastUsedAt, revokedAt: $revokedAt, pseudonymous: $pseudonymous})`;

/** Sets `lastUsedAt` when given; sets `revokedAt` only when given and not yet set. No row: unknown id. */
export const UPDATE_TOKEN = `MATCH (t:AccessToken {id: $id})
SET t.lastUsedAt = coalesce($lastUsedAt, t.lastUsedAt), t.revokedAt = coalesce(t.revokedAt, $revokedAt)
RETURN t {.id, .name, .role, .hash, .createdAt, .createdBy, .lastUsedAt, .revokedAt, .pseudonymous} AS row`;

// ---------------------------------------------------------------------------------------------
// Reads: entities
// ---------------------------------------------------------------------------------------------

export const LOAD_REGIONS = `MATCH (n:Region)
OPTIONAL MATCH (n)-[:PART_OF]->(parent:Region)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .code, .lat, .lon, parentId: parent.id} AS row
ORDER BY n.id`;

/** Sources by id; `$ids` null: all. */
export const LOAD_SOURCES = `MATCH (n:Source)
WHERE $ids IS NULL OR n.id IN $ids
RETURN n {.id, .title, .url, .date, .publisher} AS row
ORDER BY n.id`;

/** Stories by id; `$ids` null: all. `json` holds the whole story. */
export const LOAD_STORIES = `MATCH (n:Story)
WHERE $ids IS NULL OR n.id IN $ids
RETURN n {.id, .title, .json} AS row
ORDER BY n.id`;

/** All actors; `$kinds` optional. */
export const LOAD_ACTORS = `MATCH (n:Actor)
WHERE $kinds IS NULL OR n.kind IN $kinds
OPTIONAL MATCH (n)-[:LOCATED_IN]->(region:Region)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .sectors, .website, regionId: region.id} AS row
ORDER BY n.id`;

/** Actors by id; `$regionIds` and `$kinds` optional. */
export const LOAD_ACTORS_BY_IDS = `MATCH (n:Actor)
WHERE n.id IN $ids AND ($kinds IS NULL OR n.kind IN $kinds)
OPTIONAL MATCH (n)-[:LOCATED_IN]->(region:Region)
WITH n, region
WHERE $regionIds IS NULL OR region.id IN $regionIds
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .sectors, .website, regionId: region.id} AS row
ORDER BY n.id`;

/** Actors located in one of `$regionIds` (directly); `$kinds` optional. */
export const LOAD_ACTORS_BY_REGIONS = `MATCH (n:Actor)-[:LOCATED_IN]->(region:Region)
WHERE region.id IN $regionIds AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .sectors, .website, regionId: region.id} AS row
ORDER BY n.id`;

export const LOAD_PROJECTS = `MATCH (n:Project)
OPTIONAL MATCH (n)-[:CONTINUES]->(predecessor:Project)
RETURN n {.id, .name, .description, .tags, .sourceIds, .programme, .start, .end, .status, .goals, .results,
  predecessorId: predecessor.id} AS row
ORDER BY n.id`;

/** Projects by id; `$predecessorIds` optional. */
export const LOAD_PROJECTS_BY_IDS = `MATCH (n:Project)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[:CONTINUES]->(predecessor:Project)
WITH n, predecessor
WHERE $predecessorIds IS NULL OR predecessor.id IN $predecessorIds
RETURN n {.id, .name, .description, .tags, .sourceIds, .programme, .start, .end, .status, .goals, .results,
  predecessorId: predecessor.id} AS row
ORDER BY n.id`;

/** Projects continuing one of `$predecessorIds`. */
export const LOAD_PROJECTS_BY_PREDECESSORS = `MATCH (n:Project)-[:CONTINUES]->(predecessor:Project)
WHERE predecessor.id IN $predecessorIds
RETURN n {.id, .name, .description, .tags, .sourceIds, .programme, .start, .end, .status, .goals, .results,
  predecessorId: predecessor.id} AS row
ORDER BY n.id`;

export const LOAD_EVENTS = `MATCH (n:Event)
OPTIONAL MATCH (n)-[:HELD_IN]->(place:Region)
OPTIONAL MATCH (n)-[:BELONGS_TO]->(project:Project)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .date, .endDate, .venue,
  placeId: place.id, projectId: project.id} AS row
ORDER BY n.id`;

/** Events by id; `$projectIds` and `$placeIds` optional. */
export const LOAD_EVENTS_BY_IDS = `MATCH (n:Event)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[:HELD_IN]->(place:Region)
OPTIONAL MATCH (n)-[:BELONGS_TO]->(project:Project)
WITH n, place, project
WHERE ($placeIds IS NULL OR place.id IN $placeIds) AND ($projectIds IS NULL OR project.id IN $projectIds)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .date, .endDate, .venue,
  placeId: place.id, projectId: project.id} AS row
ORDER BY n.id`;

/** Events of one of `$projectIds`; `$placeIds` optional. */
export const LOAD_EVENTS_BY_PROJECTS = `MATCH (n:Event)-[:BELONGS_TO]->(project:Project)
WHERE project.id IN $projectIds
OPTIONAL MATCH (n)-[:HELD_IN]->(place:Region)
WITH n, place, project
WHERE $placeIds IS NULL OR place.id IN $placeIds
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .date, .endDate, .venue,
  placeId: place.id, projectId: project.id} AS row
ORDER BY n.id`;

/** Events held in one of `$placeIds`. */
export const LOAD_EVENTS_BY_PLACES = `MATCH (n:Event)-[:HELD_IN]->(place:Region)
WHERE place.id IN $placeIds
OPTIONAL MATCH (n)-[:BELONGS_TO]->(project:Project)
RETURN n {.id, .name, .description, .tags, .sourceIds, .kind, .date, .endDate, .venue,
  placeId: place.id, projectId: project.id} AS row
ORDER BY n.id`;

// ---------------------------------------------------------------------------------------------
// Reads: relationship rows
// ---------------------------------------------------------------------------------------------

export const LOAD_PARTICIPATIONS = `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Project)
RETURN r {.role, .contribution, .description, .sourceIds, actorId: a.id, projectId: p.id} AS row
ORDER BY a.id, p.id`;

/** `$projectIds` optional. */
export const LOAD_PARTICIPATIONS_BY_ACTORS = `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Project)
WHERE a.id IN $actorIds AND ($projectIds IS NULL OR p.id IN $projectIds)
RETURN r {.role, .contribution, .description, .sourceIds, actorId: a.id, projectId: p.id} AS row
ORDER BY a.id, p.id`;

export const LOAD_PARTICIPATIONS_BY_PROJECTS = `MATCH (a:Actor)-[r:PARTICIPATES_IN]->(p:Project)
WHERE p.id IN $projectIds
RETURN r {.role, .contribution, .description, .sourceIds, actorId: a.id, projectId: p.id} AS row
ORDER BY a.id, p.id`;

export const LOAD_EVENT_PARTICIPATIONS = `MATCH (a:Actor)-[r:TAKES_PART_IN]->(e:Event)
RETURN r {.role, .description, .sourceIds, actorId: a.id, eventId: e.id} AS row
ORDER BY a.id, e.id`;

/** `$eventIds` optional. */
export const LOAD_EVENT_PARTICIPATIONS_BY_ACTORS = `MATCH (a:Actor)-[r:TAKES_PART_IN]->(e:Event)
WHERE a.id IN $actorIds AND ($eventIds IS NULL OR e.id IN $eventIds)
RETURN r {.role, .description, .sourceIds, actorId: a.id, eventId: e.id} AS row
ORDER BY a.id, e.id`;

export const LOAD_EVENT_PARTICIPATIONS_BY_EVENTS = `MATCH (a:Actor)-[r:TAKES_PART_IN]->(e:Event)
WHERE e.id IN $eventIds
RETURN r {.role, .description, .sourceIds, actorId: a.id, eventId: e.id} AS row
ORDER BY a.id, e.id`;

export const LOAD_COOPERATIONS = `MATCH (a:Actor)-[r:COOPERATES_WITH]->(b:Actor)
RETURN r {.kind, .since, .until, .description, .sourceIds, actorId: a.id, partnerId: b.id} AS row
ORDER BY a.id, b.id, r.kind`;

/** Cooperations with either end in `$actorIds` (each once). */
export const LOAD_COOPERATIONS_BY_ACTORS = `MATCH (x:Actor)-[r:COOPERATES_WITH]-(:Actor)
WHERE x.id IN $actorIds
WITH DISTINCT r
RETURN r {.kind, .since, .until, .description, .sourceIds, actorId: startNode(r).id, partnerId: endNode(r).id} AS row
ORDER BY row.actorId, row.partnerId, row.kind`;

export const LOAD_TARGETS = `MATCH (s:Project|Event)-[r:TARGETS]->(g:Region)
RETURN r {.role, .description, .sourceIds, subjectId: s.id, regionId: g.id} AS row
ORDER BY s.id, g.id`;

/** Targets of the projects and events in `$subjectIds`; `$regionIds` optional. */
export const LOAD_TARGETS_BY_SUBJECTS = `MATCH (s:Project)-[r:TARGETS]->(g:Region)
WHERE s.id IN $subjectIds AND ($regionIds IS NULL OR g.id IN $regionIds)
RETURN r {.role, .description, .sourceIds, subjectId: s.id, regionId: g.id} AS row
UNION ALL
MATCH (s:Event)-[r:TARGETS]->(g:Region)
WHERE s.id IN $subjectIds AND ($regionIds IS NULL OR g.id IN $regionIds)
RETURN r {.role, .description, .sourceIds, subjectId: s.id, regionId: g.id} AS row`;

export const LOAD_TARGETS_BY_REGIONS = `MATCH (s:Project|Event)-[r:TARGETS]->(g:Region)
WHERE g.id IN $regionIds
RETURN r {.role, .description, .sourceIds, subjectId: s.id, regionId: g.id} AS row
ORDER BY s.id, g.id`;

// ---------------------------------------------------------------------------------------------
// Search and node types
// ---------------------------------------------------------------------------------------------

const SEARCHED = [
  ['Actor', 'ACTOR', 'kind'],
  ['Project', 'PROJECT', 'status'],
  ['Region', 'REGION', 'kind'],
  ['Event', 'EVENT', 'kind'],
] as const;

/** The text-index seeks for one probe: each label's `searchKey` and `searchKeyAlt` CONTAINS it. */
const probeSeeks = (probe: string) =>
  SEARCHED.flatMap(([label]) => [
    `MATCH (n:${label}) WHERE n.searchKey CONTAINS ${probe} RETURN n`,
    `MATCH (n:${label}) WHERE n.searchKeyAlt CONTAINS ${probe} RETURN n`,
  ]);

/**
 * Search candidates: nodes holding every token of the German folding (`$german`) or every token of the
 * plain folding (`$plain`), each in either search key; at most `$max` (an Integer). Every match holds
 * the longest German token (`$probeGerman`) or the longest plain one (`$probePlain`), so the statement
 * starts from TEXT-index seeks for those two (cypher/schema.cypher) and checks the rest on the few nodes
 * found, instead of scanning every node per keystroke. The caller ranks (search/fold.ts).
 */
export const SEARCH_CANDIDATES = `CALL () {
  ${[...probeSeeks('$probeGerman'), ...probeSeeks('$probePlain')].join('\n  UNION\n  ')}
}
WITH n
WHERE all(t IN $german WHERE n.searchKey CONTAINS t OR n.searchKeyAlt CONTAINS t)
   OR all(t IN $plain WHERE n.searchKey CONTAINS t OR n.searchKeyAlt CONTAINS t)
RETURN n.id AS id,
  CASE WHEN n:Actor THEN 'ACTOR' WHEN n:Project THEN 'PROJECT' WHEN n:Region THEN 'REGION' ELSE 'EVENT' END AS type,
  CASE WHEN n:Project THEN n.status ELSE n.kind END AS kind,
  n.name AS label, n.searchKey AS searchKey, n.searchKeyAlt AS searchKeyAlt
LIMIT $max`;

/** The type of each of `$ids` that is an actor, project, region or event. */
export const NODE_TYPES = `MATCH (n:Actor) WHERE n.id IN $ids RETURN n.id AS id, 'ACTOR' AS type
UNION ALL
MATCH (n:Project) WHERE n.id IN $ids RETURN n.id AS id, 'PROJECT' AS type
UNION ALL
MATCH (n:Region) WHERE n.id IN $ids RETURN n.id AS id, 'REGION' AS type
UNION ALL
MATCH (n:Event) WHERE n.id IN $ids RETURN n.id AS id, 'EVENT' AS type`;
