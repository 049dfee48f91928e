/**
 * From explorer state to what is drawn: API filter, requests, merge, client-side filter, paths.
 */
import { describe, expect, it } from 'vitest';
import type { Network, NetworkEdge, NetworkNode, NodeType, Path } from '../api/types.ts';
import { defaultFilters, initialState, type ExplorerState, type Filters } from './explorer.ts';
import { applyClientFilter, filterOf, mergeNetworks, pathEdgeId, requestKey, requestsOf, withPaths } from './network.ts';

// --- fixture builder -------------------------------------------------------------------------

function node(id: string, type: NodeType = 'ACTOR', extra: Partial<NetworkNode> = {}): NetworkNode {
  return {
    id,
    type,
    kind: type === 'ACTOR' ? 'company' : type === 'PROJECT' ? 'running' : null,
    label: id.toUpperCase(),
    regionId: null,
    lat: null,
    lon: null,
    sectors: [],
    startYear: null,
    endYear: null,
    ...extra,
  };
}

function edge(source: string, target: string, kind = 'cooperation', extra: Partial<NetworkEdge> = {}): NetworkEdge {
  return { id: `${kind}:${source}:${target}`, source, target, kind, role: null, weight: 1, derived: false, via: [], ...extra };
}

const net = (nodes: NetworkNode[], edges: NetworkEdge[], truncated = false, hiddenTies = 0): Network => ({ nodes, edges, truncated, hiddenTies });
const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);
const filters = (f: Partial<Filters> = {}): Filters => ({ ...defaultFilters(), ...f });

/**
 * Actors a1..a4, project p1 (a1, a2 take part), event e1 (a3 attends), region r1.
 * Direct tie a1–a3, derived ties a1–a2 (via p1) and a2–a3 (weight 2).
 */
function fixture(): Network {
  return net(
    [node('a1'), node('a2'), node('a3'), node('a4'), node('p1', 'PROJECT'), node('e1', 'EVENT'), node('r1', 'REGION')],
    [
      edge('a1', 'a3'),
      edge('a1', 'a2', 'cooperation', { id: 'derived:a1:a2', derived: true, via: ['p1'] }),
      edge('a2', 'a3', 'cooperation', { id: 'derived:a2:a3', derived: true, weight: 2, via: ['p1', 'e1'] }),
      edge('a1', 'p1', 'participation', { role: 'lead' }),
      edge('a2', 'p1', 'participation', { role: 'partner' }),
      edge('a3', 'e1', 'event_participation', { role: 'attendee' }),
      edge('a4', 'r1', 'located_in'),
      edge('p1', 'r1', 'targets'),
    ],
  );
}

// --- filterOf / requestsOf -----------------------------------------------------------------------

describe('filterOf', () => {
  it('sends the tie flags, node types and limit always, lists and year only when set', () => {
    expect(filterOf(defaultFilters(), 2000)).toEqual({
      includeDirect: true,
      includeDerived: false,
      nodeTypes: ['ACTOR', 'PROJECT', 'EVENT'],
      limit: 2000,
    });
  });

  it('maps every filter to the API names; the year becomes toYear', () => {
    const f = filters({
      regionIds: ['r-sachsen'],
      actorKinds: ['company'],
      sectors: ['it'],
      projectIds: ['p-1', 'p-2'],
      year: 2018,
      direct: false,
      derived: true,
      nodeTypes: ['ACTOR'],
    });
    expect(filterOf(f, 50)).toEqual({
      includeDirect: false,
      includeDerived: true,
      nodeTypes: ['ACTOR'],
      limit: 50,
      regionIds: ['r-sachsen'],
      actorKinds: ['company'],
      sectors: ['it'],
      projectIds: ['p-1', 'p-2'],
      toYear: 2018,
    });
  });

  it('copies the lists (the state is not shared with the request)', () => {
    const f = filters({ regionIds: ['r-a'] });
    const out = filterOf(f, 10);
    out.regionIds?.push('r-b');
    out.nodeTypes?.pop();
    expect(f.regionIds).toEqual(['r-a']);
    expect(f.nodeTypes).toEqual(['ACTOR', 'PROJECT', 'EVENT']);
  });
});

