/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Fields of an actor. Create: name and kind are required, a missing id is derived from the name. Update: absent fields stay, null clears. */
export type ActorInput = {
  description?: string | null | undefined;
  id?: string | null | undefined;
  /** company, startup, university, … (see the schema docs) */
  kind?: string | null | undefined;
  name?: string | null | undefined;
  regionId?: string | null | undefined;
  sectors?: Array<string> | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  tags?: Array<string> | null | undefined;
  website?: string | null | undefined;
};

/** What the moderator does with submissions. */
export type CaptureDecision =
  | 'APPROVE'
  | 'REJECT';

/** The participant’s organisation: a roster actor (actorId) or a new one (name, kind, district). */
export type CaptureOrgInput = {
  actorId?: string | null | undefined;
  /** An actor kind (company, university, …); default other. */
  kind?: string | null | undefined;
  name?: string | null | undefined;
  /** A built-in district id. */
  regionId?: string | null | undefined;
};

/** How a participant works with a partner: a cooperation, a shared project, or a wished tie (would like to cooperate; not a network tie). */
export type CaptureRelation =
  | 'COOPERATION'
  | 'PROJECT'
  | 'WISH';

/** Which actors make up the roster (the view’s filter; empty: the whole network). */
export type CaptureRosterInput = {
  actorKinds?: Array<string> | null | undefined;
  projectIds?: Array<string> | null | undefined;
  regionIds?: Array<string> | null | undefined;
  sectors?: Array<string> | null | undefined;
};

/** What a capture session was opened on. */
export type CaptureScope =
  | 'STORY'
  | 'VIEW';

/** Where a submission stands in moderation. */
export type CaptureState =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'WITHDRAWN';

/** A submission; with id, a correction of an earlier one from this device (while pending). */
export type CaptureSubmissionInput = {
  /** The phone’s key for a new entry (8–64 characters): sent again after a lost answer, it returns the first submission instead of making a second. */
  clientKey?: string | null | undefined;
  id?: string | null | undefined;
  org: CaptureOrgInput;
  ties: Array<CaptureTieInput>;
};

/** A partner from the roster and how they work together. */
export type CaptureTieInput = {
  partnerId: string;
  /** The shared project’s name (relation PROJECT), optional. */
  projectName?: string | null | undefined;
  relation: CaptureRelation;
};

/** A direct tie between two actors. Key: actorId, partnerId, kind. */
export type CooperationInput = {
  actorId: string;
  description?: string | null | undefined;
  /** cooperation, member_of, part_of, carrier_of or service */
  kind: string;
  partnerId: string;
  /** Partial ISO date. */
  since?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  /** Partial ISO date. */
  until?: string | null | undefined;
};

/** Fields of an event. Create: name and kind are required. Update: absent fields stay, null clears. */
export type EventInput = {
  /** Partial ISO date. */
  date?: string | null | undefined;
  description?: string | null | undefined;
  /** Partial ISO date. */
  endDate?: string | null | undefined;
  id?: string | null | undefined;
  /** kick_off, workshop, fair, conference, … */
  kind?: string | null | undefined;
  name?: string | null | undefined;
  placeId?: string | null | undefined;
  projectId?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  tags?: Array<string> | null | undefined;
  venue?: string | null | undefined;
};

/** An actor at an event. Key: actorId, eventId. Create: role is required. */
export type EventParticipationInput = {
  actorId: string;
  description?: string | null | undefined;
  eventId: string;
  /** organiser, attendee or presenter */
  role?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
};

/** Which part of the network to show. All conditions combine (AND); lists within one condition are alternatives (OR). */
export type NetworkFilter = {
  actorKinds?: Array<string> | null | undefined;
  /** Year window start (inclusive). Open-ended projects and undated ties count as active. */
  fromYear?: number | null | undefined;
  /** Ties derived from shared projects and events (default true). */
  includeDerived?: boolean | null | undefined;
  /** Direct ties stated in sources (default true). */
  includeDirect?: boolean | null | undefined;
  /** Maximum number of nodes (default 5,000, at most 100,000). */
  limit?: number | null | undefined;
  /** Node types to include (default all). */
  nodeTypes?: Array<NodeType> | null | undefined;
  /** Only these projects and the actors taking part in them. */
  projectIds?: Array<string> | null | undefined;
  /** Actors located in these regions or their sub-regions, and the projects and events tied to them. */
  regionIds?: Array<string> | null | undefined;
  /** Actors with at least one of these sectors. */
  sectors?: Array<string> | null | undefined;
  /** Year window end (inclusive). */
  toYear?: number | null | undefined;
};

/** The kinds of node in a regional cooperation network. */
export type NodeType =
  | 'ACTOR'
  | 'EVENT'
  | 'PROJECT'
  | 'REGION';

/** A new capture session. */
export type OpenCaptureSessionInput = {
  /** ISO date of the workshop (default today). */
  date?: string | null | undefined;
  /** Minutes until it closes by itself (default 180). */
  expiresInMinutes?: number | null | undefined;
  /** The provenance: "Workshop Riesa, 12.03.2027" (at most 120 characters). */
  name: string;
  roster?: CaptureRosterInput | null | undefined;
  scopeKind?: CaptureScope;
  /** The view’s URL query, or the story id. */
  scopeRef?: string;
};

/** An actor taking part in a project. Key: actorId, projectId. Create: role is required. */
export type ParticipationInput = {
  actorId: string;
  /** Funding in euros (e.g. the EU contribution). */
  contribution?: number | null | undefined;
  description?: string | null | undefined;
  projectId: string;
  /** lead, partner, advisory, funder, associated or service_provider */
  role?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
};

/** A category of the coverage profile: the actor kinds that count for it and how many a region should have. */
export type ProfileCategoryInput = {
  key: string;
  /** Actor kinds: company, startup, university, … */
  kinds: Array<string>;
  minimum?: number;
};

/** Fields of a project. Create: name is required. Update: absent fields stay, null clears. */
export type ProjectInput = {
  description?: string | null | undefined;
  /** Partial ISO date. */
  end?: string | null | undefined;
  goals?: Array<string> | null | undefined;
  id?: string | null | undefined;
  name?: string | null | undefined;
  predecessorId?: string | null | undefined;
  programme?: string | null | undefined;
  results?: Array<string> | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  /** Partial ISO date: 2024, 2024-03 or 2024-03-15. */
  start?: string | null | undefined;
  /** planned, running, completed or unknown */
  status?: string | null | undefined;
  tags?: Array<string> | null | undefined;
};

/** Fields of a region. Create: name, kind, lat and lon are required. Update: absent fields stay, null clears. */
export type RegionInput = {
  /** Official code: AGS or NUTS. */
  code?: string | null | undefined;
  description?: string | null | undefined;
  id?: string | null | undefined;
  /** state, planning_region, district, city, … */
  kind?: string | null | undefined;
  lat?: number | null | undefined;
  lon?: number | null | undefined;
  name?: string | null | undefined;
  parentId?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  tags?: Array<string> | null | undefined;
};

/** viewer reads, editor also changes the network, admin also manages access tokens. */
export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'VIEWER';

/** A slide of a story. `view` and `reveal` have the shapes of Slide.view and Slide.reveal; absent or null: the defaults (an empty view, no reveal). */
export type SlideInput = {
  /** Unique within the story. */
  id: string;
  /** Speaker notes. */
  notes?: string | null | undefined;
  reveal?: Record<string, unknown> | null | undefined;
  title?: string | null | undefined;
  view?: Record<string, unknown> | null | undefined;
};

/** Fields of a story. Create: title is required, a missing id is derived from it. Update: absent fields stay (absent `slides` keeps the slides; a list replaces them all, in its order), null clears. */
export type StoryInput = {
  description?: string | null | undefined;
  id?: string | null | undefined;
  /** At most 100; the whole story at most 2 MB of JSON. */
  slides?: Array<SlideInput> | null | undefined;
  title?: string | null | undefined;
};

