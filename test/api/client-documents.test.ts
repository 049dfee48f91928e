/**
 * The client's generated queries (client/api/generated, `npm run codegen`) as the page sends them —
 * printed with the fragments they spread and the `@include(if: $editable)` directives — pass the
 * server's limits (depth, cost, tokens, directives) and answer on the demo network. Every query
 * document must have its variables here; mutations are validated statically (client/api/schema.test.ts)
 * and exercised in editing.test.ts and stories.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../client/api/generated/graphql.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
/** A live capture session for the capture queries (filled in before the tests run; the objects below are sent as they are then). */
const capture = { token: { token: '' }, roster: { token: '', text: 'Delitzsch', limit: 8 }, mine: { token: '', participant: 'participant-key-documents' }, session: { sessionId: '' } };
beforeAll(async () => {
  server = await startTestServer();
  const r = await server.gql<{ openCaptureSession: { id: string; code: string } }>(
    'mutation { openCaptureSession(input: { name: "Workshop Dokumente", scopeKind: VIEW, scopeRef: "" }) { id code } }',
    {},
    server.adminSecret ?? undefined,
  );
  const s = r.data?.openCaptureSession;
  if (!s) throw new Error(JSON.stringify(r.errors));
  capture.token.token = capture.roster.token = capture.mine.token = s.code;
  capture.session.sessionId = s.id;
});
afterAll(async () => {
  await server?.close();
});

const filter = { includeDirect: true, includeDerived: true };
const ids = { ACTOR: 'a-zarof', PROJECT: 'p-netzwerk-chemie', REGION: 'de-14713', EVENT: 'e-chemie-austausch-regionen-2024-03' };

/** The variables each query is sent with (one set per case). */
const VARIABLES: Record<string, Record<string, unknown>[]> = {
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
const NEEDS_DATA = new Set(['Story']);

const queries = Object.entries(generated)
  .filter(([name, doc]) => name.endsWith('Document') && doc instanceof generated.TypedDocumentString && /^\s*query /.test(String(doc)))
  .map(([name, doc]) => [name.replace(/Document$/, ''), String(doc)] as const);

describe('the client queries against the running server', () => {
  it('every query document has its variables here', () => {
    expect(queries.length).toBeGreaterThan(20);
    expect(queries.map(([n]) => n).filter((n) => !VARIABLES[n] && !NEEDS_DATA.has(n))).toEqual([]);
  });

  it.each(queries.filter(([n]) => VARIABLES[n]))('%s answers without errors', async (name, text) => {
    for (const variables of VARIABLES[name] ?? []) {
      const r = await server.gql<Record<string, unknown>>(text, variables, server.adminSecret ?? undefined);
      expect(r.errors, JSON.stringify(variables)).toBeUndefined();
      expect(Object.keys(r.data ?? {}).length).toBeGreaterThan(0);
    }
  });

  it('details for editing carry the versions, read-only details do not', async () => {
    const read = await server.gql<{ actor: Record<string, unknown> & { participations: Record<string, unknown>[] } }>(String(generated.ActorDetailsDocument), { id: ids.ACTOR, editable: false });
    const edit = await server.gql<{ actor: Record<string, unknown> & { participations: Record<string, unknown>[] } }>(String(generated.ActorDetailsDocument), { id: ids.ACTOR, editable: true }, server.adminSecret ?? undefined);
    expect(read.data?.actor).not.toHaveProperty('version');
    expect(read.data?.actor.participations[0]).not.toHaveProperty('contribution');
    expect(edit.data?.actor.version).toEqual(expect.any(Number));
    expect(edit.data?.actor.participations[0]?.version).toEqual(expect.any(Number));
    expect(edit.data?.actor.participations.length).toBe(read.data?.actor.participations.length);
  });
});
