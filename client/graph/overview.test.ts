import { describe, expect, it } from 'vitest';
import type { Overview } from '../api/types.ts';
import { project } from './geo.ts';
import { defaultMinTies, overviewElements, tieCount, tieStrength } from './overview.ts';

function overviewOf(n: number, seed = 5): Overview {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const regions = Array.from({ length: n }, (_, i) => ({
    id: `r-${i}`,
    name: `Region ${i}`,
    kind: 'district',
    // Crowded: all within about 100 km.
    lat: 51 + rnd() * 0.9,
    lon: 10 + rnd() * 1.4,
    parentId: null,
    actors: 1 + Math.floor(rnd() * rnd() * 900),
    internalTies: 0,
    hasChildren: false,
  }));
  const ties = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rnd() < 0.3) ties.push({ a: `r-${i}`, b: `r-${j}`, directTies: Math.floor(rnd() * 3), derivedTies: Math.floor(rnd() * rnd() * 400), derivedWeight: 0, derivedNewman: 0 });
  return { level: 'district', parentId: null, regions, ties, actors: regions.reduce((x, r) => x + r.actors, 0), unplaced: 0, truncated: false };
}

describe('overviewElements', () => {
  const o = overviewOf(60);
  it('one node per region, area by actors; ties above the threshold only, wider and more opaque the stronger', () => {
    const min = defaultMinTies(o);
    const pic = overviewElements(o, { minTies: min });
    const nodes = pic.elements.filter((e) => e.group === 'nodes');
    const edges = pic.elements.filter((e) => e.group === 'edges');
    expect(nodes).toHaveLength(60);
    const strong = o.ties.filter((t) => tieCount(t) >= min);
    expect(edges).toHaveLength(strong.length);
    expect(pic.hiddenTies).toBe(o.ties.filter((t) => tieCount(t) > 0).length - strong.length);
    // About three ties per region are kept by default.
    expect(edges.length).toBeGreaterThanOrEqual(Math.min(180, strong.length));
    expect(edges.length).toBeLessThan(o.ties.length);
    const byWeight = edges.map((e) => e.data as { weight: number; width: number; opacity: number }).sort((a, b) => a.weight - b.weight);
    for (let i = 1; i < byWeight.length; i++) {
      expect(byWeight[i]!.width).toBeGreaterThanOrEqual(byWeight[i - 1]!.width);
      expect(byWeight[i]!.opacity).toBeGreaterThanOrEqual(byWeight[i - 1]!.opacity);
    }
    const big = o.regions.reduce((a, b) => (b.actors > a.actors ? b : a));
    const small = o.regions.reduce((a, b) => (b.actors < a.actors ? b : a));
    const size = (id: string) => (nodes.find((n) => n.data.id === id)!.data as { size: number }).size;
    expect(size(big.id)).toBeGreaterThan(size(small.id));
    expect(overviewElements(o, { minTies: 1 }).hiddenTies).toBe(0);
  });

  it("Newman weighting: a big consortium's many pairs weigh like one tie per partner, and the ranking of ties follows", () => {
    const base = overviewOf(4);
    // r-0–r-1: one 61-partner project gives 900 pairs across (30 × 30), Newman 900 / 60 = 15;
    // r-2–r-3: 40 pairs from 40 two-partner projects, Newman 40.
    const ties = [
      { a: 'r-0', b: 'r-1', directTies: 0, derivedTies: 900, derivedWeight: 900, derivedNewman: 15 },
      { a: 'r-2', b: 'r-3', directTies: 2, derivedTies: 40, derivedWeight: 40, derivedNewman: 40 },
    ];
    const o = { ...base, ties };
    expect(tieStrength(ties[0]!, 'pairs')).toBe(900);
    expect(tieStrength(ties[0]!, 'newman')).toBe(15);
    expect(tieStrength(ties[1]!, 'newman')).toBe(42);
    const weightOf = (pic: ReturnType<typeof overviewElements>, id: string) =>
      (pic.elements.find((e) => e.data.id === id)?.data as { weight: number; width: number } | undefined)!;
    const pairs = overviewElements(o, { minTies: 1, weighting: 'pairs' });
    const newman = overviewElements(o, { minTies: 1, weighting: 'newman' });
    expect(weightOf(pairs, 'ov:r-0|r-1').width).toBeGreaterThan(weightOf(pairs, 'ov:r-2|r-3').width);
    expect(weightOf(newman, 'ov:r-0|r-1').width).toBeLessThan(weightOf(newman, 'ov:r-2|r-3').width);
    expect(newman.maxTies).toBe(42);
    expect(newman.minStrength).toBe(15);
    // A threshold between the two hides the consortium tie under Newman, not under pairs.
    expect(overviewElements(o, { minTies: 20, weighting: 'newman' }).hiddenTies).toBe(1);
    expect(overviewElements(o, { minTies: 20, weighting: 'pairs' }).hiddenTies).toBe(0);
    expect(defaultMinTies(o, 'newman')).toBe(15);
  });

  it('circles that would overlap on the map are nudged apart, and the map keeps its shape (west stays west)', () => {
    const pic = overviewElements(o, { minTies: 1 });
    const nodes = pic.elements.filter((e) => e.group === 'nodes').map((e) => ({ id: e.data.id, r: (e.data as { size: number }).size / 2 }));
    const region = new Map(o.regions.map((r) => [r.id, r]));
    const overlaps = (at: (id: string) => { x: number; y: number }) => {
      let n = 0;
      let deepest = 0;
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i]!;
          const b = nodes[j]!;
          const p = at(a.id);
          const q = at(b.id);
          const depth = a.r + b.r - Math.hypot(p.x - q.x, p.y - q.y);
          if (depth > 0.5) {
            n++;
            deepest = Math.max(deepest, depth / Math.min(a.r, b.r));
          }
        }
      return { n, deepest };
    };
    const before = overlaps((id) => project(region.get(id)!.lat, region.get(id)!.lon));
    const after = overlaps((id) => pic.positions.get(id)!);
    console.log(`overlapping circles: ${before.n} on the map, ${after.n} after nudging (deepest ${after.deepest.toFixed(2)} of the smaller radius)`);
    expect(before.n).toBeGreaterThan(10);
    expect(after.n).toBeLessThan(before.n / 3);
    const west = o.regions.reduce((a, b) => (b.lon < a.lon ? b : a));
    const east = o.regions.reduce((a, b) => (b.lon > a.lon ? b : a));
    expect(pic.positions.get(west.id)!.x).toBeLessThan(pic.positions.get(east.id)!.x);
  });
});
