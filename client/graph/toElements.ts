/**
 * The one pure function from the network shape to Cytoscape elements (plain data; NetworkView adds
 * them). Look (colour, shape, size by degree, width by weight) is computed here, so it is testable
 * and the legend can be derived from the same data.
 *
 * Layout "regions" groups nodes into their region and its ancestors (compound nodes); a collapsed
 * region is drawn as one node standing for everything inside it, its ties added up.
 */
import type { Network, NetworkNode, NodeType, RegionSummary } from '../api/types.ts';
import { EDGE_LEGEND_ORDER, NODE_LEGEND_ORDER, edgeLegendKey, nodeLegendKey, nodeLook, type EdgeLegendKey } from './palette.ts';

export interface NodeData {
  id: string;
  label: string;
  fullLabel: string;
  type: NodeType;
  kind: string | null;
  legend: string;
  color: string;
  shape: string;
  size: number;
  degree: number;
  parent?: string;
  /** Collapsed region: how many nodes it stands for. */
  members?: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: string;
  legend: EdgeLegendKey;
  weight: number;
  width: number;
  derived: boolean;
}

export type Element = { group: 'nodes'; data: NodeData; classes: string } | { group: 'edges'; data: EdgeData; classes: string };

export interface ElementOptions {
  /** Group into region compounds (layout "regions"). */
  grouped: boolean;
  regions: ReadonlyMap<string, RegionSummary>;
  collapsed?: ReadonlySet<string>;
  /** Geographic layout: region names drawn as a faint background map (not part of the network). */
  landmarks?: readonly RegionSummary[];
}

/** Id of the background label of a region in the geographic layout. */
export const landmarkId = (regionId: string): string => `landmark:${regionId}`;

export const MIN_SIZE = 18;
export const MAX_SIZE = 58;
const MAX_LABEL = 34;

export function shortLabel(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

/** Edge width from weight (shared projects and events): 1.5 px for one, growing with the log. */
export const widthOf = (weight: number): number => Math.min(8, 1.5 + 1.6 * Math.log2(Math.max(1, weight)));

/** Node size from degree: square-root scale between MIN_SIZE and MAX_SIZE relative to the busiest node. */
export const sizeOf = (degree: number, maxDegree: number): number =>
  maxDegree <= 0 ? MIN_SIZE : Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(degree / maxDegree));

/** A region and its ancestors, nearest first (stops at unknown ids and cycles). */
export function chainOf(regionId: string | null, regions: ReadonlyMap<string, RegionSummary>): string[] {
  const chain: string[] = [];
  let id = regionId;
  while (id && regions.has(id) && !chain.includes(id)) {
    chain.push(id);
    id = regions.get(id)?.parentId ?? null;
  }
  return chain;
}

/** Ties that nesting already shows in the grouped layout. */
const NESTING_KINDS = new Set(['located_in', 'held_in', 'part_of']);

