/**
 * `npm run import -- <folder or file> [--dry-run]`: imports CSV template files (the demo network's
 * format; see server/demo/README.md) into the configured store in one transaction. `--dry-run`
 * validates everything and reports what would be created, updated and left unchanged, writing
 * nothing. A rejected import writes nothing, lists every problem with file and line, and exits 1.
 * Importing the same files again changes nothing. CSV files are streamed (100,000 rows and more);
 * on a terminal a progress bar on stderr shows reading, validating and writing.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { bootstrap } from '../analysis/runner.ts';
import { loadConfig } from '../config.ts';
import { onShutdown } from '../process/shutdown.ts';
import type { ImportJob, ImportJobMessage } from '../import/import.job.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage: npm run import -- <folder or file.csv> [--dry-run]

Imports CSV template files (sources.csv, regions.csv, actors.csv, projects.csv, events.csv,
participations.csv, event_participations.csv, cooperations.csv, targets.csv; UTF-8 with or without
BOM, comma or semicolon), an XLSX workbook, a GEXF or GraphML file, our JSON export or a CORDIS export
folder into the store configured by DATA_DIR or NEO4J_URI, all in one transaction. Actors without a
region are placed in Germany's districts by AGS, NUTS code, coordinates or district name; the report
says how many were placed, how, and why the others were not.

  --dry-run   validate and report what would change; write nothing

On a terminal, a progress bar on stderr shows reading, validating and writing.

Exit codes: 0 imported (or the dry run found no problem); 1 rejected (every problem is listed with
file and line; nothing was written); 2 usage error.`;

let args: { path: string; dryRun: boolean };
try {
  const { values, positionals } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'name a folder or a template file' : 'name one folder or file');
  args = { path: positionals[0] as string, dryRun: values['dry-run'] === true };
} catch (e) {
  console.error(`import: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const config = loadConfig();
// Progress only on a terminal: piped or redirected output stays as it was.
const bar = process.stderr.isTTY ? progressBar(process.stderr) : null;
const stop = new SharedArrayBuffer(4);
const worker = new Worker(bootstrap(new URL('../import/import.job.ts', import.meta.url).href), {
  eval: true,
  workerData: { config, path: args.path, dryRun: args.dryRun, stop } satisfies ImportJob,
});
let written = false;
let stopping = false;
let settle: (code: number) => void = () => undefined;
const finished = new Promise<number>((r) => (settle = r));
worker.on('message', (m: ImportJobMessage) => {
  if ('progress' in m) bar?.update(m.progress);
  else if ('written' in m) written = true;
  else if ('out' in m) {
    bar?.end();
    console.log(m.out);
  } else if ('err' in m) {
    bar?.end();
    console.error(m.err);
  } else if ('done' in m) settle(m.done);
  else if ('interrupted' in m) settle(-1);
  else if ('failed' in m) {
    bar?.end();
    if (!stopping) console.error(m.failed);
    settle(1);
  }
});
worker.on('error', (e) => {
  bar?.end();
  // Stopping, an error is what the stop asked for (a progress report threw); the stop reports it.
  if (!stopping) console.error(e.stack ?? e.message);
  settle(1);
});
worker.on('exit', () => settle(1));

// SIGTERM, Ctrl-C or the parent gone (kill -9 of npm): the worker is asked to stop; its next progress
// report inside the write transaction throws, the transaction rolls back, the store closes (Neo4j rolls
// its open transaction back). A worker not done within 2 s (checking or placing rows reports no
// progress) is terminated; its uncommitted transaction is dropped all the same. Exit 130 (SIGINT) or 143
// (SIGTERM, parent gone); 0 when the signal came after the import was written.
const shutdown = onShutdown({
  stop: async (reason) => {
    stopping = true;
    Atomics.store(new Int32Array(stop), 0, 1);
    const timer = setTimeout(() => void worker.terminate(), 2_000);
    await finished;
    clearTimeout(timer);
    bar?.end();
    console.error(
      written
        ? `Stopped (${reason}) after the import was written.`
        : `Import interrupted (${reason}): nothing written (its one transaction was not committed).`,
    );
    if (written) return 0;
    return reason === 'SIGINT' ? 130 : 143;
  },
});
const code = await finished;
shutdown.dispose();
bar?.end();
// When stopping, the stop above reports and exits.
if (!stopping) process.exit(code);
