/**
 * The read workers: a few threads, each with its own store connection, that assemble networks
 * (read-jobs.ts). Jobs wait on the main thread (searches before views) and go to the next free
 * worker, one job per worker at a time, so a job whose callers have all gone is dropped before it starts. A worker
 * that dies fails its job and is replaced on the next one. Without a store the workers can open
 * (an in-memory database), the jobs run inline on the main store.
 */
import { Worker } from 'node:worker_threads';
import { bootstrap } from '../analysis/runner.ts';
import type { Config } from '../config.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { runReadJob, type ReadJob } from './read-jobs.ts';
import type { ReadReply, ReadRequest } from './read.worker.ts';
import { fromThreadError } from './thread-errors.ts';
import { CallerGoneError } from './work-queue.ts';

/**
 * A read thread's heap limit (see ANALYSIS_HEAP_MB). Its largest jobs at 25,000 actors all finish
 * within a 256 MB old space (measured: the whole network at limit 100,000, 34,417 nodes and 100,919
 * edges; a hub's three-step neighbourhood at limit 100,000; the overview over 665,000 ties); 384 MB
 * leaves room. A lower limit makes V8 collect sooner: with 768 MB the three read threads let the
 * server's memory pass 2 GB under the workshop load.
 */
export const READ_HEAP_MB = 384;

export class ReadWorkerError extends Error {
  override name = 'ReadWorkerError';
}

interface Job {
  id: number;
  revision: number;
  job: ReadJob;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  signal: AbortSignal | undefined;
}

interface Slot {
  worker: Worker | null;
  busy: Job | null;
  /** Takes searches only: someone typing never waits for a view being assembled. */
  lightOnly: boolean;
}

export interface ReadPool {
  run(job: ReadJob, revision: number, signal?: AbortSignal): Promise<unknown>;
  /** Jobs waiting for a free worker. */
  queued(): number;
  /** Starts every worker now rather than at its first job (a server about to be used by many). */
  prestart(): void;
  close(): Promise<void>;
}

export function inlineReadPool(store: GraphStore): ReadPool {
  return {
    run: (job, _revision, signal) => (signal?.aborted ? Promise.reject(new CallerGoneError('the request has gone')) : runReadJob(store, job)),
    queued: () => 0,
    prestart: () => undefined,
    close: async () => undefined,
  };
}

/**
 * `size` threads for everything, and one more for searches only (`searchThread`). Searches (2–4 ms)
 * also go before waiting views on the others (up to 250 ms for a hub's neighbourhood): with 50 people
 * the searches' p99 was 515 ms behind running neighbourhoods on two shared threads.
 */
export function readPool(config: Config, size: number, searchThread = true): ReadPool {
  const slots: Slot[] = [
    ...(searchThread ? [{ worker: null, busy: null, lightOnly: true }] : []),
    ...Array.from({ length: size }, () => ({ worker: null, busy: null, lightOnly: false })),
  ];
  const light: Job[] = [];
  const heavy: Job[] = [];
  const queueOf = (job: ReadJob) => (job.op === 'search' ? light : heavy);
  let nextId = 1;
  let closed = false;

  const spawn = (slot: Slot): Worker => {
    const w = new Worker(bootstrap(new URL('./read.worker.ts', import.meta.url).href), { eval: true, workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB } });
    w.unref();
    w.on('message', (msg: ReadReply) => {
      const job = slot.busy;
      if (!job || job.id !== msg.id) return;
      slot.busy = null;
      if ('result' in msg) job.resolve(msg.result);
      else job.reject(fromThreadError(msg, (text) => new ReadWorkerError(text)));
      pump();
    });
    const fail = (e: Error) => {
      if (slot.worker !== w) return;
      slot.worker = null;
      const job = slot.busy;
      slot.busy = null;
      job?.reject(new ReadWorkerError(`a read worker stopped: ${e.message}`));
      pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return w;
  };

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.busy) continue;
      const job = light.shift() ?? (slot.lightOnly ? undefined : heavy.shift());
      if (!job) continue;
      slot.busy = job;
      slot.worker ??= spawn(slot);
      slot.worker.postMessage({ id: job.id, revision: job.revision, job: job.job } satisfies ReadRequest);
    }
  }

  return {
    run(job, revision, signal) {
      if (closed) return Promise.reject(new ReadWorkerError('the server is stopping'));
      if (signal?.aborted) return Promise.reject(new CallerGoneError('the request has gone'));
      return new Promise((resolve, reject) => {
        const entry: Job = { id: nextId++, revision, job, resolve, reject, signal };
        // A queued job whose callers have gone is dropped; a running one finishes (its result may be cached).
        const queue = queueOf(job);
        signal?.addEventListener(
          'abort',
          () => {
            const i = queue.indexOf(entry);
            if (i >= 0) {
              queue.splice(i, 1);
              reject(new CallerGoneError('the request has gone'));
            }
          },
          { once: true },
        );
        queue.push(entry);
        pump();
      });
    },
    queued: () => light.length + heavy.length,
    prestart() {
      if (closed) return;
      for (const slot of slots) slot.worker ??= spawn(slot);
    },
    async close() {
      closed = true;
      for (const j of [...light.splice(0), ...heavy.splice(0)]) j.reject(new ReadWorkerError('the server is stopping'));
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          slot.busy?.reject(new ReadWorkerError('the server is stopping'));
          slot.busy = null;
          if (w) await w.terminate();
        }),
      );
    },
  };
}
