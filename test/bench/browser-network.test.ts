import { describe, expect, it } from 'vitest';
import { defaultViewNodes, fitNetwork, initialOptionsFor } from './browser-network.ts';
import type { GenerateOptions, GeneratedNetwork } from './generate.ts';

/** A stand-in generator: `actors` actors, `projects` projects and `events(o)` events, nothing else. */
const fake =
  (events: (o: GenerateOptions) => number) =>
  (o: GenerateOptions): GeneratedNetwork =>
    ({
      actors: Array.from({ length: o.actors }, (_, i) => ({ id: `a-${i}` })),
      projects: Array.from({ length: o.projects }, (_, i) => ({ id: `p-${i}` })),
      events: Array.from({ length: events(o) }, (_, i) => ({ id: `e-${i}` })),
    }) as unknown as GeneratedNetwork;

describe('defaultViewNodes', () => {
  it('counts actors, projects and events', () => {
    expect(defaultViewNodes(fake(() => 3)({ regions: 20, actors: 10, projects: 4, relationships: 0, seed: 1 }))).toBe(17);
  });
});

describe('initialOptionsFor', () => {
  it('keeps the default proportions: 4 actors per project, 5 relationships per actor, a region per 50 actors', () => {
    const o = initialOptionsFor(5000, 7);
    expect(o.seed).toBe(7);
    expect(o.actors / o.projects).toBeCloseTo(4, 0);
    expect(o.relationships).toBe(5 * o.actors);
    expect(o.regions).toBe(Math.round(o.actors / 50));
    // about 10 % of projects have two events on average
    expect(o.actors + o.projects + 0.2 * o.projects).toBeCloseTo(5000, -1);
  });

  it('has at least 20 regions (3 are needed) and rejects tiny or fractional sizes', () => {
    expect(initialOptionsFor(100, 1).regions).toBe(20);
    expect(() => initialOptionsFor(5, 1)).toThrow(/>= 10/);
    expect(() => initialOptionsFor(1000.5, 1)).toThrow(/integer/);
  });
});

describe('fitNetwork', () => {
  it('hits the size exactly when the events allow it', () => {
    const f = fitNetwork(1000, 1, fake((o) => Math.round(o.projects * 0.15)));
    expect(f.nodes).toBe(1000);
    expect(defaultViewNodes(f.batch)).toBe(1000);
  });

  it('never goes over the size when it cannot hit it: the closest fit below', () => {
    // Events jump with the number of actors, so no number of actors gives exactly 1,000 nodes.
    const f = fitNetwork(1000, 1, fake((o) => (o.actors % 2 === 0 ? 41 : 38)));
    expect(f.nodes).toBeLessThanOrEqual(1000);
    expect(f.nodes).toBeGreaterThanOrEqual(995);
  });

  it('with the real generator: 1,000 and 5,000 nodes (at most the API limit), deterministically', () => {
    for (const size of [1000, 5000]) {
      const f = fitNetwork(size, 1);
      expect(f.nodes).toBeLessThanOrEqual(size);
      expect(f.nodes).toBeGreaterThanOrEqual(size * 0.99);
      expect(defaultViewNodes(f.batch)).toBe(f.nodes);
      expect(f.batch.actors).toHaveLength(f.options.actors);
    }
    expect(fitNetwork(1000, 1).options).toEqual(fitNetwork(1000, 1).options);
  });
});
