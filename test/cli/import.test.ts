/**
 * `npm run import`: the CLI spawned on the demo's CSV template files: a dry run writes nothing,
 * an import writes everything in one go, a second import changes nothing, and a folder with three
 * broken rows is rejected whole, naming the three lines. Its stderr is a pipe here, so it draws no
 * progress bar (the bar itself: server/cli/progress.test.ts).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { openStore } from '../../server/store/open-store.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'server/cli/import.ts');
const DEMO = join(ROOT, 'server/demo');
// The CLI runs in a fresh working directory, so its store (DATA_DIR defaults to ./data) is a new one.
const work = mkdtempSync(join(tmpdir(), 'netzwerkatlas-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, CLI, ...args], { cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** The same store the CLI uses (the same configuration, read in the same working directory). */
async function actorCount(): Promise<number> {
  const store = await openStore(loadConfig(undefined, work));
  try {
    await store.init();
    return (await store.stats()).actors;
  } finally {
    await store.close();
  }
}

/** The number in the report's row for a file, in the given column (0 create, 1 update, 2 unchanged). */
const cell = (report: string, file: string, column: number) => Number(report.split('\n').find((l) => l.trim().startsWith(file))?.trim().split(/\s+/)[column + 1]);

// With NEO4J_URI set the CLI would write into that shared database; the store side of imports (one
// transaction, dry run) is covered for Neo4j by the contract suite, so the CLI runs on the embedded store only.
const onNeo4j = loadConfig(undefined, work).neo4j !== null;
if (onNeo4j) console.warn('npm run import test skipped: NEO4J_URI is set (it runs against the embedded store)');

describe.skipIf(onNeo4j)('npm run import', () => {
  it('a dry run reports every row to create and writes nothing', async () => {
    const r = await run([DEMO, '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dry run \(nothing written\)/);
    expect(cell(r.stdout, 'actors.csv', 0)).toBe(37);
    expect(cell(r.stdout, 'participations.csv', 0)).toBe(42);
    expect(await actorCount()).toBe(0);
  });

  it('imports all rows in one transaction; the same files again change nothing', async () => {
    const first = await run([DEMO]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(cell(first.stdout, 'actors.csv', 0)).toBe(37);
    expect(await actorCount()).toBe(37);
    const again = await run([DEMO]);
    expect(cell(again.stdout, 'total', 0)).toBe(0);
    expect(cell(again.stdout, 'total', 1)).toBe(0);
    expect(cell(again.stdout, 'actors.csv', 2)).toBe(37);
    // One audit entry for the import that changed something, none for the one that did not.
    const store = await openStore(loadConfig(undefined, work));
    try {
      await store.init();
      const log = await store.auditLog({ limit: 10, offset: 0 });
      expect(log.entries.map((e) => [e.who, e.action, e.entityId])).toEqual([['CLI (npm run import)', 'import', 'demo']]);
    } finally {
      await store.close();
    }
  });

  it('rejects a folder with three broken rows whole, naming the three lines, and exits 1', async () => {
    const dir = join(work, 'broken');
    cpSync(DEMO, dir, { recursive: true });
    const file = join(dir, 'actors.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Line 3: an unknown kind; line 5: an unknown region; line 8: no name. Plus one new, valid actor.
    lines[2] = (lines[2] as string).replace(',economic_development_agency,', ',spaceship,');
    lines[4] = (lines[4] as string).replace(/,(r|de)-[a-z0-9-]+,/, ',r-atlantis,');
    lines[7] = (lines[7] as string).replace(/^([^,]+),[^,]+,/, '$1,,');
    lines.splice(lines.length - 1, 0, 'a-new-actor,Neuer Akteur,company,,de-14713,,,,');
    writeFileSync(file, lines.join('\n'));
    const r = await run([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Rejected, nothing written: 3 problems/);
    for (const line of [3, 5, 8]) expect(r.stderr).toMatch(new RegExp(`actors\\.csv line ${line}\\b`));
    expect(await actorCount()).toBe(37); // the valid new actor was not written either
    const dry = await run([dir, '--dry-run']);
    expect(dry.code).toBe(1);
  });

  it('values saying "no value" (NA, k. A.) are imported as missing and listed as warnings with file and line', async () => {
    const dir = mkdtempSync(join(work, 'na-'));
    writeFileSync(join(dir, 'actors.csv'), 'id,name,kind,sectors,region_id,website\na-na-1,Akteur mit Lücken,company,NA,k. A.,n/a\n');
    const r = await run([dir]);
    expect(r.code).toBe(0);
    expect(cell(r.stdout, 'actors.csv', 0)).toBe(1);
    expect(r.stderr).toMatch(/^3 values read as missing \(warnings, imported as empty\):/);
    expect(r.stderr).toMatch(/actors\.csv line 2 \(region_id\): "k\. A\." read as missing/);
  });

  it("places actors without a region in Germany's districts and prints how, with the lines of those it could not place", async () => {
    const dir = mkdtempSync(join(work, 'geo-'));
    writeFileSync(
      join(dir, 'actors.csv'),
      'id,name,kind,ags,nuts,city\na-geo-1,Akteur in Dresden,company,14612,,\na-geo-2,Akteur in Meißen,company,,DED2E,\na-geo-3,Akteur in Riesa,company,,,Riesa\n',
    );
    const r = await run([dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Placement in Germany's districts: 2 placed, 1 not placed, 0 abroad");
    expect(r.stdout).toContain('  placed by ags: 1');
    expect(r.stdout).toContain('  placed by nuts3: 1');
    expect(r.stdout).toContain('    actors.csv line 4: Akteur in Riesa: city "Riesa" is no district name (no municipality table shipped)');
    const store = await openStore(loadConfig(undefined, work));
    try {
      await store.init();
      expect((await store.actorDetails('a-geo-2'))?.region?.name).toBe('Landkreis Meißen');
    } finally {
      await store.close();
    }
  });

  it('one template file on its own, and clear errors for a wrong name or no argument', async () => {
    const single = await run([join(DEMO, 'actors.csv'), '--dry-run']);
    expect(single.code).toBe(0);
    expect(cell(single.stdout, 'actors.csv', 2)).toBe(37);
    const wrong = await run([join(DEMO, 'README.md')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not a template file name/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Usage: npm run import/);
  });
});
