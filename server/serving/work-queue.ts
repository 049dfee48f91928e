/**
 * Admission for heavy work (network assembly in the read workers, analyses in the analysis worker).
 *
 * - **Shared:** identical requests (same data revision, lane and key) share one computation.
 * - **Cached:** a finished result is kept per data revision (a count-bounded LRU per lane); a write
 *   moves the revision on, so nothing stale is ever answered. A lane with `reachOf` keeps the
 *   results whose reach the write did not touch (serving/carry.ts).
 * - **Bounded:** each lane takes at most `max` distinct computations at once (queued or running);
 *   beyond that a caller gets BUSY with a retry hint. Anonymous and viewer callers ("limited") may
 *   start at most `limitedMax` of them together: at a workshop everyone shares one share link, so
 *   the budget is per class, not per token. Cache hits and joining a running computation are free.
 * - **Cancelled:** a caller whose request has gone (its AbortSignal fires) leaves; when the last
 *   caller of a computation has left, the computation's own signal fires, and the worker drops it
 *   if it is still queued or stops it if it is running. A caller without a signal (the background
 *   warm-up) never leaves.
 */
import { GraphQLError } from 'graphql';
import { survives } from './carry.ts';

export interface Caller {
  /** Anonymous or viewer: may start only a small number of computations together. */
  limited: boolean;
  /** Fires when the request has gone (connection closed before the answer). */
  signal?: AbortSignal | undefined;
  /** Told every result this caller gets (the kept answers learn what an answer was made of: serving/carry.ts). */
  trace?: { record(value: unknown): void } | undefined;
}

/** A caller that never leaves and is never limited (background work, CLI, tests). */
export const SYSTEM: Caller = { limited: false };

export interface LaneOptions {
  /** Distinct computations queued or running at once, for everyone. */
  max: number;
  /** … of which started by limited callers. */
  limitedMax: number;
  /** Finished results kept (per lane, of the current revision). */
  cacheEntries: number;
  /** Seconds a refused caller is told to wait. */
  retryAfterS: number;
  /**
   * The reach of a finished result (serving/carry.ts): a result whose reach no later write touched
   * is kept across it. Without it, a write drops the lane's results.
   */
  reachOf?: (value: unknown) => readonly string[] | null;
  /** Results kept beside the LRU (`pin`: views prepared before anyone asks); the oldest pinned goes beyond this. */
  pinnedEntries?: number;
}

const retryHeaders = (seconds: number): Map<string, string> => new Map([['retry-after', String(seconds)]]);

/** Every computation slot of this kind of work is taken. */
export class BusyError extends GraphQLError {
  constructor(lane: string, retryAfter: number) {
    super(`The server is busy (${lane}); try again in ${retryAfter} s.`, {
      extensions: { code: 'BUSY', lane, retryAfter, http: { status: 503, headers: retryHeaders(retryAfter) } },
    });
  }
}

/** Anonymous and viewer callers have started as much new work as they may. */
export class RateLimitedError extends GraphQLError {
  constructor(lane: string, retryAfter: number) {
    super(`Too much new ${lane} work is asked for at once without an editor token; try again in ${retryAfter} s.`, {
      extensions: { code: 'RATE_LIMITED', lane, retryAfter, http: { status: 429, headers: retryHeaders(retryAfter) } },
    });
  }
}

/** The caller's request has gone: nobody reads this answer, and it is no server error (not logged). */
export class CallerGoneError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CLIENT_GONE' } });
    this.name = 'CallerGoneError';
  }
}

interface Flight {
  promise: Promise<unknown>;
  callers: number;
  limited: boolean;
  stop: AbortController;
}

export interface LaneStats {
  running: number;
  limitedRunning: number;
  cached: number;
  pinned: number;
  hits: number;
  joins: number;
  computed: number;
  refused: number;
  cancelled: number;
}

class Lane {
  readonly flights = new Map<string, Flight>();
  readonly cache = new Map<string, unknown>();
  /** Prepared results (`pin`), by the same keys, not evicted by the LRU. */
  readonly pinned = new Map<string, unknown>();
  cacheRevision = -1;
  limitedRunning = 0;
  readonly counts = { hits: 0, joins: 0, computed: 0, refused: 0, cancelled: 0 };
  constructor(readonly options: LaneOptions) {}
}

export class WorkQueue<L extends string> {
  private readonly lanes: Map<L, Lane>;

  constructor(
    private readonly revision: () => number,
    lanes: Record<L, LaneOptions>,
    /** What the writes after a revision touched (GraphStore.changedSince); without it, nothing is kept across a write. */
    private readonly changedSince: (revision: number) => ReadonlySet<string> | null = () => null,
  ) {
    this.lanes = new Map(Object.entries<LaneOptions>(lanes).map(([name, o]) => [name as L, new Lane(o)]));
  }

