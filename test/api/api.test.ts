/**
 * The GraphQL API over HTTP against the demo network: names and shapes external tools rely on,
 * error codes, and the security baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe('health and start', () => {
  it('/healthz answers 200 with JSON once the store is ready, with the demo network loaded', async () => {
    const res = await fetch(`${server.url}healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { status: string; store: string; counts: { actors: number; projects: number } };
    expect(body.status).toBe('ok');
    expect(body.store).toBe('embedded');
    expect(body.counts.actors).toBeGreaterThan(30);
    expect(body.counts.projects).toBeGreaterThan(20);
  });
});

describe('root fields', () => {
  it('search(text, limit) → SearchHit { id type kind label }', async () => {
    const r = await server.gql<{ search: { id: string; type: string; kind: string; label: string }[] }>(
      '{ search(text: "Delitzsch", limit: 5) { id type kind label } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.search.map((h) => h.id)).toEqual(expect.arrayContaining(['r-delitzsch', 'a-stadt-delitzsch']));
    expect(r.data?.search.find((h) => h.id === 'r-delitzsch')).toEqual({ id: 'r-delitzsch', type: 'REGION', kind: 'city', label: 'Delitzsch' });
  });

  it('actor(id) with region, projects, ties and provenance', async () => {
    const r = await server.gql<{ actor: { name: string; region: { id: string }; participations: { role: string; project: { id: string }; sources: { title: string }[] }[]; sources: { id: string }[] } }>(
      '{ actor(id: "a-zarof") { name region { id } participations { role project { id } sources { title } } sources { id } } }',
    );
    expect(r.data?.actor.region.id).toBe('de-14713');
    const p = r.data?.actor.participations.find((x) => x.project.id === 'p-netzwerk-chemie');
    expect(p?.role).toBe('lead');
    expect(p?.sources[0]?.title).toMatch(/Netzwerk Chemie/);
    expect(r.data?.actor.sources.map((s) => s.id)).toEqual(['s-netzwerk-chemie']);
  });

  it('project(id) lists the consortium by role, with funders, events and predecessor', async () => {
    const r = await server.gql<{ project: { participants: { role: string; contribution: number | null; actor: { id: string } }[]; funders: { id: string }[]; events: { date: string; place: { id: string } }[] } }>(
      '{ project(id: "p-wir-handwerk-meissen") { participants { role contribution actor { id } } funders { id } events { date place { id } } } }',
    );
    expect(r.data?.project.participants[0]).toEqual({ role: 'lead', contribution: null, actor: { id: 'a-khs-meissen' } });
    expect(r.data?.project.funders.map((f) => f.id)).toEqual(['a-bmbf']);
    expect(r.data?.project.events).toContainEqual({ date: '2018-05-31', place: { id: 'r-riesa' } });
    const impuls = await server.gql<{ project: { predecessor: { id: string } } }>('{ project(id: "p-impuls-regio-2018") { predecessor { id } } }');
    expect(impuls.data?.project.predecessor.id).toBe('p-impuls-regio-2015');
  });

  it('region(id) and event(id)', async () => {
    const r = await server.gql<{ region: { ancestors: { id: string }[]; children: { id: string }[] }; event: { place: { id: string }; project: { id: string }; venue: string } }>(
      '{ region(id: "r-delitzsch") { ancestors { id } children { id } } event(id: "e-teammit-kickoff") { place { id } project { id } venue } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.event).toEqual({ place: { id: 'r-wetzlar' }, project: { id: 'p-teammit' }, venue: 'Charlotte-Bamberg-Straße 3, 35578 Wetzlar' });
    expect(r.data?.region.ancestors.map((a) => a.id)).toEqual(['de-14730', 'de-14']);
  });

  it('network(filter) → Network { nodes, edges } with derived flags', async () => {
    const r = await server.gql<{ network: { nodes: { id: string; type: string; regionId: string | null }[]; edges: { source: string; target: string; kind: string; weight: number; derived: boolean }[] } }>(
      '{ network(filter: { regionIds: ["de-14730"], nodeTypes: [ACTOR] }) { nodes { id type regionId } edges { id source target kind weight derived } } }',
    );
    expect(r.errors).toBeUndefined();
    const ids = r.data?.network.nodes.map((n) => n.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['a-wfg-nordsachsen', 'a-stadt-delitzsch', 'a-landratsamt-nordsachsen']));
    expect(ids).not.toContain('a-zarof'); // sits in Leipzig
    const tie = r.data?.network.edges.find((e) => [e.source, e.target].sort().join() === ['a-stadt-delitzsch', 'a-wfg-nordsachsen'].sort().join());
    expect(tie).toMatchObject({ kind: 'cooperation', derived: true });
    expect(tie?.weight).toBeGreaterThanOrEqual(1);
  });

  it('neighborhood(id, depth), shortestPaths(from, to), regionMatrix(level)', async () => {
    const r = await server.gql<{ neighborhood: { nodes: { id: string }[] }; shortestPaths: { length: number; nodes: { id: string }[] }[]; regionMatrix: { a: string; b: string; directTies: number; derivedTies: number }[] }>(
      `{ neighborhood(id: "a-zarof", depth: 1) { nodes { id } }
         shortestPaths(from: "a-zarof", to: "a-stadt-delitzsch") { length nodes { id } }
         regionMatrix(level: "state") { a b directTies derivedTies } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.neighborhood.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['p-netzwerk-chemie', 'a-wfg-nordsachsen']));
    expect(r.data?.shortestPaths[0]).toEqual({ length: 1, nodes: [{ id: 'a-zarof' }, { id: 'a-stadt-delitzsch' }] });
    const sh = r.data?.regionMatrix.find((p) => p.a === 'de-06' && p.b === 'de-14');
    expect(sh).toEqual({ a: 'de-06', b: 'de-14', directTies: 0, derivedTies: 0 });
  });
});

describe('errors have stable codes naming the argument', () => {
  it('facets and nodeType feed the explorer: kinds and sectors of the demo actors, years, the type behind an id', async () => {
    const r = await server.gql<{ facets: { actorKinds: { value: string; count: number }[]; sectors: { value: string }[]; minYear: number; maxYear: number }; a: string | null; p: string | null; x: string | null }>(
      '{ facets { actorKinds { value count } sectors { value } minYear maxYear } a: nodeType(id: "a-zarof") p: nodeType(id: "p-teammit") x: nodeType(id: "nope") }',
    );
    expect(r.data?.facets.actorKinds.reduce((n, k) => n + k.count, 0)).toBe(37);
    expect(r.data?.facets.actorKinds[0]).toEqual({ value: 'association', count: 7 });
    expect(r.data?.facets.sectors.map((s) => s.value)).toContain('handwerk');
    expect(r.data?.facets.minYear).toBeLessThanOrEqual(2015);
    expect(r.data?.facets.maxYear).toBeGreaterThanOrEqual(2024);
    expect([r.data?.a, r.data?.p, r.data?.x]).toEqual(['ACTOR', 'PROJECT', null]);
  });

  it('unknown id → NOT_FOUND', async () => {
    for (const q of ['{ actor(id: "nope") { id } }', '{ project(id: "nope") { id } }', '{ region(id: "nope") { id } }', '{ event(id: "nope") { id } }', '{ neighborhood(id: "nope") { nodes { id } } }']) {
      expect(codeOf(await server.gql(q))).toBe('NOT_FOUND');
    }
  });

  it('invalid arguments → BAD_USER_INPUT with the field', async () => {
    const depth = await server.gql('{ neighborhood(id: "a-zarof", depth: 5) { nodes { id } } }');
    expect(depth.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    const years = await server.gql('{ network(filter: { fromYear: 2024, toYear: 2020 }) { nodes { id } } }');
    expect(years.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.toYear' });
    const level = await server.gql('{ regionMatrix(level: "galaxy") { a } }');
    expect(level.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    const limit = await server.gql('{ search(text: "a", limit: 1000) { id } }');
    expect(limit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const path = await server.gql('{ shortestPaths(from: "p-teammit", to: "a-zarof") { length } }');
    expect(path.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('a wrongly typed variable is BAD_USER_INPUT before any resolver runs', async () => {
    const r = await server.gql('query($d: Int!) { neighborhood(id: "a-zarof", depth: $d) { nodes { id } } }', { d: 'two' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
  });
});

describe('security baseline', () => {
  it('rejects queries deeper than the limit', async () => {
    const nest = (n: number): string => (n === 0 ? 'name' : `ofType { ${nest(n - 1)} }`);
    const deep = `{ __schema { types { fields { type { ${nest(30)} } } } } }`;
    const r = await server.gql(deep);
    expect(r.errors?.[0]?.message).toMatch(/depth/i);
    expect(r.data).toBeUndefined();
  });

  it('rejects too many aliases', async () => {
    const q = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { actors }`).join(' ')} }`;
    const r = await server.gql(q);
    expect(r.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('rejects request bodies over 3 MB with 413 (room for a story of 2 MB)', async () => {
    const res = await fetch(`${server.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { actors } } # ${'x'.repeat(3_200_000)}` }),
    });
    expect(res.status).toBe(413);
  });

  it('prevents CSRF: a simple cross-site request (text/plain, or GET without a preflight header) is refused', async () => {
    const post = await fetch(`${server.url}graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ stats { actors } }"}' });
    expect(post.status).toBe(400);
    const get = await fetch(`${server.url}graphql?query=${encodeURIComponent('{ stats { actors } }')}`);
    expect(get.status).toBe(400);
    const ok = await fetch(`${server.url}graphql?query=${encodeURIComponent('{ stats { actors } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });

  it('does not suggest field names outside development', async () => {
    const r = await server.gql('{ stats { actorz } }');
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
