/**
 * Stories in the exchange formats: a broken slides cell in CSV or XLSX, a broken graph-level
 * stories value in GEXF or GraphML, and `stories.json` beside the CSV template files; every
 * problem names the file, the line and the field.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyBatch, storySchema, type GraphBatch } from '../../server/domain/model.ts';
import { writeCsvBundle } from '../../server/export/csv.ts';
import { writeGexf } from '../../server/export/gexf.ts';
import { writeGraphml } from '../../server/export/graphml.ts';
import { ImportError, readCsvBundle, type ImportIssue } from '../../server/import/csv-bundle.ts';
import { readGexf } from '../../server/import/gexf.ts';
import { readGraphml } from '../../server/import/graphml.ts';
import { importFiles, readImport } from '../../server/import/import-files.ts';
import { readXlsx } from '../../server/import/xlsx.ts';
import { storyFixture } from '../contract/fixture.ts';
import { issuesOf, lineOf, storeFactory } from '../support/exchange.ts';

const freshStore = storeFactory('stories');
const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A folder with these files; returns its path. */
function folder(files: Record<string, string>): string {
  const path = join(dir, `f-${n++}`);
  mkdirSync(path);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

async function importIssues(p: Promise<unknown>): Promise<ImportIssue[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const story = storySchema.parse(storyFixture);
const withStory = (): GraphBatch => ({ ...emptyBatch(), stories: [story] });
const BROKEN = 'st-2,Kaputt,,"[{""id"": ""a"",]"\n';
const HEADER = 'id,title,description,slides\n';

describe('CSV: stories.csv, slides as JSON in one cell', () => {
  it('writes the slides as one JSON cell and reads them back', async () => {
    const files = writeCsvBundle(withStory());
    const text = files.get('stories.csv') ?? '';
    expect(text.split('\n')[0]).toBe('\uFEFFid,title,description,slides');
    const path = folder({ 'stories.csv': text });
    const store = await freshStore();
    expect((await importFiles(store, path)).created.stories).toBe(1);
    expect((await store.story('st-chemie'))?.row).toEqual(story);
  });

  it('a slides cell that is not JSON: the file, its line and the column, streamed or read whole', async () => {
    const text = `${HEADER}st-1,Gut,,[]\n${BROKEN}`;
    const expected = [{ file: 'stories.csv', line: 3, field: 'slides', message: expect.stringMatching(/^not valid JSON \(/) }];
    expect(await importIssues(readImport(folder({ 'stories.csv': text })))).toEqual(expected);
    expect(issuesOf(() => readCsvBundle(folder({ 'stories.csv': text })))).toEqual(expected);
    const single = join(folder({ 'stories.csv': text }), 'stories.csv');
    expect(await importIssues(readImport(single))).toEqual(expected);
  });

  it('a slide problem names the line and the path inside the cell', async () => {
    const slides = JSON.stringify([{ id: 'a' }, { id: 'a', view: { query: '?layout=geo' } }]).replaceAll('"', '""');
    const path = folder({ 'stories.csv': `${HEADER}st-1,Gut,,[]\nst-2,Doppelt,,"${slides}"\n` });
    const issues = await importIssues(importFiles(await freshStore(), path));
    expect(issues).toEqual([{ file: 'stories.csv', line: 3, field: 'slides[1].id', message: 'duplicate slide id "a" (slides[0] has it too)' }]);
  });
});

describe('stories.json beside the CSV template files', () => {
  const json = `${JSON.stringify([story, { ...story, id: 'st-2' }], null, 2)}\n`;

  it('is read with the folder, each story remembering its line', async () => {
    const { batch, origins } = readCsvBundle(folder({ 'stories.json': json }));
    expect(batch.stories).toEqual([story, { ...story, id: 'st-2' }]);
    expect(origins.stories.map((o) => o.line)).toEqual([2, lineOf(json, '"id": "st-2"') - 1]);
    const store = await freshStore();
    expect((await importFiles(store, folder({ 'stories.json': json }))).created.stories).toBe(2);
    // One file on its own (an upload of stories.json) reads the same.
    expect((await readImport(join(folder({ 'stories.json': json }), 'stories.json'))).batch.stories).toHaveLength(2);
  });

  it('names the line of a problem, and refuses a folder holding both stories.csv and stories.json', async () => {
    const bad = json.replace('"id": "st-2"', '"id": "st 2"');
    const issues = await importIssues(importFiles(await freshStore(), folder({ 'stories.json': bad })));
    expect(issues).toEqual([{ file: 'stories.json', line: lineOf(bad, '"id": "st 2"') - 1, field: 'id', message: expect.stringContaining('a-z') }]);
    expect(issuesOf(() => readCsvBundle(folder({ 'stories.json': '[{"id": "x",\n]' })))).toEqual([
      { file: 'stories.json', line: 2, field: null, message: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(issuesOf(() => readCsvBundle(folder({ 'stories.json': '{"id": "x"}' })))[0]?.message).toMatch(/expected a JSON array of stories/);
    expect(issuesOf(() => readCsvBundle(folder({ 'stories.json': json, 'stories.csv': HEADER })))[0]?.message).toMatch(/both stories\.csv and stories\.json/);
  });
});

describe('XLSX: a stories sheet', () => {
  it('a slides cell that is not JSON names the sheet, row and column', async () => {
    const cell = (value: string) => ({ value, type: String });
    const data = await writeXlsxFile([
      {
        sheet: 'stories',
        data: [['id', 'title', 'description', 'slides'].map(cell), ['st-1', 'Gut', '', '[]'].map(cell), ['st-2', 'Kaputt', '', '[{"id": "a",]'].map(cell)],
      },
    ]).toBuffer();
    expect(await importIssues(readXlsx(data, 'x.xlsx'))).toEqual([{ file: 'x.xlsx [stories]', line: 3, field: 'slides', message: expect.stringMatching(/^not valid JSON/) }]);
  });
});

describe('GEXF and GraphML: stories as graph-level data', () => {
  it('only when there are stories; read back exactly', () => {
    expect(writeGexf(emptyBatch())).not.toContain('stories');
    expect(writeGraphml(emptyBatch())).not.toContain('stories');
    const gexf = writeGexf(withStory());
    expect(gexf).toMatch(/<meta>[\s\S]*<nwa:stories xmlns:nwa="[^"]+" count="1">\[\{&quot;id&quot;:&quot;st-chemie&quot;/);
    expect(readGexf(gexf, 'x.gexf').batch.stories).toEqual([story]);
    const graphml = writeGraphml(withStory());
    expect(graphml).toContain('<key id="g_stories" for="graph" attr.name="stories" attr.type="string"/>');
    expect(graphml).toMatch(/<graph [^>]*>\n {4}<data key="g_stories">\[/);
    expect(readGraphml(graphml, 'x.graphml').batch.stories).toEqual([story]);
  });

  it('a broken stories value names its line', () => {
    const gexf = writeGexf(withStory()).replace('&quot;st-chemie&quot;', '&quot;st-chemie');
    expect(issuesOf(() => readGexf(gexf, 'x.gexf'))).toEqual([{ file: 'x.gexf', line: lineOf(gexf, '<nwa:stories'), field: 'stories', message: expect.stringMatching(/^not valid JSON/) }]);
    const graphml = writeGraphml(withStory()).replace(/<data key="g_stories">\[/, '<data key="g_stories">{');
    expect(issuesOf(() => readGraphml(graphml, 'x.graphml'))).toEqual([
      { file: 'x.graphml', line: lineOf(graphml, '<data key="g_stories">'), field: 'stories', message: expect.stringMatching(/^not valid JSON/) },
    ]);
  });
});
