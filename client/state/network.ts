/**
 * Pure functions from the explorer state to what is drawn: the API filter, the merge of the base
 * network with expanded neighbourhoods and found paths, and the client-side part of the filters
 * (neighbourhoods come unfiltered from the API).
 */
import type { Network, NetworkEdge, NetworkFilter, NetworkNode, Path } from '../api/types.ts';
import type { ExplorerState, Filters } from './explorer.ts';

/** The API filter for the base network (year slider: the network as of that year). */
export function filterOf(f: Filters, limit: number): NetworkFilter {
  const out: NetworkFilter = { includeDirect: f.direct, includeDerived: f.derived, nodeTypes: [...f.nodeTypes], limit };
  if (f.regionIds.length) out.regionIds = [...f.regionIds];
  if (f.actorKinds.length) out.actorKinds = [...f.actorKinds];
  if (f.sectors.length) out.sectors = [...f.sectors];
  if (f.projectIds.length) out.projectIds = [...f.projectIds];
  if (f.year !== null) out.toYear = f.year;
  return out;
}

/** The view's filter for the analysis: the same actors, both kinds of ties (node types and limit are the server's). */
export function analysisFilter(f: Filters): NetworkFilter {
  const { nodeTypes: _types, limit: _limit, ...rest } = filterOf(f, 0);
  return { ...rest, includeDirect: true, includeDerived: true };
}

/** What to load: the base (network or focus neighbourhood) and the expansions. */
export type Request =
  | { kind: 'network'; filter: NetworkFilter }
  | { kind: 'neighborhood'; id: string; depth: number; limit: number };

export function requestsOf(s: ExplorerState, limit: number): Request[] {
  const base: Request = s.focus
    ? { kind: 'neighborhood', id: s.focus.id, depth: s.focus.depth, limit }
    : { kind: 'network', filter: filterOf(s.filters, limit) };
  const more = Object.entries(s.expanded)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, depth]): Request => ({ kind: 'neighborhood', id, depth, limit: Math.min(limit, 500) }));
  return [base, ...more];
}

export const requestKey = (r: Request): string => JSON.stringify(r);

/**
 * Union by id; the first occurrence of a node or edge wins. `hiddenTies` is the largest count of
 * any part, not the sum: the parts overlap (an expanded neighbourhood repeats ties of the base
 * network, and a tie one part leaves out may be drawn by another), so a sum would overcount,
 * while the maximum is a count of ties certainly hidden from at least one request.
 */
export function mergeNetworks(nets: readonly Network[]): Network {
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge>();
  let truncated = false;
  let hiddenTies = 0;
  for (const n of nets) {
    truncated ||= n.truncated;
    hiddenTies = Math.max(hiddenTies, n.hiddenTies);
    for (const x of n.nodes) if (!nodes.has(x.id)) nodes.set(x.id, x);
    for (const e of n.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated, hiddenTies };
}

/**
 * Node types and tie kinds apply to everything drawn; a node kept by `keep` (the focus, the
 * expanded nodes, the path) stays whatever its type. Edges need both ends.
 */
export function applyClientFilter(net: Network, f: Filters, keep: ReadonlySet<string> = new Set()): Network {
  const types = new Set(f.nodeTypes);
  const nodes = net.nodes.filter((n) => types.has(n.type) || keep.has(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = net.edges.filter(
    (e) => ids.has(e.source) && ids.has(e.target) && (e.kind !== 'cooperation' || (e.derived ? f.derived : f.direct)),
  );
  return { nodes, edges, truncated: net.truncated, hiddenTies: net.hiddenTies };
}

export const pathEdgeId = (a: string, b: string): string => `path:${a < b ? `${a}|${b}` : `${b}|${a}`}`;

/** Highlighted elements of the found paths: their nodes, and for each step the drawn tie (or a path edge). */
export interface PathHighlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * Adds the nodes of the paths to the network and, for each step without a drawn actor–actor tie, an
 * edge of kind "path", so every path is visible whatever the filters.
 */
export function withPaths(net: Network, paths: readonly Path[]): { network: Network; highlight: PathHighlight } {
  const highlight: PathHighlight = { nodes: new Set(), edges: new Set() };
  if (paths.length === 0) return { network: net, highlight };
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  const tie = new Map<string, string>();
  for (const e of net.edges) if (e.kind === 'cooperation') tie.set(pathEdgeId(e.source, e.target), e.id);
  const extra: NetworkEdge[] = [];
  for (const p of paths) {
    p.nodes.forEach((n, i) => {
      highlight.nodes.add(n.id);
      if (!nodes.has(n.id)) nodes.set(n.id, n);
      const prev = p.nodes[i - 1];
      if (!prev) return;
      const key = pathEdgeId(prev.id, n.id);
      const drawn = tie.get(key);
      if (drawn) highlight.edges.add(drawn);
      else {
        tie.set(key, key);
        highlight.edges.add(key);
        extra.push({ id: key, source: prev.id, target: n.id, kind: 'path', role: null, weight: 1, derived: false, via: [] });
      }
    });
  }
  return { network: { nodes: [...nodes.values()], edges: [...net.edges, ...extra], truncated: net.truncated, hiddenTies: net.hiddenTies }, highlight };
}
