/**
 * `npm run import -- <folder or file> [--dry-run]`: imports CSV template files (the demo network's
 * format; see server/demo/README.md) into the configured store in one transaction. `--dry-run`
 * validates everything and reports what would be created, updated and left unchanged, writing
 * nothing. A rejected import writes nothing, lists every problem with file and line, and exits 1.
 * Importing the same files again changes nothing. CSV files are streamed (100,000 rows and more);
 * on a terminal a progress bar on stderr shows reading, validating and writing.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { ImportError, formatIssue } from '../import/csv-bundle.ts';
import { formatReport, formatWarnings, importFiles } from '../import/import-files.ts';
import { formatPlacement } from '../geo/placement.ts';
import { addMissingBuiltins } from '../geo/seed.ts';
import { openStore } from '../store/open-store.ts';
import { progressBar } from './progress.ts';
import { onShutdown } from '../process/shutdown.ts';

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
const store = await openStore(config);
// Progress only on a terminal: piped or redirected output stays as it was.
const bar = process.stderr.isTTY ? progressBar(process.stderr) : null;
let code = 0;
let written = false;
let interrupted = false;
/** After a stop was asked for, the import's own ending (a store closed under it) waits for the stop's exit. */
const waitForStop = () => new Promise((r) => setTimeout(r, 10_000));
// SIGTERM, Ctrl-C or the parent gone (kill -9 of npm): the one transaction is not committed, the store
// closes (Neo4j rolls the open transaction back), exit 130 (SIGINT) or 143. The embedded store writes in
// one synchronous transaction that no handler can interrupt: from the write step on, the signals are left
// to the OS, which ends the process at once, and SQLite's journal drops the uncommitted transaction.
const shutdown = onShutdown({
  stop: async (reason) => {
    interrupted = true;
    bar?.end();
    console.error(
      written
        ? `Stopped (${reason}) after the import was written.`
        : `Import interrupted (${reason}): nothing written (its one transaction was not committed).`,
    );
    await store.close().catch(() => undefined);
    return reason === 'SIGINT' ? 130 : 143;
  },
});
try {
  await store.init();
  // The store as the app opens it: Germany's states and districts are there (a dry run writes nothing).
  if (!args.dryRun) await addMissingBuiltins(store);
  const result = await importFiles(store, args.path, {
    dryRun: args.dryRun,
    onProgress: (p) => {
      if (store.kind === 'embedded' && p.phase === 'validate' && p.done === 0) shutdown.pause();
      bar?.update(p);
    },
    audit: { who: { name: 'CLI (npm run import)', role: null }, summary: basename(resolve(args.path)) },
  });
  written = !args.dryRun;
  shutdown.resume();
  bar?.end();
  console.log(`${args.dryRun ? 'Dry run (nothing written)' : 'Imported in one transaction'}: ${args.path}`);
  console.log(formatReport(result, args.dryRun));
  const placement = formatPlacement(result.placement);
  if (placement !== '') console.log(placement);
  const warnings = formatWarnings(result);
  if (warnings !== '') console.warn(warnings);
} catch (e) {
  if (interrupted) await waitForStop();
  bar?.end();
  if (!(e instanceof ImportError)) throw e;
  code = 1;
  console.error(`Rejected, nothing written: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} in ${args.path}`);
  for (const issue of e.issues) console.error(`  ${formatIssue(issue)}`);
} finally {
  if (interrupted) await waitForStop();
  shutdown.dispose();
  await store.close();
}
process.exit(code);
