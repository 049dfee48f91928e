/**
 * The analysis as the API sees it: takes a filter, fetches the actors and ties from the store,
 * runs the task on a runner (a worker thread by default) through the work queue's `analysis` lane,
 * which shares identical requests, caches the result until the store's data changes (its revision
 * moves on), limits how much new work anonymous and viewer callers start, and stops a computation
 * whose callers have all gone. `as(caller)` is the service seen by one request.
 */
import { ACTOR_KINDS, REGION_KINDS } from '../domain/model.ts';
import { BadUserInputError } from '../errors.ts';
import { MAX_NETWORK_LIMIT, type NetworkFilter } from '../network/network.model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { AnalysisInput } from '../analysis/context.ts';
import { loadAnalysisInput } from '../analysis/input.ts';
import type { ProfileCategory } from '../analysis/coverage.ts';
import type { TieWeighting } from '../analysis/metrics.ts';
import type { TaskRunner } from '../analysis/runner.ts';
import type { AnalysisTask, ResultOf } from '../analysis/tasks.ts';
import { stableKey } from '../serving/read-jobs.ts';
import { SYSTEM, type Caller, type WorkQueue } from '../serving/work-queue.ts';

export const DEFAULT_LEVEL = 'district';

/** The background computation for the default view (whole network, district level) at a store revision. */
export interface WarmStatus {
  revision: number;
  state: 'idle' | 'running' | 'ready' | 'failed';
  /** Steps finished, of `total` (metrics, gaps, coverage, network parts, insights; and the prepared views when serving asks). */
  done: number;
  total: number;
  step: string | null;
  elapsedMs: number;
  error: string | null;
}

/** What the views of one service share: the inputs fetched on the main thread (inline runner) and the warm-up. */
interface Shared {
  inputs: Map<string, Promise<AnalysisInput>>;
  warmStatus: WarmStatus;
  warmStarted: number;
  warmTimer: ReturnType<typeof setInterval> | null;
  /** A last warm-up step given the whole network's metrics (serving prepares the biggest hubs' views). */
  prepare: ((metrics: ResultOf<{ kind: 'metrics'; weighted: boolean; weighting: TieWeighting; level: string }>) => Promise<unknown>) | null;
}

export type AnalysisLane = 'analysis';

export class AnalysisService {
  private readonly shared: Shared;

  constructor(
    private readonly store: GraphStore,
    readonly runner: TaskRunner,
    private readonly work: Pick<WorkQueue<AnalysisLane>, 'run'>,
    private readonly caller: Caller = SYSTEM,
    shared?: Shared,
  ) {
    this.shared = shared ?? { inputs: new Map(), warmStatus: { revision: -1, state: 'idle', done: 0, total: 5, step: null, elapsedMs: 0, error: null }, warmStarted: 0, warmTimer: null, prepare: null };
  }

  /** The service for one request: its caller's budget, and its computations stop when it has gone. */
  as(caller: Caller): AnalysisService {
    return new AnalysisService(this.store, this.runner, this.work, caller, this.shared);
  }

  metrics(filter: NetworkFilter | null, weighted: boolean, level: string | null, weighting: TieWeighting = 'count') {
    return this.run(filter, { kind: 'metrics', weighted, weighting, level: checkLevel(level) });
  }
  regionGaps(level: string | null, filter: NetworkFilter | null) {
    return this.run(filter, { kind: 'gaps', level: checkLevel(level) });
  }
  coverage(level: string | null, profile: ProfileCategory[] | null, filter: NetworkFilter | null) {
    return this.run(filter, { kind: 'coverage', level: checkLevel(level), profile: profile ? checkProfile(profile) : null });
  }
  whatIf(remove: string[], level: string | null, filter: NetworkFilter | null) {
    if (remove.length === 0) throw new BadUserInputError('remove', 'name at least one actor to remove');
    if (remove.length > 500) throw new BadUserInputError('remove', 'at most 500 actors at once');
    return this.run(filter, { kind: 'whatIf', remove: [...new Set(remove)].sort(), level: checkLevel(level) });
  }
  suggestions(filter: NetworkFilter | null, level: string | null, limit: number) {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new BadUserInputError('limit', 'must be between 1 and 200');
    return this.run(filter, { kind: 'suggestions', level: checkLevel(level), limit });
  }
  parts(filter: NetworkFilter | null, level: string | null) {
    return this.run(filter, { kind: 'parts', level: checkLevel(level) });
  }
  insights(filter: NetworkFilter | null, level: string | null) {
    return this.run(filter, { kind: 'insights', level: checkLevel(level) });
  }

  /**
   * Computes the default view's analyses in the background whenever the store's revision moves
   * (after an import or an edit; checked every `intervalMs`), so the analysis page finds them cached.
   * Everything runs in the worker; the requests share the same cached promises.
   */
  startWarming(intervalMs = 1_000): void {
    const sh = this.shared;
    if (sh.warmTimer) return;
    const tick = () => {
      if (this.store.revision() !== sh.warmStatus.revision && sh.warmStatus.state !== 'running') void this.warm();
    };
    sh.warmTimer = setInterval(tick, intervalMs);
    sh.warmTimer.unref();
    tick();
  }