describe('requestsOf', () => {
  it('asks for the filtered network when there is no focus', () => {
    const s = initialState();
    expect(requestsOf(s, 1500)).toEqual([{ kind: 'network', filter: filterOf(s.filters, 1500) }]);
  });

  it('asks for the focus neighbourhood instead of the network', () => {
    const s: ExplorerState = { ...initialState(), focus: { id: 'a1', depth: 2 } };
    expect(requestsOf(s, 1500)).toEqual([{ kind: 'neighborhood', id: 'a1', depth: 2, limit: 1500 }]);
  });

  it('adds the expansions sorted by id, their limit capped at 500', () => {
    const s: ExplorerState = { ...initialState(), expanded: { 'a-z': 1, 'a-b': 3, 'a-m': 2 } };
    const [base, ...more] = requestsOf(s, 1500);
    expect(base?.kind).toBe('network');
    expect(more).toEqual([
      { kind: 'neighborhood', id: 'a-b', depth: 3, limit: 500 },
      { kind: 'neighborhood', id: 'a-m', depth: 2, limit: 500 },
      { kind: 'neighborhood', id: 'a-z', depth: 1, limit: 500 },
    ]);
    expect(requestsOf(s, 100).slice(1).map((r) => (r.kind === 'neighborhood' ? r.limit : -1))).toEqual([100, 100, 100]);
  });

  it('gives the same request keys for the same state, whatever the expansion order', () => {
    const a: ExplorerState = { ...initialState(), expanded: { x: 1, y: 2 } };
    const b: ExplorerState = { ...initialState(), expanded: { y: 2, x: 1 } };
    expect(requestsOf(a, 10).map(requestKey)).toEqual(requestsOf(b, 10).map(requestKey));
    const c: ExplorerState = { ...a, filters: filters({ year: 2000 }) };
    expect(requestKey(requestsOf(c, 10)[0]!)).not.toBe(requestKey(requestsOf(a, 10)[0]!));
  });
});

// --- mergeNetworks -------------------------------------------------------------------------------

describe('mergeNetworks', () => {
  it('is empty for no networks', () => {
    expect(mergeNetworks([])).toEqual({ nodes: [], edges: [], truncated: false, hiddenTies: 0 });
  });

  it('unites by id, the first occurrence wins, order of first appearance kept', () => {
    const a = net([node('a1', 'ACTOR', { label: 'first' }), node('a2')], [edge('a1', 'a2')]);
    const b = net([node('a2', 'ACTOR', { label: 'second' }), node('a1', 'ACTOR', { label: 'second' }), node('a3')], [edge('a1', 'a2', 'cooperation', { weight: 9 }), edge('a2', 'a3')]);
    const m = mergeNetworks([a, b]);
    expect(ids(m.nodes)).toEqual(['a1', 'a2', 'a3']);
    expect(m.nodes[0]?.label).toBe('first');
    expect(m.nodes[1]?.label).toBe('A2');
    expect(ids(m.edges)).toEqual(['cooperation:a1:a2', 'cooperation:a2:a3']);
    expect(m.edges[0]?.weight).toBe(1);
    expect(m.truncated).toBe(false);
  });

  it('is truncated when any part is', () => {
    expect(mergeNetworks([net([], []), net([], [], true), net([], [])]).truncated).toBe(true);
  });

  it('carries the largest hidden-tie count of its parts (they overlap, so not the sum)', () => {
    expect(mergeNetworks([net([], [], false, 1200), net([], [], false, 30), net([], [])]).hiddenTies).toBe(1200);
    expect(mergeNetworks([net([], []), net([], [])]).hiddenTies).toBe(0);
  });
});

// --- applyClientFilter ---------------------------------------------------------------------------

describe('applyClientFilter', () => {
  it('with the defaults keeps direct ties and drops derived ones (and the region, not a default type)', () => {
    const out = applyClientFilter(fixture(), defaultFilters());
    expect(ids(out.nodes)).toEqual(['a1', 'a2', 'a3', 'a4', 'p1', 'e1']);
    expect(ids(out.edges)).toEqual(['cooperation:a1:a3', 'participation:a1:p1', 'participation:a2:p1', 'event_participation:a3:e1']);
  });

  it('keeps derived and drops direct ties when asked to', () => {
    const out = applyClientFilter(fixture(), filters({ direct: false, derived: true, nodeTypes: ['ACTOR'] }));
    expect(ids(out.nodes)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids(out.edges)).toEqual(['derived:a1:a2', 'derived:a2:a3']);
  });

  it('keeps both kinds of ties, or none', () => {
    expect(applyClientFilter(fixture(), filters({ derived: true, nodeTypes: ['ACTOR'] })).edges).toHaveLength(3);
    expect(applyClientFilter(fixture(), filters({ direct: false, nodeTypes: ['ACTOR'] })).edges).toHaveLength(0);
  });

  it('does not apply the tie flags to other edge kinds', () => {
    const out = applyClientFilter(fixture(), filters({ direct: false, derived: false, nodeTypes: ['ACTOR', 'PROJECT', 'EVENT', 'REGION'] }));
    expect(ids(out.edges)).toEqual(['participation:a1:p1', 'participation:a2:p1', 'event_participation:a3:e1', 'located_in:a4:r1', 'targets:p1:r1']);
  });

  it('keeps nodes listed in `keep` whatever their type, with the edges between drawn nodes', () => {
    const f = filters({ nodeTypes: ['ACTOR'] });
    const out = applyClientFilter(fixture(), f, new Set(['p1']));
    expect(ids(out.nodes)).toEqual(['a1', 'a2', 'a3', 'a4', 'p1']);
    expect(ids(out.edges)).toEqual(['cooperation:a1:a3', 'participation:a1:p1', 'participation:a2:p1']);
  });

  it('drops derived ties even between kept nodes when derived=false', () => {
    const out = applyClientFilter(fixture(), filters({ nodeTypes: [] }), new Set(['a1', 'a2', 'a3']));
    expect(ids(out.nodes)).toEqual(['a1', 'a2', 'a3']);
    expect(ids(out.edges)).toEqual(['cooperation:a1:a3']);
  });

  it('drops edges with an end that is not in the network', () => {
    const n = net([node('a1'), node('a2')], [edge('a1', 'a2'), edge('a1', 'ghost'), edge('ghost', 'a2', 'participation')]);
    expect(ids(applyClientFilter(n, defaultFilters()).edges)).toEqual(['cooperation:a1:a2']);
  });

  it('passes the truncated flag on and does not touch its input', () => {
    const n = { ...fixture(), truncated: true };
    const before = structuredClone(n);
    expect(applyClientFilter(n, filters({ nodeTypes: [] })).truncated).toBe(true);
    expect(applyClientFilter({ ...n, hiddenTies: 77 }, filters()).hiddenTies).toBe(77);
    expect(n).toEqual(before);
  });
});

