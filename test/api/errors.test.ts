/**
 * Unexpected errors are masked outside development, with a stable code; typed errors keep theirs.
 */
import { describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { inlineRunner } from '../../server/analysis/runner.ts';
import { AnalysisService } from '../../server/metrics/metrics.service.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';

const failingStore = {
  kind: 'embedded',
  stats: () => Promise.reject(new Error('disk /secret/path is full')),
  actorDetails: () => Promise.reject(new Error('SQLITE_CORRUPT at /secret/path')),
} as unknown as GraphStore;

async function serve(development: boolean, clientDir = '/nonexistent') {
  const { app, apollo } = await createApp({ store: () => failingStore, analysis: () => new AnalysisService(failingStore, inlineRunner()), clientDir, development, baseUrl: () => '' });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  const post = async (query: string) =>
    (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as {
      errors: { message: string; extensions: { code: string; stacktrace?: unknown } }[];
    };
  return { url, post, close: async () => { server.close(); await apollo.stop(); } };
}

describe('error masking', () => {
  it('in production an internal error says only INTERNAL_SERVER_ERROR', async () => {
    const s = await serve(false);
    const r = await s.post('{ actor(id: "x") { id } }');
    expect(r.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(r)).not.toContain('secret');
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
