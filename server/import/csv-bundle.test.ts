import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteBackend } from '../store/embedded/sqlite-backend.ts';
import { BatchValidationError } from '../store/batch.ts';
import { createGraphStore } from '../store/store.ts';
import { type ImportError, parseCsvFile, readCsvBundle, toImportError } from './csv-bundle.ts';
import { parseCell } from './csv-format.ts';

function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nwa-csv-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('CSV cells', () => {
  it('German decimal commas and dates, lists, empty cells', () => {
    expect(parseCell('51,5234', 'number')).toBe(51.5234);
    expect(parseCell('-7.25', 'number')).toBe(-7.25);
    expect(parseCell('31.12.2024', 'date')).toBe('2024-12-31');
    expect(parseCell('4.5.2023', 'date')).toBe('2023-05-04');
    expect(parseCell('03.2024', 'date')).toBe('2024-03');
    expect(parseCell('2024-03', 'date')).toBe('2024-03');
    expect(parseCell(' chemie | bildung ', 'list')).toEqual(['chemie', 'bildung']);
    expect(parseCell('', 'list')).toEqual([]);
    expect(parseCell('  ', 'text')).toBeNull();
  });
});

describe('cells saying "no value"', () => {
  it('NA, n/a, k. A. and dashes in optional columns are read as missing, each a warning with line and field', () => {
    const text =
      'id,name,kind,sectors,region_id,website,description,tags,sources\n' +
      'a-1,Stadtwerke Delitzsch,company,NA,k. A.,n/a,-,,\n' +
      'a-2,IHK Halle-Dessau,chamber,,,https://www.ihk.de,–,,\n';
    const r = parseCsvFile('actors', text, 'actors.csv');
    expect(r.rows[0]).toMatchObject({ id: 'a-1', sectors: [], regionId: null, website: null, description: null });
    expect(r.rows[1]).toMatchObject({ website: 'https://www.ihk.de', description: null });
    expect(r.warnings.count).toBe(5);
    expect(r.warnings.list.map((w) => `${w.file}:${w.line} ${w.field} ${w.message}`)).toEqual([
      'actors.csv:2 sectors "NA" read as missing',
      'actors.csv:2 region_id "k. A." read as missing',
      'actors.csv:2 website "n/a" read as missing',
      'actors.csv:2 description "-" read as missing',
      'actors.csv:3 description "–" read as missing',
    ]);
  });

  it('a required column saying NA stays an error naming file, line and column', async () => {
    const dir = bundle({ 'actors.csv': 'id,name,kind\na-1,NA,company\n' });
    const store = createGraphStore(new SqliteBackend(':memory:'));
    await store.init();
    const b = readCsvBundle(dir);
    expect(b.warnings?.count).toBe(1);
    const err = await store.applyBatch(b.batch).then(
      () => null,
      (e: unknown) => (e instanceof BatchValidationError ? toImportError(e, b.origins) : null),
    );
    expect(err?.issues.map((i) => [i.file, i.line, i.field])).toEqual([['actors.csv', 2, 'name']]);
    expect((await store.stats()).actors).toBe(0);
    await store.close();
  });
});

describe('CSV files', () => {
  it('reads comma or semicolon files, with or without BOM, quoted fields across lines', () => {
    const text = '\uFEFFid;name;kind;code;lat;lon;parent_id;description;tags;sources\n' +
      'r-a;"Stadt; mit Semikolon";city;;51,1;12,2;;"zwei\nZeilen";x|y;\n' +
      'r-b;B;city;;50;11;r-a;;;\n';
    const r = parseCsvFile('regions', text, 'regions.csv');
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({ id: 'r-a', name: 'Stadt; mit Semikolon', lat: 51.1, lon: 12.2, description: 'zwei\nZeilen', tags: ['x', 'y'], sourceIds: [] });
    expect(r.origins.map((o) => o.line)).toEqual([2, 4]);
  });

  it('rejects unknown columns, naming them', () => {
    expect(() => parseCsvFile('actors', 'id,name,kind,colour\na,b,company,red\n', 'actors.csv')).toThrow(/unknown column "colour"/);
  });

  it('a file with three broken rows is rejected whole, naming those three lines', async () => {
    const dir = bundle({
      'regions.csv': 'id,name,kind,lat,lon\nr-a,A,district,51,12\n',
      'actors.csv': [
        'id,name,kind,region_id',
        'a-ok,Gut,company,r-a',
        'a-bad-kind,Falsch,spaceship,r-a',
        'a-ok2,Auch gut,school,r-a',
        'a-bad-region,Ohne Ort,company,r-nowhere',
        'Bad Id,Kaputt,company,r-a',
      ].join('\n'),
    });
    const { batch, origins } = readCsvBundle(dir);
    const store = createGraphStore(new SqliteBackend(':memory:'));
    await store.init();
    let err: ImportError | undefined;
    try {
      await store.applyBatch(batch);
    } catch (e) {
      if (e instanceof BatchValidationError) err = toImportError(e, origins);
    }
    expect(err?.issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['actors.csv', 3, 'kind'],
      ['actors.csv', 5, 'region_id'],
      ['actors.csv', 6, 'id'],
    ]);
    expect(err?.message).toMatch(/actors\.csv line 3 \(kind\)/);
    expect((await store.stats()).actors).toBe(0);
    expect((await store.stats()).regions).toBe(0);
  });
});