/** A project or event aimed at a region. Key: subjectId, regionId. Create: role is required. */
export type TargetInput = {
  description?: string | null | undefined;
  regionId: string;
  /** target or partner */
  role?: string | null | undefined;
  sourceIds?: Array<string> | null | undefined;
  subjectId: string;
};

/** The tie weight of the weighted measures: COUNT — cooperations plus shared projects and events; NEWMAN — cooperations plus Newman's collaboration weight 1/(n − 1) per shared project or event of n partners. */
export type TieWeighting =
  | 'COUNT'
  | 'NEWMAN';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { role: Role | null, name: string | null, canEdit: boolean, canAdmin: boolean, readAccess: string, pseudonymous: boolean } };

export type TokenFieldsFragment = { id: string, name: string, role: Role, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null, active: boolean, pseudonymous: boolean };

export type TokensQueryVariables = Exact<{
  includeRevoked?: boolean | null | undefined;
}>;


export type TokensQuery = { tokens: Array<{ id: string, name: string, role: Role, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null, active: boolean, pseudonymous: boolean }> };

export type CreateTokenMutationVariables = Exact<{
  name: string;
  role: Role;
  pseudonymous?: boolean | null | undefined;
}>;


export type CreateTokenMutation = { createToken: { secret: string, signInUrl: string, token: { id: string, name: string, role: Role, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null, active: boolean, pseudonymous: boolean } } };

export type RevokeTokenMutationVariables = Exact<{
  id: string;
}>;


export type RevokeTokenMutation = { revokeToken: { id: string, name: string, role: Role, createdAt: string, createdBy: string | null, lastUsedAt: string | null, revokedAt: string | null, active: boolean, pseudonymous: boolean } };

export type NetworkStatsFieldsFragment = { nodes: number, edges: number, density: number, components: number, largestComponent: number, isolates: number, averagePathLength: number | null, diameter: number, degreeCentralization: number, communities: number, modularity: number, articulationPoints: number, bridges: number, estimates: Array<{ metric: string, method: string, epsilon: number, confidence: number, samples: number }> };

export type EstimateFieldsFragment = { metric: string, method: string, epsilon: number, confidence: number, samples: number };

export type AnalysisStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AnalysisStatusQuery = { analysisStatus: { revision: number, currentRevision: number, state: string, done: number, total: number, step: string | null, elapsedMs: number, error: string | null } };

export type RegionCellFieldsFragment = { a: string, b: string, aName: string, bName: string, observed: number, expected: number, ratio: number | null };

export type MetricsQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  weighted: boolean;
  level?: string | null | undefined;
  weighting?: TieWeighting | null | undefined;
}>;


export type MetricsQuery = { metrics: { communitySizes: Array<number>, modularity: number, nodes: Array<{ id: string, label: string, kind: string | null, regionId: string | null, degree: number, weightedDegree: number, betweenness: number, closeness: number, eigenvector: number, pagerank: number, constraint: number | null, effectiveSize: number | null, community: number, component: number, articulationPoint: boolean, brokerage: { coordinator: number, gatekeeper: number, representative: number, itinerant: number, liaison: number } }>, stats: { nodes: number, edges: number, density: number, components: number, largestComponent: number, isolates: number, averagePathLength: number | null, diameter: number, degreeCentralization: number, communities: number, modularity: number, articulationPoints: number, bridges: number, estimates: Array<{ metric: string, method: string, epsilon: number, confidence: number, samples: number }> }, estimates: Array<{ metric: string, method: string, epsilon: number, confidence: number, samples: number }> } };

export type GapsQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  level?: string | null | undefined;
}>;


export type GapsQuery = { regionGaps: { level: string, ties: number, actorsWithoutRegion: number, regions: Array<{ id: string, name: string, actors: number, internalTies: number, externalTies: number, eiIndex: number | null, isolatedActors: number }>, cells: Array<{ a: string, b: string, aName: string, bName: string, observed: number, expected: number, ratio: number | null }>, whiteSpots: Array<{ a: string, b: string, aName: string, bName: string, observed: number, expected: number, ratio: number | null, reasons: Array<string>, programmes: Array<string>, distanceKm: number, tier: number }> }, wishedTies: { regionPairs: Array<{ a: string, b: string, aName: string, bName: string, wished: number, missing: number, existing: number }> } };

export type CoverageQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  level?: string | null | undefined;
  profile?: Array<ProfileCategoryInput> | ProfileCategoryInput | null | undefined;
}>;


export type CoverageQuery = { coverage: { level: string, profile: Array<{ key: string, kinds: Array<string>, minimum: number }>, rows: Array<{ regionId: string, name: string, actors: number, cells: Array<{ category: string, count: number, connected: number, minimum: number, status: string }>, sectors: Array<{ sector: string, count: number }> }>, missing: Array<{ regionId: string, category: string }>, unconnected: Array<{ regionId: string, category: string }> } };

export type WhatIfQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  remove: Array<string> | string;
  level?: string | null | undefined;
}>;


export type WhatIfQuery = { whatIf: { removed: Array<string>, unknown: Array<string>, before: { components: number, largestComponent: number, interRegionalTies: number, connectedRegionPairs: number }, after: { components: number, largestComponent: number, interRegionalTies: number, connectedRegionPairs: number }, disconnectedActors: Array<{ id: string, label: string, regionId: string | null }>, lostRegionPairs: Array<{ a: string, b: string, aName: string, bName: string }>, isolatedRegions: Array<{ id: string, name: string }> } };

export type SuggestionsQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  level?: string | null | undefined;
  limit: number;
}>;


export type SuggestionsQuery = { suggestions: Array<{ a: string, b: string, aLabel: string, bLabel: string, score: number, commonPartners: number, adamicAdar: number, reasons: Array<{ code: string, text: { de: string, en: string } }> }> };

export type InsightsQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  level?: string | null | undefined;
}>;


export type InsightsQuery = { insights: Array<{ id: string, kind: string, nodeIds: Array<string>, regionIds: Array<string>, text: { de: string, en: string } }>, networkParts: Array<{ component: number, name: string, regionId: string | null, projectId: string | null, actors: Array<string>, broker: string | null, brokerCutOff: number }>, networkStats: { nodes: number, edges: number, density: number, components: number, largestComponent: number, isolates: number, averagePathLength: number | null, diameter: number, degreeCentralization: number, communities: number, modularity: number, articulationPoints: number, bridges: number, estimates: Array<{ metric: string, method: string, epsilon: number, confidence: number, samples: number }> }, wishedTies: { insights: Array<{ id: string, kind: string, nodeIds: Array<string>, regionIds: Array<string>, text: { de: string, en: string } }> } };

export type CaptureInfoQueryVariables = Exact<{
  token: string;
}>;


export type CaptureInfoQuery = { captureInfo: { name: string, date: string, expiresAt: string, open: boolean, reason: string | null, districts: Array<{ id: string, name: string }> } };

export type CaptureRosterQueryVariables = Exact<{
  token: string;
  text?: string | null | undefined;
  limit: number;
}>;


export type CaptureRosterQuery = { captureRoster: Array<{ id: string, name: string, kind: string | null, isNew: boolean }> };

export type CaptureMineQueryVariables = Exact<{
  token: string;
  participant: string;
}>;


export type CaptureMineQuery = { captureMine: Array<{ id: string, state: CaptureState, createdAt: string, updatedAt: string, org: { actorId: string | null, name: string, kind: string, regionId: string | null }, ties: Array<{ partnerId: string, partnerName: string, relation: CaptureRelation, projectName: string | null }> }> };

export type SubmitCaptureMutationVariables = Exact<{
  token: string;
  participant: string;
  input: CaptureSubmissionInput;
}>;


export type SubmitCaptureMutation = { submitCapture: { id: string, state: CaptureState, createdAt: string, updatedAt: string, org: { actorId: string | null, name: string, kind: string, regionId: string | null }, ties: Array<{ partnerId: string, partnerName: string, relation: CaptureRelation, projectName: string | null }> } };

