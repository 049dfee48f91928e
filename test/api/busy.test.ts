/**
 * Budgets for heavy work over HTTP (server/serving/work-queue.ts): beyond them a caller gets
 * RATE_LIMITED (429) or BUSY (503) with a Retry-After header and `retryAfter`, at once; an editor is
 * not held to the anonymous budget; answers already computed are given to everyone.
 */
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineRunner } from '../../server/analysis/runner.ts';
import { createApp } from '../../server/app.ts';
import { createToken } from '../../server/auth/tokens.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { createServing } from '../../server/serving/serving.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createGraphStore } from '../../server/store/store.ts';

let dir: string;
let store: GraphStore;
let server: Server;
let url: string;
let editor: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-busy-'));
  store = createGraphStore(new SqliteBackend(join(dir, 'store.sqlite')));
  await store.init();
  await loadDemo(store);
  editor = (await createToken(store, { name: 'Moderation', role: 'editor', createdBy: null })).secret;
  // Anonymous callers may start no analysis at all; reads: at most one at a time for everyone.
  const serving = createServing(store, {
    config: null,
    runner: inlineRunner(),
    lanes: { analysis: { max: 8, limitedMax: 0, cacheEntries: 8, retryAfterS: 7 }, read: { max: 0, limitedMax: 0, cacheEntries: 8, retryAfterS: 3 } },
  });
  const { app } = await createApp({ store: () => store, serving: () => serving, clientDir: '/nonexistent', development: false, baseUrl: () => '' });
  server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});
afterAll(async () => {
  server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (query: string, token?: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
};

describe('budgets for heavy work', () => {
  it('refuses an anonymous caller new analysis work with 429 RATE_LIMITED and a retry hint', async () => {
    const r = await post('{ networkStats { nodes } }');
    expect(r.status).toBe(429);
    expect(r.retryAfter).toBe('7');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 7 });
    expect(JSON.stringify(r.body)).not.toContain('http');
  });

  it('an editor is not held to that budget; what was computed is then answered to everyone', async () => {
    const e = await post('{ networkStats { nodes } }', editor);
    expect(e.status).toBe(200);
    expect((e.body.data as { networkStats: { nodes: number } }).networkStats.nodes).toBeGreaterThan(10);
    const a = await post('{ networkStats { nodes } }');
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual(e.body.data);
  });

  it('answers 503 BUSY with a retry hint when a lane has no room', async () => {
    const r = await post('{ neighborhood(id: "a-zarof") { nodes { id } } }', editor);
    expect(r.status).toBe(503);
    expect(r.retryAfter).toBe('3');
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BUSY', retryAfter: 3 });
  });
});
