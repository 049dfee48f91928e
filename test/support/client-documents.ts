/** The client's generated query documents and the variables the API tests send each with (demo network ids). */
import * as generated from '../../client/api/generated/graphql.ts';

export const filter = { includeDirect: true, includeDerived: true };
export const ids = { ACTOR: 'a-zarof', PROJECT: 'p-netzwerk-chemie', REGION: 'de-14713', EVENT: 'e-chemie-austausch-regionen-2024-03' };

/** A live capture session for the capture queries (filled in by the test before it runs; these objects are sent as they are then). */
export const capture = { token: { token: '' }, roster: { token: '', text: 'Delitzsch', limit: 8 }, mine: { token: '', participant: 'participant-key-documents' }, session: { sessionId: '' } };

/** The variables each query is sent with (one set per case). */
export const VARIABLES: Record<string, Record<string, unknown>[]> = {
  Network: [{ filter: { ...filter, limit: 5000 } }],
  Overview: [{ level: 'state', parentId: null, filter }, { level: 'district', parentId: 'de-14', filter }],
  Neighborhood: [{ id: ids.ACTOR, depth: 2, limit: 500 }],
  Paths: [{ from: 'a-zarof', to: 'a-stadt-delitzsch', limit: 20 }],
  Catalog: [{}],
  Search: [{ text: 'Delitzsch', types: null }],
  NodeTypeOf: [{ id: ids.EVENT }],
  Actors: [{ filter: { nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: 100_000 } }],
  ActorDetails: [{ id: ids.ACTOR, editable: false }, { id: ids.ACTOR, editable: true }],
  ProjectDetails: [{ id: ids.PROJECT, editable: false }, { id: ids.PROJECT, editable: true }],
  RegionDetails: [{ id: ids.REGION, editable: false }, { id: ids.REGION, editable: true }],
  EventDetails: [{ id: ids.EVENT, editable: false }, { id: ids.EVENT, editable: true }],
  Metrics: [
    { filter, weighted: true, level: 'district' },
    { filter, weighted: true, level: 'district', weighting: 'NEWMAN' },
  ],
  AnalysisStatus: [{}],
  Gaps: [{ filter, level: 'district' }],
  Coverage: [{ filter, level: 'district', profile: null }],
  WhatIf: [{ filter, remove: [ids.ACTOR], level: 'district' }],
  Suggestions: [{ filter, level: 'district', limit: 10 }],
  Insights: [{ filter, level: 'district' }],
  Me: [{}],
  Tokens: [{ includeRevoked: true }],
  Stories: [{}],
  VersionOfActor: [{ id: ids.ACTOR }],
  VersionOfProject: [{ id: ids.PROJECT }],
  VersionOfRegion: [{ id: ids.REGION }],
  VersionOfEvent: [{ id: ids.EVENT }],
  CaptureInfo: [capture.token],
  CaptureRoster: [capture.roster],
  CaptureMine: [capture.mine],
  CaptureSessions: [{}],
  CaptureQueue: [capture.session],
  CaptureFeed: [capture.session],
};
/** Queries that need a story to exist (the demo has none); their shape is checked in stories.test.ts. */
export const NEEDS_DATA = new Set(['Story']);

export const queries = Object.entries(generated)
  .filter(([name, doc]) => name.endsWith('Document') && doc instanceof generated.TypedDocumentString && /^\s*query /.test(String(doc)))
  .map(([name, doc]) => [name.replace(/Document$/, ''), String(doc)] as const);