export type WithdrawCaptureMutationVariables = Exact<{
  token: string;
  participant: string;
  id: string;
}>;


export type WithdrawCaptureMutation = { withdrawCapture: { id: string, state: CaptureState } };

export type CaptureQueueQueryVariables = Exact<{
  sessionId: string;
}>;


export type CaptureQueueQuery = { captureQueue: { session: { id: string, name: string, date: string, open: boolean, expiresAt: string, closedAt: string | null, link: string, scopeKind: CaptureScope, scopeRef: string, counts: { pending: number, approved: number, rejected: number, withdrawn: number } }, submissions: Array<{ id: string, state: CaptureState, createdAt: string, updatedAt: string, mergeInto: string | null, actorId: string | null, moderatedBy: string | null, org: { actorId: string | null, name: string, kind: string, regionId: string | null }, ties: Array<{ partnerId: string, partnerName: string, relation: CaptureRelation, projectName: string | null }>, duplicates: Array<{ id: string, label: string, kind: string | null }> }> } };

export type CaptureSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaptureSessionsQuery = { captureSessions: Array<{ id: string, name: string, date: string, open: boolean, link: string, counts: { pending: number, approved: number } }> };

export type CaptureFeedQueryVariables = Exact<{
  sessionId: string;
}>;


export type CaptureFeedQuery = { captureFeed: { sessionId: string, name: string, open: boolean, link: string | null, pending: number, approved: number, newNodeIds: Array<string>, newTies: Array<{ a: string, b: string }>, wishedTies: Array<{ a: string, b: string }> } };

export type OpenCaptureSessionMutationVariables = Exact<{
  input: OpenCaptureSessionInput;
}>;


export type OpenCaptureSessionMutation = { openCaptureSession: { id: string, link: string } };

export type CloseCaptureSessionMutationVariables = Exact<{
  id: string;
}>;


export type CloseCaptureSessionMutation = { closeCaptureSession: { id: string, open: boolean } };

export type MergeCaptureOrgMutationVariables = Exact<{
  submissionId: string;
  actorId?: string | null | undefined;
}>;


export type MergeCaptureOrgMutation = { mergeCaptureOrg: { id: string, mergeInto: string | null } };

export type AddCaptureReportSlideMutationVariables = Exact<{
  sessionId: string;
}>;


export type AddCaptureReportSlideMutation = { addCaptureReportSlide: { storyId: string, slideId: string } };

export type ModerateCaptureMutationVariables = Exact<{
  sessionId: string;
  submissionIds: Array<string> | string;
  decision: CaptureDecision;
}>;


export type ModerateCaptureMutation = { moderateCapture: { skipped: Array<string>, changed: Array<{ id: string, state: CaptureState }> } };

export type CreateActorMutationVariables = Exact<{
  input: ActorInput;
}>;


export type CreateActorMutation = { result: { id: string, version: number } };

export type UpdateActorMutationVariables = Exact<{
  id: string;
  version: number;
  input: ActorInput;
}>;


export type UpdateActorMutation = { result: { id: string, version: number } };

export type DeleteActorMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteActorMutation = { result: { type: string, id: string, cascaded: number } };

export type VersionOfActorQueryVariables = Exact<{
  id: string;
}>;


export type VersionOfActorQuery = { result: { id: string, name: string, version: number } };

export type CreateProjectMutationVariables = Exact<{
  input: ProjectInput;
}>;


export type CreateProjectMutation = { result: { id: string, version: number } };

export type UpdateProjectMutationVariables = Exact<{
  id: string;
  version: number;
  input: ProjectInput;
}>;


export type UpdateProjectMutation = { result: { id: string, version: number } };

export type DeleteProjectMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteProjectMutation = { result: { type: string, id: string, cascaded: number } };

export type VersionOfProjectQueryVariables = Exact<{
  id: string;
}>;


export type VersionOfProjectQuery = { result: { id: string, name: string, version: number } };

export type CreateRegionMutationVariables = Exact<{
  input: RegionInput;
}>;


export type CreateRegionMutation = { result: { id: string, version: number } };

export type UpdateRegionMutationVariables = Exact<{
  id: string;
  version: number;
  input: RegionInput;
}>;


export type UpdateRegionMutation = { result: { id: string, version: number } };

export type DeleteRegionMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteRegionMutation = { result: { type: string, id: string, cascaded: number } };

export type VersionOfRegionQueryVariables = Exact<{
  id: string;
}>;


export type VersionOfRegionQuery = { result: { id: string, name: string, version: number } };

export type CreateEventMutationVariables = Exact<{
  input: EventInput;
}>;


export type CreateEventMutation = { result: { id: string, version: number } };

export type UpdateEventMutationVariables = Exact<{
  id: string;
  version: number;
  input: EventInput;
}>;


export type UpdateEventMutation = { result: { id: string, version: number } };

export type DeleteEventMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteEventMutation = { result: { type: string, id: string, cascaded: number } };

export type VersionOfEventQueryVariables = Exact<{
  id: string;
}>;


export type VersionOfEventQuery = { result: { id: string, name: string, version: number } };

export type MergeActorsMutationVariables = Exact<{
  keepId: string;
  keepVersion: number;
  mergeId: string;
  mergeVersion: number;
}>;


export type MergeActorsMutation = { result: { id: string, version: number } };

export type CreateParticipationMutationVariables = Exact<{
  input: ParticipationInput;
}>;


export type CreateParticipationMutation = { result: { type: string, key: string, version: number } };

export type UpdateParticipationMutationVariables = Exact<{
  version: number;
  input: ParticipationInput;
}>;


export type UpdateParticipationMutation = { result: { type: string, key: string, version: number } };

export type DeleteParticipationMutationVariables = Exact<{
  version: number;
  input: ParticipationInput;
}>;


export type DeleteParticipationMutation = { result: { type: string, id: string, cascaded: number } };

export type CreateEventParticipationMutationVariables = Exact<{
  input: EventParticipationInput;
}>;


export type CreateEventParticipationMutation = { result: { type: string, key: string, version: number } };

export type UpdateEventParticipationMutationVariables = Exact<{
  version: number;
  input: EventParticipationInput;
}>;


export type UpdateEventParticipationMutation = { result: { type: string, key: string, version: number } };

export type DeleteEventParticipationMutationVariables = Exact<{
  version: number;
  input: EventParticipationInput;
}>;


export type DeleteEventParticipationMutation = { result: { type: string, id: string, cascaded: number } };

export type CreateCooperationMutationVariables = Exact<{
  input: CooperationInput;
}>;


export type CreateCooperationMutation = { result: { type: string, key: string, version: number } };

export type UpdateCooperationMutationVariables = Exact<{
  version: number;
  input: CooperationInput;
}>;


export type UpdateCooperationMutation = { result: { type: string, key: string, version: number } };

export type DeleteCooperationMutationVariables = Exact<{
  version: number;
  input: CooperationInput;
}>;


export type DeleteCooperationMutation = { result: { type: string, id: string, cascaded: number } };

export type CreateTargetMutationVariables = Exact<{
  input: TargetInput;
}>;


export type CreateTargetMutation = { result: { type: string, key: string, version: number } };

export type UpdateTargetMutationVariables = Exact<{
  version: number;
  input: TargetInput;
}>;


export type UpdateTargetMutation = { result: { type: string, key: string, version: number } };

export type DeleteTargetMutationVariables = Exact<{
  version: number;
  input: TargetInput;
}>;


export type DeleteTargetMutation = { result: { type: string, id: string, cascaded: number } };

export type NetworkNodeFieldsFragment = { id: string, type: NodeType, kind: string | null, label: string, regionId: string | null, lat: number | null, lon: number | null, sectors: Array<string>, startYear: number | null, endYear: number | null };

