/**
 * The editing mutations (editors and admins): create, update (with the version the edit started
 * from), delete and merge nodes; create, update and delete relationship rows by their natural key.
 */
import { gql } from './client.ts';
import type { NodeType } from './types.ts';

/** The GraphQL names of a node type's mutations and input. */
const ENTITY: Record<NodeType, { name: string; input: string }> = {
  ACTOR: { name: 'Actor', input: 'ActorInput' },
  PROJECT: { name: 'Project', input: 'ProjectInput' },
  REGION: { name: 'Region', input: 'RegionInput' },
  EVENT: { name: 'Event', input: 'EventInput' },
};

/** An input object: absent fields are kept (update) or defaulted (create); null clears. */
export type Input = Record<string, unknown>;

export interface Saved {
  id: string;
  version: number;
}

export interface Deleted {
  type: string;
  id: string;
  /** Relationship rows removed with it. */
  cascaded: number;
}

/** The GraphQL documents of the node mutations (also checked against the schema in a test). */
export const entityDocs = {
  create: (type: NodeType) => {
    const { name, input } = ENTITY[type];
    return `mutation Create${name}($input: ${input}!) { result: create${name}(input: $input) { id version } }`;
  },
  update: (type: NodeType) => {
    const { name, input } = ENTITY[type];
    return `mutation Update${name}($id: ID!, $version: Int!, $input: ${input}!) { result: update${name}(id: $id, version: $version, input: $input) { id version } }`;
  },
  delete: (type: NodeType) => {
    const { name } = ENTITY[type];
    return `mutation Delete${name}($id: ID!, $version: Int!) { result: delete${name}(id: $id, version: $version) { type id cascaded } }`;
  },
  version: (type: NodeType) => `query Version($id: ID!) { result: ${ENTITY[type].name.toLowerCase()}(id: $id) { id name version } }`,
  merge: `mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {
    result: mergeActors(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion) { id version } }`,
};

export async function createEntity(type: NodeType, input: Input): Promise<Saved> {
  return (await gql<{ result: Saved }>(entityDocs.create(type), { input })).result;
}

export async function updateEntity(type: NodeType, id: string, version: number, input: Input): Promise<Saved> {
  return (await gql<{ result: Saved }>(entityDocs.update(type), { id, version, input })).result;
}

export async function deleteEntity(type: NodeType, id: string, version: number): Promise<Deleted> {
  return (await gql<{ result: Deleted }>(entityDocs.delete(type), { id, version })).result;
}

/** Moves everything of `mergeId` onto `keepId` and deletes `mergeId`. */
export async function mergeActors(keepId: string, keepVersion: number, mergeId: string, mergeVersion: number): Promise<Saved> {
  return (await gql<{ result: Saved }>(entityDocs.merge, { keepId, keepVersion, mergeId, mergeVersion })).result;
}

/** The current version (and name) of a node, e.g. of the actor to merge. */
export async function fetchVersion(type: NodeType, id: string, signal?: AbortSignal): Promise<{ id: string; name: string; version: number }> {
  return (await gql<{ result: { id: string; name: string; version: number } }>(entityDocs.version(type), { id }, signal)).result;
}

/** Relationship rows and the fields that identify one (its natural key). */
export const RELATIONS = {
  participation: { name: 'Participation', input: 'ParticipationInput', key: ['actorId', 'projectId'] },
  eventParticipation: { name: 'EventParticipation', input: 'EventParticipationInput', key: ['actorId', 'eventId'] },
  cooperation: { name: 'Cooperation', input: 'CooperationInput', key: ['actorId', 'partnerId', 'kind'] },
  target: { name: 'Target', input: 'TargetInput', key: ['subjectId', 'regionId'] },
} as const;
export type RelationType = keyof typeof RELATIONS;

export interface SavedRelation {
  type: string;
  key: string;
  version: number;
}

/**
 * The GraphQL documents of the relationship mutations. A row is named by the key fields of its
 * input (`actorId`, `projectId`, …); update and delete also send the version the edit started from.
 */
export const relationDocs = {
  create: (type: RelationType) => {
    const { name, input } = RELATIONS[type];
    return `mutation Create${name}($input: ${input}!) { result: create${name}(input: $input) { type key version } }`;
  },
  update: (type: RelationType) => {
    const { name, input } = RELATIONS[type];
    return `mutation Update${name}($version: Int!, $input: ${input}!) { result: update${name}(version: $version, input: $input) { type key version } }`;
  },
  delete: (type: RelationType) => {
    const { name, input } = RELATIONS[type];
    return `mutation Delete${name}($version: Int!, $input: ${input}!) { result: delete${name}(version: $version, input: $input) { type id cascaded } }`;
  },
};

export async function createRelation(type: RelationType, input: Input): Promise<SavedRelation> {
  return (await gql<{ result: SavedRelation }>(relationDocs.create(type), { input })).result;
}

/** `input` holds the key fields (which row) and the fields to change. */
export async function updateRelation(type: RelationType, version: number, input: Input): Promise<SavedRelation> {
  return (await gql<{ result: SavedRelation }>(relationDocs.update(type), { version, input })).result;
}

/** Deletes the row with these key fields. */
export async function deleteRelation(type: RelationType, version: number, key: Record<string, string>): Promise<Deleted> {
  const input = Object.fromEntries(RELATIONS[type].key.map((f) => [f, key[f]]));
  return (await gql<{ result: Deleted }>(relationDocs.delete(type), { version, input })).result;
}
