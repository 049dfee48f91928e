/** Region gaps, coverage, what-if and suggestions on a small network worked out by hand; the worker runner. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { openStore } from '../../server/store/open-store.ts';
import { AnalysisContext, type AnalysisInput } from '../../server/analysis/context.ts';
import { coverage } from '../../server/analysis/coverage.ts';
import { regionGaps } from '../../server/analysis/gaps.ts';
import { inlineRunner, workerRunner } from '../../server/analysis/runner.ts';
import { suggestions } from '../../server/analysis/suggestions.ts';
import { whatIf } from '../../server/analysis/what-if.ts';
import type { Region } from '../../server/domain/model.ts';
import type { NetworkEdge, NetworkNode } from '../../server/network/network.model.ts';

const region = (id: string, parentId: string | null, lat: number, lon: number, kind: Region['kind'] = 'district'): Region => ({
  id, name: id.toUpperCase(), kind, code: null, lat, lon, parentId, description: null, tags: [], sourceIds: [],
});
const actor = (id: string, kind: string, regionId: string | null): NetworkNode => ({
  id, type: 'ACTOR', kind, label: `Actor ${id}`, regionId, lat: null, lon: null, sectors: ['chemie'], startYear: null, endYear: null,
});
const tie = (a: string, b: string): NetworkEdge => ({ id: `${a}-${b}`, source: a, target: b, kind: 'cooperation', role: 'cooperation', weight: 1, derived: false, via: [] });

// State S with districts A and B (neighbours, 30 km), far district C under state T (500 km).
// A: a1 company, a2 university, a3 school; B: b1 company, b2 company; C: c1 chamber, c2 company (isolated).
// Ties: a1-a2, a2-a3, a1-b1 (A–B), b1-b2, c1 nowhere but c1-b2 (B–C).
const input: AnalysisInput = {
  regions: [region('s', null, 51, 13, 'state'), region('t', null, 48, 9, 'state'), region('a', 's', 51, 12), region('b', 's', 51.2, 12.3), region('c', 't', 48, 9)],
  network: {
    nodes: [actor('a1', 'company', 'a'), actor('a2', 'university', 'a'), actor('a3', 'school', 'a'), actor('b1', 'company', 'b'), actor('b2', 'company', 'b'), actor('c1', 'chamber', 'c'), actor('c2', 'company', 'c')],
    edges: [tie('a1', 'a2'), tie('a2', 'a3'), tie('a1', 'b1'), tie('b1', 'b2'), tie('c1', 'b2')],
    truncated: false,
    hiddenTies: 0,
  },
  programmes: [{ key: 'p', label: 'Programm P', regionIds: ['a', 'c'], targetRegionIds: ['a', 'c'], projectIds: ['p'] }],
};
const ctx = new AnalysisContext(input);

describe('region gaps', () => {
  const g = regionGaps(ctx, 'district');
  it('counts ties per region pair and the configuration-model expectation', () => {
    const cell = (a: string, b: string) => g.cells.find((c) => c.a === a && c.b === b);
    expect(g.ties).toBe(5);
    // Tie ends: A = 2+2+... a1(2) a2(2) a3(1) = 5, B = b1(2) b2(2) = 4, C = c1(1) + c2(0) = 1; 2m = 10.
    expect(cell('a', 'b')).toMatchObject({ observed: 1, expected: (5 * 4) / 10 });
    expect(cell('a', 'c')).toMatchObject({ observed: 0, expected: (5 * 1) / 10 });
    expect(cell('a', 'a')).toMatchObject({ observed: 2, expected: 25 / 20 });
    expect(g.cells.reduce((s, c) => s + c.expected, 0)).toBeCloseTo(5, 12);
  });
  it('E-I index per region', () => {
    const a = g.regions.find((r) => r.id === 'a');
    expect(a).toMatchObject({ actors: 3, internalTies: 2, externalTies: 1, eiIndex: (1 - 2) / 3 });
    expect(g.regions.find((r) => r.id === 'c')).toMatchObject({ isolatedActors: 1, eiIndex: 1 });
  });
  it('white spots: pairs without ties or under half the expected ones; programme partners rank before strangers', () => {
    expect(g.whiteSpots.map((w) => `${w.a}-${w.b}`)).toEqual(['a-c']);
    expect(g.whiteSpots[0]).toMatchObject({ reasons: ['programme'], programmes: ['Programm P'], tier: 1 });
    expect(g.whiteSpots[0]?.distanceKm).toBeGreaterThan(300);
  });
  it('at state level everything lifts to S and T', () => {
    const s = regionGaps(ctx, 'state');
    expect(s.cells.find((c) => c.a === 's' && c.b === 't')?.observed).toBe(1);
    expect(s.regions.map((r) => r.id)).toEqual(['s', 't']);
  });
});

describe('coverage', () => {
  const cov = coverage(ctx, 'district');
  it('counts kinds per region against the profile; missing and unconnected cells', () => {
    const row = (id: string) => cov.rows.find((r) => r.regionId === id);
    const cell = (id: string, category: string) => row(id)?.cells.find((c) => c.category === category);
    expect(cell('a', 'companies')).toMatchObject({ count: 1, connected: 1, status: 'ok' });
    expect(cell('a', 'research')).toMatchObject({ count: 1, status: 'ok' });
    expect(cell('b', 'research')).toMatchObject({ count: 0, status: 'missing' });
    expect(cell('c', 'companies')).toMatchObject({ count: 1, connected: 0, status: 'unconnected' });
    expect(cov.unconnected).toEqual([{ regionId: 'c', category: 'companies' }]);
    expect(row('a')?.sectors).toEqual([{ sector: 'chemie', count: 3 }]);
  });
});

describe('what-if', () => {
  it('removing b1 cuts A off from B and C', () => {
    const w = whatIf(ctx, ['b1'], 'district');
    expect(w.before).toMatchObject({ components: 2, largestComponent: 6, interRegionalTies: 2, connectedRegionPairs: 3 });
    expect(w.after).toMatchObject({ components: 3, largestComponent: 3, interRegionalTies: 1, connectedRegionPairs: 1 });
    expect(w.disconnectedActors.map((a) => a.id)).toEqual(['b2', 'c1']);
    expect(w.lostRegionPairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['a-b', 'a-c']);
    expect(w.isolatedRegions).toEqual([{ id: 'a', name: 'A' }]); // B keeps its link to C through b2–c1
  });
  it('removing c1 leaves C without any link, and c2 was never connected', () => {
    const w = whatIf(ctx, ['c1'], 'district');
    expect(w.isolatedRegions.map((r) => r.id)).toEqual(['c']);
    expect(w.disconnectedActors).toEqual([]);
    expect(w.after.interRegionalTies).toBe(1);
  });
});

describe('suggestions', () => {
  it('common partners with Adamic–Adar, complementary kinds, bridging a white spot', () => {
    const s = suggestions(ctx, regionGaps(ctx, 'district').whiteSpots, 'district', 10);
    const pair = (a: string, b: string) => s.find((x) => x.a === a && x.b === b);
    // a1 and a3 share a2 (degree 2): 1/ln 2; company + school are complementary.
    expect(pair('a1', 'a3')?.adamicAdar).toBeCloseTo(1 / Math.log(2), 12);
    expect(pair('a1', 'a3')?.reasons.map((r) => r.code)).toEqual(['common_partners', 'complementary']);
    // White spot A–C: the best-connected actors a1 (A) and c1 (C).
    expect(pair('a1', 'c1')?.reasons.map((r) => r.code)).toContain('white_spot');
    expect(s.every((x) => !ctx.graph.hasEdge(x.a, x.b))).toBe(true);
  });
});

describe('runners', () => {
  const worker = workerRunner();
  afterAll(() => worker.close());
  it('the worker thread computes the same as inline, fetching the input once per key', async () => {
    let fetched = 0;
    const get = {
      revision: 0,
      filter: {},
      fetch: async () => {
        fetched++;
        return input;
      },
    };
    const inline = await inlineRunner().run('k', get, { kind: 'gaps', level: 'district' });
    const viaWorker = await worker.run('k', get, { kind: 'gaps', level: 'district' });
    const again = await worker.run('k', get, { kind: 'whatIf', remove: ['b1'], level: 'district' });
    expect(worker.where).toBe('worker');
    expect(viaWorker).toEqual(inline);
    expect(again.disconnectedActors.map((a) => a.id)).toEqual(['b2', 'c1']);
    expect(fetched).toBe(2); // once inline, once for the worker (it keeps the input for the second task)
  });
  it('a failing task rejects with its message and the worker keeps serving', async () => {
    const bad = worker.run('bad', { revision: 0, filter: {}, fetch: async () => ({ ...input, network: null as never }) }, { kind: 'gaps', level: 'district' });
    await expect(bad).rejects.toThrow(/TypeError/);
    await expect(worker.run('k', { revision: 0, filter: {}, fetch: async () => input }, { kind: 'gaps', level: 'district' })).resolves.toMatchObject({ ties: 5 });
  });
});

describe('worker with its own store connection', () => {
  it('reads and assembles the network itself: the main thread never fetches the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-worker-'));
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' });
    const store = await openStore(config);
    await store.init();
    await loadDemo(store);
    const runner = workerRunner(config);
    try {
      const filter = { nodeTypes: ['ACTOR', 'PROJECT'] as ('ACTOR' | 'PROJECT')[], includeDirect: true, includeDerived: true, limit: 100_000 };
      const fetch = () => Promise.reject(new Error('the main thread should not read the store'));
      const parts = await runner.run('demo', { revision: store.revision(), filter, fetch }, { kind: 'parts', level: 'district' });
      expect(parts.map((p) => p.broker).sort()).toEqual(['a-ihk-hessen-innovativ', 'a-kreatives-sachsen', 'a-rm-nordthueringen', 'a-zarof']);
    } finally {
      await runner.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('white spots need expected ties', () => {
  it('a region whose actors have no ties is no white spot (nothing was expected there)', () => {
    const withIsolatedRegion = new AnalysisContext({
      ...input,
      regions: [...input.regions, region('d', 's', 51.1, 12.2)],
      network: { ...input.network, nodes: [...input.network.nodes, actor('d1', 'company', 'd')] },
    });
    const g = regionGaps(withIsolatedRegion, 'district');
    expect(g.cells.find((c) => c.a === 'a' && c.b === 'd')).toMatchObject({ observed: 0, expected: 0 });
    expect(g.whiteSpots.some((w) => w.a === 'd' || w.b === 'd')).toBe(false);
    expect(g.regions.find((r) => r.id === 'd')).toMatchObject({ actors: 1, isolatedActors: 1, eiIndex: null });
  });
});
