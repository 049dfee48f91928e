/**
 * Newman weighting of the analysis: the tie weight of the weighted measures is either cooperations
 * plus shared projects (COUNT) or cooperations plus Σ 1/(n − 1) over the shared projects of n
 * partners (NEWMAN), as the store's tie projection carries it.
 */
import { describe, expect, it } from 'vitest';
import { actorGraph } from '../../server/analysis/graph.ts';
import { computeMetrics } from '../../server/analysis/metrics.ts';
import type { Network, NetworkNode } from '../../server/network/network.model.ts';
import type { ActorTie } from '../../server/store/graph-store.ts';

const actor = (id: string): NetworkNode => ({ id, type: 'ACTOR', kind: 'company', label: id, regionId: null, lat: null, lon: null, sectors: [], startYear: null, endYear: null });

// Project p1 has partners a, b, c (n = 3: 1/2 per pair), project p2 has a, b (n = 2: 1 per pair);
// a and d cooperate directly (1). The rows as the store's `ties` primitive gives them.
const network: Network = { nodes: ['a', 'b', 'c', 'd'].map(actor), edges: [], truncated: false, hiddenTies: 0 };
const ties: ActorTie[] = [
  { a: 'a', b: 'b', direct: 0, shared: 2, newman: 1 / 2 + 1 / 1 },
  { a: 'a', b: 'c', direct: 0, shared: 1, newman: 1 / 2 },
  { a: 'a', b: 'd', direct: 1, shared: 0, newman: 0 },
  { a: 'b', b: 'c', direct: 0, shared: 1, newman: 1 / 2 },
];

describe('tie weighting of the metrics', () => {
  const graph = actorGraph(network, ties);
  const strength = (weighting: 'count' | 'newman') => Object.fromEntries(computeMetrics(graph, { weighted: true, weighting }).nodes.map((n) => [n.id, n.weightedDegree]));

  it('COUNT (the default): cooperations plus shared projects', () => {
    expect(Object.fromEntries(computeMetrics(graph, { weighted: true }).nodes.map((n) => [n.id, n.weightedDegree]))).toEqual({ a: 4, b: 3, c: 2, d: 1 });
    expect(strength('count')).toEqual({ a: 4, b: 3, c: 2, d: 1 });
  });

  it('NEWMAN: cooperations plus Σ 1/(n − 1) per shared project, computed by hand', () => {
    const s = strength('newman');
    // a: p1 (2 partners × 1/2) + p2 (1 × 1) + the direct tie to d; b: p1 + p2; c: p1; d: the direct tie.
    expect(s.a).toBeCloseTo(2 * (1 / 2) + 1 + 1, 12);
    expect(s.b).toBeCloseTo(2 * (1 / 2) + 1, 12);
    expect(s.c).toBeCloseTo(2 * (1 / 2), 12);
    expect(s.d).toBeCloseTo(1, 12);
  });

  it('the weighting reaches the weighted measures and leaves the unweighted ones alone', () => {
    const count = computeMetrics(graph, { weighted: true, weighting: 'count' });
    const newman = computeMetrics(graph, { weighted: true, weighting: 'newman' });
    const pr = (r: typeof count) => r.nodes.map((n) => n.pagerank);
    expect(pr(newman)).not.toEqual(pr(count));
    expect(newman.nodes.map((n) => [n.degree, n.betweenness, n.closeness])).toEqual(count.nodes.map((n) => [n.degree, n.betweenness, n.closeness]));
    const plain = computeMetrics(graph, { weighted: false, weighting: 'newman' });
    expect(plain.nodes.map((n) => n.pagerank)).toEqual(computeMetrics(graph, { weighted: false }).nodes.map((n) => n.pagerank));
  });
});