export type NetworkEdgeFieldsFragment = { id: string, source: string, target: string, kind: string, role: string | null, weight: number, derived: boolean, via: Array<string> };

export type NetworkFieldsFragment = { truncated: boolean, hiddenTies: number, nodes: Array<{ id: string, type: NodeType, kind: string | null, label: string, regionId: string | null, lat: number | null, lon: number | null, sectors: Array<string>, startYear: number | null, endYear: number | null }>, edges: Array<{ id: string, source: string, target: string, kind: string, role: string | null, weight: number, derived: boolean, via: Array<string> }> };

export type NodeRefFieldsFragment = { id: string, type: NodeType, kind: string | null, label: string };

export type SourceFieldsFragment = { id: string, title: string, url: string | null, publisher: string | null, date: string | null };

export type EventSummaryFieldsFragment = { id: string, name: string, kind: string, date: string | null, place: { id: string, type: NodeType, kind: string | null, label: string } | null };

export type NetworkQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
}>;


export type NetworkQuery = { network: { truncated: boolean, hiddenTies: number, nodes: Array<{ id: string, type: NodeType, kind: string | null, label: string, regionId: string | null, lat: number | null, lon: number | null, sectors: Array<string>, startYear: number | null, endYear: number | null }>, edges: Array<{ id: string, source: string, target: string, kind: string, role: string | null, weight: number, derived: boolean, via: Array<string> }> } };

export type OverviewQueryVariables = Exact<{
  level?: string | null | undefined;
  parentId?: string | null | undefined;
  filter?: NetworkFilter | null | undefined;
}>;


export type OverviewQuery = { overview: { level: string, parentId: string | null, actors: number, unplaced: number, truncated: boolean, regions: Array<{ id: string, name: string, kind: string, lat: number, lon: number, parentId: string | null, actors: number, internalTies: number, hasChildren: boolean }>, ties: Array<{ a: string, b: string, directTies: number, derivedTies: number, derivedWeight: number, derivedNewman: number }> } };

export type NeighborhoodQueryVariables = Exact<{
  id: string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, hiddenTies: number, nodes: Array<{ id: string, type: NodeType, kind: string | null, label: string, regionId: string | null, lat: number | null, lon: number | null, sectors: Array<string>, startYear: number | null, endYear: number | null }>, edges: Array<{ id: string, source: string, target: string, kind: string, role: string | null, weight: number, derived: boolean, via: Array<string> }> } };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  limit?: number | null | undefined;
}>;


export type PathsQuery = { shortestPaths: Array<{ length: number, nodes: Array<{ id: string, type: NodeType, kind: string | null, label: string, regionId: string | null, lat: number | null, lon: number | null, sectors: Array<string>, startYear: number | null, endYear: number | null }> }> };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { regions: Array<{ id: string, name: string, kind: string, code: string | null, lat: number, lon: number, parentId: string | null }>, facets: { minYear: number | null, maxYear: number | null, actorKinds: Array<{ value: string, count: number }>, sectors: Array<{ value: string, count: number }> } };

export type SearchQueryVariables = Exact<{
  text: string;
  types?: Array<NodeType> | NodeType | null | undefined;
}>;


export type SearchQuery = { search: Array<{ id: string, type: NodeType, kind: string | null, label: string }> };

export type NodeTypeOfQueryVariables = Exact<{
  id: string;
}>;


export type NodeTypeOfQuery = { nodeType: NodeType | null };

export type ActorsQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
}>;


export type ActorsQuery = { network: { nodes: Array<{ id: string, kind: string | null, label: string }> } };

export type ActorDetailsQueryVariables = Exact<{
  id: string;
  editable: boolean;
}>;


export type ActorDetailsQuery = { actor: { __typename: 'Actor', id: string, name: string, kind: string, sectors: Array<string>, tags: Array<string>, website: string | null, description: string | null, version?: number, region: { id: string, type: NodeType, kind: string | null, label: string } | null, participations: Array<{ role: string, start: string | null, end: string | null, description: string | null, version?: number, contribution?: number | null, project: { id: string, type: NodeType, kind: string | null, label: string } }>, events: Array<{ role: string, date: string | null, description?: string | null, version?: number, event: { id: string, type: NodeType, kind: string | null, label: string } }>, cooperations: Array<{ kind: string, outgoing: boolean, since: string | null, until: string | null, description: string | null, version?: number, partner: { id: string, type: NodeType, kind: string | null, label: string }, sources?: Array<{ id: string }> }>, sources: Array<{ id: string, title: string, url: string | null, publisher: string | null, date: string | null }> } };

export type ProjectDetailsQueryVariables = Exact<{
  id: string;
  editable: boolean;
}>;


export type ProjectDetailsQuery = { project: { __typename: 'Project', id: string, name: string, status: string, programme: string | null, start: string | null, end: string | null, description: string | null, goals: Array<string>, results: Array<string>, tags: Array<string>, version?: number, participants: Array<{ role: string, description: string | null, version?: number, contribution?: number | null, actor: { id: string, type: NodeType, kind: string | null, label: string } }>, funders: Array<{ id: string, type: NodeType, kind: string | null, label: string }>, events: Array<{ id: string, name: string, kind: string, date: string | null, place: { id: string, type: NodeType, kind: string | null, label: string } | null }>, targets: Array<{ role: string, description: string | null, version?: number, region: { id: string, type: NodeType, kind: string | null, label: string } }>, predecessor: { id: string, type: NodeType, kind: string | null, label: string } | null, successors: Array<{ id: string, type: NodeType, kind: string | null, label: string }>, sources: Array<{ id: string, title: string, url: string | null, publisher: string | null, date: string | null }> } };

export type RegionDetailsQueryVariables = Exact<{
  id: string;
  editable: boolean;
}>;


export type RegionDetailsQuery = { region: { __typename: 'Region', id: string, name: string, kind: string, code: string | null, lat: number, lon: number, description: string | null, tags: Array<string>, actorCount: number, version?: number, parent: { id: string, type: NodeType, kind: string | null, label: string } | null, ancestors: Array<{ id: string, type: NodeType, kind: string | null, label: string }>, children: Array<{ id: string, type: NodeType, kind: string | null, label: string }>, actors: Array<{ id: string, type: NodeType, kind: string | null, label: string }>, events: Array<{ id: string, name: string, kind: string, date: string | null, place: { id: string, type: NodeType, kind: string | null, label: string } | null }>, targetedBy: Array<{ role: string, version?: number, subject: { id: string, type: NodeType, kind: string | null, label: string } }>, sources: Array<{ id: string, title: string, url: string | null, publisher: string | null, date: string | null }> } };

export type EventDetailsQueryVariables = Exact<{
  id: string;
  editable: boolean;
}>;


export type EventDetailsQuery = { event: { __typename: 'Event', id: string, name: string, kind: string, date: string | null, endDate: string | null, venue: string | null, description: string | null, tags: Array<string>, version?: number, place: { id: string, type: NodeType, kind: string | null, label: string } | null, project: { id: string, type: NodeType, kind: string | null, label: string } | null, participants: Array<{ role: string, description: string | null, version?: number, actor: { id: string, type: NodeType, kind: string | null, label: string } }>, targets: Array<{ role: string, description: string | null, version?: number, region: { id: string, type: NodeType, kind: string | null, label: string } }>, sources: Array<{ id: string, title: string, url: string | null, publisher: string | null, date: string | null }> } };

export type StoryFieldsFragment = { id: string, title: string, description: string | null, version: number, slides: Array<{ id: string, title: string, notes: string | null, view: Record<string, unknown>, reveal: Record<string, unknown> }> };

export type StoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type StoriesQuery = { stories: Array<{ id: string, title: string, description: string | null, slideCount: number, version: number }> };

export type StoryQueryVariables = Exact<{
  id: string;
}>;


export type StoryQuery = { story: { id: string, title: string, description: string | null, version: number, slides: Array<{ id: string, title: string, notes: string | null, view: Record<string, unknown>, reveal: Record<string, unknown> }> } };

