/**
 * The graph the analysis works on: actors as nodes, their direct and derived cooperation ties as
 * one undirected edge per pair (weights added up). Built from the one network shape (nodes + edges)
 * or from a plain edge list (the `metrics` CLI and the reference tests).
 */
import Graph from 'graphology';
import type { Network } from '../network/network.model.ts';
import type { ActorTie } from '../store/graph-store.ts';

export interface ActorAttributes {
  label: string;
  kind: string | null;
  regionId: string | null;
  sectors: string[];
}

export interface TieAttributes {
  /** Direct ties count 1 each, derived ties their number of shared projects and events. */
  weight: number;
  /**
   * The same tie under Newman's collaboration weighting: direct ties 1 each, every shared project or
   * event of n cooperating members 1/(n − 1). Absent (edge lists, networks without the projection): `weight`.
   */
  newman?: number;
  direct: number;
  derived: number;
}

export type ActorGraph = Graph<ActorAttributes, TieAttributes>;

/**
 * The actor cooperation graph of a network: actor nodes, cooperation edges between actors — or,
 * given the store's projection `ties` (one row per pair), those: weight = cooperations + shared
 * projects and events, as the network's edges would add up.
 */
export function actorGraph(network: Network, ties?: readonly ActorTie[]): ActorGraph {
  const g: ActorGraph = new Graph({ type: 'undirected', allowSelfLoops: false, multi: false });
  for (const n of network.nodes) {
    if (n.type !== 'ACTOR') continue;
    g.addNode(n.id, { label: n.label, kind: n.kind, regionId: n.regionId, sectors: n.sectors });
  }
  if (ties) {
    for (const t of ties) {
      if (t.a === t.b || !g.hasNode(t.a) || !g.hasNode(t.b)) continue;
      // One row per pair (the primitive's contract), so no merging is needed.
      g.addUndirectedEdge(t.a, t.b, { weight: t.direct + t.shared, newman: t.direct + t.newman, direct: t.direct, derived: t.shared > 0 ? 1 : 0 });
    }
    return g;
  }
  for (const e of network.edges) {
    if (e.kind !== 'cooperation' || e.source === e.target) continue;
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    const key = g.edge(e.source, e.target);
    if (key === undefined) {
      g.addUndirectedEdge(e.source, e.target, { weight: e.weight, direct: e.derived ? 0 : 1, derived: e.derived ? 1 : 0 });
    } else {
      g.updateEdgeAttributes(key, (a) => ({
        weight: a.weight + e.weight,
        direct: a.direct + (e.derived ? 0 : 1),
        derived: a.derived + (e.derived ? 1 : 0),
      }));
    }
  }
  return g;
}

export interface EdgeRow {
  source: string;
  target: string;
  weight?: number | null;
}

/**
 * An undirected simple graph from edge rows: repeated pairs add their weights, self-loops are
 * dropped (and counted), missing weights count 1.
 */
export function edgeListGraph(rows: Iterable<EdgeRow>, nodes: Iterable<string> = []): { graph: ActorGraph; selfLoops: number } {
  const g: ActorGraph = new Graph({ type: 'undirected', allowSelfLoops: false, multi: false });
  const attrs = (): ActorAttributes => ({ label: '', kind: null, regionId: null, sectors: [] });
  for (const id of nodes) g.mergeNode(id, attrs());
  let selfLoops = 0;
  for (const r of rows) {
    if (!g.hasNode(r.source)) g.addNode(r.source, attrs());
    if (!g.hasNode(r.target)) g.addNode(r.target, attrs());
    if (r.source === r.target) {
      selfLoops++;
      continue;
    }
    const w = r.weight ?? 1;
    const key = g.edge(r.source, r.target);
    if (key === undefined) g.addUndirectedEdge(r.source, r.target, { weight: w, direct: 1, derived: 0 });
    else g.updateEdgeAttribute(key, 'weight', (v) => (v ?? 0) + w);
  }
  return { graph: g, selfLoops };
}
