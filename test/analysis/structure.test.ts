/** Cut points, components, brokerage roles and Burt's measures on small graphs worked out by hand. */
import { describe, expect, it } from 'vitest';
import { edgeListGraph } from '../../server/analysis/graph.ts';
import { computeMetrics } from '../../server/analysis/metrics.ts';

const graphOf = (edges: string, nodes: string[] = []) =>
  edgeListGraph(
    edges.split(' ').map((e) => {
      const [source, target] = e.split('-') as [string, string];
      return { source, target };
    }),
    nodes,
  ).graph;

describe('structure', () => {
  it('finds articulation points, bridges and components (largest first)', () => {
    // Triangle a-b-c, tail c-d-e, separate pair x-y, isolate z.
    const r = computeMetrics(graphOf('a-b b-c c-a c-d d-e x-y', ['z']));
    expect(r.nodes.filter((n) => n.articulationPoint).map((n) => n.id).sort()).toEqual(['c', 'd']);
    expect(r.bridges.map((b) => [b.a, b.b].sort().join('-')).sort()).toEqual(['c-d', 'd-e', 'x-y']);
    expect(r.stats.components).toBe(3);
    expect(r.stats.largestComponent).toBe(5);
    expect(r.stats.isolates).toBe(1);
    expect(Object.fromEntries(r.nodes.map((n) => [n.id, n.component]))).toMatchObject({ a: 0, e: 0, x: 1, y: 1, z: 2 });
    // Distances inside components: triangle+tail has pairs at 1,1,1,2,3 …; diameter 3 (a→e).
    expect(r.stats.diameter).toBe(3);
    expect(r.nodes.find((n) => n.id === 'z')?.constraint).toBeNull();
  });

  it('star: the centre has all betweenness, constraint 1/k and effective size k', () => {
    const r = computeMetrics(graphOf('h-a h-b h-c h-d'));
    const hub = r.nodes.find((n) => n.id === 'h');
    expect(hub?.betweenness).toBeCloseTo(1, 12);
    expect(hub?.constraint).toBeCloseTo(4 * (1 / 4) ** 2, 12);
    expect(hub?.effectiveSize).toBeCloseTo(4, 12);
    expect(r.stats.degreeCentralization).toBeCloseTo(1, 12);
  });

  it('classifies Gould–Fernandez brokerage by group', () => {
    // Broker b between pairs of untied neighbours; groups by the first letter.
    const groups: Record<string, string> = { b1: 'B', a1: 'A', a2: 'A', b2: 'B', c1: 'C', b3: 'B' };
    const r = computeMetrics(graphOf('a1-b1 a2-b1 b2-b1 c1-b1 b3-b1 b2-b3'), { groupOf: (id) => groups[id] ?? null });
    const roles = r.nodes.find((n) => n.id === 'b1')?.brokerage;
    // Open pairs at b1: a1a2 (itinerant), a1b2 a1b3 a2b2 a2b3 c1b2 c1b3 (gatekeeper+representative),
    // a1c1 a2c1 (liaison); b2b3 are tied (no brokerage).
    expect(roles).toEqual({ coordinator: 0, itinerant: 1, gatekeeper: 6, representative: 6, liaison: 2 });
  });
});
