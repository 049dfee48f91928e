/**
 * The analyses the API offers, as one pure dispatcher: a task and the data in, plain results out.
 * Runs inside the analysis worker (analysis.worker.ts); results of one input are memoised there,
 * so the insight cards reuse the metrics, gaps and coverage already computed for the same data.
 * With a PathPool the metrics' path searches are split across its threads.
 */
import { AnalysisContext, type AnalysisInput } from './context.ts';
import { coverage, DEFAULT_PROFILE, type Coverage, type ProfileCategory } from './coverage.ts';
import { regionGaps, type RegionGaps } from './gaps.ts';
import { insights, networkParts, type Insight, type NetworkPart } from './insights.ts';
import { computeMetrics, computeMetricsParallel, type MetricOptions, type MetricsResult, type TieWeighting } from './metrics.ts';
import type { PathPool } from './path-pool.ts';
import { suggestions, type Suggestion } from './suggestions.ts';
import { whatIf, type WhatIf } from './what-if.ts';

export type AnalysisTask =
  | { kind: 'metrics'; weighted: boolean; weighting: TieWeighting; level: string }
  | { kind: 'gaps'; level: string }
  | { kind: 'coverage'; level: string; profile: ProfileCategory[] | null }
  | { kind: 'whatIf'; remove: string[]; level: string }
  | { kind: 'suggestions'; level: string; limit: number }
  | { kind: 'parts'; level: string }
  | { kind: 'insights'; level: string };

export interface TaskResults {
  metrics: MetricsResult;
  gaps: RegionGaps;
  coverage: Coverage;
  whatIf: WhatIf;
  suggestions: Suggestion[];
  parts: NetworkPart[];
  insights: Insight[];
}
export type ResultOf<T extends AnalysisTask> = TaskResults[T['kind']];

/** One input's context and the results computed on it. */
export class AnalysisSession {
  readonly ctx: AnalysisContext;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    input: AnalysisInput,
    private readonly pool: PathPool | null = null,
  ) {
    this.ctx = new AnalysisContext(input);
  }

  run<T extends AnalysisTask>(task: T): Promise<ResultOf<T>> {
    // What-if answers are cheap and their removal sets endless: only the shared results are kept.
    if (task.kind === 'whatIf') return this.compute(task) as Promise<ResultOf<T>>;
    const key = JSON.stringify(task);
    const known = this.memo.get(key);
    if (known) return known as Promise<ResultOf<T>>;
    const result = this.compute(task);
    this.memo.set(key, result);
    result.catch(() => this.memo.delete(key));
    return result as Promise<ResultOf<T>>;
  }

  private async compute(task: AnalysisTask): Promise<TaskResults[keyof TaskResults]> {
    const ctx = this.ctx;
    switch (task.kind) {
      case 'metrics': {
        const options: MetricOptions = { weighted: task.weighted, weighting: task.weighting, groupOf: (id) => ctx.regionAt(id, task.level) };
        return this.pool ? computeMetricsParallel(ctx.graph, options, this.pool) : computeMetrics(ctx.graph, options);
      }
      case 'gaps':
        return regionGaps(ctx, task.level);
      case 'coverage':
        return coverage(ctx, task.level, task.profile ?? DEFAULT_PROFILE);
      case 'whatIf':
        return whatIf(ctx, task.remove, task.level);
      case 'suggestions':
        return suggestions(ctx, (await this.run({ kind: 'gaps', level: task.level })).whiteSpots, task.level, task.limit);
      case 'parts':
        return networkParts(ctx, await this.run({ kind: 'metrics', weighted: false, weighting: 'count', level: task.level }), task.level);
      case 'insights':
        return insights(
          ctx,
          task.level,
          await this.run({ kind: 'metrics', weighted: false, weighting: 'count', level: task.level }),
          await this.run({ kind: 'gaps', level: task.level }),
          await this.run({ kind: 'coverage', level: task.level, profile: null }),
          await this.run({ kind: 'parts', level: task.level }),
        );
    }
  }
}
