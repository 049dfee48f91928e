/**
 * The analysis as the API sees it: takes a filter, fetches the actors and ties from the store,
 * runs the task on a runner (a worker thread by default) and caches the result until the store's
 * data changes (its revision moves on).
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

/** Sorted keys, no undefined/null members: the same filter always gives the same key. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

export const DEFAULT_LEVEL = 'district';

/** The background computation for the default view (whole network, district level) at a store revision. */
export interface WarmStatus {
  revision: number;
  state: 'idle' | 'running' | 'ready' | 'failed';
  /** Analyses finished, of `total` (metrics, gaps, coverage, network parts, insights). */
  done: number;
  total: number;
  step: string | null;
  elapsedMs: number;
  error: string | null;
}

export class AnalysisService {
  private readonly results = new Lru<Promise<unknown>>(64);
  private readonly inputs = new Lru<Promise<AnalysisInput>>(4);
  private warmStatus: WarmStatus = { revision: -1, state: 'idle', done: 0, total: 5, step: null, elapsedMs: 0, error: null };
  private warmStarted = 0;
  private warmTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: GraphStore,
    readonly runner: TaskRunner,
  ) {}

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
    if (this.warmTimer) return;
    const tick = () => {
      if (this.store.revision() !== this.warmStatus.revision && this.warmStatus.state !== 'running') void this.warm();
    };
    this.warmTimer = setInterval(tick, intervalMs);
    this.warmTimer.unref();
    tick();
  }

  /** Runs the default view's analyses for the current revision, step by step, recording progress. */
  async warm(): Promise<WarmStatus> {
    const revision = this.store.revision();
    this.warmStarted = performance.now();
    const steps: [string, () => Promise<unknown>][] = [
      ['metrics', () => this.metrics(null, false, null)],
      ['gaps', () => this.regionGaps(null, null)],
      ['coverage', () => this.coverage(null, null, null)],
      ['parts', () => this.parts(null, null)],
      ['insights', () => this.insights(null, null)],
    ];
    this.warmStatus = { revision, state: 'running', done: 0, total: steps.length, step: steps[0]?.[0] ?? null, elapsedMs: 0, error: null };
    try {
      for (const [name, run] of steps) {
        this.warmStatus = { ...this.warmStatus, step: name };
        await run();
        this.warmStatus = { ...this.warmStatus, done: this.warmStatus.done + 1 };
      }
      this.warmStatus = { ...this.warmStatus, state: 'ready', step: null, elapsedMs: performance.now() - this.warmStarted };
    } catch (e) {
      this.warmStatus = { ...this.warmStatus, state: 'failed', error: e instanceof Error ? e.message : String(e), elapsedMs: performance.now() - this.warmStarted };
    }
    return this.status();
  }

  /** The background computation's progress; `revision` tells whether it is about the current data. */
  status(): WarmStatus & { currentRevision: number } {
    const s = this.warmStatus;
    return { ...s, elapsedMs: Math.round(s.state === 'running' ? performance.now() - this.warmStarted : s.elapsedMs), currentRevision: this.store.revision() };
  }

  close(): Promise<void> {
    if (this.warmTimer) clearInterval(this.warmTimer);
    this.warmTimer = null;
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
    const inputKey = `${this.store.revision()}|${stableKey(actorFilter)}`;
    const key = `${inputKey}|${stableKey(task)}`;
    let result = this.results.get(key) as Promise<ResultOf<T>> | undefined;
    if (!result) {
      result = this.runner.run(inputKey, { revision: this.store.revision(), filter: actorFilter, fetch: () => this.input(inputKey, actorFilter) }, task);
      this.results.set(key, result);
      result.catch(() => this.results.delete(key));
    }
    return result;
  }

  private input(inputKey: string, filter: NetworkFilter): Promise<AnalysisInput> {
    let input = this.inputs.get(inputKey);
    if (!input) {
      input = loadAnalysisInput(this.store, filter);
      this.inputs.set(inputKey, input);
      input.catch(() => this.inputs.delete(inputKey));
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
