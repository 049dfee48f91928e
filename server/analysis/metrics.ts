/**
 * The metric suite on the actor cooperation graph. Louvain from graphology-communities-louvain
 * (0.3 s at 25,000 actors / 665,000 ties); everything else on CSR typed arrays: PageRank and
 * eigenvector iterated to 1e-13 (pagerank.ts, eigenvector.ts — graphology's PageRank stops ~1e-4
 * short at that size), the path measures exact or estimated with a stated bound (path-plan.ts),
 * cut points iteratively (structure.ts), Burt and brokerage in Σ deg² steps (brokerage.ts).
 * Every definition matches networkx and is checked against its reference values
 * (test/analysis/reference.test.ts). `computeMetrics` runs on the calling thread;
 * `computeMetricsParallel` splits the path searches across a PathPool's threads.
 */
import louvain from 'graphology-communities-louvain';
import { brokerage, burt, type BrokerageCounts } from './brokerage.ts';
import { toCsr } from './csr.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import type { ActorGraph } from './graph.ts';
import { pagerank } from './pagerank.ts';
import { pathPlan, type Estimate, type PathOptions, type PathResults } from './path-plan.ts';
import type { PathPool } from './path-pool.ts';
import { runPathJob, type Adjacency, type PathJob, type PathPart } from './paths.ts';
import { seededRandom } from './random.ts';
import { components, cutPoints } from './structure.ts';

export type { Estimate } from './path-plan.ts';

export type TieWeighting = 'count' | 'newman';

export interface MetricOptions {
  /** Use tie weights for eigenvector, PageRank, Louvain and Burt's measures (weightedDegree is always the weight sum). */
  weighted?: boolean;
  /** Which tie weight those use: shared projects and events counted (default) or Newman's 1/(n − 1) per shared item. */
  weighting?: TieWeighting;
  /** Group of a node for brokerage roles (the actor's region); null = unknown. */
  groupOf?: (id: string) => string | null;
  /** Louvain's seed (default 42). */
  seed?: number;
  /** When betweenness and closeness are estimated, and how closely. */
  paths?: PathOptions;
}

export interface NodeMetrics {
  id: string;
  label: string;
  kind: string | null;
  regionId: string | null;
  degree: number;
  weightedDegree: number;
  /** degree / (n-1) */
  degreeCentrality: number;
  betweenness: number;
  closeness: number;
  eigenvector: number;
  pagerank: number;
  community: number;
  component: number;
  /** null for actors without ties. */
  constraint: number | null;
  effectiveSize: number | null;
  articulationPoint: boolean;
  brokerage: BrokerageCounts;
}

export interface NetworkStats {
  nodes: number;
  edges: number;
  density: number;
  components: number;
  largestComponent: number;
  isolates: number;
  /** Mean shortest-path length over all pairs that are connected; null without any. */
  averagePathLength: number | null;
  /** Longest shortest path inside any component. */
  diameter: number;
  /** Freeman's degree centralisation: Σ(max − dᵢ) / ((n−1)(n−2)). */
  degreeCentralization: number;
  communities: number;
  modularity: number;
  articulationPoints: number;
  bridges: number;
  /** Whole-network figures that are estimates (average path length, diameter bounds); empty when exact. */
  estimates: Estimate[];
}

export interface MetricsResult {
  nodes: NodeMetrics[];
  /** Community sizes, by community number (0 = largest). */
  communitySizes: number[];
  modularity: number;
  bridges: { a: string; b: string }[];
  stats: NetworkStats;
  /** Per-actor metrics that are estimates (betweenness, closeness), with their error bounds; empty when exact. */
  estimates: Estimate[];
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

/** The metric suite on the calling thread. */
export function computeMetrics(graph: ActorGraph, options: MetricOptions = {}): MetricsResult {
  const plan = metricsPlan(graph, options);
  let step = plan.next([]);
  while (!step.done) {
    const { adjacency, jobs } = step.value;
    step = plan.next(jobs.map((job) => runPathJob(adjacency, job)));
  }
  return step.value;
}

/** The metric suite with the path searches split across the pool's threads. */
export async function computeMetricsParallel(graph: ActorGraph, options: MetricOptions, pool: PathPool): Promise<MetricsResult> {
  const plan = metricsPlan(graph, options);
  let step = plan.next([]);
  while (!step.done) step = plan.next(await pool.run(step.value.adjacency, step.value.jobs));
  return step.value;
}

const pathCache = new WeakMap<ActorGraph, Map<string, PathResults>>();

/** The suite as a plan that hands out its path searches as batches of independent jobs. */
function* metricsPlan(graph: ActorGraph, options: MetricOptions): Generator<{ adjacency: Adjacency; jobs: PathJob[] }, MetricsResult, PathPart[]> {
  const weighted = options.weighted ?? false;
  const timings: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    timings[name] = performance.now() - t0;
    return out;
  };
  const newman = options.weighting === 'newman';
  const csr = time('csr', () => toCsr(graph, (a) => Number((newman ? (a.newman ?? a.weight) : a.weight) ?? 1)));
  const n = csr.ids.length;
  const comps = time('components', () => components(csr));
  const t0 = performance.now();
  const adjacency: Adjacency = { offsets: csr.offsets, targets: csr.targets };
  // Path measures ignore weights: the weighted and unweighted suites of one graph share them
  // (analysis graphs are not changed once built).
  const pathKey = JSON.stringify(options.paths ?? {});
  let paths = pathCache.get(graph)?.get(pathKey);
  if (!paths) {
    const inner = pathPlan(csr, comps, { parts: 2, ...options.paths });
    let step = inner.next([]);
    while (!step.done) step = inner.next(yield { adjacency, jobs: step.value });
    paths = step.value;
    let byKey = pathCache.get(graph);
    if (!byKey) pathCache.set(graph, (byKey = new Map()));
    byKey.set(pathKey, paths);
  }
  timings.paths = performance.now() - t0;
  const eigen = time('eigenvector', () => eigenvectorCentrality(csr, weighted));
  const rank = time('pagerank', () => pagerank(csr, weighted));
  const communities = time('louvain', () => communityPartition(graph, weighted, options.seed ?? 42, options.weighting));
  const cuts = time('cutPoints', () => cutPoints(csr));
  const burtMeasures = time('burt', () => burt(csr, weighted));
  const groupOf = options.groupOf;
  const roles = time('brokerage', () => brokerage(csr, groupOf ? (i) => groupOf(csr.ids[i] as string) : () => null));

