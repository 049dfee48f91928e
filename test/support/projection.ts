/**
 * A co-participation network of the CORDIS shape, built directly as an actor graph (no store):
 * projects with heavy-tailed sizes (Pareto, α = 2.6) draw their partners by a Zipf-like activity
 * (exponent 0.45), and every pair of partners of a project is a tie (weight: shared projects).
 * At the defaults — 26,600 organisations, 9,000 projects, 93,000 participations — it gives
 * ~24,700 actors with ties and ~661,000 ties, the shape of Horizon 2020's German network.
 */
import { edgeListGraph, type ActorGraph } from '../../server/analysis/graph.ts';
import { seededRandom } from '../../server/analysis/random.ts';

export interface ProjectionOptions {
  actors: number;
  projects: number;
  participations: number;
  seed: number;
}

export interface ProjectionTie {
  a: number;
  b: number;
  shared: number;
  /** Newman's weight: Σ 1/(size − 1) over the shared projects. */
  newman: number;
}

export function projectionTies(options: Partial<ProjectionOptions> = {}): ProjectionTie[] {
  const { actors, projects, participations, seed } = { actors: 26_600, projects: 9_000, participations: 93_000, seed: 7, ...options };
  const random = seededRandom(seed);
  const raw = Array.from({ length: projects }, () => Math.pow(1 - random(), -1 / 2.6));
  const total = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((x) => Math.max(1, Math.min(actors, Math.round((x * participations) / total))));
  const cumulative = new Float64Array(actors);
  let sum = 0;
  for (let i = 0; i < actors; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 0.45);
  const draw = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = actors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pairs = new Map<number, ProjectionTie>();
  for (const size of sizes) {
    const members = new Set<number>();
    for (let guard = 0; members.size < size && guard < size * 20; guard++) members.add(draw());
    const list = [...members];
    const k = list.length;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const a = Math.min(list[i] as number, list[j] as number);
        const b = Math.max(list[i] as number, list[j] as number);
        const key = a * actors + b;
        const tie = pairs.get(key);
        if (tie) {
          tie.shared++;
          tie.newman += 1 / (k - 1);
        } else pairs.set(key, { a, b, shared: 1, newman: 1 / (k - 1) });
      }
    }
  }
  return [...pairs.values()];
}

export function projectionGraph(options: Partial<ProjectionOptions> = {}): ActorGraph {
  return edgeListGraph(projectionTies(options).map((t) => ({ source: `a${t.a}`, target: `a${t.b}`, weight: t.shared }))).graph;
}