export function toElements(net: Network, opts: ElementOptions): Element[] {
  const collapsed = opts.collapsed ?? new Set<string>();

  // 1. Where each node goes: itself, or the outermost collapsed region around it; and its compound parent.
  const rep = new Map<string, string>();
  const parentOf = new Map<string, string | undefined>();
  const groups = new Map<string, RegionSummary>();
  const members = new Map<string, number>();
  const ancestorsOf = new Map<string, Set<string>>();
  for (const n of net.nodes) {
    if (!opts.grouped) {
      rep.set(n.id, n.id);
      continue;
    }
    // Region nodes are their own group; other nodes sit in their region.
    const chain = n.type === 'REGION' ? chainOf(n.id, opts.regions) : chainOf(n.regionId, opts.regions);
    const outerCollapsed = [...chain].reverse().find((r) => collapsed.has(r));
    if (outerCollapsed) {
      rep.set(n.id, outerCollapsed);
      members.set(outerCollapsed, (members.get(outerCollapsed) ?? 0) + (n.id === outerCollapsed ? 0 : 1));
      const above = chain.slice(chain.indexOf(outerCollapsed) + 1);
      for (const r of above) groups.set(r, opts.regions.get(r) as RegionSummary);
      groups.set(outerCollapsed, opts.regions.get(outerCollapsed) as RegionSummary);
      ancestorsOf.set(outerCollapsed, new Set(above));
      continue;
    }
    rep.set(n.id, n.id);
    const inner = n.type === 'REGION' ? chain.slice(1) : chain;
    for (const r of chain) groups.set(r, opts.regions.get(r) as RegionSummary);
    parentOf.set(n.id, inner[0]);
    ancestorsOf.set(n.id, new Set(inner));
  }

  // 2. Edges between representatives; nesting ties dropped when grouped; ties into a collapsed region added up.
  interface E {
    id: string;
    source: string;
    target: string;
    kind: string;
    weight: number;
    derived: boolean;
  }
  const edges = new Map<string, E>();
  for (const e of net.edges) {
    const s = rep.get(e.source);
    const t = rep.get(e.target);
    if (!s || !t || s === t) continue;
    if (opts.grouped && (NESTING_KINDS.has(e.kind) || ancestorsOf.get(s)?.has(t) || ancestorsOf.get(t)?.has(s))) continue;
    if (s === e.source && t === e.target) {
      edges.set(e.id, { id: e.id, source: s, target: t, kind: e.kind, weight: e.weight, derived: e.derived });
      continue;
    }
    const [a, b] = s < t ? [s, t] : [t, s];
    const id = `agg:${a}|${b}`;
    const prev = edges.get(id);
    if (prev) prev.weight += e.weight;
    else edges.set(id, { id, source: a, target: b, kind: 'aggregate', weight: e.weight, derived: false });
  }

  // 3. Degrees on what is drawn, then sizes.
  const degree = new Map<string, number>();
  for (const e of edges.values()) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const maxDegree = Math.max(0, ...degree.values());

  const out: Element[] = [];
  for (const r of opts.landmarks ?? []) {
    out.push({
      group: 'nodes',
      data: { id: landmarkId(r.id), label: r.name, fullLabel: r.name, type: 'REGION', kind: r.kind, legend: 'LANDMARK', color: '#ffffff', shape: 'ellipse', size: 1, degree: 0 },
      classes: 'landmark',
    });
  }
  const groupIds = new Set([...groups.keys()].filter((r) => !collapsed.has(r) || !hasCollapsedAncestor(r, collapsed, opts.regions)));
  // Compound parents first (Cytoscape needs a parent before its children), outermost first.
  const sortedGroups = [...groupIds].sort((a, b) => chainOf(a, opts.regions).length - chainOf(b, opts.regions).length);
  for (const r of sortedGroups) {
    const region = groups.get(r);
    if (!region) continue;
    const parent = chainOf(region.parentId, opts.regions).find((p) => groupIds.has(p));
    const isCollapsed = collapsed.has(r);
    const legend = isCollapsed ? 'REGION' : 'GROUP';
    const look = nodeLook(legend);
    const count = members.get(r) ?? 0;
    const deg = degree.get(r) ?? 0;
    out.push({
      group: 'nodes',
      data: {
        id: r,
        label: isCollapsed ? `${shortLabel(region.name)} (${count})` : shortLabel(region.name),
        fullLabel: region.name,
        type: 'REGION',
        kind: region.kind,
        legend,
        color: look.color,
        shape: look.shape,
        size: isCollapsed ? Math.max(sizeOf(deg, maxDegree), MIN_SIZE + 10) : MIN_SIZE,
        degree: deg,
        ...(parent ? { parent } : {}),
        ...(isCollapsed ? { members: count } : {}),
      },
      classes: isCollapsed ? 'region collapsed' : 'region group',
    });
  }
  for (const n of net.nodes) {
    if (rep.get(n.id) !== n.id || groupIds.has(n.id)) continue;
    out.push(nodeElement(n, degree.get(n.id) ?? 0, maxDegree, parentOf.get(n.id)));
  }
  for (const e of edges.values()) {
    const legend = edgeLegendKey(e.kind, e.derived);
    out.push({
      group: 'edges',
      data: { ...e, legend, width: widthOf(e.weight) },
      classes: legend,
    });
  }
  return out;
}

function hasCollapsedAncestor(r: string, collapsed: ReadonlySet<string>, regions: ReadonlyMap<string, RegionSummary>): boolean {
  return chainOf(r, regions)
    .slice(1)
    .some((a) => collapsed.has(a));
}

function nodeElement(n: NetworkNode, degree: number, maxDegree: number, parent: string | undefined): Element {
  const legend = nodeLegendKey(n.type, n.kind);
  const look = nodeLook(legend);
  return {
    group: 'nodes',
    data: {
      id: n.id,
      label: shortLabel(n.label),
      fullLabel: n.label,
      type: n.type,
      kind: n.kind,
      legend,
      color: look.color,
      shape: look.shape,
      size: sizeOf(degree, maxDegree),
      degree,
      ...(parent ? { parent } : {}),
    },
    classes: n.type.toLowerCase(),
  };
}

export interface LegendEntries {
  nodes: string[];
  edges: EdgeLegendKey[];
}

/** The legend of exactly what is drawn, in a fixed order. */
export function legendOf(elements: readonly Element[]): LegendEntries {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const el of elements) (el.group === 'nodes' ? nodes : edges).add(el.data.legend);
  return { nodes: NODE_LEGEND_ORDER.filter((k) => nodes.has(k)), edges: EDGE_LEGEND_ORDER.filter((k) => edges.has(k)) };
}
