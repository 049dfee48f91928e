/**
 * Round trips: the demo network (with the demo story and a second story of two slides full of
 * awkward values) exported in each format and imported into an empty store gives the same network
 * and the same stories; importing the export into the store it came from changes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../server/demo/load-demo.ts';
import type { GraphBatch } from '../../server/domain/model.ts';
import type { Network } from '../../server/network/network.model.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../../server/export/formats.ts';
import { importFiles } from '../../server/import/import-files.ts';
import { SqliteBackend } from '../../server/store/embedded/sqlite-backend.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createGraphStore } from '../../server/store/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
async function freshStore(): Promise<GraphStore> {
  const store = createGraphStore(new SqliteBackend(join(dir, `store-${n++}.sqlite`)));
  await store.init();
  return store;
}

/** Writes an export to disk: a folder for CSV, one file otherwise; returns the path to import. */
async function exportTo(format: ExportFormatName, batch: GraphBatch): Promise<string> {
  const spec = EXPORT_FORMATS[format];
  const written = await spec.write(batch);
  if (written instanceof Map) {
    const folder = join(dir, `${format}-${n++}`);
    mkdirSync(folder);
    for (const [file, content] of written) writeFileSync(join(folder, file), content);
    return folder;
  }
  const file = join(dir, `export-${n++}${spec.output === 'folder' ? '' : spec.output.extension}`);
  writeFileSync(file, written);
  return file;
}

/** Two slides with everything a slide holds, and text that is awkward in every format. */
const twoSlides = {
  id: 'werkstatt-delitzsch',
  title: 'Werkstatt „Müller & Söhne“ <Delitzsch>',
  description: 'Zeile 1\nZeile 2, mit Komma; Semikolon | Strich "Zitat" ]]> 🙂',
  slides: [
    {
      id: 'eins',
      title: 'Alle Akteure',
      notes: 'Notiz mit\nZeilenumbruch\tund Tab, "Anführungszeichen" & <Markup>.',
      view: { query: '?layout=geo&regions=de-14730,de-14713', positions: null, zoom: null, pan: null, size: null, highlight: [] },
      reveal: { by: 'region' },
    },
    {
      id: 'zwei',
      title: '',
      notes: null,
      view: { query: '?focus=a-zarof&depth=2', positions: { 'a-zarof': { x: 12.5, y: -3.25 }, 'a-ctc': { x: 0, y: 1e-7 } }, zoom: 1.75, pan: { x: -100, y: 42 }, size: { w: 1280, h: 720 }, highlight: ['a-zarof', 'a-ctc'] },
      reveal: { by: 'year' },
    },
  ],
};

let source: GraphStore;
let original: GraphBatch;
beforeAll(async () => {
  source = await freshStore();
  await loadDemo(source);
  await source.applyBatch({ stories: [twoSlides] });
  original = await source.exportBatch();
});

it('the source holds the demo story and a story of two slides', () => {
  expect(original.stories.map((s) => [s.id, s.slides.length])).toEqual([
    ['regionale-netzwerke-im-strukturwandel', 8],
    ['werkstatt-delitzsch', 2],
  ]);
  expect(original.stories[1]?.slides).toEqual(twoSlides.slides);
});

describe.each(['csv', 'xlsx', 'json', 'gexf', 'graphml'] as const)('round trip: %s', (format) => {
  it('export → import into an empty store → the same network', async () => {
    const path = await exportTo(format, original);
    const target = await freshStore();
    const created = await importFiles(target, path);
    expect(created.created).toEqual(await source.stats());
    expect(await target.exportBatch()).toEqual(original);
    expect(await target.stories()).toEqual(await source.stories());
    const sorted = (net: Network) => ({ nodes: [...net.nodes].sort(byId), edges: [...net.edges].sort(byId), truncated: net.truncated });
    expect(sorted(await target.network({ includeDerived: true }))).toEqual(sorted(await source.network({ includeDerived: true })));
    await target.close();
  });

  it('importing the export into the store it came from changes nothing', async () => {
    const path = await exportTo(format, original);
    const again = await importFiles(source, path);
    expect(Object.values(again.created).every((x) => x === 0)).toBe(true);
    expect(Object.values(again.updated).every((x) => x === 0)).toBe(true);
    expect(again.unchanged).toEqual(await source.stats());
  });
});

