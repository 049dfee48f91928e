/** Downloads over HTTP: `GET /export/<format>` against the demo network. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../server/import/xlsx.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('GET /export/<format>', () => {
  it('json: the whole store as an attachment, in our JSON format', async () => {
    const res = await fetch(`${server.url}export/json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="netzwerkatlas-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await res.json()) as { format: string; batch: { actors: unknown[]; regions: unknown[] } };
    expect(body.format).toBe('netzwerkatlas');
    expect(body.batch.actors).toHaveLength((await server.store.stats()).actors);
  });

  it('xlsx: a workbook the importer reads back with every actor', async () => {
    const res = await fetch(`${server.url}export/xlsx`);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const bundle = await readXlsx(Buffer.from(await res.arrayBuffer()), 'download.xlsx');
    expect(bundle.batch.actors).toHaveLength((await server.store.stats()).actors);
  });

  it('cypher: a script of MERGE statements', async () => {
    const text = await (await fetch(`${server.url}export/cypher`)).text();
    expect(text).toMatch(/MERGE/);
    expect(text).toContain("'a-zarof'");
  });

  it('unknown formats and the CSV folder are 404 with the list of formats', async () => {
    for (const f of ['nope', 'csv']) {
      const res = await fetch(`${server.url}export/${f}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/one of: xlsx, json, gexf, graphml, cypher/);
    }
  });
});