  /**
   * The result for `key` in `lane` at the current revision: cached, shared with a running
   * computation, or computed by `compute` (which should stop when its signal fires).
   */
  run<T>(laneName: L, key: string, caller: Caller, compute: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const lane = this.lane(laneName);
    if (caller.signal?.aborted) return Promise.reject(new CallerGoneError('the request has gone'));
    const revision = this.revision();
    if (lane.cacheRevision !== revision) this.moveOn(lane, revision);
    const fullKey = `${revision}|${key}`;
    if (lane.cache.has(fullKey)) {
      const value = lane.cache.get(fullKey);
      lane.cache.delete(fullKey);
      lane.cache.set(fullKey, value);
      lane.counts.hits++;
      return Promise.resolve(value as T);
    }
    if (lane.pinned.has(fullKey)) {
      lane.counts.hits++;
      return Promise.resolve(lane.pinned.get(fullKey) as T);
    }
    let flight = lane.flights.get(fullKey);
    if (flight) lane.counts.joins++;
    else {
      if (lane.flights.size >= lane.options.max) {
        lane.counts.refused++;
        return Promise.reject(new BusyError(laneName, lane.options.retryAfterS));
      }
      if (caller.limited && lane.limitedRunning >= lane.options.limitedMax) {
        lane.counts.refused++;
        return Promise.reject(new RateLimitedError(laneName, lane.options.retryAfterS));
      }
      flight = this.start(lane, fullKey, revision, caller.limited, compute);
    }
    return this.attend(lane, fullKey, flight, caller) as Promise<T>;
  }

  /**
   * Keeps `value` as the result for `key` computed at `revision`, beside the LRU, until the data
   * moves on (and across writes that leave its reach alone, as the cache). Ignored when the data
   * already moved on since `revision`.
   */
  pin(laneName: L, key: string, value: unknown, revision: number): void {
    const lane = this.lane(laneName);
    if (revision !== this.revision()) return;
    if (lane.cacheRevision !== revision) this.moveOn(lane, revision);
    const fullKey = `${revision}|${key}`;
    lane.pinned.delete(fullKey);
    lane.pinned.set(fullKey, value);
    while (lane.pinned.size > (lane.options.pinnedEntries ?? 0)) lane.pinned.delete(lane.pinned.keys().next().value as string);
  }

  stats(laneName: L): LaneStats {
    const lane = this.lane(laneName);
    return { running: lane.flights.size, limitedRunning: lane.limitedRunning, cached: lane.cache.size, pinned: lane.pinned.size, ...lane.counts };
  }

  /** The data moved on: results whose reach the writes did not touch are kept, the rest dropped. */
  private moveOn(lane: Lane, revision: number): void {
    const reachOf = lane.options.reachOf;
    const touched = reachOf && lane.cacheRevision >= 0 ? this.changedSince(lane.cacheRevision) : null;
    for (const map of [lane.cache, lane.pinned]) {
      const kept: [string, unknown][] = [];
      if (reachOf && touched !== null)
        for (const [fullKey, value] of map) if (survives(reachOf(value), touched)) kept.push([`${revision}|${fullKey.slice(fullKey.indexOf('|') + 1)}`, value]);
      map.clear();
      for (const [k, v] of kept) map.set(k, v);
    }
    lane.cacheRevision = revision;
  }

  private lane(name: L): Lane {
    const lane = this.lanes.get(name);
    if (!lane) throw new Error(`unknown work lane ${name}`);
    return lane;
  }

  private start(lane: Lane, fullKey: string, revision: number, limited: boolean, compute: (signal: AbortSignal) => Promise<unknown>): Flight {
    const stop = new AbortController();
    lane.counts.computed++;
    if (limited) lane.limitedRunning++;
    const flight: Flight = { promise: Promise.resolve(), callers: 0, limited, stop };
    flight.promise = (async () => {
      try {
        const value = await compute(stop.signal);
        // A result computed while the data moved on is answered, but not kept.
        if (this.revision() === revision && lane.cacheRevision === revision) {
          lane.cache.set(fullKey, value);
          while (lane.cache.size > lane.options.cacheEntries) lane.cache.delete(lane.cache.keys().next().value as string);
        }
        return value;
      } finally {
        if (lane.flights.get(fullKey) === flight) lane.flights.delete(fullKey);
        if (limited) lane.limitedRunning--;
      }
    })();
    // Every caller handles the outcome; this keeps a cancelled computation from being an unhandled rejection.
    flight.promise.catch(() => undefined);
    lane.flights.set(fullKey, flight);
    return flight;
  }

  /** The flight's outcome for one caller; the caller leaves when its signal fires. */
  private attend(lane: Lane, fullKey: string, flight: Flight, caller: Caller): Promise<unknown> {
    flight.callers++;
    const signal = caller.signal;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        reject(new CallerGoneError('the request has gone'));
        flight.callers--;
        if (flight.callers === 0 && lane.flights.get(fullKey) === flight) {
          // Later callers start afresh rather than join a computation that is being dropped.
          lane.flights.delete(fullKey);
          lane.counts.cancelled++;
          flight.stop.abort();
        }
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(
        (v) => {
          signal.removeEventListener('abort', leave);
          if (!left) resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', leave);
          if (!left) reject(e as Error);
        },
      );
    });
  }
}
