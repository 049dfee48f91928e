/**
 * Network → Cytoscape elements: sizes by degree, widths by weight, legend keys and classes, the
 * legend derived from exactly what is drawn, and the grouped ("regions") layout with collapsing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, type Network, type NetworkEdge, type NetworkNode, type NodeType, type RegionSummary } from '../api/types.ts';
import { ACTOR_COLORS, EDGE_LEGEND_ORDER, NODE_LEGEND_ORDER, edgeLegendKey, nodeLegendKey, nodeLook } from './palette.ts';
import { MAX_SIZE, MIN_SIZE, OTHER_COMMUNITY_COLOR, chainOf, communityColor, legendOf, scaleColor, shortLabel, sizeOf, toElements, widthOf, type EdgeData, type Element, type NodeData } from './toElements.ts';

// --- fixture builder -------------------------------------------------------------------------

function region(id: string, name: string, kind: string, parentId: string | null, lat = 51, lon = 12): RegionSummary {
  return { id, name, kind, code: null, lat, lon, parentId };
}

/** Sachsen > Nordsachsen > Delitzsch, Hessen > Mittelhessen. */
const REGION_LIST: RegionSummary[] = [
  region('r-sachsen', 'Sachsen', 'state', null, 51.05, 13.35),
  region('r-nordsachsen', 'Nordsachsen', 'district', 'r-sachsen', 51.5, 12.6),
  region('r-delitzsch', 'Delitzsch', 'city', 'r-nordsachsen', 51.53, 12.34),
  region('r-hessen', 'Hessen', 'state', null, 50.6, 9.0),
  region('r-mittelhessen', 'Mittelhessen', 'planning_region', 'r-hessen', 50.56, 8.5),
];
const REGIONS: ReadonlyMap<string, RegionSummary> = new Map(REGION_LIST.map((r) => [r.id, r]));

function actor(id: string, regionId: string | null, kind: string | null = 'company'): NetworkNode {
  return { id, type: 'ACTOR', kind, label: `Actor ${id}`, regionId, lat: null, lon: null, sectors: [], startYear: null, endYear: null };
}
function project(id: string, regionId: string | null, status = 'running'): NetworkNode {
  return { ...actor(id, regionId), type: 'PROJECT', kind: status, label: `Project ${id}` };
}
function regionNode(id: string): NetworkNode {
  const r = REGIONS.get(id);
  return { ...actor(id, null), type: 'REGION', kind: r?.kind ?? null, label: r?.name ?? id, regionId: null };
}
function edge(source: string, target: string, kind = 'cooperation', extra: Partial<NetworkEdge> = {}): NetworkEdge {
  return { id: `${kind}${extra.derived ? '+d' : ''}:${source}:${target}`, source, target, kind, role: null, weight: 1, derived: false, via: [], ...extra };
}
const net = (nodes: NetworkNode[], edges: NetworkEdge[]): Network => ({ nodes, edges, truncated: false, hiddenTies: 0 });

const nodesOf = (els: readonly Element[]): NodeData[] => els.flatMap((e) => (e.group === 'nodes' ? [e.data] : []));
const edgesOf = (els: readonly Element[]): EdgeData[] => els.flatMap((e) => (e.group === 'edges' ? [e.data] : []));
const byId = (els: readonly Element[]): Map<string, Element> => new Map(els.map((e) => [e.data.id, e]));

/**
 * zarof (Delitzsch), wfg (Nordsachsen), thm (Mittelhessen), free (no region), project p1 (Sachsen);
 * zarof–thm direct (3), zarof–wfg derived, wfg–thm direct (2), zarof/wfg/thm take part in p1,
 * wfg located in Nordsachsen (region node), p1 targets Hessen (region node).
 */