  /** After each warm-up's analyses, `prepare` gets the whole network's metrics (a step of its own, 'views'). */
  prepareAfterWarming(prepare: Shared['prepare']): void {
    this.shared.prepare = prepare;
  }

  /** Runs the default view's analyses for the current revision, step by step, recording progress. */
  async warm(): Promise<WarmStatus> {
    const sh = this.shared;
    const revision = this.store.revision();
    sh.warmStarted = performance.now();
    const system = this.as(SYSTEM);
    const steps: [string, () => Promise<unknown>][] = [
      ['metrics', () => system.metrics(null, false, null)],
      ['gaps', () => system.regionGaps(null, null)],
      ['coverage', () => system.coverage(null, null, null)],
      ['parts', () => system.parts(null, null)],
      ['insights', () => system.insights(null, null)],
    ];
    const prepare = sh.prepare;
    if (prepare) steps.push(['views', async () => prepare(await system.metrics(null, false, null))]);
    sh.warmStatus = { revision, state: 'running', done: 0, total: steps.length, step: steps[0]?.[0] ?? null, elapsedMs: 0, error: null };
    try {
      for (const [name, run] of steps) {
        sh.warmStatus = { ...sh.warmStatus, step: name };
        await run();
        sh.warmStatus = { ...sh.warmStatus, done: sh.warmStatus.done + 1 };
      }
      sh.warmStatus = { ...sh.warmStatus, state: 'ready', step: null, elapsedMs: performance.now() - sh.warmStarted };
    } catch (e) {
      sh.warmStatus = { ...sh.warmStatus, state: 'failed', error: e instanceof Error ? e.message : String(e), elapsedMs: performance.now() - sh.warmStarted };
    }
    return this.status();
  }

  /** The background computation's progress; `revision` tells whether it is about the current data. */
  status(): WarmStatus & { currentRevision: number } {
    const sh = this.shared;
    const s = sh.warmStatus;
    return { ...s, elapsedMs: Math.round(s.state === 'running' ? performance.now() - sh.warmStarted : s.elapsedMs), currentRevision: this.store.revision() };
  }

  close(): Promise<void> {
    if (this.shared.warmTimer) clearInterval(this.shared.warmTimer);
    this.shared.warmTimer = null;
    return this.runner.close();
  }

  private run<T extends AnalysisTask>(filter: NetworkFilter | null, task: T): Promise<ResultOf<T>> {
    const actorFilter: NetworkFilter = {
      ...(filter ?? {}),
      nodeTypes: ['ACTOR', 'PROJECT'],
      includeDirect: filter?.includeDirect ?? true,
      includeDerived: filter?.includeDerived ?? true,
      limit: MAX_NETWORK_LIMIT,
    };
    const revision = this.store.revision();
    const inputKey = `${revision}|${stableKey(actorFilter)}`;
    return this.work.run('analysis', `${stableKey(actorFilter)}|${stableKey(task)}`, this.caller, (signal) =>
      this.runner.run(inputKey, { revision, filter: actorFilter, fetch: () => this.input(inputKey, actorFilter) }, task, signal),
    );
  }

  private input(inputKey: string, filter: NetworkFilter): Promise<AnalysisInput> {
    const inputs = this.shared.inputs;
    let input = inputs.get(inputKey);
    if (!input) {
      input = loadAnalysisInput(this.store, filter);
      inputs.set(inputKey, input);
      input.catch(() => inputs.delete(inputKey));
      while (inputs.size > 4) inputs.delete(inputs.keys().next().value as string);
    }
    return input;
  }
}

function checkLevel(level: string | null): string {
  const l = level ?? DEFAULT_LEVEL;
  if (!(REGION_KINDS as readonly string[]).includes(l)) throw new BadUserInputError('level', `must be one of ${REGION_KINDS.join(', ')}`);
  return l;
}

function checkProfile(profile: ProfileCategory[]): ProfileCategory[] {
  if (profile.length === 0 || profile.length > 30) throw new BadUserInputError('profile', 'needs 1 to 30 categories');
  const keys = new Set<string>();
  profile.forEach((c, i) => {
    if (c.key.trim() === '') throw new BadUserInputError(`profile[${i}].key`, 'must not be empty');
    if (keys.has(c.key)) throw new BadUserInputError(`profile[${i}].key`, `"${c.key}" appears twice`);
    keys.add(c.key);
    if (c.kinds.length === 0) throw new BadUserInputError(`profile[${i}].kinds`, 'name at least one actor kind');
    const unknown = c.kinds.find((k) => !(ACTOR_KINDS as readonly string[]).includes(k));
    if (unknown !== undefined) throw new BadUserInputError(`profile[${i}].kinds`, `"${unknown}" is not an actor kind (${ACTOR_KINDS.join(', ')})`);
    if (!Number.isInteger(c.minimum) || c.minimum < 0 || c.minimum > 1000) throw new BadUserInputError(`profile[${i}].minimum`, 'must be between 0 and 1000');
  });
  return profile.map((c) => ({ key: c.key.trim(), kinds: [...c.kinds], minimum: c.minimum }));
}
