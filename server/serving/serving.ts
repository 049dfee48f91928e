/**
 * Serving heavy requests: the read workers (network assembly), the analysis service and the work
 * queue that admits, shares, caches and cancels their work. One per server, made by main.ts.
 */
import type { TaskRunner } from '../analysis/runner.ts';
import type { Config } from '../config.ts';
import { AnalysisService } from '../metrics/metrics.service.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { stableKey, type ReadJob, type ReadResultOf } from './read-jobs.ts';
import { inlineReadPool, readPool, type ReadPool } from './read-pool.ts';
import { WorkQueue, type Caller, type LaneOptions } from './work-queue.ts';

export type ServingLane = 'read' | 'analysis';

/**
 * - read: a view takes 2–250 ms to assemble at 25,000 actors; 50 people opening different actors at
 *   once queue for about a second. Limited callers may start 64 of them together.
 * - analysis: seconds to minutes each (betweenness at 25,000 actors: 6 s); anonymous and viewer
 *   callers may start two new ones together, everyone 8. The default view's analyses are computed
 *   after every data change anyway (startWarming), so a workshop mostly reads them from the cache.
 */
export const LANES: Record<ServingLane, LaneOptions> = {
  read: { max: 256, limitedMax: 64, cacheEntries: 16, retryAfterS: 2 },
  analysis: { max: 8, limitedMax: 2, cacheEntries: 32, retryAfterS: 10 },
};

export interface Serving {
  readonly reads: ReadPool;
  /** The analysis service for background work (the warm-up); requests use `analysis.as(caller)`. */
  readonly analysis: AnalysisService;
  /** A large read, in a read worker: shared, cached per data revision, admitted by the caller's budget. */
  read<J extends ReadJob>(job: J, caller: Caller): Promise<ReadResultOf<J>>;
  close(): Promise<void>;
}

export function createServing(store: GraphStore, opts: { config: Config | null; runner: TaskRunner; lanes?: Partial<Record<ServingLane, LaneOptions>> }): Serving {
  const work = new WorkQueue<ServingLane>(() => store.revision(), { ...LANES, ...opts.lanes });
  // Workers read through their own connection: not possible for an in-memory database.
  const workers = opts.config && (opts.config.neo4j || opts.config.databaseFile !== ':memory:') ? opts.config.readWorkers : 0;
  const reads = opts.config && workers > 0 ? readPool(opts.config, workers) : inlineReadPool(store);
  const analysis = new AnalysisService(store, opts.runner, work);
  return {
    reads,
    analysis,
    read<J extends ReadJob>(job: J, caller: Caller): Promise<ReadResultOf<J>> {
      const revision = store.revision();
      return work.run('read', stableKey(job), caller, (signal) => reads.run(job, revision, signal)) as Promise<ReadResultOf<J>>;
    },
    async close() {
      await Promise.all([reads.close(), analysis.close()]);
    },
  };
}
