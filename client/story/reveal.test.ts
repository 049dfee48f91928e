/** Reveal steps: regions in a sensible order with their projects and events; years along the range; elements of a step. */
import { describe, expect, it } from 'vitest';
import type { Network, NetworkEdge, NetworkNode, NodeType, RegionSummary } from '../api/types.ts';
import { toElements } from '../graph/toElements.ts';
import { MAX_STEPS, groupOf, regionSteps, revealElements, yearReveal, yearSteps, yearVisible } from './reveal.ts';

const region = (id: string, kind: string, parentId: string | null = null): RegionSummary => ({ id, name: id.replace('r-', ''), kind, code: null, lat: 51, lon: 12, parentId });
const REGIONS = new Map(
  [
    region('r-sachsen', 'state'),
    region('r-hessen', 'state'),
    region('r-mittelhessen', 'planning_region', 'r-hessen'),
    region('r-giessen-lk', 'district', 'r-mittelhessen'),
    region('r-giessen', 'city', 'r-giessen-lk'),
    region('r-wetzlar-lk', 'district', 'r-mittelhessen'),
    region('r-nordsachsen', 'district', 'r-sachsen'),
    region('r-delitzsch', 'city', 'r-nordsachsen'),
    region('r-meissen', 'district', 'r-sachsen'),
  ].map((r) => [r.id, r]),
);
const node = (id: string, type: NodeType, regionId: string | null = null): NetworkNode => ({ id, type, kind: type === 'ACTOR' ? 'company' : null, label: id, regionId, lat: null, lon: null, sectors: [], startYear: null, endYear: null });
const edge = (source: string, target: string, kind = 'cooperation'): NetworkEdge => ({ id: `${source}-${target}`, source, target, kind, role: null, weight: 1, derived: false, via: [] });

// Mittelhessen: 3 actors (Gießen city and district, Wetzlar district) with a project; Nordsachsen: 2 actors;
// Meißen: 1 actor tied to Nordsachsen; one actor without region; an event of the Hessian project; a lone project.
const NET: Network = {
  nodes: [
    node('a-g1', 'ACTOR', 'r-giessen'),
    node('a-g2', 'ACTOR', 'r-giessen-lk'),
    node('a-w1', 'ACTOR', 'r-wetzlar-lk'),
    node('a-n1', 'ACTOR', 'r-delitzsch'),
    node('a-n2', 'ACTOR', 'r-nordsachsen'),
    node('a-m1', 'ACTOR', 'r-meissen'),
    node('a-x', 'ACTOR', null),
    node('p-hessen', 'PROJECT'),
    node('e-kickoff', 'EVENT'),
    node('p-lonely', 'PROJECT'),
  ],
  edges: [
    edge('a-g1', 'a-g2'),
    edge('a-g1', 'p-hessen', 'participation'),
    edge('a-w1', 'p-hessen', 'participation'),
    edge('e-kickoff', 'p-hessen', 'belongs_to'),
    edge('a-n1', 'a-n2'),
    edge('a-m1', 'a-n2'),
    edge('a-x', 'a-m1'),
  ],
  truncated: false,
  hiddenTies: 0,
};

describe('groupOf', () => {
  it('takes the first preferred kind on the region chain, else the top of the chain', () => {
    expect(groupOf('r-giessen', REGIONS, ['planning_region', 'district', 'state'])).toBe('r-mittelhessen');
    expect(groupOf('r-delitzsch', REGIONS, ['planning_region', 'district', 'state'])).toBe('r-nordsachsen');
    expect(groupOf('r-giessen', REGIONS, ['district', 'state'])).toBe('r-giessen-lk');
    expect(groupOf('r-sachsen', REGIONS, ['district'])).toBe('r-sachsen');
    expect(groupOf('r-unknown', REGIONS, ['district'])).toBe('r-unknown');
    expect(groupOf(null, REGIONS, ['district'])).toBeNull();
  });
});