// --- withPaths -----------------------------------------------------------------------------------

describe('pathEdgeId', () => {
  it('is the same in both directions', () => {
    expect(pathEdgeId('a', 'b')).toBe('path:a|b');
    expect(pathEdgeId('b', 'a')).toBe('path:a|b');
  });
});

describe('withPaths', () => {
  const path = (...nodes: NetworkNode[]): Path => ({ length: nodes.length - 1, nodes });

  it('returns the network unchanged and an empty highlight without paths', () => {
    const n = fixture();
    const r = withPaths(n, []);
    expect(r.network).toBe(n);
    expect(r.highlight.nodes.size).toBe(0);
    expect(r.highlight.edges.size).toBe(0);
  });

  it('highlights the drawn tie of a step (either direction, direct or derived) and adds no edge', () => {
    const n = fixture();
    // a3 → a1 runs against the direction of the direct tie a1–a3; a1 → a2 is a derived tie.
    const r = withPaths(n, [path(node('a3'), node('a1'), node('a2'))]);
    expect(r.network.edges).toEqual(n.edges);
    expect(ids(r.network.nodes)).toEqual(ids(n.nodes));
    expect([...r.highlight.nodes]).toEqual(['a3', 'a1', 'a2']);
    expect([...r.highlight.edges].sort()).toEqual(['cooperation:a1:a3', 'derived:a1:a2']);
  });

  it('adds a path edge for a step without a drawn cooperation tie, and the missing nodes', () => {
    // a4 has no ties; x1 is not in the network at all. a1–p1 is drawn, but it is not a cooperation.
    const n = fixture();
    const r = withPaths(n, [path(node('a1'), node('a4'), node('x1'))]);
    expect(ids(r.network.nodes)).toEqual([...ids(n.nodes), 'x1']);
    const added = r.network.edges.slice(n.edges.length);
    expect(added).toEqual([
      { id: 'path:a1|a4', source: 'a1', target: 'a4', kind: 'path', role: null, weight: 1, derived: false, via: [] },
      { id: 'path:a4|x1', source: 'a4', target: 'x1', kind: 'path', role: null, weight: 1, derived: false, via: [] },
    ]);
    expect([...r.highlight.edges]).toEqual(['path:a1|a4', 'path:a4|x1']);
    expect([...r.highlight.nodes]).toEqual(['a1', 'a4', 'x1']);
  });

  it('adds each missing step once, even when several paths share it (in either direction)', () => {
    const n = net([node('a'), node('b'), node('c'), node('d')], [edge('a', 'c')]);
    const paths = [path(node('a'), node('b'), node('d')), path(node('d'), node('b'), node('c')), path(node('a'), node('c'), node('d'))];
    const r = withPaths(n, paths);
    const pathEdges = r.network.edges.filter((e) => e.kind === 'path').map((e) => e.id);
    expect(pathEdges).toEqual(['path:a|b', 'path:b|d', 'path:b|c', 'path:c|d']);
    expect(new Set(r.network.edges.map((e) => e.id)).size).toBe(r.network.edges.length);
    expect([...r.highlight.edges].sort()).toEqual(['cooperation:a:c', 'path:a|b', 'path:b|c', 'path:b|d', 'path:c|d']);
    expect([...r.highlight.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not add a node twice that several paths pass through', () => {
    const n = net([], []);
    const r = withPaths(n, [path(node('a'), node('b')), path(node('b'), node('a'))]);
    expect(ids(r.network.nodes)).toEqual(['a', 'b']);
    expect(ids(r.network.edges)).toEqual(['path:a|b']);
  });

  it('keeps the truncated flag and does not change its input', () => {
    const n = { ...fixture(), truncated: true };
    const before = structuredClone(n);
    const r = withPaths(n, [path(node('a4'), node('x9'))]);
    expect(r.network.truncated).toBe(true);
    expect(n).toEqual(before);
  });
});
