/**
 * A synthetic actor cooperation graph for the metric benchmark (test/bench/metrics-bench.ts):
 * exactly `actors` actors and `ties` distinct undirected ties, no self-loops, drawn from one seeded
 * PRNG (mulberry32), so the options fix the graph.
 *
 * Structure: about actors/40 regions on a grid (region sizes vary, skewed); every actor has a
 * Pareto-distributed activity, so degrees are skewed and a few actors are hubs. A tie starts at an
 * actor drawn by activity and goes to a partner drawn by activity: ~70 % in the same region, ~22 %
 * in one of the (up to 8) neighbouring regions on the grid, the rest anywhere (the long bridges;
 * hubs reach out further). Repeated pairs are drawn again, which thins the dense in-region share: at
 * 3,000 / 16,000 about 56 % of the ties lie inside a region, 29 % between neighbouring regions.
 * Weights are 1–5, skewed to 1 (the number of shared projects and events).
 */
import { Rng, Weighted } from './generate.ts';

export interface ActorGraphOptions {
  actors: number;
  ties: number;
  seed: number;
  /** Mean actors per region (default 40). */
  regionSize?: number;
}

export interface ActorGraphTie {
  source: string;
  target: string;
  weight: number;
}

export interface GeneratedActorGraph {
  /** Actor ids, `a0` … `a{n-1}` (actors without ties included). */
  actors: string[];
  ties: ActorGraphTie[];
  /** Region id of each actor. */
  regionOf: Map<string, string>;
  regions: number;
}

/** Tie weight 1–5: ~55 % 1, ~22 % 2, ~12 % 3, ~7 % 4, ~4 % 5. */
const WEIGHTS = Weighted.of<number>([
  [1, 55],
  [2, 22],
  [3, 12],
  [4, 7],
  [5, 4],
]);

export function generateActorGraph(options: ActorGraphOptions): GeneratedActorGraph {
  const { actors: n, ties: m, seed } = options;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) throw new RangeError('actors and ties must be non-negative integers');
  const maxTies = (n * (n - 1)) / 2;
  if (m > maxTies) throw new RangeError(`${m} ties do not fit between ${n} actors (at most ${maxTies})`);
  const rng = new Rng(seed);
  const regionCount = Math.max(1, Math.round(n / (options.regionSize ?? 40)));
  const side = Math.ceil(Math.sqrt(regionCount));

  // Regions: sizes skewed (a few big cities), each region gets at least one actor while actors last.
  const regionWeight = Array.from({ length: regionCount }, () => rng.pareto(1.6, 12));
  const regionPick = new Weighted(
    Array.from({ length: regionCount }, (_, r) => r),
    regionWeight,
  );
  const region = new Int32Array(n);
  for (let i = 0; i < n; i++) region[i] = i < regionCount ? i : regionPick.sample(rng);

  // Activity: Pareto with a heavy tail (hubs), capped so one actor cannot take every tie.
  const activity = Array.from({ length: n }, () => rng.pareto(1.3, 200));
  const members: number[][] = Array.from({ length: regionCount }, () => []);
  for (let i = 0; i < n; i++) (members[region[i] as number] as number[]).push(i);
  const inRegion = members.map((ids) => (ids.length > 0 ? new Weighted(ids, ids.map((i) => activity[i] as number)) : null));
  const anyone = n > 0 ? new Weighted(Array.from({ length: n }, (_, i) => i), activity) : null;
  const neighbours: number[][] = Array.from({ length: regionCount }, (_, r) => {
    const x = r % side;
    const y = Math.floor(r / side);
    const out: number[] = [];
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        const q = ny * side + nx;
        if ((dx !== 0 || dy !== 0) && nx >= 0 && nx < side && ny >= 0 && q < regionCount && (members[q] as number[]).length > 0) out.push(q);
      }
    return out;
  });

  const seen = new Set<number>();
  const ties: ActorGraphTie[] = [];
  const id = (i: number) => `a${i}`;
  const add = (a: number, b: number): boolean => {
    if (a === b) return false;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) return false;
    seen.add(key);
    ties.push({ source: id(a), target: id(b), weight: WEIGHTS.sample(rng) });
    return true;
  };

  // Should sampling stall (dense requests), the rest comes from a shuffled list of the missing
  // pairs, so that every request ends.
  let attempts = 0;
  const budget = 20 * m + 1000;
  while (ties.length < m && attempts < budget && anyone !== null) {
    attempts++;
    const a = anyone.sample(rng);
    const ra = region[a] as number;
    const hub = (activity[a] as number) > 20;
    const u = rng.float();
    let b: number;
    if (u < (hub ? 0.55 : 0.7)) b = (inRegion[ra] as Weighted<number>).sample(rng);
    else if (u < (hub ? 0.8 : 0.92) && (neighbours[ra] as number[]).length > 0) b = (inRegion[rng.pick(neighbours[ra] as number[])] as Weighted<number>).sample(rng);
    else b = anyone.sample(rng);
    add(a, b);
  }
  if (ties.length < m && maxTies <= 5_000_000) {
    const missing: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (!seen.has(a * n + b)) missing.push([a, b]);
    for (const [a, b] of rng.shuffle(missing)) {
      if (ties.length >= m) break;
      add(a, b);
    }
  }
  while (ties.length < m) add(rng.int(0, n - 1), rng.int(0, n - 1)); // huge and dense: uniform pairs

  const actorIds = Array.from({ length: n }, (_, i) => id(i));
  const regionOf = new Map(actorIds.map((a, i) => [a, `r${region[i] as number}`]));
  return { actors: actorIds, ties, regionOf, regions: regionCount };
}

/** The graph as an edge list CSV (header source,target,weight), as the `metrics` CLI and networkx_suite.py read it. */
export function actorGraphCsv(graph: GeneratedActorGraph): string {
  return `source,target,weight\n${graph.ties.map((t) => `${t.source},${t.target},${t.weight}`).join('\n')}\n`;
}

/** The regions as CSV (header id,region), for networkx_suite.py's brokerage roles. */
export function actorRegionsCsv(graph: GeneratedActorGraph): string {
  return `id,region\n${graph.actors.map((a) => `${a},${graph.regionOf.get(a) as string}`).join('\n')}\n`;
}
