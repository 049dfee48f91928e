/**
 * The exact/estimate switch and the estimators' guarantees, on a co-participation network small
 * enough for exact Brandes (4,223 actors, 64,461 ties): every estimate must lie within its stated
 * bound of the exact value, and betweenness within 0.01 with rank correlation ≥ 0.95. Seeded, so
 * a failure is reproducible; the bounds hold with probability ≥ 90 %, the seeds are not tuned.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeMetrics, computeMetricsParallel, type MetricsResult } from '../../server/analysis/metrics.ts';
import { PathPool } from '../../server/analysis/path-pool.ts';
import { projectionGraph } from '../support/projection.ts';
import { spearman } from '../support/rank.ts';

describe('betweenness and closeness: exact below the work budget, estimated with a bound above it', () => {
  const graph = projectionGraph({ actors: 5_000, projects: 1_500, participations: 12_000, seed: 11 });
  const exact = computeMetrics(graph, { paths: { exactWork: Infinity } });
  const estimated = computeMetrics(graph, { paths: { exactWork: 0, seed: 3 } });
  const byId = (r: MetricsResult) => new Map(r.nodes.map((n) => [n.id, n]));
  const e = byId(exact);
  const est = (metric: string) => estimated.estimates.find((x) => x.metric === metric);

  it('the exact run states no estimate; the sampled one states each, with its method and sample count', () => {
    expect(exact.estimates).toEqual([]);
    expect(exact.stats.estimates).toEqual([]);
    expect(est('betweenness')).toMatchObject({ epsilon: 0.01, confidence: 0.9 });
    expect(est('betweenness')?.samples).toBeGreaterThan(10_000);
    // By default 100 of the closeness sources run a Brandes pass that orders the small values.
    expect(est('betweenness')?.method).toContain('Brandes–Pich source sampling (100 sources)');
    expect(est('closeness')?.samples).toBe(1_000);
    expect(estimated.stats.estimates.map((x) => x.metric)).toContain('averagePathLength');
  });

  it('estimated betweenness lies within 0.01 of exact for every actor, rank correlation ≥ 0.95', () => {
    const pairs = estimated.nodes.map((n) => [n.betweenness, (e.get(n.id) as MetricsResult['nodes'][number]).betweenness] as const);
    const worst = Math.max(...pairs.map(([a, b]) => Math.abs(a - b)));
    expect(worst).toBeLessThanOrEqual(0.01);
    // Actors on no shortest path stay exactly 0; over all actors the ranks agree.
    expect(pairs.filter(([a, b]) => b === 0 && a !== 0)).toEqual([]);
    const rho = spearman(pairs.map(([a]) => a), pairs.map(([, b]) => b));
    expect(rho).toBeGreaterThanOrEqual(0.95);
    // Among the actors that broker at all the order of the many near-zero values is noise at ε = 0.01,
    // but the leading brokers stay leading: the exact top 50 all lie in the estimate's top 100.
    const top = (i: 0 | 1) => new Set([...estimated.nodes.keys()].sort((x, y) => (pairs[y] as readonly number[])[i]! - (pairs[x] as readonly number[])[i]!).slice(0, i === 0 ? 100 : 50));
    const estimatedTop = top(0);
    expect([...top(1)].filter((i) => !estimatedTop.has(i))).toEqual([]);
  });

  it('estimated closeness, average path length and diameter lie within their stated bounds', () => {
    const bound = est('closeness')?.epsilon as number;
    const worst = Math.max(...estimated.nodes.map((n) => Math.abs(n.closeness - (e.get(n.id) as MetricsResult['nodes'][number]).closeness)));
    expect(worst).toBeLessThanOrEqual(bound);
    expect(worst).toBeGreaterThan(0); // really sampled
    const apl = estimated.stats.estimates.find((x) => x.metric === 'averagePathLength')?.epsilon as number;
    expect(Math.abs((estimated.stats.averagePathLength as number) - (exact.stats.averagePathLength as number))).toBeLessThanOrEqual(apl);
    const gap = estimated.stats.estimates.find((x) => x.metric === 'diameter')?.epsilon ?? 0;
    expect(estimated.stats.diameter).toBeLessThanOrEqual(exact.stats.diameter);
    expect(estimated.stats.diameter + gap).toBeGreaterThanOrEqual(exact.stats.diameter);
  });

  it('the figures that are always exact do not change with the switch', () => {
    for (const n of estimated.nodes.slice(0, 200)) {
      const x = e.get(n.id) as MetricsResult['nodes'][number];
      expect([n.degree, n.pagerank, n.eigenvector, n.constraint, n.community]).toEqual([x.degree, x.pagerank, x.eigenvector, x.constraint, x.community]);
    }
  });
});

describe('betweenness from sampled sources, clamped into the path sample interval', () => {
  const graph = projectionGraph({ actors: 3_000, projects: 900, participations: 7_200, seed: 13 });
  const exact = computeMetrics(graph, { paths: { exactWork: Infinity } });
  const ranked = computeMetrics(graph, { paths: { exactWork: 0, seed: 4, rankSources: 150 } });

  it('keeps the 0.01 guarantee and orders the actors as the exact values do', () => {
    const pairs = ranked.nodes.map((n, i) => [n.betweenness, (exact.nodes[i] as MetricsResult['nodes'][number]).betweenness] as const);
    expect(Math.max(...pairs.map(([a, b]) => Math.abs(a - b)))).toBeLessThanOrEqual(0.01);
    expect(spearman(pairs.map(([a]) => a), pairs.map(([, b]) => b))).toBeGreaterThanOrEqual(0.95);
    const stated = ranked.estimates.find((e) => e.metric === 'betweenness');
    expect(stated?.epsilon).toBe(0.01);
    expect(stated?.method).toContain('150 sources');
  });
});

describe('the switch is per component', () => {
  it('small components stay exact while the large one is sampled; the default budget keeps small networks exact', () => {
    const graph = projectionGraph({ actors: 800, projects: 240, participations: 1_900, seed: 2 });
    // A separate chain x0–x1–x2–x3: its own component, far under any budget.
    for (let i = 0; i < 4; i++) graph.addNode(`x${i}`, { label: '', kind: null, regionId: null, sectors: [] });
    for (let i = 0; i < 3; i++) graph.addUndirectedEdge(`x${i}`, `x${i + 1}`, { weight: 1, direct: 1, derived: 0 });
    const exact = computeMetrics(graph);
    expect(exact.estimates).toEqual([]);
    const mixed = computeMetrics(graph, { paths: { exactWork: 100, seed: 1, closenessSamples: 100 } });
    expect(mixed.estimates.map((e) => e.metric)).toEqual(['betweenness', 'closeness']);
    const at = (r: MetricsResult, id: string) => r.nodes.find((n) => n.id === id) as MetricsResult['nodes'][number];
    for (const id of ['x0', 'x1', 'x2', 'x3']) {
      expect(at(mixed, id).betweenness).toBe(at(exact, id).betweenness);
      expect(at(mixed, id).closeness).toBe(at(exact, id).closeness);
    }
    expect(at(exact, 'x1').betweenness).toBeGreaterThan(0);
    // As many sampled sources as the component has nodes: closeness is exact again, and says so.
    const allSources = computeMetrics(graph, { paths: { exactWork: 100, seed: 1, closenessSamples: 10_000 } });
    expect(allSources.estimates.map((e) => e.metric)).toEqual(['betweenness']);
    expect(Math.max(...allSources.nodes.map((n) => Math.abs(n.closeness - at(exact, n.id).closeness)))).toBeLessThanOrEqual(1e-12);
  });
});

describe('two threads compute what one does', () => {
  const pool = new PathPool(2);
  afterAll(() => pool.close());
  const graph = projectionGraph({ actors: 1_500, projects: 450, participations: 3_600, seed: 5 });

  it('exact Brandes split across threads equals the inline run to 1e-12', async () => {
    const inline = computeMetrics(graph);
    const parallel = await computeMetricsParallel(graph, {}, pool);
    expect(inline.estimates).toEqual([]);
    const worst = Math.max(...inline.nodes.map((n, i) => Math.abs(n.betweenness - (parallel.nodes[i] as MetricsResult['nodes'][number]).betweenness)));
    expect(worst).toBeLessThanOrEqual(1e-12);
    expect(parallel.nodes.map((n) => n.closeness)).toEqual(inline.nodes.map((n) => n.closeness));
  });

  it('the sampled estimates are the same (same seeds per job) whether run inline or split', async () => {
    const options = { paths: { exactWork: 0, seed: 9 } };
    const inline = computeMetrics(graph, options);
    const parallel = await computeMetricsParallel(graph, options, pool);
    expect(parallel.nodes.map((n) => n.betweenness)).toEqual(inline.nodes.map((n) => n.betweenness));
    expect(parallel.estimates).toEqual(inline.estimates);
  });
});
