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

export class AnalysisService {
  private readonly results = new Lru<Promise<unknown>>(64);
  private readonly inputs = new Lru<Promise<AnalysisInput>>(4);

  constructor(
    private readonly store: GraphStore,
    readonly runner: TaskRunner,
  ) {}

  metrics(filter: NetworkFilter | null, weighted: boolean, level: string | null) {
    return this.run(filter, { kind: 'metrics', weighted, level: checkLevel(level) });
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

  close(): Promise<void> {
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
