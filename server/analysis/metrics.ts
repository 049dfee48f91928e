/**
 * The metric suite on the actor cooperation graph. Library functions where they are fast enough
 * (graphology-metrics PageRank, graphology-communities-louvain); the path-based
 * measures run in one Brandes pass on typed arrays (paths.ts), eigenvector as networkx iterates it. Every definition matches networkx
 * and is checked against its reference values (test/analysis/reference.test.ts).
 */
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { brokerage, burt, type BrokerageCounts } from './brokerage.ts';
import { toCsr } from './csr.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import type { ActorGraph } from './graph.ts';
import { pathMetrics } from './paths.ts';
import { seededRandom } from './random.ts';
import { components, cutPoints } from './structure.ts';

export interface MetricOptions {
  /** Use tie weights for eigenvector, PageRank, Louvain and Burt's measures (weightedDegree is always the weight sum). */
  weighted?: boolean;
  /** Group of a node for brokerage roles (the actor's region); null = unknown. */
  groupOf?: (id: string) => string | null;
  /** Louvain's seed (default 42). */
  seed?: number;
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
}

export interface MetricsResult {
  nodes: NodeMetrics[];
  /** Community sizes, by community number (0 = largest). */
  communitySizes: number[];
  modularity: number;
  bridges: { a: string; b: string }[];
  stats: NetworkStats;
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
}

export function computeMetrics(graph: ActorGraph, options: MetricOptions = {}): MetricsResult {
  const weighted = options.weighted ?? false;
  const timings: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    timings[name] = performance.now() - t0;
    return out;
  };
  const csr = time('csr', () => toCsr(graph, weighted ? (a) => Number(a.weight ?? 1) : () => 1));
  const n = csr.ids.length;
  const paths = time('paths', () => pathMetrics(csr));
  const eigen = time('eigenvector', () => eigenvectorCentrality(csr, weighted));
  const rank = time('pagerank', () => (n === 0 ? {} : pagerank(graph, { getEdgeWeight: weighted ? 'weight' : null, maxIterations: 1000 })));
  const communities = time('louvain', () => communityPartition(graph, weighted, options.seed ?? 42));
  const comps = time('components', () => components(csr));
  const cuts = time('cutPoints', () => cutPoints(csr));
  const burtMeasures = time('burt', () => burt(csr));
  const groupOf = options.groupOf;
  const roles = time('brokerage', () => brokerage(csr, groupOf ? (i) => groupOf(csr.ids[i] as string) : () => null));

  const nodes: NodeMetrics[] = [];
  let maxDegree = 0;
  let isolates = 0;
  for (let i = 0; i < n; i++) {
    const id = csr.ids[i] as string;
    const degree = (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);
    let strength = 0;
    for (let p = csr.offsets[i] as number; p < (csr.offsets[i + 1] as number); p++) strength += graph.getEdgeAttribute(id, csr.ids[csr.targets[p] as number] as string, 'weight');
    if (degree > maxDegree) maxDegree = degree;
    if (degree === 0) isolates++;
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
      pagerank: rank[id] ?? 0,
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
  let diameter = 0;
  for (let i = 0; i < n; i++) diameter = Math.max(diameter, paths.eccentricity[i] as number);
  const m = graph.size;
  const stats: NetworkStats = {
    nodes: n,
    edges: m,
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    components: comps.sizes.length,
    largestComponent: comps.sizes[0] ?? 0,
    isolates,
    averagePathLength: paths.reachablePairs > 0 ? paths.distanceSum / paths.reachablePairs : null,
    diameter,
    degreeCentralization: n > 2 ? centralizationSum / ((n - 1) * (n - 2)) : 0,
    communities: communities.sizes.length,
    modularity: communities.modularity,
    articulationPoints: nodes.filter((x) => x.articulationPoint).length,
    bridges: cuts.bridges.length,
  };
  return {
    nodes,
    communitySizes: communities.sizes,
    modularity: communities.modularity,
    bridges: cuts.bridges.map(([a, b]) => ({ a: csr.ids[a] as string, b: csr.ids[b] as string })),
    stats,
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
export function communityPartition(graph: ActorGraph, weighted: boolean, seed: number): Partition {
  if (graph.size === 0) {
    const ids = graph.nodes();
    return { of: new Map(ids.map((id, i) => [id, i])), sizes: ids.map(() => 1), modularity: 0 };
  }
  // randomWalk off: graphology's random-walk moves spread the result below networkx's range on small graphs.
  const result = louvain.detailed(graph, { getEdgeWeight: weighted ? 'weight' : null, rng: seededRandom(seed), randomWalk: false });
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