describe('cypher export', () => {
  it('is one MERGE-based script that names every entity', async () => {
    const script = (await EXPORT_FORMATS.cypher.write(original)) as string;
    expect(script).toContain('// Netzwerkatlas export');
    for (const a of original.actors) expect(script).toContain(`'${a.id}'`);
    expect(script).toMatch(/MERGE/);
    for (const s of original.stories) expect(script).toContain(`{id: '${s.id}', title: `);
    expect(script).toMatch(/MERGE \(n:Story \{id: row\.id\}\)/);
  });
});

describe('CSV export against formula injection', () => {
  /** Names a spreadsheet would run as formulas, one that looks neutralised already, and a lone dash. */
  const hostile = [
    { id: 'a-formula', name: '=HYPERLINK("http://x","y")' },
    { id: 'a-plus', name: '+Plus Verbund e.V.' },
    { id: 'a-minus', name: '-Minus GmbH' },
    { id: 'a-at', name: '@Werkstatt' },
    { id: 'a-quoted', name: "'=schon zitiert" },
    { id: 'a-dash', name: '-' },
    { id: 'a-plain', name: "O'Brien & Partner" },
  ];
  let store: GraphStore;
  let batch: GraphBatch;
  beforeAll(async () => {
    store = await freshStore();
    await loadDemo(store);
    await store.applyBatch({
      regions: [{ id: 'r-suedhalbkugel', name: 'Südhalbkugel', kind: 'planning_region', code: null, lat: -33.92, lon: -18.42, parentId: null, description: '-5 °C', tags: ['-kalt', '+warm'], sourceIds: [] }],
      actors: hostile.map((a) => ({ ...a, kind: 'company', sectors: ['@forschung'], regionId: 'r-suedhalbkugel', website: null, description: null, tags: [], sourceIds: [] })),
    } as Partial<GraphBatch>);
    batch = await store.exportBatch();
  });
  afterAll(() => store.close());

  it('writes formula-like text cells with a leading quote and numbers as they are', async () => {
    const files = (await EXPORT_FORMATS.csv.write(batch)) as Map<string, string>;
    const actors = files.get('actors.csv') ?? '';
    expect(actors).toContain(`a-formula,"'=HYPERLINK(""http://x"",""y"")",company,'@forschung,`);
    expect(actors).toContain("a-plus,'+Plus Verbund e.V.,");
    expect(actors).toContain("a-minus,'-Minus GmbH,");
    expect(actors).toContain("a-at,'@Werkstatt,");
    expect(actors).toContain("a-quoted,''=schon zitiert,");
    expect(actors).toContain("a-dash,'-,");
    expect(actors).toContain("a-plain,O'Brien & Partner,");
    const regions = files.get('regions.csv') ?? '';
    expect(regions).toContain("r-suedhalbkugel,Südhalbkugel,planning_region,,-33.92,-18.42,,'-5 °C,'-kalt|+warm,");
    // No cell of any file starts with a formula character (after the CSV quoting).
    for (const [file, text] of files) {
      for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
        const cells = line.match(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g) ?? [];
        for (const raw of cells) {
          const cell = raw.replace(/^,/, '').replace(/^"(.*)"$/s, '$1');
          if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
          expect(/^[=+\-@\t\r]/.test(cell), `${file}: ${cell}`).toBe(false);
        }
      }
    }
  });

  it('export → import gives back the same names and numbers (the added quote is taken off)', async () => {
    const path = await exportTo('csv', batch);
    const target = await freshStore();
    await importFiles(target, path);
    const back = await target.exportBatch();
    expect(back).toEqual(batch);
    const names = new Map(back.actors.map((a) => [a.id, a.name]));
    for (const a of hostile) expect(names.get(a.id)).toBe(a.name);
    const region = back.regions.find((r) => r.id === 'r-suedhalbkugel');
    expect([region?.lat, region?.lon, region?.description, region?.tags]).toEqual([-33.92, -18.42, '-5 °C', ['-kalt', '+warm']]);
    await target.close();
  });

  it('XLSX cells are typed text and keep the value as it is (no quote added)', async () => {
    // A lone "-" is read as missing from XLSX (a sheet cannot mark it as text); leave that actor out.
    const path = await exportTo('xlsx', { ...batch, actors: batch.actors.filter((a) => a.id !== 'a-dash') });
    const target = await freshStore();
    await importFiles(target, path);
    const names = new Map((await target.exportBatch()).actors.map((a) => [a.id, a.name]));
    for (const a of hostile.filter((x) => x.id !== 'a-dash')) expect(names.get(a.id)).toBe(a.name);
    await target.close();
  });
});
