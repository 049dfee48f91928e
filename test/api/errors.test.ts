/**
 * Unexpected errors are masked outside development, with a stable code and a request id that the
 * log line carries too; typed errors keep theirs. Hostile requests (syntax errors, token limit, deep
 * nesting, huge IDs, subscriptions, mistyped enums, batches) are HTTP 400 with their GraphQL code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { MAX_ID_LENGTH } from '../../server/protocol.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import { createGraphStore } from '../../server/store/store.ts';
import { inlineRunner } from '../../server/analysis/runner.ts';
import { createServing } from '../../server/serving/serving.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';

const failingStore = {
  kind: 'embedded',
  stats: () => Promise.reject(new Error('disk /secret/path is full')),
  actorDetails: () => Promise.reject(new Error('SQLITE_CORRUPT at /secret/path')),
} as unknown as GraphStore;

async function serve(development: boolean, clientDir = '/nonexistent', store: GraphStore = failingStore) {
  const log: string[] = [];
  const { app, apollo } = await createApp({
    store: () => store,
    serving: () => createServing(store, { config: null, runner: inlineRunner() }),
    clientDir,
    development,
    baseUrl: () => '',
    errorLog: (line) => log.push(line),
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const post = async (query: string) =>
    (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as {
      errors: { message: string; extensions: { code: string; stacktrace?: unknown } }[];
    };
  return { url, post, log, close: async () => { server.close(); await apollo.stop(); } };
}

describe('error masking', () => {
  it('in production an internal error says only INTERNAL_SERVER_ERROR', async () => {
    const s = await serve(false);
    const r = await s.post('{ actor(id: "x") { id } }');
    expect(r.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(r)).not.toContain('secret');
    await s.close();
  });

  it('an internal error is one JSON log line whose request id the client gets as header and extension', async () => {
    const s = await serve(false);
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actor(id: "x") { id } }' }) });
    const header = res.headers.get('x-request-id');
    const body = (await res.json()) as { errors: { extensions: { code: string; requestId?: string } }[] };
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: header });
    expect(s.log).toHaveLength(1);
    const line = JSON.parse(s.log[0] as string) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', requestId: header, code: 'INTERNAL_SERVER_ERROR', path: 'actor', message: 'SQLITE_CORRUPT at /secret/path' });
    await s.close();
  });

  it('in development the message is shown', async () => {
    const s = await serve(true);
    const r = await s.post('{ actor(id: "x") { id } }');
    expect(r.errors[0]?.message).toContain('SQLITE_CORRUPT');
    await s.close();
  });

  it('/healthz reports an unavailable store with 503', async () => {
    const s = await serve(false);
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(503);
    await s.close();
  });

  it('GET /graphql from a browser serves the bundled IDE page; API clients get GraphQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nwa-client-'));
    writeFileSync(join(dir, 'graphiql.html'), '<!doctype html><div id="graphiql"></div>');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    const s = await serve(false, dir);
    const page = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('id="graphiql"');
    const spa = await fetch(`${s.url}/some/deep/link`, { headers: { accept: 'text/html' } });
    expect(await spa.text()).toContain('id="root"');
    await s.close();
  });
});

describe('hostile requests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwa-hostile-'));
  let s: Awaited<ReturnType<typeof serve>>;
  let store: GraphStore;
  beforeAll(async () => {
    store = createGraphStore(new SqliteBackend(join(dir, 'store.sqlite')));
    await store.init();
    await loadDemo(store);
    s = await serve(false, '/nonexistent', store);
  });
  afterAll(async () => {
    await s.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const huge = 'x'.repeat(1_000_000);
  /** name, raw JSON body, expected status and code. */
  const cases: [string, string, number, string][] = [
    ['syntax error', JSON.stringify({ query: '{ actor(id: "x" { id } }' }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['unclosed brace', JSON.stringify({ query: '{' }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['empty query', JSON.stringify({ query: '' }), 400, 'BAD_REQUEST'],
    ['token limit', JSON.stringify({ query: `{ ${'__typename '.repeat(2500)} }` }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['list literal nested 5,000 deep', JSON.stringify({ query: `{ actor(id: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }` }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['object literal nested 900 deep', JSON.stringify({ query: `{ actor(id: ${'{a:'.repeat(900)}1${'}'.repeat(900)}) { id } }` }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['variables nested 5,000 deep', `{"query":"query($t: [NodeType!]) { search(text: \\"a\\", types: $t) { id } }","variables":{"t":${'['.repeat(5000)}${']'.repeat(5000)}}}`, 400, 'BAD_USER_INPUT'],
    ['selection 30 deep', JSON.stringify({ query: `{ __schema { types { fields { type { ${'ofType { '.repeat(25)} name ${'} '.repeat(25)} } } } } }` }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['1 MB ID literal', JSON.stringify({ query: `{ actor(id: "${huge}") { id } }` }), 400, 'BAD_USER_INPUT'],
    ['1 MB ID variable', JSON.stringify({ query: 'query($id: ID!) { actor(id: $id) { id } }', variables: { id: huge } }), 400, 'BAD_USER_INPUT'],
    ['1 MB ID in an input list', JSON.stringify({ query: 'mutation($i: ActorInput!) { createActor(input: $i) { id } }', variables: { i: { name: 'A', sourceIds: ['s-1', huge] } } }), 400, 'BAD_USER_INPUT'],
    ['1 MB string in an Int variable', JSON.stringify({ query: 'query($l: Int) { search(text: "a", limit: $l) { id } }', variables: { l: huge } }), 400, 'BAD_USER_INPUT'],
    ['subscription', JSON.stringify({ query: 'subscription { x }' }), 400, 'BAD_REQUEST'],
    ['mistyped enum', JSON.stringify({ query: '{ search(text: "a", types: [ACTR]) { id } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['mistyped field', JSON.stringify({ query: '{ actorz(id: "a") { id } }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['batched requests', JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), 400, 'BAD_REQUEST'],
    ['query not a string', JSON.stringify({ query: 5 }), 400, 'BAD_REQUEST'],
    ['unknown operation name', JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['broken JSON', '{"query": ', 400, 'BAD_REQUEST'],
  ];

  it.each(cases)('%s → HTTP %i %s, short, no suggestion, a request id', async (_name, body, status, code) => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await res.text();
    expect(res.status).toBe(status);
    const r = JSON.parse(text) as { errors: { message: string; extensions: { code: string; field?: string } }[] };
    expect(r.errors.map((e) => e.extensions.code)).toEqual([code]);
    expect(text.length).toBeLessThan(1000); // nothing sent is echoed in full
    expect(text).not.toMatch(/Did you mean|Suggestion|RangeError|Maximum call stack/);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an ID over the cap names its argument; one at the cap is looked up as usual', async () => {
    const literal = await s.post(`{ actor(id: "${'x'.repeat(MAX_ID_LENGTH + 1)}") { id } }`);
    expect(literal.errors[0]).toMatchObject({ message: `id: an ID may be at most ${MAX_ID_LENGTH} characters long`, extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    const nested = await s.post(`mutation { createActor(input: { id: "a-1", name: "A", kind: "company", sourceIds: ["${'y'.repeat(5000)}"] }) { id } }`);
    expect(nested.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input' } });
    const atCap = await s.post(`{ actor(id: "${'x'.repeat(MAX_ID_LENGTH)}") { id } }`);
    expect(atCap.errors[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('a mistyped enum value and field get no suggestion', async () => {
    const r = await s.post('{ search(text: "a", types: [ACTR]) { id } }');
    expect(r.errors[0]?.message).toBe('Value "ACTR" does not exist in "NodeType" enum.');
  });

  it('a burst of all of them: 0 HTTP 500, 0 INTERNAL_SERVER_ERROR, nothing logged as internal', async () => {
    const statuses: number[] = [];
    const codes: string[] = [];
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        cases.map(async ([, body]) => {
          const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          statuses.push(res.status);
          const r = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          codes.push(...(r.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'));
        }),
      );
    }
    expect(statuses).toHaveLength(cases.length * 3);
    expect(statuses.filter((x) => x >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NONE')).toEqual([]);
    expect(s.log).toEqual([]);
    // The server still answers.
    expect((await s.post('{ actor(id: "a-zarof") { id } }')) as unknown).toMatchObject({ data: { actor: { id: 'a-zarof' } } });
  });
});
