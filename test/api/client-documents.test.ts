/**
 * The client's generated queries (client/api/generated, `npm run codegen`) as the page sends them —
 * printed with the fragments they spread and the `@include(if: $editable)` directives — pass the
 * server's limits (depth, cost, tokens, directives) and answer on the demo network. Every query
 * document must have its variables here; mutations are validated statically (client/api/schema.test.ts)
 * and exercised in editing.test.ts and stories.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../client/api/generated/graphql.ts';
import { capture, ids, NEEDS_DATA, queries, VARIABLES } from '../support/client-documents.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
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
