/**
 * `POST /import`: uploads through the API (editor role). A dry run reports what would change and
 * writes nothing; applying writes in one go; the same file again changes nothing; a file with broken
 * rows is rejected whole (422) with file, line and reason; the audit log records who imported what.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const DEMO = fileURLToPath(new URL('../../server/demo/', import.meta.url));
let server: TestServer;
let editor: string;
let viewer: string;

beforeAll(async () => {
  server = await startTestServer();
  const make = async (role: string, name: string) =>
    (
      await server.gql<{ createToken: { secret: string } }>(`mutation { createToken(name: "${name}", role: ${role}) { secret } }`, {}, server.adminSecret ?? '')
    ).data?.createToken.secret ?? '';
  editor = await make('EDITOR', 'Regionalmanagement');
  viewer = await make('VIEWER', 'Gäste');
});
afterAll(async () => {
  await server?.close();
});

/** The answer of POST /import: a report, or errors. */
interface ImportAnswer {
  dryRun?: boolean;
  format?: string;
  files?: string[];
  result?: Record<'created' | 'updated' | 'unchanged', Record<string, number>>;
  errors: { message: string; extensions: { code: string; issues?: { file: string; line: number; field: string }[] } }[];
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function upload(files: { name: string; text: string }[], opts: { dryRun: boolean; token?: string }) {
  const res = await fetch(`${server.url}import?dryRun=${opts.dryRun}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify({ files: files.map((f) => ({ name: f.name, content: b64(f.text) })) }),
  });
  return { status: res.status, body: (await res.json()) as ImportAnswer };
}

const demoActors = readFileSync(`${DEMO}actors.csv`, 'utf8');
const header = demoActors.split('\n')[0] ?? '';
const newActors = `${header}\na-chemiepark,Chemiepark Bitterfeld-Wolfen GmbH,company,chemie,de-14730,,,,\na-ihk-leipzig,IHK zu Leipzig,chamber,wirtschaft,de-14713,,,,\n`;

describe('POST /import', () => {
  it("places actors by their location columns and reports how: placed per method, abroad, not placed with reason and line", async () => {
    const text = [
      'id,name,kind,ags,nuts,lat,lon,city,district,postcode,country',
      'a-geo-1,Akteur mit AGS,company,14612000,,,,,,,',
      'a-geo-2,Akteur mit NUTS,company,,DED2E,,,,,,',
      'a-geo-3,Akteur mit Koordinaten,company,,,51.0519,13.7416,,,,',
      'a-geo-4,Akteur mit Kreisname,company,,,,,,Landkreis Görlitz,,',
      'a-geo-5,Akteur in München?,company,,,,,,München,,',
      'a-geo-6,Akteur nur mit PLZ,company,,,,,,,01069,',
      'a-geo-7,Akteur in Wien,company,,,,,Wien,,1010,AT',
    ].join('\n');
    const r = await upload([{ name: 'actors.csv', text }], { dryRun: true, token: editor });
    expect(r.status).toBe(200);
    const placement = (r.body.result as unknown as { placement: Record<string, unknown> }).placement;
    expect(placement).toMatchObject({ actors: 7, given: 0, placed: 4, foreign: 1, notPlaced: 2 });
    expect(placement.byMethod).toEqual([
      { method: 'ags', count: 1, examples: [{ file: 'actors.csv', line: 2, name: 'Akteur mit AGS', detail: 'municipal key 14612000' }] },
      { method: 'nuts3', count: 1, examples: [] },
      { method: 'coordinates', count: 1, examples: [] },
      { method: 'name', count: 1, examples: [{ file: 'actors.csv', line: 5, name: 'Akteur mit Kreisname', detail: 'district "Landkreis Görlitz"' }] },
    ]);
    expect(placement.byReason).toEqual([
      { reason: 'postcode_only', count: 1, examples: [{ file: 'actors.csv', line: 7, name: 'Akteur nur mit PLZ', detail: 'postcode 01069 only: no postcode table shipped' }] },
      {
        reason: 'ambiguous_name',
        count: 1,
        examples: [{ file: 'actors.csv', line: 6, name: 'Akteur in München?', detail: 'district "München" may be München (09162) or Landkreis München (09184)' }],
      },
    ]);
  });

  it('refuses a request without an editor token before reading its body', async () => {
    // 150 MB announced, 1 kB sent: a body parser would wait for the rest (or answer 413); the role check answers at once.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}import?dryRun=true`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(150e6) } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      req.write('{"files": [' + ' '.repeat(1000));
    });
    expect(status).toBe(401);
  });

  it('needs an editor token', async () => {
    expect((await upload([{ name: 'actors.csv', text: newActors }], { dryRun: true })).status).toBe(401);
    const r = await upload([{ name: 'actors.csv', text: newActors }], { dryRun: true, token: viewer });
    expect([r.status, r.body.errors[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a dry run reports and writes nothing; applying writes; the same file again changes nothing', async () => {
    const before = (await server.store.stats()).actors;
    const dry = await upload([{ name: 'actors.csv', text: newActors }], { dryRun: true, token: editor });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv-template', files: ['actors.csv'], result: { created: { actors: 2 } } });
    expect((await server.store.stats()).actors).toBe(before);

    const applied = await upload([{ name: 'actors.csv', text: newActors }], { dryRun: false, token: editor });
    expect(applied.body).toMatchObject({ dryRun: false, result: { created: { actors: 2 }, updated: { actors: 0 } } });
    expect((await server.store.stats()).actors).toBe(before + 2);

    const again = await upload([{ name: 'actors.csv', text: newActors }], { dryRun: false, token: editor });
    expect(again.body.result).toMatchObject({ created: { actors: 0 }, updated: { actors: 0 }, unchanged: { actors: 2 } });

    const log = await server.gql<{ auditLog: { entries: { who: string; action: string; entityId: string; after: unknown }[] } }>(
      '{ auditLog(limit: 5) { entries { who action entityId after } } }',
      {},
      editor,
    );
    expect(log.data?.auditLog.entries.filter((e) => e.action === 'import')).toEqual([
      { who: 'Regionalmanagement', action: 'import', entityId: 'actors.csv', after: { created: { actors: 2 }, updated: {} } },
    ]);
  });

  it('several template files are read as one folder', async () => {
    const coops = `actor_id,partner_id,kind,since,until,description,sources\na-chemiepark,a-zarof,cooperation,2025,,,\n`;
    const r = await upload(
      [
        { name: 'actors.csv', text: newActors },
        { name: 'cooperations.csv', text: coops },
      ],
      { dryRun: true, token: editor },
    );
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ created: { cooperations: 1 }, unchanged: { actors: 2 } });
  });

  it('a file with broken rows is rejected whole, naming file, line and field', async () => {
    const broken = `${header}\na-ok,Neuer Akteur,company,,,,,,\na-bad,Kaputt,pirate,,,,,,\na-bad2,Kaputt 2,company,,r-atlantis,,,,\n`;
    const before = (await server.store.stats()).actors;
    const r = await upload([{ name: 'actors.csv', text: broken }], { dryRun: false, token: editor });
    expect(r.status).toBe(422);
    const issues = r.body.errors[0]?.extensions.issues ?? [];
    expect(issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['actors.csv', 3, 'kind'],
      ['actors.csv', 4, 'region_id'],
    ]);
    expect((await server.store.stats()).actors).toBe(before); // the valid row was not written either
  });

  it('takes stories.json with CSV template files, and on its own', async () => {
    const stories = JSON.stringify([{ id: 'auftakt', title: 'Auftakt', slides: [{ id: 'eins', view: { query: '?layout=geo' } }] }], null, 2);
    const both = await upload(
      [
        { name: 'actors.csv', text: newActors },
        { name: 'stories.json', text: stories },
      ],
      { dryRun: true, token: editor },
    );
    const actors = (both.body.result?.created.actors ?? 0) + (both.body.result?.unchanged.actors ?? 0); // the actors may be there already
    expect([both.status, both.body.format, both.body.result?.created.stories, actors]).toEqual([200, 'csv-template', 1, 2]);
    const alone = await upload([{ name: 'stories.json', text: stories }], { dryRun: true, token: editor });
    expect([alone.status, alone.body.result?.created.stories]).toEqual([200, 1]);
  });

  it('a failed import that first restored a missing built-in region still moves the data on (no kept answer goes stale)', async () => {
    const admin = server.adminSecret ?? '';
    const REGIONS = '{ regions(kind: "district") { id } }';
    const version = (await server.gql<{ region: { version: number } }>('{ region(id: "de-01001") { version } }')).data?.region.version;
    const deleted = await server.gql('mutation($v: Int!) { deleteRegion(id: "de-01001", version: $v) { id } }', { v: version }, admin);
    expect(deleted.errors).toBeUndefined();
    const before = await server.gql<{ regions: { id: string }[] }>(REGIONS);
    expect(before.data?.regions.map((r) => r.id)).not.toContain('de-01001');
    const revision = server.store.revision();
    // The worker puts the district back before it reads the file; the file is then refused.
    const broken = await upload([{ name: 'actors.csv', text: `${header}
a-kaputt,,company,,de-14730,,,,
` }], { dryRun: false, token: editor });
    expect(broken.status).toBe(422);
    expect(server.store.revision()).toBeGreaterThan(revision);
    expect(server.store.changedSince(revision)).toBeNull();
    const after = await server.gql<{ regions: { id: string }[] }>(REGIONS);
    expect(after.data?.regions.map((r) => r.id)).toContain('de-01001');
  });

  it('rejects what it cannot read with a clear message', async () => {
    const cases: [{ name: string; text: string }[], RegExp][] = [
      [[{ name: 'notes.txt', text: 'x' }], /notes\.txt: not an import type/],
      [[{ name: '../actors.csv', text: 'x' }], /files\.0\.name: must be a plain file name/],
      [[], /files: send at least one file/],
      [
        [
          { name: 'a.xlsx', text: 'x' },
          { name: 'b.json', text: 'y' },
        ],
        /several files must be CSV template files/,
      ],
      [
        [
          { name: 'actors.csv', text: newActors },
          { name: 'ACTORS.csv', text: newActors },
        ],
        /ACTORS\.csv: sent twice/,
      ],
      [
        [
          { name: 'actors.csv', text: newActors },
          { name: 'partner.csv', text: 'x' },
        ],
        /partner\.csv: not a file name of the template \(expected: sources\.csv, /,
      ],
    ];
    for (const [files, message] of cases) {
      const r = await upload(files, { dryRun: true, token: editor });
      expect([r.status, r.body.errors[0]?.message]).toEqual([400, expect.stringMatching(message)]);
    }
  });
});