describe('regionSteps', () => {
  const steps = regionSteps(NET, REGIONS);

  it('reveals the largest region first, then the one most tied to what is shown, actors without region last', () => {
    expect(steps.map((s) => s.regionId)).toEqual(['r-mittelhessen', 'r-nordsachsen', 'r-meissen', null]);
  });

  it('brings projects and events in with their first actor; each step adds to the last; the last shows everything', () => {
    const [first, second, , last] = steps;
    expect([...(first?.visible ?? [])].sort()).toEqual(['a-g1', 'a-g2', 'a-w1', 'e-kickoff', 'p-hessen']);
    expect(first?.added).toBe(5);
    expect([...(second?.visible ?? [])].sort()).toEqual(['a-g1', 'a-g2', 'a-n1', 'a-n2', 'a-w1', 'e-kickoff', 'p-hessen']);
    for (let i = 1; i < steps.length; i++) for (const id of steps[i - 1]?.visible ?? []) expect(steps[i]?.visible.has(id)).toBe(true);
    // The project nobody takes part in comes with the last step.
    expect(last?.visible.size).toBe(NET.nodes.length);
  });

  it('weighs a region by what it brings: one actor with many projects before two actors without', () => {
    const net: Network = {
      nodes: [node('a-busy', 'ACTOR', 'r-meissen'), node('a-1', 'ACTOR', 'r-nordsachsen'), node('a-2', 'ACTOR', 'r-nordsachsen'), ...[1, 2, 3].map((i) => node(`p-${i}`, 'PROJECT'))],
      edges: [1, 2, 3].map((i) => edge('a-busy', `p-${i}`, 'participation')),
      truncated: false,
      hiddenTies: 0,
    };
    expect(regionSteps(net, REGIONS).map((s) => [s.regionId, s.added])).toEqual([
      ['r-meissen', 4],
      ['r-nordsachsen', 2],
    ]);
  });

  it('goes finer when the coarse level gives a single group', () => {
    const hessen: Network = { ...NET, nodes: NET.nodes.filter((n) => ['a-g1', 'a-g2', 'a-w1'].includes(n.id)), edges: [edge('a-g1', 'a-w1')] };
    expect(regionSteps(hessen, REGIONS).map((s) => s.regionId)).toEqual(['r-giessen-lk', 'r-wetzlar-lk']);
  });

  it(`makes at most ${MAX_STEPS} steps, and none for an empty network`, () => {
    const regions = new Map(Array.from({ length: 20 }, (_, i) => region(`r-d${i}`, 'district')).map((r) => [r.id, r]));
    const many: Network = { nodes: Array.from({ length: 20 }, (_, i) => node(`a-${i}`, 'ACTOR', `r-d${i}`)), edges: [], truncated: false, hiddenTies: 0 };
    const s = regionSteps(many, regions);
    expect(s).toHaveLength(MAX_STEPS);
    expect(s[MAX_STEPS - 1]?.visible.size).toBe(20);
    expect(regionSteps({ nodes: [], edges: [], truncated: false, hiddenTies: 0 }, regions)).toEqual([]);
  });
});

describe('yearSteps', () => {
  it('grows through every year of the range, then shows the slide itself', () => {
    expect(yearSteps(2015, 2018, null)).toEqual([2015, 2016, 2017, 2018, null]);
    expect(yearSteps(2015, 2024, 2018)).toEqual([2015, 2016, 2017, 2018]);
  });

  it('spreads long ranges over at most the given number of steps, first and last year kept', () => {
    const s = yearSteps(1990, 2024, null, 6);
    expect(s).toHaveLength(6);
    expect(s[0]).toBe(1990);
    expect(s[4]).toBe(2024);
    expect(s[5]).toBeNull();
    expect([...s.slice(0, 5)].sort()).toEqual(s.slice(0, 5));
  });

  it('is the slide alone without a year range', () => {
    expect(yearSteps(null, null, 2020)).toEqual([2020]);
    expect(yearSteps(2015, 2024, 2000)).toEqual([2000]);
  });
});

describe('revealElements', () => {
  it('keeps the visible nodes with their region groups and ties between shown nodes', () => {
    const elements = toElements(NET, { grouped: true, regions: REGIONS });
    const shown = revealElements(elements, new Set(['a-g1', 'a-g2', 'p-hessen']));
    const nodes = shown.filter((e) => e.group === 'nodes').map((e) => e.data.id).sort();
    expect(nodes).toEqual(['a-g1', 'a-g2', 'p-hessen', 'r-giessen', 'r-giessen-lk', 'r-hessen', 'r-mittelhessen']);
    const edges = shown.filter((e) => e.group === 'edges').map((e) => e.data.id).sort();
    expect(edges).toEqual(['a-g1-a-g2', 'a-g1-p-hessen']);
    expect(revealElements(elements, null)).toEqual(elements);
  });
});

