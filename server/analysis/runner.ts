/**
 * Where analysis tasks run: in a worker thread (the server's default, so a long betweenness run
 * never holds up other requests) or inline (tests, and the fallback when a worker cannot start).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { fromThreadError, type ThreadError } from '../serving/thread-errors.ts';
import { CallerGoneError } from '../serving/work-queue.ts';
import type { NetworkFilter } from '../network/network.model.ts';
import type { AnalysisInput } from './context.ts';
import { AnalysisSession, type AnalysisTask, type ResultOf } from './tasks.ts';

export interface WorkerRequest {
  id: number;
  inputKey: string;
  /** The main store's revision and the filter, for a worker that reads the store itself. */
  revision: number;
  filter: NetworkFilter;
  input?: AnalysisInput;
  task: AnalysisTask;
}

/** Where a task's data comes from: the filter at a store revision, or (inline, fallback) fetched by the caller. */
export interface InputSource {
  revision: number;
  filter: NetworkFilter;
  fetch: () => Promise<AnalysisInput>;
}
/** An error from the worker; `extensions` (a GraphQL error's code and field) survive the trip. */
export type WorkerReply = { id: number; result: unknown } | { id: number; needInput: true } | ({ id: number } & ThreadError);

export interface TaskRunner {
  readonly where: 'worker' | 'inline';
  /**
   * The input is read only when the runner does not hold it yet (by the worker itself when it has the
   * store's configuration). When `signal` fires the task is stopped and rejects with CallerGoneError.
   */
  run<T extends AnalysisTask>(inputKey: string, source: InputSource, task: T, signal?: AbortSignal): Promise<ResultOf<T>>;
  close(): Promise<void>;
}

export class AnalysisError extends Error {
  override name = 'AnalysisError';
}

export function inlineRunner(maxSessions = 3): TaskRunner {
  const sessions = new Map<string, AnalysisSession>();
  return {
    where: 'inline',
    async run(inputKey, source, task, signal) {
      if (signal?.aborted) throw new CallerGoneError('the request has gone');
      let s = sessions.get(inputKey);
      if (!s) {
        s = new AnalysisSession(await source.fetch());
        sessions.set(inputKey, s);
        while (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string);
      }
      return s.run(task);
    },
    async close() {
      sessions.clear();
    },
  };
}

/**
 * The worker runs TypeScript: a small bootstrap registers tsx's ESM hooks and then imports the
 * worker module (Node 20 ignores `--import tsx` in a worker's execArgv for its entry module).
 */
export function bootstrap(entry = new URL('./analysis.worker.ts', import.meta.url).href): string {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * `config`: the store the worker opens its own connection to (so reading and assembling the network
 * stays off the main thread too); null makes the main thread send the input (e.g. an in-memory database).
 */
/**
 * The analysis thread's heap limit. Without one, V8 lets the heap grow far beyond what is live
 * before it collects: the whole-network analysis at 25,000 actors and 665,000 ties peaked the server
 * at 1.33 GB resident; with 768 MB it peaked at 0.90 GB and took as long (20 s). The whole warm-up
 * (metrics, gaps, coverage, parts, insights, and the prepared hub views besides) finishes within a
 * 512 MB old space; 640 MB leaves room and keeps the server below 2 GB under the workshop load.
 */
export const ANALYSIS_HEAP_MB = 640;

export function workerRunner(config: Config | null = null): TaskRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; retry: () => void; send: () => void }>();

  const spawn = (): Worker => {
    const w = new Worker(bootstrap(), { eval: true, workerData: { config }, resourceLimits: { maxOldGenerationSizeMb: ANALYSIS_HEAP_MB } });
    w.unref();
    w.on('message', (msg: WorkerReply) => {
      if (worker !== w) return;
      const p = pending.get(msg.id);
      if (!p) return;
      if ('needInput' in msg) return p.retry();
      pending.delete(msg.id);
      if ('error' in msg) p.reject(fromThreadError(msg, (text) => new AnalysisError(text)));
      else p.resolve(msg.result);
    });
    const fail = (e: Error) => {
      worker = null;
      for (const p of pending.values()) p.reject(new AnalysisError(`the analysis worker stopped: ${e.message}`));
      pending.clear();
    };
    w.on('error', (e) => worker === w && fail(e));
    w.on('exit', (code) => worker === w && fail(new Error(`exit code ${code}`)));
    return w;
  };

  /**
   * Stops a task nobody waits for any more: the worker is ended (a computation cannot be interrupted
   * otherwise) and the other tasks go to a fresh one, which reads its input again.
   */
  const cancel = (id: number) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    p.reject(new CallerGoneError('the request has gone'));
    const old = worker;
    worker = null;
    void old?.terminate();
    for (const other of pending.values()) other.send();
  };

  return {
    where: 'worker',
    run<T extends AnalysisTask>(inputKey: string, source: InputSource, task: T, signal?: AbortSignal): Promise<ResultOf<T>> {
      if (signal?.aborted) return Promise.reject(new CallerGoneError('the request has gone'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        let input: AnalysisInput | undefined;
        const send = () => {
          worker ??= spawn();
          worker.postMessage({ id, inputKey, revision: source.revision, filter: source.filter, input, task } satisfies WorkerRequest);
        };
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          send,
          retry: () =>
            source.fetch().then(
              (i) => {
                input = i;
                if (pending.has(id)) send();
              },
              (e: unknown) => {
                pending.delete(id);
                reject(e as Error);
              },
            ),
        });
        signal?.addEventListener('abort', () => cancel(id), { once: true });
        send();
      });
    },
    async close() {
      const w = worker;
      worker = null;
      for (const p of pending.values()) p.reject(new AnalysisError('the analysis was stopped'));
      pending.clear();
      if (w) await w.terminate();
    },
  };
}