function fixture(): Network {
  return net(
    [
      actor('zarof', 'r-delitzsch'),
      actor('wfg', 'r-nordsachsen', 'economic_development_agency'),
      actor('thm', 'r-mittelhessen', 'university'),
      actor('free', null, 'association'),
      project('p1', 'r-sachsen'),
      regionNode('r-nordsachsen'),
      regionNode('r-hessen'),
    ],
    [
      edge('zarof', 'thm', 'cooperation', { weight: 3 }),
      edge('zarof', 'wfg', 'cooperation', { derived: true, via: ['p1'] }),
      edge('wfg', 'thm', 'cooperation', { weight: 2 }),
      edge('zarof', 'p1', 'participation'),
      edge('wfg', 'p1', 'participation'),
      edge('thm', 'p1', 'participation'),
      edge('wfg', 'r-nordsachsen', 'located_in'),
      edge('p1', 'r-hessen', 'targets'),
    ],
  );
}

// --- small helpers ---------------------------------------------------------------------------

describe('shortLabel', () => {
  it('keeps labels up to 34 characters', () => {
    expect(shortLabel('')).toBe('');
    expect(shortLabel('x'.repeat(34))).toBe('x'.repeat(34));
  });

  it('cuts longer labels to 34 characters with an ellipsis, without a trailing space', () => {
    const long = 'Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen';
    const s = shortLabel(long);
    expect(s).toBe('Wirtschaftsförderungsgesellschaft…');
    expect(s.length).toBe(34);
    expect(shortLabel(`${'a'.repeat(32)} bcd`)).toBe(`${'a'.repeat(32)}…`);
  });
});

describe('widthOf', () => {
  it('is 1.5 px for one shared item, and for nonsense weights', () => {
    expect(widthOf(1)).toBe(1.5);
    expect(widthOf(0)).toBe(1.5);
    expect(widthOf(-3)).toBe(1.5);
  });

  it('grows with the log of the weight and is capped at 8 px', () => {
    expect(widthOf(2)).toBeCloseTo(3.1);
    expect(widthOf(4)).toBeCloseTo(4.7);
    expect(widthOf(8)).toBeCloseTo(6.3);
    for (let w = 1; w < 16; w++) expect(widthOf(w + 1)).toBeGreaterThan(widthOf(w));
    expect(widthOf(17)).toBe(8);
    expect(widthOf(1000)).toBe(8);
  });
});

describe('sizeOf', () => {
  it('gives MIN_SIZE for degree 0 and MAX_SIZE for the busiest node', () => {
    expect(sizeOf(0, 10)).toBe(MIN_SIZE);
    expect(sizeOf(10, 10)).toBe(MAX_SIZE);
    expect(sizeOf(1, 1)).toBe(MAX_SIZE);
  });

  it('is MIN_SIZE when nothing has ties', () => {
    expect(sizeOf(0, 0)).toBe(MIN_SIZE);
  });

  it('grows with the square root of the degree', () => {
    // 18 + 40 * sqrt(1/4) = 38
    expect(sizeOf(1, 4)).toBe(38);
    expect(sizeOf(25, 100)).toBe(38);
    let last = sizeOf(0, 50);
    for (let d = 1; d <= 50; d++) {
      const s = sizeOf(d, 50);
      expect(s).toBeGreaterThanOrEqual(last);
      expect(s).toBeGreaterThanOrEqual(MIN_SIZE);
      expect(s).toBeLessThanOrEqual(MAX_SIZE);
      last = s;
    }
    expect(sizeOf(2, 50)).toBeGreaterThan(sizeOf(1, 50));
  });
});

describe('chainOf', () => {
  it('lists a region and its ancestors, nearest first', () => {
    expect(chainOf('r-delitzsch', REGIONS)).toEqual(['r-delitzsch', 'r-nordsachsen', 'r-sachsen']);
    expect(chainOf('r-hessen', REGIONS)).toEqual(['r-hessen']);
  });

  it('is empty for null and unknown ids, and stops at unknown parents', () => {
    expect(chainOf(null, REGIONS)).toEqual([]);
    expect(chainOf('r-nowhere', REGIONS)).toEqual([]);
    const broken = new Map([['r-a', region('r-a', 'A', 'city', 'r-missing')]]);
    expect(chainOf('r-a', broken)).toEqual(['r-a']);
  });

  it('stops at cycles', () => {
    const cyclic = new Map([
      ['r-a', region('r-a', 'A', 'city', 'r-b')],
      ['r-b', region('r-b', 'B', 'city', 'r-a')],
    ]);
    expect(chainOf('r-a', cyclic)).toEqual(['r-a', 'r-b']);
    const self = new Map([['r-s', region('r-s', 'S', 'city', 'r-s')]]);
    expect(chainOf('r-s', self)).toEqual(['r-s']);
  });
});

