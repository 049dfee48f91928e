/**
 * Serving heavy requests: the read workers (network assembly), the analysis service and the work
 * queue that admits, shares, caches and cancels their work. One per server, made by main.ts.
 */
import type { TaskRunner } from '../analysis/runner.ts';
import type { Config } from '../config.ts';
import { DEFAULT_NETWORK_LIMIT } from '../network/network.model.ts';
import { AnalysisService } from '../metrics/metrics.service.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { reachOf } from './carry.ts';
import { stableKey, type ReadJob, type ReadResultOf } from './read-jobs.ts';
import { inlineReadPool, readPool, type ReadPool } from './read-pool.ts';
import { SYSTEM, WorkQueue, type Caller, type LaneOptions } from './work-queue.ts';

export type ServingLane = 'read' | 'analysis';

/**
 * - read: a view takes 2–250 ms to assemble at 25,000 actors; 50 people opening different actors at
 *   once queue for about a second. Limited callers may start 64 of them together.
 * - analysis: seconds to minutes each (betweenness at 25,000 actors: 6 s); anonymous and viewer
 *   callers may start two new ones together, everyone 8. The default view's analyses are computed
 *   after every data change anyway (startWarming), so a workshop mostly reads them from the cache.
 */
export const LANES: Record<ServingLane, LaneOptions> = {
  read: { max: 256, limitedMax: 64, cacheEntries: 16, retryAfterS: 2, reachOf, pinnedEntries: 24 },
  analysis: { max: 8, limitedMax: 2, cacheEntries: 32, retryAfterS: 10 },
};

/**
 * The actors whose neighbourhood is prepared after each warm-up: those with the most ties. At a
 * workshop everyone opens the network at once and clicks the biggest nodes first; at 25,000 actors
 * each of these views takes 200–300 ms to assemble (5,000 nodes), and 20 of them asked for at the
 * same moment held up every other neighbourhood for 1–2 s. Prepared one after another in the
 * background, people's own requests go in between; a write that leaves a view's reach alone keeps it.
 */
export const PREPARED_HUBS = 20;

/** The neighbourhood the explorer asks for when someone clicks a node: one step, its usual limit. */
export const hubView = (id: string): Extract<ReadJob, { op: 'neighborhood' }> => ({ op: 'neighborhood', id, depth: 1, limit: DEFAULT_NETWORK_LIMIT });

export interface Serving {
  readonly reads: ReadPool;
  /** The analysis service for background work (the warm-up); requests use `analysis.as(caller)`. */
  readonly analysis: AnalysisService;
  /** A large read, in a read worker: shared, cached per data revision, admitted by the caller's budget. */
  read<J extends ReadJob>(job: J, caller: Caller): Promise<ReadResultOf<J>>;
  close(): Promise<void>;
}

export function createServing(store: GraphStore, opts: { config: Config | null; runner: TaskRunner; lanes?: Partial<Record<ServingLane, LaneOptions>> }): Serving {
  const work = new WorkQueue<ServingLane>(() => store.revision(), { ...LANES, ...opts.lanes }, (revision) => store.changedSince(revision));
  // Workers read through their own connection: not possible for an in-memory database.
  const workers = opts.config && (opts.config.neo4j || opts.config.databaseFile !== ':memory:') ? opts.config.readWorkers : 0;
  const reads = opts.config && workers > 0 ? readPool(opts.config, workers) : inlineReadPool(store);
  const analysis = new AnalysisService(store, opts.runner, work);
  const read = <J extends ReadJob>(job: J, caller: Caller): Promise<ReadResultOf<J>> => {
    const revision = store.revision();
    const result = work.run('read', stableKey(job), caller, (signal) => reads.run(job, revision, signal)) as Promise<ReadResultOf<J>>;
    return caller.trace ? result.then((v) => (caller.trace?.record(v), v)) : result;
  };
  analysis.prepareAfterWarming(async (metrics) => {
    const revision = store.revision();
    const hubs = [...metrics.nodes]
      .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, PREPARED_HUBS)
      .filter((n) => n.degree > 0);
    // One after another: people's requests go in between. A view that cannot be prepared now (the
    // read lane full, a thread gone) is simply not prepared: the warm-up's analyses stand.
    for (const { id } of hubs) {
      if (store.revision() !== revision) return;
      const job = hubView(id);
      try {
        work.pin('read', stableKey(job), await read(job, SYSTEM), revision);
      } catch {
        return;
      }
    }
  });
  return {
    reads,
    analysis,
    read,
    async close() {
      await Promise.all([reads.close(), analysis.close()]);
    },
  };
}
