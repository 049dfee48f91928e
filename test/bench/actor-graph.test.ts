import { describe, expect, it } from 'vitest';
import { actorGraphCsv, actorRegionsCsv, generateActorGraph, type GeneratedActorGraph } from './actor-graph.ts';

function check(g: GeneratedActorGraph, actors: number, ties: number): void {
  expect(g.actors).toHaveLength(actors);
  expect(new Set(g.actors).size).toBe(actors);
  expect(g.ties).toHaveLength(ties);
  const known = new Set(g.actors);
  const pairs = new Set<string>();
  for (const t of g.ties) {
    expect(t.source).not.toBe(t.target);
    expect(known.has(t.source) && known.has(t.target)).toBe(true);
    expect(Number.isInteger(t.weight) && t.weight >= 1 && t.weight <= 5).toBe(true);
    pairs.add(t.source < t.target ? `${t.source} ${t.target}` : `${t.target} ${t.source}`);
  }
  expect(pairs.size).toBe(ties); // no duplicates, in either direction
  expect(g.regionOf.size).toBe(actors);
  for (const a of g.actors) expect(g.regionOf.get(a)).toMatch(/^r\d+$/);
}

describe('generateActorGraph', () => {
  it.each([
    [3_000, 16_000],
    [500, 2_000],
    [41, 200],
    [10, 45], // complete
    [5, 0],
    [1, 0],
    [0, 0],
  ])('has exactly %i actors and %i ties, no self-loops or duplicates', (actors, ties) => {
    check(generateActorGraph({ actors, ties, seed: 3 }), actors, ties);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const opts = { actors: 800, ties: 4_000, seed: 5 };
    const a = generateActorGraph(opts);
    expect(generateActorGraph(opts)).toEqual(a);
    expect(actorGraphCsv(generateActorGraph(opts))).toBe(actorGraphCsv(a));
    expect(actorGraphCsv(generateActorGraph({ ...opts, seed: 6 }))).not.toBe(actorGraphCsv(a));
  });

  it('is regional, with skewed degrees and weights', () => {
    const g = generateActorGraph({ actors: 3_000, ties: 16_000, seed: 1 });
    expect(g.regions).toBe(75);
    const regionsUsed = new Set(g.regionOf.values());
    expect(regionsUsed.size).toBe(75);
    const sameRegion = g.ties.filter((t) => g.regionOf.get(t.source) === g.regionOf.get(t.target)).length;
    expect(sameRegion / g.ties.length).toBeGreaterThan(0.45);
    const degree = new Map<string, number>();
    for (const t of g.ties) for (const x of [t.source, t.target]) degree.set(x, (degree.get(x) ?? 0) + 1);
    const ds = g.actors.map((a) => degree.get(a) ?? 0).sort((x, y) => y - x);
    const mean = (2 * g.ties.length) / g.actors.length;
    expect(ds[0]).toBeGreaterThan(10 * mean); // hubs
    expect(ds[ds.length >> 1]).toBeLessThan(mean); // most actors have fewer ties than the mean
    const ones = g.ties.filter((t) => t.weight === 1).length / g.ties.length;
    expect(ones).toBeGreaterThan(0.45);
    expect(ones).toBeLessThan(0.65);
    expect(g.ties.some((t) => t.weight === 5)).toBe(true);
  });

  it('rejects more ties than pairs', () => {
    expect(() => generateActorGraph({ actors: 4, ties: 7, seed: 1 })).toThrow(/do not fit/);
  });

  it('writes CSV the edge list parser and networkx_suite.py read', () => {
    const g = generateActorGraph({ actors: 3, ties: 2, seed: 1 });
    const csv = actorGraphCsv(g).split('\n');
    expect(csv[0]).toBe('source,target,weight');
    expect(csv).toHaveLength(4); // header, 2 ties, trailing newline
    expect(actorRegionsCsv(g).split('\n')[0]).toBe('id,region');
  });
});