export type CreateStoryMutationVariables = Exact<{
  input: StoryInput;
}>;


export type CreateStoryMutation = { result: { id: string, title: string, description: string | null, version: number, slides: Array<{ id: string, title: string, notes: string | null, view: Record<string, unknown>, reveal: Record<string, unknown> }> } };

export type UpdateStoryMutationVariables = Exact<{
  id: string;
  version: number;
  input: StoryInput;
}>;


export type UpdateStoryMutation = { result: { id: string, title: string, description: string | null, version: number, slides: Array<{ id: string, title: string, notes: string | null, view: Record<string, unknown>, reveal: Record<string, unknown> }> } };

export type DeleteStoryMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteStoryMutation = { result: { type: string, id: string, cascaded: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment TokenFields on AccessToken {
  id
  name
  role
  createdAt
  createdBy
  lastUsedAt
  revokedAt
  active
  pseudonymous
}
    `, {"fragmentName":"TokenFields"}) as unknown as TypedDocumentString<TokenFieldsFragment, unknown>;
export const EstimateFieldsFragmentDoc = new TypedDocumentString(`
    fragment EstimateFields on Estimate {
  metric
  method
  epsilon
  confidence
  samples
}
    `, {"fragmentName":"EstimateFields"}) as unknown as TypedDocumentString<EstimateFieldsFragment, unknown>;
export const NetworkStatsFieldsFragmentDoc = new TypedDocumentString(`
    fragment NetworkStatsFields on NetworkStats {
  nodes
  edges
  density
  components
  largestComponent
  isolates
  averagePathLength
  diameter
  degreeCentralization
  communities
  modularity
  articulationPoints
  bridges
  estimates {
    ...EstimateFields
  }
}
    fragment EstimateFields on Estimate {
  metric
  method
  epsilon
  confidence
  samples
}`, {"fragmentName":"NetworkStatsFields"}) as unknown as TypedDocumentString<NetworkStatsFieldsFragment, unknown>;
export const RegionCellFieldsFragmentDoc = new TypedDocumentString(`
    fragment RegionCellFields on RegionCell {
  a
  b
  aName
  bName
  observed
  expected
  ratio
}
    `, {"fragmentName":"RegionCellFields"}) as unknown as TypedDocumentString<RegionCellFieldsFragment, unknown>;
export const NetworkNodeFieldsFragmentDoc = new TypedDocumentString(`
    fragment NetworkNodeFields on NetworkNode {
  id
  type
  kind
  label
  regionId
  lat
  lon
  sectors
  startYear
  endYear
}
    `, {"fragmentName":"NetworkNodeFields"}) as unknown as TypedDocumentString<NetworkNodeFieldsFragment, unknown>;
export const NetworkEdgeFieldsFragmentDoc = new TypedDocumentString(`
    fragment NetworkEdgeFields on NetworkEdge {
  id
  source
  target
  kind
  role
  weight
  derived
  via
}
    `, {"fragmentName":"NetworkEdgeFields"}) as unknown as TypedDocumentString<NetworkEdgeFieldsFragment, unknown>;
export const NetworkFieldsFragmentDoc = new TypedDocumentString(`
    fragment NetworkFields on Network {
  nodes {
    ...NetworkNodeFields
  }
  edges {
    ...NetworkEdgeFields
  }
  truncated
  hiddenTies
}
    fragment NetworkNodeFields on NetworkNode {
  id
  type
  kind
  label
  regionId
  lat
  lon
  sectors
  startYear
  endYear
}
fragment NetworkEdgeFields on NetworkEdge {
  id
  source
  target
  kind
  role
  weight
  derived
  via
}`, {"fragmentName":"NetworkFields"}) as unknown as TypedDocumentString<NetworkFieldsFragment, unknown>;
export const SourceFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceFields on Source {
  id
  title
  url
  publisher
  date
}
    `, {"fragmentName":"SourceFields"}) as unknown as TypedDocumentString<SourceFieldsFragment, unknown>;
export const NodeRefFieldsFragmentDoc = new TypedDocumentString(`
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}
    `, {"fragmentName":"NodeRefFields"}) as unknown as TypedDocumentString<NodeRefFieldsFragment, unknown>;
export const EventSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment EventSummaryFields on EventSummary {
  id
  name
  kind
  date
  place {
    ...NodeRefFields
  }
}
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}`, {"fragmentName":"EventSummaryFields"}) as unknown as TypedDocumentString<EventSummaryFieldsFragment, unknown>;
export const StoryFieldsFragmentDoc = new TypedDocumentString(`
    fragment StoryFields on Story {
  id
  title
  description
  version
  slides {
    id
    title
    notes
    view
    reveal
  }
}
    `, {"fragmentName":"StoryFields"}) as unknown as TypedDocumentString<StoryFieldsFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    role
    name
    canEdit
    canAdmin
    readAccess
    pseudonymous
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const TokensDocument = new TypedDocumentString(`
    query Tokens($includeRevoked: Boolean) {
  tokens(includeRevoked: $includeRevoked) {
    ...TokenFields
  }
}
    fragment TokenFields on AccessToken {
  id
  name
  role
  createdAt
  createdBy
  lastUsedAt
  revokedAt
  active
  pseudonymous
}`) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($name: String!, $role: Role!, $pseudonymous: Boolean) {
  createToken(name: $name, role: $role, pseudonymous: $pseudonymous) {
    secret
    signInUrl
    token {
      ...TokenFields
    }
  }
}
    fragment TokenFields on AccessToken {
  id
  name
  role
  createdAt
  createdBy
  lastUsedAt
  revokedAt
  active
  pseudonymous
}`) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeToken(id: $id) {
    ...TokenFields
  }
}
    fragment TokenFields on AccessToken {
  id
  name
  role
  createdAt
  createdBy
  lastUsedAt
  revokedAt
  active
  pseudonymous
}`) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const AnalysisStatusDocument = new TypedDocumentString(`
    query AnalysisStatus {
  analysisStatus {
    revision
    currentRevision
    state
    done
    total
    step
    elapsedMs
    error
  }
}
    `) as unknown as TypedDocumentString<AnalysisStatusQuery, AnalysisStatusQueryVariables>;
export const MetricsDocument = new TypedDocumentString(`
    query Metrics($filter: NetworkFilter, $weighted: Boolean!, $level: String, $weighting: TieWeighting) {
  metrics(
    filter: $filter
    weighted: $weighted
    level: $level
    weighting: $weighting
  ) {
    nodes {
      id
      label
      kind
      regionId
      degree
      weightedDegree
      betweenness
      closeness
      eigenvector
      pagerank
      constraint
      effectiveSize
      community
      component
      articulationPoint
      brokerage {
        coordinator
        gatekeeper
        representative
        itinerant
        liaison
      }
    }
    communitySizes
    modularity
    stats {
      ...NetworkStatsFields
    }
    estimates {
      ...EstimateFields
    }
  }
}
    fragment NetworkStatsFields on NetworkStats {
  nodes
  edges
  density
  components
  largestComponent
  isolates
  averagePathLength
  diameter
  degreeCentralization
  communities
  modularity
  articulationPoints
  bridges
  estimates {
    ...EstimateFields
  }
}
fragment EstimateFields on Estimate {
  metric
  method
  epsilon
  confidence
  samples
}`) as unknown as TypedDocumentString<MetricsQuery, MetricsQueryVariables>;
export const GapsDocument = new TypedDocumentString(`
    query Gaps($filter: NetworkFilter, $level: String) {
  regionGaps(level: $level, filter: $filter) {
    level
    ties
    actorsWithoutRegion
    regions {
      id
      name
      actors
      internalTies
      externalTies
      eiIndex
      isolatedActors
    }
    cells {
      ...RegionCellFields
    }
    whiteSpots {
      a
      b
      aName
      bName
      observed
      expected
      ratio
      reasons
      programmes
      distanceKm
      tier
    }
  }
  wishedTies(level: $level) {
    regionPairs {
      a
      b
      aName
      bName
      wished
      missing
      existing
    }
  }
}
    fragment RegionCellFields on RegionCell {
  a
  b
  aName
  bName
  observed
  expected
  ratio
}`) as unknown as TypedDocumentString<GapsQuery, GapsQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($filter: NetworkFilter, $level: String, $profile: [ProfileCategoryInput!]) {
  coverage(level: $level, profile: $profile, filter: $filter) {
    level
    profile {
      key
      kinds
      minimum
    }
    rows {
      regionId
      name
      actors
      cells {
        category
        count
        connected
        minimum
        status
      }
      sectors {
        sector
        count
      }
    }
    missing {
      regionId
      category
    }
    unconnected {
      regionId
      category
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const WhatIfDocument = new TypedDocumentString(`
    query WhatIf($filter: NetworkFilter, $remove: [ID!]!, $level: String) {
  whatIf(remove: $remove, level: $level, filter: $filter) {
    removed
    unknown
    before {
      components
      largestComponent
      interRegionalTies
      connectedRegionPairs
    }
    after {
      components
      largestComponent
      interRegionalTies
      connectedRegionPairs
    }
    disconnectedActors {
      id
      label
      regionId
    }
    lostRegionPairs {
      a
      b
      aName
      bName
    }
    isolatedRegions {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfQuery, WhatIfQueryVariables>;
export const SuggestionsDocument = new TypedDocumentString(`
    query Suggestions($filter: NetworkFilter, $level: String, $limit: Int!) {
  suggestions(filter: $filter, level: $level, limit: $limit) {
    a
    b
    aLabel
    bLabel
    score
    commonPartners
    adamicAdar
    reasons {
      code
      text {
        de
        en
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestionsQuery, SuggestionsQueryVariables>;
export const InsightsDocument = new TypedDocumentString(`
    query Insights($filter: NetworkFilter, $level: String) {
  insights(filter: $filter, level: $level) {
    id
    kind
    text {
      de
      en
    }
    nodeIds
    regionIds
  }
  networkParts(filter: $filter, level: $level) {
    component
    name
    regionId
    projectId
    actors
    broker
    brokerCutOff
  }
  networkStats(filter: $filter, level: $level) {
    ...NetworkStatsFields
  }
  wishedTies(level: $level) {
    insights {
      id
      kind
      text {
        de
        en
      }
      nodeIds
      regionIds
    }
  }
}
    fragment NetworkStatsFields on NetworkStats {
  nodes
  edges
  density
  components
  largestComponent
  isolates
  averagePathLength
  diameter
  degreeCentralization
  communities
  modularity
  articulationPoints
  bridges
  estimates {
    ...EstimateFields
  }
}
fragment EstimateFields on Estimate {
  metric
  method
  epsilon
  confidence
  samples
}`) as unknown as TypedDocumentString<InsightsQuery, InsightsQueryVariables>;
export const CaptureInfoDocument = new TypedDocumentString(`
    query CaptureInfo($token: String!) {
  captureInfo(token: $token) {
    name
    date
    expiresAt
    open
    reason
    districts {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CaptureInfoQuery, CaptureInfoQueryVariables>;
export const CaptureRosterDocument = new TypedDocumentString(`
    query CaptureRoster($token: String!, $text: String, $limit: Int!) {
  captureRoster(token: $token, text: $text, limit: $limit) {
    id
    name
    kind
    isNew
  }
}
    `) as unknown as TypedDocumentString<CaptureRosterQuery, CaptureRosterQueryVariables>;
export const CaptureMineDocument = new TypedDocumentString(`
    query CaptureMine($token: String!, $participant: String!) {
  captureMine(token: $token, participant: $participant) {
    id
    state
    createdAt
    updatedAt
    org {
      actorId
      name
      kind
      regionId
    }
    ties {
      partnerId
      partnerName
      relation
      projectName
    }
  }
}
    `) as unknown as TypedDocumentString<CaptureMineQuery, CaptureMineQueryVariables>;
export const SubmitCaptureDocument = new TypedDocumentString(`
    mutation SubmitCapture($token: String!, $participant: String!, $input: CaptureSubmissionInput!) {
  submitCapture(token: $token, participant: $participant, input: $input) {
    id
    state
    createdAt
    updatedAt
    org {
      actorId
      name
      kind
      regionId
    }
    ties {
      partnerId
      partnerName
      relation
      projectName
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitCaptureMutation, SubmitCaptureMutationVariables>;
export const WithdrawCaptureDocument = new TypedDocumentString(`
    mutation WithdrawCapture($token: String!, $participant: String!, $id: ID!) {
  withdrawCapture(token: $token, participant: $participant, id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<WithdrawCaptureMutation, WithdrawCaptureMutationVariables>;
export const CaptureQueueDocument = new TypedDocumentString(`
    query CaptureQueue($sessionId: ID!) {
  captureQueue(sessionId: $sessionId) {
    session {
      id
      name
      date
      open
      expiresAt
      closedAt
      link
      scopeKind
      scopeRef
      counts {
        pending
        approved
        rejected
        withdrawn
      }
    }
    submissions {
      id
      state
      createdAt
      updatedAt
      mergeInto
      actorId
      moderatedBy
      org {
        actorId
        name
        kind
        regionId
      }
      ties {
        partnerId
        partnerName
        relation
        projectName
      }
      duplicates {
        id
        label
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaptureQueueQuery, CaptureQueueQueryVariables>;
export const CaptureSessionsDocument = new TypedDocumentString(`
    query CaptureSessions {
  captureSessions {
    id
    name
    date
    open
    link
    counts {
      pending
      approved
    }
  }
}
    `) as unknown as TypedDocumentString<CaptureSessionsQuery, CaptureSessionsQueryVariables>;
export const CaptureFeedDocument = new TypedDocumentString(`
    query CaptureFeed($sessionId: ID!) {
  captureFeed(sessionId: $sessionId) {
    sessionId
    name
    open
    link
    pending
    approved
    newNodeIds
    newTies {
      a
      b
    }
    wishedTies {
      a
      b
    }
  }
}
    `) as unknown as TypedDocumentString<CaptureFeedQuery, CaptureFeedQueryVariables>;
export const OpenCaptureSessionDocument = new TypedDocumentString(`
    mutation OpenCaptureSession($input: OpenCaptureSessionInput!) {
  openCaptureSession(input: $input) {
    id
    link
  }
}
    `) as unknown as TypedDocumentString<OpenCaptureSessionMutation, OpenCaptureSessionMutationVariables>;
export const CloseCaptureSessionDocument = new TypedDocumentString(`
    mutation CloseCaptureSession($id: ID!) {
  closeCaptureSession(id: $id) {
    id
    open
  }
}
    `) as unknown as TypedDocumentString<CloseCaptureSessionMutation, CloseCaptureSessionMutationVariables>;
export const MergeCaptureOrgDocument = new TypedDocumentString(`
    mutation MergeCaptureOrg($submissionId: ID!, $actorId: ID) {
  mergeCaptureOrg(submissionId: $submissionId, actorId: $actorId) {
    id
    mergeInto
  }
}
    `) as unknown as TypedDocumentString<MergeCaptureOrgMutation, MergeCaptureOrgMutationVariables>;
export const AddCaptureReportSlideDocument = new TypedDocumentString(`
    mutation AddCaptureReportSlide($sessionId: ID!) {
  addCaptureReportSlide(sessionId: $sessionId) {
    storyId
    slideId
  }
}
    `) as unknown as TypedDocumentString<AddCaptureReportSlideMutation, AddCaptureReportSlideMutationVariables>;
export const ModerateCaptureDocument = new TypedDocumentString(`
    mutation ModerateCapture($sessionId: ID!, $submissionIds: [ID!]!, $decision: CaptureDecision!) {
  moderateCapture(
    sessionId: $sessionId
    submissionIds: $submissionIds
    decision: $decision
  ) {
    changed {
      id
      state
    }
    skipped
  }
}
    `) as unknown as TypedDocumentString<ModerateCaptureMutation, ModerateCaptureMutationVariables>;
export const CreateActorDocument = new TypedDocumentString(`
    mutation CreateActor($input: ActorInput!) {
  result: createActor(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<CreateActorMutation, CreateActorMutationVariables>;
export const UpdateActorDocument = new TypedDocumentString(`
    mutation UpdateActor($id: ID!, $version: Int!, $input: ActorInput!) {
  result: updateActor(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateActorMutation, UpdateActorMutationVariables>;
export const DeleteActorDocument = new TypedDocumentString(`
    mutation DeleteActor($id: ID!, $version: Int!) {
  result: deleteActor(id: $id, version: $version) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteActorMutation, DeleteActorMutationVariables>;
export const VersionOfActorDocument = new TypedDocumentString(`
    query VersionOfActor($id: ID!) {
  result: actor(id: $id) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<VersionOfActorQuery, VersionOfActorQueryVariables>;
export const CreateProjectDocument = new TypedDocumentString(`
    mutation CreateProject($input: ProjectInput!) {
  result: createProject(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<CreateProjectMutation, CreateProjectMutationVariables>;
export const UpdateProjectDocument = new TypedDocumentString(`
    mutation UpdateProject($id: ID!, $version: Int!, $input: ProjectInput!) {
  result: updateProject(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const DeleteProjectDocument = new TypedDocumentString(`
    mutation DeleteProject($id: ID!, $version: Int!) {
  result: deleteProject(id: $id, version: $version) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const VersionOfProjectDocument = new TypedDocumentString(`
    query VersionOfProject($id: ID!) {
  result: project(id: $id) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<VersionOfProjectQuery, VersionOfProjectQueryVariables>;
export const CreateRegionDocument = new TypedDocumentString(`
    mutation CreateRegion($input: RegionInput!) {
  result: createRegion(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<CreateRegionMutation, CreateRegionMutationVariables>;
export const UpdateRegionDocument = new TypedDocumentString(`
    mutation UpdateRegion($id: ID!, $version: Int!, $input: RegionInput!) {
  result: updateRegion(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateRegionMutation, UpdateRegionMutationVariables>;
export const DeleteRegionDocument = new TypedDocumentString(`
    mutation DeleteRegion($id: ID!, $version: Int!) {
  result: deleteRegion(id: $id, version: $version) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteRegionMutation, DeleteRegionMutationVariables>;
export const VersionOfRegionDocument = new TypedDocumentString(`
    query VersionOfRegion($id: ID!) {
  result: region(id: $id) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<VersionOfRegionQuery, VersionOfRegionQueryVariables>;
export const CreateEventDocument = new TypedDocumentString(`
    mutation CreateEvent($input: EventInput!) {
  result: createEvent(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<CreateEventMutation, CreateEventMutationVariables>;
export const UpdateEventDocument = new TypedDocumentString(`
    mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) {
  result: updateEvent(id: $id, version: $version, input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateEventMutation, UpdateEventMutationVariables>;
export const DeleteEventDocument = new TypedDocumentString(`
    mutation DeleteEvent($id: ID!, $version: Int!) {
  result: deleteEvent(id: $id, version: $version) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteEventMutation, DeleteEventMutationVariables>;
export const VersionOfEventDocument = new TypedDocumentString(`
    query VersionOfEvent($id: ID!) {
  result: event(id: $id) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<VersionOfEventQuery, VersionOfEventQueryVariables>;
export const MergeActorsDocument = new TypedDocumentString(`
    mutation MergeActors($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!) {
  result: mergeActors(
    keepId: $keepId
    keepVersion: $keepVersion
    mergeId: $mergeId
    mergeVersion: $mergeVersion
  ) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<MergeActorsMutation, MergeActorsMutationVariables>;
export const CreateParticipationDocument = new TypedDocumentString(`
    mutation CreateParticipation($input: ParticipationInput!) {
  result: createParticipation(input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateParticipationMutation, CreateParticipationMutationVariables>;
export const UpdateParticipationDocument = new TypedDocumentString(`
    mutation UpdateParticipation($version: Int!, $input: ParticipationInput!) {
  result: updateParticipation(version: $version, input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateParticipationMutation, UpdateParticipationMutationVariables>;
export const DeleteParticipationDocument = new TypedDocumentString(`
    mutation DeleteParticipation($version: Int!, $input: ParticipationInput!) {
  result: deleteParticipation(version: $version, input: $input) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteParticipationMutation, DeleteParticipationMutationVariables>;
export const CreateEventParticipationDocument = new TypedDocumentString(`
    mutation CreateEventParticipation($input: EventParticipationInput!) {
  result: createEventParticipation(input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateEventParticipationMutation, CreateEventParticipationMutationVariables>;
export const UpdateEventParticipationDocument = new TypedDocumentString(`
    mutation UpdateEventParticipation($version: Int!, $input: EventParticipationInput!) {
  result: updateEventParticipation(version: $version, input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateEventParticipationMutation, UpdateEventParticipationMutationVariables>;
export const DeleteEventParticipationDocument = new TypedDocumentString(`
    mutation DeleteEventParticipation($version: Int!, $input: EventParticipationInput!) {
  result: deleteEventParticipation(version: $version, input: $input) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteEventParticipationMutation, DeleteEventParticipationMutationVariables>;
export const CreateCooperationDocument = new TypedDocumentString(`
    mutation CreateCooperation($input: CooperationInput!) {
  result: createCooperation(input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateCooperationMutation, CreateCooperationMutationVariables>;
export const UpdateCooperationDocument = new TypedDocumentString(`
    mutation UpdateCooperation($version: Int!, $input: CooperationInput!) {
  result: updateCooperation(version: $version, input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateCooperationMutation, UpdateCooperationMutationVariables>;
export const DeleteCooperationDocument = new TypedDocumentString(`
    mutation DeleteCooperation($version: Int!, $input: CooperationInput!) {
  result: deleteCooperation(version: $version, input: $input) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteCooperationMutation, DeleteCooperationMutationVariables>;
export const CreateTargetDocument = new TypedDocumentString(`
    mutation CreateTarget($input: TargetInput!) {
  result: createTarget(input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<CreateTargetMutation, CreateTargetMutationVariables>;
export const UpdateTargetDocument = new TypedDocumentString(`
    mutation UpdateTarget($version: Int!, $input: TargetInput!) {
  result: updateTarget(version: $version, input: $input) {
    type
    key
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateTargetMutation, UpdateTargetMutationVariables>;
export const DeleteTargetDocument = new TypedDocumentString(`
    mutation DeleteTarget($version: Int!, $input: TargetInput!) {
  result: deleteTarget(version: $version, input: $input) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteTargetMutation, DeleteTargetMutationVariables>;
export const NetworkDocument = new TypedDocumentString(`
    query Network($filter: NetworkFilter) {
  network(filter: $filter) {
    ...NetworkFields
  }
}
    fragment NetworkNodeFields on NetworkNode {
  id
  type
  kind
  label
  regionId
  lat
  lon
  sectors
  startYear
  endYear
}
fragment NetworkEdgeFields on NetworkEdge {
  id
  source
  target
  kind
  role
  weight
  derived
  via
}
fragment NetworkFields on Network {
  nodes {
    ...NetworkNodeFields
  }
  edges {
    ...NetworkEdgeFields
  }
  truncated
  hiddenTies
}`) as unknown as TypedDocumentString<NetworkQuery, NetworkQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($level: String, $parentId: ID, $filter: NetworkFilter) {
  overview(level: $level, parentId: $parentId, filter: $filter) {
    level
    parentId
    actors
    unplaced
    truncated
    regions {
      id
      name
      kind
      lat
      lon
      parentId
      actors
      internalTies
      hasChildren
    }
    ties {
      a
      b
      directTies
      derivedTies
      derivedWeight
      derivedNewman
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const NeighborhoodDocument = new TypedDocumentString(`
    query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    ...NetworkFields
  }
}
    fragment NetworkNodeFields on NetworkNode {
  id
  type
  kind
  label
  regionId
  lat
  lon
  sectors
  startYear
  endYear
}
fragment NetworkEdgeFields on NetworkEdge {
  id
  source
  target
  kind
  role
  weight
  derived
  via
}
fragment NetworkFields on Network {
  nodes {
    ...NetworkNodeFields
  }
  edges {
    ...NetworkEdgeFields
  }
  truncated
  hiddenTies
}`) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!, $limit: Int) {
  shortestPaths(from: $from, to: $to, limit: $limit) {
    length
    nodes {
      ...NetworkNodeFields
    }
  }
}
    fragment NetworkNodeFields on NetworkNode {
  id
  type
  kind
  label
  regionId
  lat
  lon
  sectors
  startYear
  endYear
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const CatalogDocument = new TypedDocumentString(`
    query Catalog {
  regions {
    id
    name
    kind
    code
    lat
    lon
    parentId
  }
  facets {
    actorKinds {
      value
      count
    }
    sectors {
      value
      count
    }
    minYear
    maxYear
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $types: [NodeType!]) {
  search(text: $text, limit: 12, types: $types) {
    id
    type
    kind
    label
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const NodeTypeOfDocument = new TypedDocumentString(`
    query NodeTypeOf($id: ID!) {
  nodeType(id: $id)
}
    `) as unknown as TypedDocumentString<NodeTypeOfQuery, NodeTypeOfQueryVariables>;
export const ActorsDocument = new TypedDocumentString(`
    query Actors($filter: NetworkFilter) {
  network(filter: $filter) {
    nodes {
      id
      kind
      label
    }
  }
}
    `) as unknown as TypedDocumentString<ActorsQuery, ActorsQueryVariables>;
export const ActorDetailsDocument = new TypedDocumentString(`
    query ActorDetails($id: ID!, $editable: Boolean!) {
  actor(id: $id) {
    __typename
    id
    name
    kind
    sectors
    tags
    website
    description
    version @include(if: $editable)
    region {
      ...NodeRefFields
    }
    participations {
      project {
        ...NodeRefFields
      }
      role
      start
      end
      description
      version @include(if: $editable)
      contribution @include(if: $editable)
    }
    events {
      event {
        ...NodeRefFields
      }
      role
      date
      description @include(if: $editable)
      version @include(if: $editable)
    }
    cooperations {
      partner {
        ...NodeRefFields
      }
      kind
      outgoing
      since
      until
      description
      version @include(if: $editable)
      sources @include(if: $editable) {
        id
      }
    }
    sources {
      ...SourceFields
    }
  }
}
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}
fragment SourceFields on Source {
  id
  title
  url
  publisher
  date
}`) as unknown as TypedDocumentString<ActorDetailsQuery, ActorDetailsQueryVariables>;
export const ProjectDetailsDocument = new TypedDocumentString(`
    query ProjectDetails($id: ID!, $editable: Boolean!) {
  project(id: $id) {
    __typename
    id
    name
    status
    programme
    start
    end
    description
    goals
    results
    tags
    version @include(if: $editable)
    participants {
      actor {
        ...NodeRefFields
      }
      role
      description
      version @include(if: $editable)
      contribution @include(if: $editable)
    }
    funders {
      ...NodeRefFields
    }
    events {
      ...EventSummaryFields
    }
    targets {
      region {
        ...NodeRefFields
      }
      role
      description
      version @include(if: $editable)
    }
    predecessor {
      ...NodeRefFields
    }
    successors {
      ...NodeRefFields
    }
    sources {
      ...SourceFields
    }
  }
}
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}
fragment SourceFields on Source {
  id
  title
  url
  publisher
  date
}
fragment EventSummaryFields on EventSummary {
  id
  name
  kind
  date
  place {
    ...NodeRefFields
  }
}`) as unknown as TypedDocumentString<ProjectDetailsQuery, ProjectDetailsQueryVariables>;
export const RegionDetailsDocument = new TypedDocumentString(`
    query RegionDetails($id: ID!, $editable: Boolean!) {
  region(id: $id) {
    __typename
    id
    name
    kind
    code
    lat
    lon
    description
    tags
    actorCount
    version @include(if: $editable)
    parent {
      ...NodeRefFields
    }
    ancestors {
      ...NodeRefFields
    }
    children {
      ...NodeRefFields
    }
    actors {
      ...NodeRefFields
    }
    events {
      ...EventSummaryFields
    }
    targetedBy {
      subject {
        ...NodeRefFields
      }
      role
      version @include(if: $editable)
    }
    sources {
      ...SourceFields
    }
  }
}
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}
fragment SourceFields on Source {
  id
  title
  url
  publisher
  date
}
fragment EventSummaryFields on EventSummary {
  id
  name
  kind
  date
  place {
    ...NodeRefFields
  }
}`) as unknown as TypedDocumentString<RegionDetailsQuery, RegionDetailsQueryVariables>;
export const EventDetailsDocument = new TypedDocumentString(`
    query EventDetails($id: ID!, $editable: Boolean!) {
  event(id: $id) {
    __typename
    id
    name
    kind
    date
    endDate
    venue
    description
    tags
    version @include(if: $editable)
    place {
      ...NodeRefFields
    }
    project {
      ...NodeRefFields
    }
    participants {
      actor {
        ...NodeRefFields
      }
      role
      description
      version @include(if: $editable)
    }
    targets {
      region {
        ...NodeRefFields
      }
      role
      description
      version @include(if: $editable)
    }
    sources {
      ...SourceFields
    }
  }
}
    fragment NodeRefFields on NodeRef {
  id
  type
  kind
  label
}
fragment SourceFields on Source {
  id
  title
  url
  publisher
  date
}`) as unknown as TypedDocumentString<EventDetailsQuery, EventDetailsQueryVariables>;
export const StoriesDocument = new TypedDocumentString(`
    query Stories {
  stories {
    id
    title
    description
    slideCount
    version
  }
}
    `) as unknown as TypedDocumentString<StoriesQuery, StoriesQueryVariables>;
export const StoryDocument = new TypedDocumentString(`
    query Story($id: ID!) {
  story(id: $id) {
    ...StoryFields
  }
}
    fragment StoryFields on Story {
  id
  title
  description
  version
  slides {
    id
    title
    notes
    view
    reveal
  }
}`) as unknown as TypedDocumentString<StoryQuery, StoryQueryVariables>;
export const CreateStoryDocument = new TypedDocumentString(`
    mutation CreateStory($input: StoryInput!) {
  result: createStory(input: $input) {
    ...StoryFields
  }
}
    fragment StoryFields on Story {
  id
  title
  description
  version
  slides {
    id
    title
    notes
    view
    reveal
  }
}`) as unknown as TypedDocumentString<CreateStoryMutation, CreateStoryMutationVariables>;
export const UpdateStoryDocument = new TypedDocumentString(`
    mutation UpdateStory($id: ID!, $version: Int!, $input: StoryInput!) {
  result: updateStory(id: $id, version: $version, input: $input) {
    ...StoryFields
  }
}
    fragment StoryFields on Story {
  id
  title
  description
  version
  slides {
    id
    title
    notes
    view
    reveal
  }
}`) as unknown as TypedDocumentString<UpdateStoryMutation, UpdateStoryMutationVariables>;
export const DeleteStoryDocument = new TypedDocumentString(`
    mutation DeleteStory($id: ID!, $version: Int!) {
  result: deleteStory(id: $id, version: $version) {
    type
    id
    cascaded
  }
}
    `) as unknown as TypedDocumentString<DeleteStoryMutation, DeleteStoryMutationVariables>;