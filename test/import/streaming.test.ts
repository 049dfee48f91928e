/**
 * CSV files stream: generated files of a few MB are read chunk by chunk (progress grows to the
 * file's size), give the same rows as the whole-text reader, hold no more than a chunk of their text,
 * and a broken row deep inside names its line. `importFiles` reports read, validate and write in
 * that order; CORDIS CSV tables stream the same way; whole-file formats report their size.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../server/domain/model.ts';
import { writeJson } from '../../server/export/json.ts';
import { readCordis, streamCordis } from '../../server/import/cordis.ts';
import { ImportError, parseCsvFile, readCsvBundle, streamCsvBundle, streamCsvFile, type ImportIssue } from '../../server/import/csv-bundle.ts';
import { importFiles, readImport, type ImportProgress } from '../../server/import/import-files.ts';
import { ReadMeter } from '../../server/import/progress.ts';
import { storeFactory } from '../support/exchange.ts';

const DEMO = resolve(fileURLToPath(new URL('../../server/demo', import.meta.url)));
const CHUNK = 64 * 1024; // fs.createReadStream's default

const tmp = mkdtempSync(join(tmpdir(), 'netzwerkatlas-streaming-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let folders = 0;
const newStore = storeFactory('streaming');

/** Writes `files` into a new folder. */
function folder(files: Record<string, string>): string {
  const dir = join(tmp, `f-${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Records as CSV lines (header first), with the line each record starts on (quoted line breaks count). */
function csv(header: string, records: string[]): { text: string; lines: number[] } {
  const lines: number[] = [];
  let line = 2;
  for (const r of records) {
    lines.push(line);
    line += 1 + (r.match(/\n/g)?.length ?? 0);
  }
  return { text: `${header}\n${records.join('\n')}\n`, lines };
}

const ACTORS = 2_000;
const PROJECTS = 500;

/**
 * A template folder of 2,000 actors, 500 projects and `count` participations (about 60 bytes each,
 * umlauts and German decimal commas in them; every 997th with a description over two lines).
 * `edit` may change a participation record.
 */
function templateFolder(count: number, edit: (i: number, record: string) => string = (_i, r) => r) {
  const actors = csv(
    'id,name,kind,region_id',
    Array.from({ length: ACTORS }, (_, i) => `a-${i},Akteur Nr. ${i} – Müller & Söhne,company,`),
  );
  const projects = csv(
    'id,name,start,status',
    Array.from({ length: PROJECTS }, (_, i) => `p-${i},Projekt „Übergang ${i}“,01.0${(i % 9) + 1}.2020,running`),
  );
  const participations = csv(
    'actor_id,project_id,role,contribution,description',
    Array.from({ length: count }, (_, i) => {
      const actor = i % ACTORS;
      const project = (Math.floor(i / ACTORS) + i * 7) % PROJECTS;
      const description = i % 997 === 0 ? `"Zeile eins für ${i},\nZeile zwei: Größe ""groß"""` : `Beteiligung ${i} – Förderung`;
      return edit(i, `a-${actor},p-${project},${i % 10 === 0 ? 'lead' : 'partner'},${i % 3 === 0 ? '' : `"${i},5"`},${description}`);
    }),
  );
  const dir = folder({ 'actors.csv': actors.text, 'projects.csv': projects.text, 'participations.csv': participations.text });
  return { dir, participations: join(dir, 'participations.csv'), lines: participations.lines };
}

/** The ImportError issues a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<ImportIssue[]> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return (e as ImportError).issues;
}

/** The runtime's garbage collector (turned on through V8 flags when not exposed). */
function collector(): () => void {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** A participation file of `count` rows with one column more, `colour` (not a template column). */
function withUnknownColumn(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `a-${i % ACTORS},p-${i % PROJECTS},partner,"${i},5",Beteiligung ${i} – Förderung für Größeres,rot`);
  return join(folder({ 'participations.csv': `actor_id,project_id,role,contribution,description,colour\n${rows.join('\n')}\n` }), 'participations.csv');
}

/**
 * Memory in use once garbage is collected and stays so: the memory behind buffers is freed on
 * another thread after a collection, so collect until two readings agree.
 */
async function settled(gc: () => void, memory: () => number): Promise<number> {
  let last = Infinity;
  for (let i = 0; i < 100; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = memory();
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  throw new Error('memory use did not settle');
}

// Every pair (actor, project) is distinct for counts up to ACTORS × PROJECTS.
const ROWS = 60_000;

describe('a CSV template file of a few MB', () => {
  const big = templateFolder(ROWS);
  const size = statSync(big.participations).size;

  it('is read chunk by chunk: progress grows to the file size, one report per chunk', async () => {
    expect(size).toBeGreaterThan(3_000_000);
    const events: ImportProgress[] = [];
    const { batch, origins } = await readImport(big.participations, { onProgress: (p) => events.push(p) });
    expect(batch.participations).toHaveLength(ROWS);
    expect(new Set(events.map((e) => `${e.phase} ${e.unit} ${e.file} ${e.total}`))).toEqual(new Set([`read bytes participations.csv ${size}`]));
    const done = events.map((e) => e.done);
    expect(done.length).toBe(Math.ceil(size / CHUNK));
    expect(done[0]).toBe(CHUNK);
    expect(done).toEqual([...new Set(done)].sort((a, b) => a - b)); // strictly increasing
    expect(done.at(-1)).toBe(size);
    // Lines count the quoted line breaks before a record.
    expect(origins.participations.map((o) => o.line)).toEqual(big.lines);
    expect(batch.participations?.[997]).toEqual({ actorId: 'a-997', projectId: 'p-479', role: 'partner', contribution: 997.5, description: 'Zeile eins für 997,\nZeile zwei: Größe "groß"' });
  });

  it('gives exactly the rows of the whole-text reader (records and UTF-8 characters split across chunks)', async () => {
    const streamed = await streamCsvFile('participations', big.participations, 'participations.csv');
    const whole = parseCsvFile('participations', readFileSync(big.participations, 'utf8'), 'participations.csv');
    expect(streamed.rows).toHaveLength(ROWS);
    expect(streamed).toEqual(whole);
  });

  it('does not hold its text while reading: memory stays flat', async () => {
    // A file with an unknown column is parsed to its end, but no rows are kept: whatever the reader
    // still holds after a garbage collection is text or parser state.
    const file = withUnknownColumn(200_000);
    const length = statSync(file).size;
    expect(length).toBeGreaterThan(12_000_000);
    // Once unmeasured: compiling the parser's code takes memory once, whatever the size of the file.
    await streamCsvFile('participations', big.participations, 'participations.csv');
    const gc = collector();
    const memory = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.external + m.arrayBuffers;
    };
    const before = await settled(gc, memory);
    const held: number[] = [];
    const every16thChunk = new ReadMeter(length, (p) => {
      if (Math.round(p.done / CHUNK) % 16 !== 0) return;
      gc();
      held.push(memory() - before);
    });
    const issues = await rejection(streamCsvFile('participations', file, 'participations.csv', every16thChunk));
    expect(issues.map((i) => [i.file, i.line, i.field])).toEqual([['participations.csv', 1, 'colour']]);
    expect(held.length).toBeGreaterThanOrEqual(10);
    // Nothing piles up as the file is read (collected chunks or records would grow with it; the
    // least of a few samples, as a buffer may still wait to be freed) …
    const quarter = Math.floor(held.length / 4);
    expect(Math.min(...held.slice(-quarter)) - Math.min(...held.slice(0, quarter))).toBeLessThan(length / 16);
    // … and the text is not held whole (that alone is `length` bytes or more); what is held is the
    // stream's and the parser's state (1 to 3 MB), the same for any size of file.
    expect(Math.max(...held)).toBeLessThan(length / 3);
  });

  it('a row with a field too many deep inside is rejected with its line', async () => {
    const deep = 48_123;
    const broken = templateFolder(ROWS, (i, r) => (i === deep ? `${r},zu viel` : r));
    const issues = await rejection(readImport(broken.participations));
    expect(issues).toEqual([
      { file: 'participations.csv', line: broken.lines[deep], field: null, message: expect.stringMatching(/^Invalid Record Length: columns length is 5, got 6 on line \d+$/) as string },
    ]);
    expect(issues[0]?.message).toContain(`on line ${broken.lines[deep]}`);
  });

  it('an invalid value deep inside is named with file, line and column; nothing is written', async () => {
    const deep = 51_234;
    const broken = templateFolder(ROWS, (i, r) => (i === deep ? r.replace(/,(lead|partner),/, ',chef,') : r));
    const store = await newStore();
    const issues = await rejection(importFiles(store, broken.dir));
    expect(issues.map((i) => [i.file, i.line, i.field])).toEqual([['participations.csv', broken.lines[deep], 'role']]);
    expect(broken.lines[deep]).toBeGreaterThan(deep + 1); // the quoted line breaks before it count
    expect((await store.stats()).actors).toBe(0);
  });
});

describe('importFiles progress', () => {
  it('reports reading (bytes of all files), then validating and writing (rows), in that order', async () => {
    const { dir } = templateFolder(20_000);
    const total = ['actors.csv', 'projects.csv', 'participations.csv'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    const rows = ACTORS + PROJECTS + 20_000;
    const events: ImportProgress[] = [];
    const result = await importFiles(await newStore(), dir, { dryRun: true, onProgress: (p) => events.push(p) });
    expect(result.created.participations).toBe(20_000);

    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['read', 'validate', 'write']);
    const read = events.filter((e) => e.phase === 'read');
    expect(new Set(read.map((e) => `${e.unit} ${e.total}`))).toEqual(new Set([`bytes ${total}`]));
    expect(read.map((e) => e.file).filter((f, i, all) => f !== all[i - 1])).toEqual(['actors.csv', 'projects.csv', 'participations.csv']);
    expect(read.map((e) => e.done)).toEqual([...new Set(read.map((e) => e.done))].sort((a, b) => a - b));
    expect(read.at(-1)?.done).toBe(total);
    expect(events.filter((e) => e.phase === 'validate').map((e) => [e.done, e.total, e.unit])).toEqual([
      [0, rows, 'rows'],
      [rows, rows, 'rows'],
    ]);
    const write = events.filter((e) => e.phase === 'write');
    expect(write.length).toBeGreaterThanOrEqual(3);
    expect(write.map((e) => e.done)).toEqual([...new Set(write.map((e) => e.done))].sort((a, b) => a - b));
    expect(write.at(-1)).toEqual({ phase: 'write', done: rows, total: rows, unit: 'rows' });
  });

  it('a whole-file format (our JSON export) reports its size before and after reading', async () => {
    const demo = readCsvBundle(DEMO).batch as GraphBatch;
    const file = join(folder({ 'netz.json': writeJson(demo) }), 'netz.json');
    const events: ImportProgress[] = [];
    const { batch } = await readImport(file, { onProgress: (p) => events.push(p) });
    expect(batch.actors).toHaveLength(37);
    const size = statSync(file).size;
    expect(events).toEqual([
      { phase: 'read', done: 0, total: size, unit: 'bytes', file: 'netz.json' },
      { phase: 'read', done: size, total: size, unit: 'bytes', file: 'netz.json' },
    ]);
  });
});

describe('the demo network', () => {
  it('reads the same streamed as whole, each row on the line of its id', async () => {
    const streamed = await streamCsvBundle(DEMO);
    expect(streamed).toEqual(readCsvBundle(DEMO));
    expect(streamed.batch.actors).toHaveLength(37);
    expect(streamed.batch.participations).toHaveLength(42);
    for (const key of ['regions', 'actors', 'projects', 'events'] as const) {
      const lines = readFileSync(join(DEMO, `${key}.csv`), 'utf8').split('\n');
      const ids = (streamed.batch[key] ?? []).map((r) => String((r as { id: string }).id));
      expect(streamed.origins[key].map((o) => lines[o.line - 1]?.split(',')[0])).toEqual(ids);
    }
  });
});

describe('CORDIS CSV tables', () => {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const row = (cells: string[]) => cells.map(quote).join(';');
  /** 1,500 projects with objectives over three lines and 12,000 organisation rows, `;`-separated and quoted. */
  function cordisExport(edit: (i: number, cells: string[]) => string[] = (_i, c) => c) {
    const projects = csv(
      row(['id', 'acronym', 'title', 'startDate', 'endDate', 'status', 'objective', 'frameworkProgramme', 'fundingScheme']),
      Array.from({ length: 1_500 }, (_, i) => row([String(100_000 + i), `P${i}`, `Projekt über Köln ${i}`, '2019-01-01', '2021-12-31', 'CLOSED', `Ziel ${i}.\nZweite Zeile; mit "Zitat".\nDritte.`, 'H2020', 'RIA'])),
    );
    const orgs = csv(
      row(['projectID', 'organisationID', 'name', 'role', 'activityType', 'city', 'country', 'postCode', 'ecContribution']),
      Array.from({ length: 12_000 }, (_, i) =>
        row(edit(i, [String(100_000 + (i % 1_500)), String(900_000 + (i % 4_000)), `Organisation ${i % 4_000} GmbH`, i % 8 === 0 ? 'coordinator' : 'participant', 'PRC', 'Dresden', 'DE', '01069', `${i}.5`])),
      ),
    );
    return { dir: folder({ 'project.csv': projects.text, 'organization.csv': orgs.text }), orgLines: orgs.lines, projectLines: projects.lines };
  }

  it('stream to the batch of the whole-text reader, with progress over both tables', async () => {
    const { dir, projectLines } = cordisExport();
    const total = statSync(join(dir, 'project.csv')).size + statSync(join(dir, 'organization.csv')).size;
    expect(total).toBeGreaterThan(1_000_000);
    const events: ImportProgress[] = [];
    const options = { today: '2025-06-01' };
    const streamed = await streamCordis(dir, { ...options, onProgress: (p) => events.push(p) });
    expect(streamed).toEqual(readCordis(dir, options));
    expect(streamed.batch.projects).toHaveLength(1_500);
    expect(streamed.batch.actors).toHaveLength(4_000);
    expect(streamed.origins.projects.map((o) => o.line)).toEqual(projectLines);
    expect(events.map((e) => e.file).filter((f, i, all) => f !== all[i - 1])).toEqual(['project.csv', 'organization.csv']);
    expect(events.length).toBeGreaterThanOrEqual(Math.floor(total / CHUNK));
    expect(events.map((e) => e.done)).toEqual([...new Set(events.map((e) => e.done))].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ phase: 'read', done: total, total, unit: 'bytes', file: 'organization.csv' });
  });

  it('a record with an unreadable amount deep inside names its line', async () => {
    const deep = 10_987;
    const { dir, orgLines } = cordisExport((i, c) => (i === deep ? c.map((v, k) => (k === 8 ? '12 Euro' : v)) : c));
    const issues = await rejection(streamCordis(dir));
    expect(issues).toEqual([{ file: 'organization.csv', line: orgLines[deep], field: 'ecContribution', message: 'not a number: "12 Euro"' }]);
  });
});
