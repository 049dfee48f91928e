/**
 * The Neo4j graph model: the closed sets of labels, relationship types and property keys the
 * adapter uses. The Cypher linter checks every statement against exactly these.
 *
 *   (:Region)-[:PART_OF]->(:Region)
 *   (:Actor)-[:LOCATED_IN]->(:Region)
 *   (:Actor)-[:PARTICIPATES_IN {role, contribution}]->(:Project)
 *   (:Actor)-[:TAKES_PART_IN {role}]->(:Event)
 *   (:Actor)-[:COOPERATES_WITH {kind, since, until}]->(:Actor)
 *   (:Project|Event)-[:TARGETS {role}]->(:Region)
 *   (:Event)-[:HELD_IN]->(:Region)
 *   (:Event)-[:BELONGS_TO]->(:Project)
 *   (:Project)-[:CONTINUES]->(:Project)          predecessor
 *   (:AuditEntry)-[:REFERS_TO]->(:AuditRef)      the audit log's index of entity ids (below)
 * Dates (project start/end, event date/endDate, cooperation since/until, source date) are DATE values
 * when complete, partial ISO text ('2024', '2024-03') otherwise; audit and token timestamps are DATETIME (UTC).
 * Every node and relationship carries `sourceIds` (ids of :Source nodes, the provenance).
 * Every entity node and every relationship of a relationship row (PARTICIPATES_IN, TAKES_PART_IN,
 * COOPERATES_WITH, TARGETS) carries `version`: 1 when created, +1 with every write that changes it;
 * a missing `version` (stored before editing existed) reads as 1. The single-valued references
 * (PART_OF, LOCATED_IN, CONTINUES, HELD_IN, BELONGS_TO) belong to their entity's version.
 *
 * Stories travel with the network (clear() deletes them) but are not part of the graph: unconnected
 *   (:Story {id, title, json, fingerprint, version})   `json` is the whole story (slides and all) as JSON text
 *
 * Beside the network, unconnected and untouched by clear():
 *   (:AuditEntry {seq, at, who, role, action, entityType, entityId, refs, before, after, summary})
 *       one per change; `before` / `after` are JSON text, `refs` the entity ids it touches
 *   (:AuditEntry)-[:REFERS_TO]->(:AuditRef {id})   one per entity id the entry touches (`refs`), so
 *       "the history of X" starts from an index seek on AuditRef.id
 *   (:Counter {name: 'audit', value})      the last audit `seq` handed out
 *   (:AccessToken {id, name, role, hash, createdAt, createdBy, lastUsedAt, revokedAt, pseudonymous})
 *   (:CaptureSession {id, code, createdAt, json}), (:CaptureSubmission {id, sessionId, device, state, createdAt, version, json})
 *       live capture at workshops (capture.cypher.ts)
 */
export const LABELS = ['Region', 'Actor', 'Project', 'Event', 'Source', 'Story', 'AuditEntry', 'AuditRef', 'Counter', 'AccessToken', 'CaptureSession', 'CaptureSubmission'] as const;
export type Label = (typeof LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'LOCATED_IN',
  'PARTICIPATES_IN',
  'TAKES_PART_IN',
  'COOPERATES_WITH',
  'TARGETS',
  'HELD_IN',
  'BELONGS_TO',
  'CONTINUES',
  'REFERS_TO',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const PROPERTY_KEYS = [
  // every node
  'id',
  'name',
  'description',
  'tags',
  'sourceIds',
  'fingerprint',
  'searchKey',
  'searchKeyAlt',
  'kind',
  // region
  'code',
  'lat',
  'lon',
  // actor
  'sectors',
  'website',
  // project
  'programme',
  'start',
  'end',
  'status',
  'goals',
  'results',
  // event
  'date',
  'endDate',
  'venue',
  // source
  'title',
  'url',
  'publisher',
  // story (also id, title): the whole story as JSON text
  'json',
  // relationships
  'role',
  'contribution',
  'since',
  'until',
  // every entity node and relationship row
  'version',
  // audit log
  'seq',
  'at',
  'who',
  'action',
  'entityType',
  'entityId',
  'refs',
  'before',
  'after',
  'summary',
  // counter
  'value',
  // access tokens (also id, name, role)
  'hash',
  'createdAt',
  'createdBy',
  'lastUsedAt',
  'revokedAt',
  'pseudonymous',
  // live capture (also id, code, createdAt, version, json)
  'state',
  'sessionId',
  'device',
] as const;
export type PropertyKey = (typeof PROPERTY_KEYS)[number];
