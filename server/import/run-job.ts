/**
 * The page's import (POST /import) in a worker thread (import.job.ts) with its own store
 * connection: parsing and writing 100,000 rows takes seconds, and the main thread keeps answering
 * meanwhile. After a write the main store is told its data changed (revision, caches). When the
 * server stops, running imports are asked to stop and roll back.
 */
import { Worker } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import { bootstrap } from '../analysis/runner.ts';
import type { Config } from '../config.ts';
import { fromThreadError } from '../serving/thread-errors.ts';
import type { Who } from '../store/graph-store.ts';
import { ImportError } from './csv-bundle.ts';
import type { ImportResult } from './import-files.ts';
import type { ImportJob, ImportJobMessage } from './import.job.ts';

const running = new Set<{ stop: () => void; finished: Promise<unknown> }>();

/**
 * `onWritten`: told as soon as the worker has committed something, with the ids it touched
 * (store/changes.ts; null for anything): the import, or the built-in regions it adds first (also
 * when the import itself then fails).
 */
export function importInWorker(
  config: Config,
  path: string,
  opts: { dryRun: boolean; who: Who; summary: string; onWritten?: (touched: ReadonlySet<string> | null) => void },
): Promise<ImportResult> {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(bootstrap(new URL('./import.job.ts', import.meta.url).href), {
    eval: true,
    workerData: { config, path, dryRun: opts.dryRun, stop, data: { who: opts.who, summary: opts.summary } } satisfies ImportJob,
  });
  let outcome: { result: ImportResult } | { error: Error } | null = null;
  const finished = new Promise<ImportResult>((resolve, reject) => {
    worker.on('message', (m: ImportJobMessage) => {
      if ('regionsAdded' in m) opts.onWritten?.(null);
      else if ('written' in m) opts.onWritten?.(m.touched === null ? null : new Set(m.touched));
      else if ('result' in m) outcome = { result: m.result };
      else if ('rejected' in m) outcome = { error: new ImportError(m.rejected.issues) };
      else if ('error' in m) outcome = { error: fromThreadError(m.error, (text) => new Error(text)) };
      else if ('interrupted' in m) outcome = { error: new GraphQLError('The import was stopped (the server is stopping); nothing was written.', { extensions: { code: 'SERVICE_UNAVAILABLE' } }) };
      else if ('failed' in m) outcome = { error: new Error(m.failed) };
    });
    worker.on('error', (e) => (outcome ??= { error: e }));
    worker.on('exit', (code) => {
      const o = outcome ?? { error: new Error(`the import worker ended with exit code ${code}`) };
      if ('result' in o) resolve(o.result);
      else reject(o.error);
    });
  });
  const entry = { stop: () => Atomics.store(new Int32Array(stop), 0, 1), finished: finished.catch(() => undefined) };
  running.add(entry);
  void entry.finished.then(() => running.delete(entry));
  return finished;
}

/** Asks running imports to stop (their transactions roll back) and waits for them, at most `ms`. */
export async function stopImports(ms = 2_000): Promise<void> {
  const all = [...running];
  for (const r of all) r.stop();
  await Promise.race([Promise.all(all.map((r) => r.finished)), new Promise((r) => setTimeout(r, ms).unref())]);
}