// --- flat mode -------------------------------------------------------------------------------

describe('toElements (flat)', () => {
  const els = toElements(fixture(), { grouped: false, regions: REGIONS });
  const m = byId(els);

  it('emits every node and edge once, nodes first', () => {
    expect(nodesOf(els).map((n) => n.id)).toEqual(['zarof', 'wfg', 'thm', 'free', 'p1', 'r-nordsachsen', 'r-hessen']);
    expect(edgesOf(els)).toHaveLength(8);
    const firstEdge = els.findIndex((e) => e.group === 'edges');
    expect(els.slice(firstEdge).every((e) => e.group === 'edges')).toBe(true);
  });

  it('has no compound parents and keeps the nesting ties', () => {
    expect(nodesOf(els).every((n) => n.parent === undefined)).toBe(true);
    expect(m.get('located_in:wfg:r-nordsachsen')?.data).toMatchObject({ kind: 'located_in', legend: 'spatial' });
  });

  it('sizes nodes by degree: the busiest at MAX_SIZE, isolated ones at MIN_SIZE', () => {
    const data = new Map(nodesOf(els).map((n) => [n.id, n]));
    // wfg: zarof, thm, p1, r-nordsachsen = 4, the maximum.
    expect(data.get('wfg')).toMatchObject({ degree: 4, size: MAX_SIZE });
    expect(data.get('p1')).toMatchObject({ degree: 4, size: MAX_SIZE });
    expect(data.get('zarof')).toMatchObject({ degree: 3, size: sizeOf(3, 4) });
    expect(data.get('r-hessen')).toMatchObject({ degree: 1, size: sizeOf(1, 4) });
    expect(data.get('free')).toMatchObject({ degree: 0, size: MIN_SIZE });
    expect(sizeOf(1, 4)).toBeLessThan(sizeOf(3, 4));
  });

  it('takes colour, shape and legend key from the palette; classes are the node type', () => {
    expect(m.get('thm')).toMatchObject({
      classes: 'actor',
      data: { legend: 'ACTOR:university', color: ACTOR_COLORS.university, shape: 'ellipse', type: 'ACTOR', kind: 'university' },
    });
    expect(m.get('p1')).toMatchObject({ classes: 'project', data: { legend: 'PROJECT:running', shape: 'round-rectangle' } });
    expect(m.get('r-hessen')).toMatchObject({ classes: 'region', data: { legend: 'REGION', shape: 'hexagon', label: 'Hessen' } });
  });

  it('shortens labels but keeps the full one', () => {
    const long = 'Industrie- und Handelskammer zu Leipzig, Geschäftsstelle Nordsachsen';
    const el = toElements(net([{ ...actor('ihk', null, 'chamber'), label: long }], []), { grouped: false, regions: REGIONS });
    expect(el[0]?.data).toMatchObject({ label: shortLabel(long), fullLabel: long });
  });

  it('gives derived and direct ties different legend keys and classes', () => {
    const direct = m.get('cooperation:zarof:thm');
    const derived = m.get('cooperation+d:zarof:wfg');
    expect(direct).toMatchObject({ classes: 'direct', data: { legend: 'direct', derived: false } });
    expect(derived).toMatchObject({ classes: 'derived', data: { legend: 'derived', derived: true } });
    expect(m.get('participation:zarof:p1')).toMatchObject({ classes: 'participation' });
    expect(m.get('targets:p1:r-hessen')).toMatchObject({ classes: 'spatial' });
  });

  it('gives edges a width from their weight', () => {
    expect((m.get('cooperation:zarof:thm')?.data as EdgeData).width).toBe(widthOf(3));
    expect((m.get('cooperation:wfg:thm')?.data as EdgeData).width).toBe(widthOf(2));
    expect((m.get('cooperation:zarof:thm')?.data as EdgeData).width).toBeGreaterThan((m.get('cooperation:wfg:thm')?.data as EdgeData).width);
  });

  it('ignores collapsed regions and edges with a missing end or to itself', () => {
    const n = fixture();
    n.edges.push(edge('zarof', 'ghost'), edge('free', 'free'));
    const flat = toElements(n, { grouped: false, regions: REGIONS, collapsed: new Set(['r-sachsen']) });
    expect(flat).toEqual(els);
  });
});

