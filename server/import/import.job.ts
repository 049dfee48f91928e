/**
 * An import in a worker thread, for `npm run import` (server/cli/import.ts, text report) and for the
 * page's POST /import (server/import/run-job.ts, the report as data): reading, checking, placing and
 * the one write transaction of many seconds run here, through the worker's own store connection,
 * while the main thread stays free to answer requests and to hear SIGTERM, Ctrl-C or a parent gone.
 * The main thread then sets `stop`; the next progress report inside the transaction (every 5,000
 * rows) throws, so the transaction rolls back and the store closes.
 */
import { basename, resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { formatPlacement } from '../geo/placement.ts';
import { addMissingBuiltins } from '../geo/seed.ts';
import { IMPORT_NICE, lowerThisThread } from '../process/priority.ts';
import { toThreadError, type ThreadError } from '../serving/thread-errors.ts';
import type { Who } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';
import { ImportError, formatIssue, type ImportIssue } from './csv-bundle.ts';
import { formatReport, formatWarnings, importFiles, type ImportProgress, type ImportResult } from './import-files.ts';

export interface ImportJob {
  config: Config;
  path: string;
  dryRun: boolean;
  /** Int32 flag: 1 once the main thread asks to stop. */
  stop: SharedArrayBuffer;
  /** The report as data (`result`, `rejected`, `error`) instead of text; the author for the audit log. */
  data?: { who: Who; summary: string };
}

export type ImportJobMessage =
  | { progress: ImportProgress }
  | { out: string }
  | { err: string }
  /** Committed; `touched`: the ids it touched (store/changes.ts), null for anything. */
  | { written: true; touched: string[] | null }
  /** Germany's built-in regions were missing and are written (before the import, whatever becomes of it). */
  | { regionsAdded: number }
  | { done: number }
  | { interrupted: true }
  | { failed: string }
  | { result: ImportResult }
  | { rejected: { issues: ImportIssue[] } }
  | { error: ThreadError };

class Interrupted extends Error {}

lowerThisThread(IMPORT_NICE);
const job = workerData as ImportJob;
const stopFlag = new Int32Array(job.stop);
const post = (m: ImportJobMessage) => parentPort?.postMessage(m);

const store = await openStore(job.config);
try {
  await store.init();
  // The store as the app opens it: Germany's states and districts are there (a dry run writes nothing).
  if (!job.dryRun) {
    const added = await addMissingBuiltins(store);
    if (added > 0) post({ regionsAdded: added });
  }
  const result = await importFiles(store, job.path, {
    dryRun: job.dryRun,
    onProgress: (p) => {
      // Thrown inside the write transaction, this rolls it back; reading stops at the next report too.
      if (Atomics.load(stopFlag, 0) === 1) throw new Interrupted('stopped');
      post({ progress: p });
    },
    audit: job.data ?? { who: { name: 'CLI (npm run import)', role: null }, summary: basename(resolve(job.path)) },
  });
  if (!job.dryRun) {
    const touched = store.changedSince(0);
    post({ written: true, touched: touched === null ? null : [...touched] });
  }
  if (job.data) {
    post({ result });
    post({ done: 0 });
  } else {
    const lines = [`${job.dryRun ? 'Dry run (nothing written)' : 'Imported in one transaction'}: ${job.path}`, formatReport(result, job.dryRun)];
    const placement = formatPlacement(result.placement);
    if (placement !== '') lines.push(placement);
    post({ out: lines.join('\n') });
    const warnings = formatWarnings(result);
    if (warnings !== '') post({ err: warnings });
    post({ done: 0 });
  }
} catch (e) {
  if (e instanceof Interrupted || Atomics.load(stopFlag, 0) === 1) post({ interrupted: true });
  else if (job.data && e instanceof ImportError) post({ rejected: { issues: e.issues } });
  else if (job.data) post({ error: toThreadError(e) });
  else if (e instanceof ImportError) {
    post({
      err: [`Rejected, nothing written: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} in ${job.path}`, ...e.issues.map((i) => `  ${formatIssue(i)}`)].join('\n'),
    });
    post({ done: 1 });
  } else post({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) });
} finally {
  await store.close();
}
