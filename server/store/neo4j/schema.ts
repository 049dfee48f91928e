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
 * Every node and relationship carries `sourceIds` (ids of :Source nodes, the provenance).
 */
export const LABELS = ['Region', 'Actor', 'Project', 'Event', 'Source'] as const;
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
  // relationships
  'role',
  'contribution',
  'since',
  'until',
] as const;
export type PropertyKey = (typeof PROPERTY_KEYS)[number];