describe('yearVisible', () => {
  it('shows what exists by the year; an actor with its first tie of then; lone actors always', () => {
    const slide: Network = {
      nodes: [node('a-1', 'ACTOR'), node('a-2', 'ACTOR'), node('a-3', 'ACTOR'), node('a-lone', 'ACTOR'), node('p-old', 'PROJECT'), node('p-new', 'PROJECT')],
      edges: [edge('a-1', 'p-old', 'participation'), edge('a-2', 'p-new', 'participation'), edge('a-1', 'a-3')],
      truncated: false,
      hiddenTies: 0,
    };
    // As of the early year: the old project, all actors (the server keeps actors), no tie a-1–a-3 yet.
    const early: Network = { nodes: slide.nodes.filter((n) => n.id !== 'p-new'), edges: [edge('a-1', 'p-old', 'participation')], truncated: false, hiddenTies: 0 };
    const v = yearVisible(slide, early);
    expect([...v.nodes].sort()).toEqual(['a-1', 'a-lone', 'p-old']);
    expect([...(v.edges ?? [])]).toEqual(['a-1-p-old']);
    const elements = toElements(slide, { grouped: false, regions: REGIONS });
    expect(revealElements(elements, v).map((e) => e.data.id).sort()).toEqual(['a-1', 'a-1-p-old', 'a-lone', 'p-old']);
    expect(yearVisible(slide, slide).nodes.size).toBe(slide.nodes.length);
  });
});

describe('yearReveal', () => {
  const slide: Network = {
    nodes: [node('a-1', 'ACTOR'), node('a-2', 'ACTOR'), node('a-3', 'ACTOR'), node('p-old', 'PROJECT'), node('p-new', 'PROJECT')],
    edges: [edge('a-1', 'p-old', 'participation'), edge('a-2', 'p-new', 'participation'), edge('a-1', 'a-3')],
    truncated: false,
    hiddenTies: 0,
  };
  const asOf = (keep: string[], ties: string[]): Network => ({
    nodes: slide.nodes.filter((n) => keep.includes(n.id)),
    edges: slide.edges.filter((e) => ties.includes(e.id)),
    truncated: false,
    hiddenTies: 0,
  });
  const nothing = asOf([], []);
  const old = asOf(['a-1', 'a-2', 'a-3', 'p-old'], ['a-1-p-old']);
  const ties = asOf(['a-1', 'a-2', 'a-3', 'p-old'], ['a-1-p-old', 'a-1-a-3']);

  it('leaves out years that show the same as the step before (or, first, nothing): every step shows something new', () => {
    const nets = new Map([
      [2010, nothing],
      [2015, old],
      [2016, old],
      [2017, old],
      [2020, ties],
    ]);
    const steps = yearReveal(slide, [2010, 2015, 2016, 2017, 2020, null], nets);
    expect(steps?.map((s) => s.year)).toEqual([2015, 2020, null]);
    expect([...(steps?.[0]?.visible?.nodes ?? [])].sort()).toEqual(['a-1', 'p-old']);
    expect(steps?.[2]?.visible).toBeNull();
  });

  it('the slide itself takes the place of a year that already shows all of it', () => {
    const nets = new Map([
      [2015, old],
      [2024, slide],
    ]);
    expect(yearReveal(slide, [2015, 2024, null], nets)?.map((s) => s.year)).toEqual([2015, null]);
    // The slide's own year as its last step: the same.
    expect(yearReveal(slide, [2015, 2023, 2024], new Map([...nets, [2023, slide]]))?.map((s) => s.year)).toEqual([2015, 2024]);
    // Nothing before the slide differs: the slide alone.
    expect(yearReveal(slide, [2024, null], nets)?.map((s) => s.year)).toEqual([null]);
  });

  it('is not known while a year is missing', () => {
    expect(yearReveal(slide, [2015, 2016, null], new Map([[2015, old]]))).toBeNull();
    expect(yearReveal(slide, [null], new Map())).toEqual([{ year: null, visible: null }]);
  });
});