  const t1 = performance.now();
  const nodes: NodeMetrics[] = [];
  let maxDegree = 0;
  let isolates = 0;
  let articulationPoints = 0;
  for (let i = 0; i < n; i++) {
    const id = csr.ids[i] as string;
    const degree = (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);
    let strength = 0;
    for (let p = csr.offsets[i] as number; p < (csr.offsets[i + 1] as number); p++) strength += csr.weights[p] as number;
    if (degree > maxDegree) maxDegree = degree;
    if (degree === 0) isolates++;
    if (cuts.articulation[i] === 1) articulationPoints++;
    const c = burtMeasures.constraint[i] as number;
    const e = burtMeasures.effectiveSize[i] as number;
    const attributes = graph.getNodeAttributes(id);
    nodes.push({
      id,
      label: attributes.label,
      kind: attributes.kind,
      regionId: attributes.regionId,
      degree,
      weightedDegree: strength,
      degreeCentrality: n > 1 ? degree / (n - 1) : 0,
      betweenness: paths.betweenness[i] as number,
      closeness: paths.closeness[i] as number,
      eigenvector: eigen[i] as number,
      pagerank: rank[i] as number,
      community: communities.of.get(id) ?? 0,
      component: comps.of[i] as number,
      constraint: Number.isNaN(c) ? null : c,
      effectiveSize: Number.isNaN(e) ? null : e,
      articulationPoint: cuts.articulation[i] === 1,
      brokerage: roles[i] as BrokerageCounts,
    });
  }
  let centralizationSum = 0;
  for (const node of nodes) centralizationSum += maxDegree - node.degree;
  const m = graph.size;
  const stats: NetworkStats = {
    nodes: n,
    edges: m,
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    components: comps.sizes.length,
    largestComponent: comps.sizes[0] ?? 0,
    isolates,
    averagePathLength: paths.averagePathLength,
    diameter: paths.diameter,
    degreeCentralization: n > 2 ? centralizationSum / ((n - 1) * (n - 2)) : 0,
    communities: communities.sizes.length,
    modularity: communities.modularity,
    articulationPoints,
    bridges: cuts.bridges.length,
    estimates: paths.estimates.filter((e) => e.metric === 'averagePathLength' || e.metric === 'diameter'),
  };
  timings.assemble = performance.now() - t1;
  return {
    nodes,
    communitySizes: communities.sizes,
    modularity: communities.modularity,
    bridges: cuts.bridges.map(([a, b]) => ({ a: csr.ids[a] as string, b: csr.ids[b] as string })),
    stats,
    estimates: paths.estimates.filter((e) => e.metric === 'betweenness' || e.metric === 'closeness'),
    timings,
  };
}

export interface Partition {
  of: Map<string, number>;
  /** Community sizes; communities are numbered by size (0 = largest), ties by first member. */
  sizes: number[];
  modularity: number;
}

/** Louvain communities (seeded, so the same network always gets the same partition) and modularity. */
export function communityPartition(graph: ActorGraph, weighted: boolean, seed: number, weighting: TieWeighting = 'count'): Partition {
  if (graph.size === 0) {
    const ids = graph.nodes();
    return { of: new Map(ids.map((id, i) => [id, i])), sizes: ids.map(() => 1), modularity: 0 };
  }
  // randomWalk off: graphology's random-walk moves spread the result below networkx's range on small graphs.
  const result = louvain.detailed(graph, { getEdgeWeight: !weighted ? null : weighting === 'newman' ? (_e: string, a: Record<string, unknown>) => Number(a.newman ?? a.weight) : 'weight', rng: seededRandom(seed), randomWalk: false });
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  graph.nodes().forEach((id, i) => {
    const c = result.communities[id] as number;
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  });
  const order = [...size.keys()].sort((a, b) => (size.get(b) as number) - (size.get(a) as number) || (first.get(a) as number) - (first.get(b) as number));
  const renumber = new Map(order.map((c, i) => [c, i]));
  const of = new Map(graph.nodes().map((id) => [id, renumber.get(result.communities[id] as number) as number]));
  return { of, sizes: order.map((c) => size.get(c) as number), modularity: result.modularity };
}
