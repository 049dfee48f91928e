/**
 * The editing mutations (editors and admins): create, update (with the version the edit started
 * from), delete and merge nodes; create, update and delete relationship rows by their natural key.
 * One generated document per node or row type (`npm run codegen`); the results are their generated
 * types. The inputs stay plain records: the forms build them field by field (edit/forms.ts) and the
 * server validates them, so `withInput` widens each document's `input` variable to `Input`.
 */
import { gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type { CreateActorMutation, CreateParticipationMutation, DeleteActorMutation, TypedDocumentString, VersionOfActorQuery } from './generated/graphql.ts';
import type { NodeType } from './types.ts';

/** An input object: absent fields are kept (update) or defaulted (create); null clears. */
export type Input = Record<string, unknown>;

export type Saved = CreateActorMutation['result'];
/** `cascaded`: relationship rows removed with it. */
export type Deleted = DeleteActorMutation['result'];
export type SavedRelation = CreateParticipationMutation['result'];
type Version = VersionOfActorQuery['result'];

type Doc<R, V> = TypedDocumentString<R, V>;

/** A generated document whose `input` variable takes the forms' plain record (the server validates it). */
function withInput<R, V>(doc: Doc<R, V>): Doc<R, Omit<V, 'input'> & { input: Input }> {
  return doc as unknown as Doc<R, Omit<V, 'input'> & { input: Input }>;
}

interface EntityDocs {
  create: Doc<{ result: Saved }, { input: Input }>;
  update: Doc<{ result: Saved }, { id: string; version: number; input: Input }>;
  delete: Doc<{ result: Deleted }, { id: string; version: number }>;
  version: Doc<{ result: Version }, { id: string }>;
}

/** The GraphQL documents of the node mutations, per node type. */
export const entityDocs: Record<NodeType, EntityDocs> = {
  ACTOR: {
    create: withInput(graphql(`mutation CreateActor($input: ActorInput!) { result: createActor(input: $input) { id version } }`)),
    update: withInput(graphql(`mutation UpdateActor($id: ID!, $version: Int!, $input: ActorInput!) { result: updateActor(id: $id, version: $version, input: $input) { id version } }`)),
    delete: graphql(`mutation DeleteActor($id: ID!, $version: Int!) { result: deleteActor(id: $id, version: $version) { type id cascaded } }`),
    version: graphql(`query VersionOfActor($id: ID!) { result: actor(id: $id) { id name version } }`),
  },
  PROJECT: {
    create: withInput(graphql(`mutation CreateProject($input: ProjectInput!) { result: createProject(input: $input) { id version } }`)),
    update: withInput(graphql(`mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) { result: updateProject(id: $id, version: $version, input: $input) { id version } }`)),
    delete: graphql(`mutation DeleteProject($id: ID!, $version: Int!) { result: deleteProject(id: $id, version: $version) { type id cascaded } }`),
    version: graphql(`query VersionOfProject($id: ID!) { result: project(id: $id) { id name version } }`),
  },
  REGION: {
    create: withInput(graphql(`mutation CreateRegion($input: RegionInput!) { result: createRegion(input: $input) { id version } }`)),
    update: withInput(graphql(`mutation UpdateRegion($id: ID!, $version: Int!, $input: RegionInput!) { result: updateRegion(id: $id, version: $version, input: $input) { id version } }`)),
    delete: graphql(`mutation DeleteRegion($id: ID!, $version: Int!) { result: deleteRegion(id: $id, version: $version) { type id cascaded } }`),
    version: graphql(`query VersionOfRegion($id: ID!) { result: region(id: $id) { id name version } }`),
  },
  EVENT: {
    create: withInput(graphql(`mutation CreateEvent($input: EventInput!) { result: createEvent(input: $input) { id version } }`)),
    update: withInput(graphql(`mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) { result: updateEvent(id: $id, version: $version, input: $input) { id version } }`)),
    delete: graphql(`mutation DeleteEvent($id: ID!, $version: Int!) { result: deleteEvent(id: $id, version: $version) { type id cascaded } }`),
    version: graphql(`query VersionOfEvent($id: ID!) { result: event(id: $id) { id name version } }`),
  },
};

export const mergeDoc = graphql(`
  mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {
    result: mergeActors(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion) { id version }
  }
`);

export async function createEntity(type: NodeType, input: Input): Promise<Saved> {
  return (await gql(entityDocs[type].create, { input })).result;
}

export async function updateEntity(type: NodeType, id: string, version: number, input: Input): Promise<Saved> {
  return (await gql(entityDocs[type].update, { id, version, input })).result;
}

export async function deleteEntity(type: NodeType, id: string, version: number): Promise<Deleted> {
  return (await gql(entityDocs[type].delete, { id, version })).result;
}

/** Moves everything of `mergeId` onto `keepId` and deletes `mergeId`. */
export async function mergeActors(keepId: string, keepVersion: number, mergeId: string, mergeVersion: number): Promise<Saved> {
  return (await gql(mergeDoc, { keepId, keepVersion, mergeId, mergeVersion })).result;
}

/** The current version (and name) of a node, e.g. of the actor to merge. */
export async function fetchVersion(type: NodeType, id: string, signal?: AbortSignal): Promise<Version> {
  return (await gql(entityDocs[type].version, { id }, signal)).result;
}

/** Relationship rows and the fields that identify one (its natural key). */
export const RELATIONS = {
  participation: { key: ['actorId', 'projectId'] },
  eventParticipation: { key: ['actorId', 'eventId'] },
  cooperation: { key: ['actorId', 'partnerId', 'kind'] },
  target: { key: ['subjectId', 'regionId'] },
} as const;
export type RelationType = keyof typeof RELATIONS;

interface RelationDocs {
  create: Doc<{ result: SavedRelation }, { input: Input }>;
  update: Doc<{ result: SavedRelation }, { version: number; input: Input }>;
  delete: Doc<{ result: Deleted }, { version: number; input: Input }>;
}

/**
 * The GraphQL documents of the relationship mutations. A row is named by the key fields of its
 * input (`actorId`, `projectId`, …); update and delete also send the version the edit started from.
 */
export const relationDocs: Record<RelationType, RelationDocs> = {
  participation: {
    create: withInput(graphql(`mutation CreateParticipation($input: ParticipationInput!) { result: createParticipation(input: $input) { type key version } }`)),
    update: withInput(graphql(`mutation UpdateParticipation($version: Int!, $input: ParticipationInput!) { result: updateParticipation(version: $version, input: $input) { type key version } }`)),
    delete: withInput(graphql(`mutation DeleteParticipation($version: Int!, $input: ParticipationInput!) { result: deleteParticipation(version: $version, input: $input) { type id cascaded } }`)),
  },
  eventParticipation: {
    create: withInput(graphql(`mutation CreateEventParticipation($input: EventParticipationInput!) { result: createEventParticipation(input: $input) { type key version } }`)),
    update: withInput(graphql(`mutation UpdateEventParticipation($version: Int!, $input: EventParticipationInput!) { result: updateEventParticipation(version: $version, input: $input) { type key version } }`)),
    delete: withInput(graphql(`mutation DeleteEventParticipation($version: Int!, $input: EventParticipationInput!) { result: deleteEventParticipation(version: $version, input: $input) { type id cascaded } }`)),
  },
  cooperation: {
    create: withInput(graphql(`mutation CreateCooperation($input: CooperationInput!) { result: createCooperation(input: $input) { type key version } }`)),
    update: withInput(graphql(`mutation UpdateCooperation($version: Int!, $input: CooperationInput!) { result: updateCooperation(version: $version, input: $input) { type key version } }`)),
    delete: withInput(graphql(`mutation DeleteCooperation($version: Int!, $input: CooperationInput!) { result: deleteCooperation(version: $version, input: $input) { type id cascaded } }`)),
  },
  target: {
    create: withInput(graphql(`mutation CreateTarget($input: TargetInput!) { result: createTarget(input: $input) { type key version } }`)),
    update: withInput(graphql(`mutation UpdateTarget($version: Int!, $input: TargetInput!) { result: updateTarget(version: $version, input: $input) { type key version } }`)),
    delete: withInput(graphql(`mutation DeleteTarget($version: Int!, $input: TargetInput!) { result: deleteTarget(version: $version, input: $input) { type id cascaded } }`)),
  },
};

export async function createRelation(type: RelationType, input: Input): Promise<SavedRelation> {
  return (await gql(relationDocs[type].create, { input })).result;
}

/** `input` holds the key fields (which row) and the fields to change. */
export async function updateRelation(type: RelationType, version: number, input: Input): Promise<SavedRelation> {
  return (await gql(relationDocs[type].update, { version, input })).result;
}

/** Deletes the row with these key fields. */
export async function deleteRelation(type: RelationType, version: number, key: Record<string, string>): Promise<Deleted> {
  const input = Object.fromEntries(RELATIONS[type].key.map((f) => [f, key[f]]));
  return (await gql(relationDocs[type].delete, { version, input })).result;
}