describe('palette keys', () => {
  it('maps unknown, missing and prototype-named kinds to the fallback key', () => {
    expect(nodeLegendKey('ACTOR', 'company')).toBe('ACTOR:company');
    expect(nodeLegendKey('ACTOR', 'spaceship')).toBe('ACTOR:other');
    expect(nodeLegendKey('ACTOR', null)).toBe('ACTOR:other');
    expect(nodeLegendKey('ACTOR', 'constructor')).toBe('ACTOR:other');
    expect(nodeLegendKey('ACTOR', '__proto__')).toBe('ACTOR:other');
    expect(nodeLegendKey('PROJECT', 'toString')).toBe('PROJECT:unknown');
    expect(nodeLegendKey('PROJECT', 'planned')).toBe('PROJECT:planned');
    expect(nodeLegendKey('EVENT', 'workshop')).toBe('EVENT');
    expect(nodeLegendKey('REGION', 'state')).toBe('REGION');
  });

  it('has a look with a colour string for every legend key', () => {
    for (const key of NODE_LEGEND_ORDER) expect(nodeLook(key).color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('maps every edge kind to a legend key', () => {
    expect(edgeLegendKey('cooperation', false)).toBe('direct');
    expect(edgeLegendKey('cooperation', true)).toBe('derived');
    expect(edgeLegendKey('participation', false)).toBe('participation');
    expect(edgeLegendKey('event_participation', false)).toBe('event');
    expect(edgeLegendKey('belongs_to', false)).toBe('event');
    expect(edgeLegendKey('continues', false)).toBe('continues');
    for (const k of ['located_in', 'held_in', 'targets', 'part_of']) expect(edgeLegendKey(k, false)).toBe('spatial');
    expect(edgeLegendKey('aggregate', false)).toBe('aggregate');
    expect(edgeLegendKey('path', false)).toBe('path');
  });
});

// --- legend ----------------------------------------------------------------------------------

describe('legendOf', () => {
  it('lists what is drawn, in the fixed order', () => {
    const legend = legendOf(toElements(fixture(), { grouped: false, regions: REGIONS }));
    expect(legend).toEqual({
      nodes: ['ACTOR:university', 'ACTOR:association', 'ACTOR:economic_development_agency', 'ACTOR:company', 'PROJECT:running', 'REGION'].sort(
        (a, b) => NODE_LEGEND_ORDER.indexOf(a) - NODE_LEGEND_ORDER.indexOf(b),
      ),
      edges: ['direct', 'derived', 'participation', 'spatial'],
    });
    expect(legend.nodes[0]).toBe('ACTOR:company');
  });

  it('is empty for nothing', () => {
    expect(legendOf([])).toEqual({ nodes: [], edges: [] });
  });

  it('lists region groups and collapsed regions in the grouped layout', () => {
    const legend = legendOf(toElements(fixture(), { grouped: true, regions: REGIONS, collapsed: new Set(['r-nordsachsen']) }));
    expect(legend.nodes).toContain('GROUP');
    expect(legend.nodes).toContain('REGION');
    // The derived tie zarof–wfg is inside Nordsachsen, the nesting tie located_in is dropped; p1 → Hessen stays.
    expect(legend.edges).toEqual(['participation', 'spatial', 'aggregate']);
  });

  it('equals the set of legend keys of the elements, for random small networks (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'r-sachsen', 'r-nordsachsen', 'r-delitzsch', 'r-hessen', 'r-mittelhessen', 'r-elsewhere'];
    const kinds = [...Object.keys(ACTOR_COLORS), 'running', 'planned', 'completed', 'spaceship', 'constructor', '__proto__', null];
    const regionIds = [...REGIONS.keys(), 'r-elsewhere', null];
    const nodeArb = fc.record({
      id: fc.constantFrom(...ids),
      type: fc.constantFrom<NodeType>(...NODE_TYPES),
      kind: fc.constantFrom(...kinds),
      regionId: fc.constantFrom(...regionIds),
    });
    const edgeKinds = ['cooperation', 'participation', 'event_participation', 'located_in', 'held_in', 'targets', 'part_of', 'belongs_to', 'continues'];
    const edgeArb = fc.record({
      s: fc.nat(11),
      t: fc.nat(11),
      kind: fc.constantFrom(...edgeKinds),
      derived: fc.boolean(),
      weight: fc.integer({ min: 1, max: 20 }),
    });
    const arb = fc.record({
      nodes: fc.uniqueArray(nodeArb, { selector: (n) => n.id, maxLength: 12 }),
      edges: fc.array(edgeArb, { maxLength: 25 }),
      grouped: fc.boolean(),
      collapsed: fc.subarray([...REGIONS.keys()]),
    });
    fc.assert(
      fc.property(arb, ({ nodes, edges, grouped, collapsed }) => {
        const ns: NetworkNode[] = nodes.map((n) => ({ ...actor(n.id, n.regionId, n.kind), type: n.id.startsWith('r-') ? 'REGION' : n.type }));
        const es: NetworkEdge[] = [];
        edges.forEach((e, i) => {
          const s = ns[e.s % Math.max(1, ns.length)];
          const t = ns[e.t % Math.max(1, ns.length)];
          if (s && t) es.push({ id: `e${i}`, source: s.id, target: t.id, kind: e.kind, role: null, weight: e.weight, derived: e.derived, via: [] });
        });
        const els = toElements(net(ns, es), { grouped, regions: REGIONS, collapsed: new Set(collapsed) });
        const legend = legendOf(els);
        const nodeKeys = new Set(nodesOf(els).map((n) => n.legend));
        const edgeKeys = new Set(edgesOf(els).map((e) => e.legend));
        expect(new Set(legend.nodes)).toEqual(nodeKeys);
        expect(new Set(legend.edges)).toEqual(edgeKeys);
        expect(legend.nodes).toEqual(NODE_LEGEND_ORDER.filter((k) => nodeKeys.has(k)));
        expect(legend.edges).toEqual(EDGE_LEGEND_ORDER.filter((k) => edgeKeys.has(k)));
        // Classes of edges are their legend keys; every node colour is a colour.
        for (const e of els) {
          if (e.group === 'edges') expect(e.classes).toBe(e.data.legend);
          else expect(e.data.color).toMatch(/^#[0-9a-f]{6}$/);
        }
        // The elements are well formed for Cytoscape: unique ids, parents before children, edge ends exist.
        const seen = new Set<string>();
        for (const e of els) {
          expect(seen.has(e.data.id)).toBe(false);
          if (e.group === 'nodes' && e.data.parent) expect(seen.has(e.data.parent)).toBe(true);
          if (e.group === 'edges') {
            expect(seen.has(e.data.source)).toBe(true);
            expect(seen.has(e.data.target)).toBe(true);
            expect(e.data.source).not.toBe(e.data.target);
          }
          seen.add(e.data.id);
        }
      }),
      { numRuns: 400, seed: 1989 },
    );
  });
});

// --- grouped mode ----------------------------------------------------------------------------

describe('toElements (grouped by region)', () => {
  const els = toElements(fixture(), { grouped: true, regions: REGIONS });
  const m = byId(els);
  const data = (id: string) => m.get(id)?.data as NodeData | undefined;

  it('puts each node into its region and each region into its parent', () => {
    expect(data('zarof')?.parent).toBe('r-delitzsch');
    expect(data('wfg')?.parent).toBe('r-nordsachsen');
    expect(data('thm')?.parent).toBe('r-mittelhessen');
    expect(data('p1')?.parent).toBe('r-sachsen');
    expect(data('free')?.parent).toBeUndefined();
    expect(data('r-delitzsch')?.parent).toBe('r-nordsachsen');
    expect(data('r-nordsachsen')?.parent).toBe('r-sachsen');
    expect(data('r-mittelhessen')?.parent).toBe('r-hessen');
    expect(data('r-sachsen')?.parent).toBeUndefined();
    expect(data('r-hessen')?.parent).toBeUndefined();
  });

  it('draws regions as group compounds (region nodes of the network included, once)', () => {
    const groups = els.filter((e) => e.classes === 'region group').map((e) => e.data.id);
    expect(groups.sort()).toEqual(['r-delitzsch', 'r-hessen', 'r-mittelhessen', 'r-nordsachsen', 'r-sachsen']);
    expect(els.filter((e) => e.data.id === 'r-nordsachsen')).toHaveLength(1);
    expect(data('r-sachsen')).toMatchObject({ legend: 'GROUP', type: 'REGION', kind: 'state', label: 'Sachsen', size: MIN_SIZE });
  });

  it('emits compounds before their children, outermost first', () => {
    const index = new Map(els.map((e, i) => [e.data.id, i]));
    const depth = (id: string) => chainOf(id, REGIONS).length;
    const groups = els.filter((e) => e.classes === 'region group').map((e) => e.data.id);
    expect(groups.map(depth)).toEqual([...groups.map(depth)].sort((a, b) => a - b));
    for (const n of nodesOf(els)) if (n.parent) expect(index.get(n.parent)).toBeLessThan(index.get(n.id) ?? -1);
    // All compounds come before the first ordinary node.
    const lastGroup = Math.max(...groups.map((g) => index.get(g) ?? -1));
    expect(lastGroup).toBeLessThan(index.get('zarof') ?? -1);
  });

  it('drops nesting ties and ties into an enclosing region', () => {
    const ids = edgesOf(els).map((e) => e.id);
    expect(ids).not.toContain('located_in:wfg:r-nordsachsen');
    expect(ids).toContain('targets:p1:r-hessen');
    const n = fixture();
    n.edges.push(edge('p1', 'r-nordsachsen', 'targets'), edge('wfg', 'r-hessen', 'part_of'), edge('e1', 'r-hessen', 'held_in'));
    n.nodes.push({ ...actor('e1', 'r-hessen'), type: 'EVENT', kind: 'fair' });
    const more = edgesOf(toElements(n, { grouped: true, regions: REGIONS })).map((e) => e.id);
    expect(more).toContain('targets:p1:r-nordsachsen'); // Sachsen's project targets a region within Sachsen: not an ancestor of p1
    expect(more).not.toContain('part_of:wfg:r-hessen');
    expect(more).not.toContain('held_in:e1:r-hessen');
    // A tie from a node to a region around it is not drawn either.
    const inner = fixture();
    inner.edges.push(edge('zarof', 'r-nordsachsen', 'targets'));
    expect(edgesOf(toElements(inner, { grouped: true, regions: REGIONS })).map((e) => e.id)).not.toContain('targets:zarof:r-nordsachsen');
  });

  it('keeps the other ties as they are', () => {
    const kept = edgesOf(els).map((e) => e.id);
    expect(kept.sort()).toEqual(
      ['cooperation:zarof:thm', 'cooperation+d:zarof:wfg', 'cooperation:wfg:thm', 'participation:zarof:p1', 'participation:wfg:p1', 'participation:thm:p1', 'targets:p1:r-hessen'].sort(),
    );
  });

  it('leaves nodes of unknown regions outside any group', () => {
    const out = toElements(net([actor('x', 'r-elsewhere')], []), { grouped: true, regions: REGIONS });
    expect(out).toHaveLength(1);
    expect((out[0]?.data as NodeData).parent).toBeUndefined();
  });
});

describe('toElements (collapsed regions)', () => {
  const collapse = (...ids: string[]) => toElements(fixture(), { grouped: true, regions: REGIONS, collapsed: new Set(ids) });

  it('replaces the members of a collapsed region by one node with their count', () => {
    const els = collapse('r-nordsachsen');
    const m = byId(els);
    // zarof (Delitzsch) and wfg (Nordsachsen) are inside; the region node itself does not count.
    expect(m.has('zarof')).toBe(false);
    expect(m.has('wfg')).toBe(false);
    expect(m.has('r-delitzsch')).toBe(false);
    expect(m.get('r-nordsachsen')).toMatchObject({
      classes: 'region collapsed',
      data: { label: 'Nordsachsen (2)', fullLabel: 'Nordsachsen', members: 2, legend: 'REGION', parent: 'r-sachsen' },
    });
    expect(els.filter((e) => e.data.id === 'r-nordsachsen')).toHaveLength(1);
    expect(m.get('thm')).toBeDefined();
    expect(m.get('p1')).toBeDefined();
  });

  it('re-routes ties to members and adds them up; ties inside disappear', () => {
    const edges = edgesOf(collapse('r-nordsachsen'));
    const e = new Map(edges.map((x) => [x.id, x]));
    // zarof–thm (3) + wfg–thm (2) → one aggregate of weight 5.
    expect(e.get('agg:r-nordsachsen|thm')).toEqual({
      id: 'agg:r-nordsachsen|thm',
      source: 'r-nordsachsen',
      target: 'thm',
      kind: 'aggregate',
      legend: 'aggregate',
      weight: 5,
      width: widthOf(5),
      derived: false,
    });
    // zarof–p1 + wfg–p1 → weight 2.
    expect(e.get('agg:p1|r-nordsachsen')).toMatchObject({ source: 'p1', target: 'r-nordsachsen', kind: 'aggregate', weight: 2 });
    // zarof–wfg is inside; wfg located_in Nordsachsen is inside too.
    expect(edges.map((x) => x.id).sort()).toEqual(['agg:p1|r-nordsachsen', 'agg:r-nordsachsen|thm', 'participation:thm:p1', 'targets:p1:r-hessen']);
  });

  it('sizes the collapsed node by its drawn degree, at least MIN_SIZE + 10', () => {
    const data = byId(collapse('r-nordsachsen')).get('r-nordsachsen')?.data as NodeData;
    expect(data.degree).toBe(2);
    expect(data.size).toBe(Math.max(sizeOf(2, 3), MIN_SIZE + 10));
    const lonely = toElements(net([actor('x', 'r-delitzsch')], []), { grouped: true, regions: REGIONS, collapsed: new Set(['r-delitzsch']) });
    expect(lonely.find((e) => e.data.id === 'r-delitzsch')?.data).toMatchObject({ size: MIN_SIZE + 10, members: 1, label: 'Delitzsch (1)' });
  });

  it('uses the outermost collapsed region when collapsed regions are nested', () => {
    const els = collapse('r-nordsachsen', 'r-sachsen');
    const m = byId(els);
    expect(m.has('r-nordsachsen')).toBe(false);
    expect(m.has('p1')).toBe(false);
    // zarof, wfg and p1 are in Sachsen; the Nordsachsen region node counts as one more.
    expect(m.get('r-sachsen')?.data).toMatchObject({ label: 'Sachsen (4)', members: 4 });
    expect((m.get('r-sachsen')?.data as NodeData).parent).toBeUndefined();
    const edges = edgesOf(els);
    // Everything to thm runs through Sachsen: zarof–thm 3 + wfg–thm 2 + thm–p1 1.
    expect(edges.map((e) => [e.id, e.weight])).toEqual(
      expect.arrayContaining([
        ['agg:r-sachsen|thm', 6],
        ['agg:r-hessen|r-sachsen', 1],
      ]),
    );
    expect(edges).toHaveLength(2);
    // The order in which the regions were collapsed does not matter.
    expect(collapse('r-sachsen', 'r-nordsachsen')).toEqual(els);
  });

  it('collapsing an inner region keeps the groups around it', () => {
    const els = collapse('r-delitzsch');
    const m = byId(els);
    expect(m.get('r-delitzsch')).toMatchObject({ classes: 'region collapsed', data: { label: 'Delitzsch (1)', parent: 'r-nordsachsen' } });
    expect(m.get('r-nordsachsen')?.classes).toBe('region group');
    expect(m.get('wfg')).toBeDefined();
    const e = new Map(edgesOf(els).map((x) => [x.id, x]));
    expect(e.get('agg:r-delitzsch|thm')?.weight).toBe(3);
    expect(e.get('agg:r-delitzsch|wfg')).toMatchObject({ kind: 'aggregate', weight: 1, derived: false });
  });

  it('shortens a long region name before the count', () => {
    const long = region('r-long', 'Landkreis Sächsische Schweiz-Osterzgebirge (Verwaltung)', 'district', null);
    const regions = new Map([[long.id, long]]);
    const els = toElements(net([actor('x', 'r-long'), actor('y', 'r-long')], []), { grouped: true, regions, collapsed: new Set(['r-long']) });
    expect((els[0]?.data as NodeData).label).toBe(`${shortLabel(long.name)} (2)`);
  });
});

describe('metric encoding and what-if marks', () => {
  const n = net([actor('a', null), actor('b', null), actor('c', null), project('p', null)], [edge('a', 'b'), edge('b', 'c'), edge('a', 'p', 'participation')]);
  const nodeOf = (els: Element[], id: string) => els.find((e) => e.group === 'nodes' && e.data.id === id)?.data as NodeData;

  it('sizes actors by the metric (square root between the smallest and largest), leaves other nodes alone', () => {
    const plain = toElements(n, { grouped: false, regions: REGIONS });
    const els = toElements(n, { grouped: false, regions: REGIONS, encoding: { size: 'betweenness', color: 'kind', sizeValues: new Map([['a', 0], ['b', 1], ['c', 0.25]]) } });
    expect(nodeOf(els, 'a').size).toBe(MIN_SIZE);
    expect(nodeOf(els, 'b').size).toBe(MAX_SIZE);
    expect(nodeOf(els, 'c').size).toBe(Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * 0.5));
    expect(nodeOf(els, 'p').size).toBe(nodeOf(plain, 'p').size);
  });

  it('colours actors by community or along the metric scale; projects keep their colour', () => {
    const byCommunity = toElements(n, { grouped: false, regions: REGIONS, encoding: { size: 'degree', color: 'community', colorValues: new Map([['a', 0], ['b', 1], ['c', 20]]) } });
    expect(nodeOf(byCommunity, 'a').color).toBe(communityColor(0));
    expect(nodeOf(byCommunity, 'b').color).toBe(communityColor(1));
    expect(nodeOf(byCommunity, 'c').color).toBe(OTHER_COMMUNITY_COLOR);
    expect(nodeOf(byCommunity, 'p').color).toBe(nodeLook(nodeLegendKey('PROJECT', 'running')).color);
    const byMetric = toElements(n, { grouped: false, regions: REGIONS, encoding: { size: 'degree', color: 'pagerank', colorValues: new Map([['a', 0.1], ['b', 0.5], ['c', 0.3]]) } });
    expect(nodeOf(byMetric, 'a').color).toBe(scaleColor(0));
    expect(nodeOf(byMetric, 'b').color).toBe(scaleColor(1));
    expect(nodeOf(byMetric, 'c').color).toBe(scaleColor(0.5));
    expect(scaleColor(0)).toBe('#fff5c2');
    expect(scaleColor(1)).toBe('#253494');
  });

  it('marks removed and cut-off actors for the what-if view', () => {
    const els = toElements(n, { grouped: false, regions: REGIONS, removed: new Set(['b']), cutOff: new Set(['c', 'b']) });
    expect(els.find((e) => e.data.id === 'b')?.classes).toBe('actor removed');
    expect(els.find((e) => e.data.id === 'c')?.classes).toBe('actor cut-off');
    expect(els.find((e) => e.data.id === 'a')?.classes).toBe('actor');
  });
});
