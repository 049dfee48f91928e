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
  /** Metric encoding: the size metric's value, the community. */
  metric?: number;
  community?: number;
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
  /** Overview ties: opacity by strength. */
  opacity?: number;
}

export type Element = { group: 'nodes'; data: NodeData; classes: string } | { group: 'edges'; data: EdgeData; classes: string };

export interface ElementOptions {
  /** Group into region compounds (layout "regions"). */
  grouped: boolean;
  regions: ReadonlyMap<string, RegionSummary>;
  collapsed?: ReadonlySet<string>;
  /** Geographic layout: region names drawn as a faint background map (not part of the network). */
  landmarks?: readonly RegionSummary[];
  /** Size and colour actors by a metric or their community (default: size by degree, colour by kind). */
  encoding?: MetricEncoding;
  /** What-if: actors taken out (drawn faded) and actors that would be cut off (drawn alarmed). */
  removed?: ReadonlySet<string>;
  cutOff?: ReadonlySet<string>;
}

/** Actor metrics for the encoding: per actor the value of the size and colour metric, or its community. */
export interface MetricEncoding {
  size: string;
  color: string;
  /** Size metric value per actor (missing: the actor keeps its degree size). */
  sizeValues?: ReadonlyMap<string, number | null>;
  /** Colour metric value or community per actor. */
  colorValues?: ReadonlyMap<string, number | null>;
}

/** Categorical colours for communities (colour-blind safe first, Okabe–Ito + Tableau), then grey. */
export const COMMUNITY_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#7f3c8d', '#11a579', '#e73f74', '#3969ac', '#80ba5a'];
export const OTHER_COMMUNITY_COLOR = '#9e9e9e';
/** Sequential scale for metric colours: low (pale) → high (dark blue). */
const SCALE = ['#fff5c2', '#fed976', '#7fcdbb', '#2c7fb8', '#253494'];

export function scaleColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (SCALE.length - 1);
  const i = Math.min(SCALE.length - 2, Math.floor(x));
  const f = x - i;
  const from = SCALE[i] as string;
  const to = SCALE[i + 1] as string;
  const ch = (s: string, k: number) => parseInt(s.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mix = [0, 1, 2].map((k) => Math.round(ch(from, k) + (ch(to, k) - ch(from, k)) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const communityColor = (c: number): string => COMMUNITY_COLORS[c] ?? OTHER_COMMUNITY_COLOR;

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
  if (opts.encoding) encode(out, opts.encoding);
  if (opts.removed?.size || opts.cutOff?.size) {
    for (const el of out) {
      if (el.group !== 'nodes') continue;
      if (opts.removed?.has(el.data.id)) el.classes += ' removed';
      else if (opts.cutOff?.has(el.data.id)) el.classes += ' cut-off';
    }
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

/**
 * Metric encoding on the actor nodes: size by the size metric (square-root scale over the actors
 * drawn), colour by community or by the colour metric (sequential scale between the drawn actors'
 * minimum and maximum). Other nodes keep their look.
 */
function encode(out: Element[], enc: MetricEncoding): void {
  const actors = out.filter((el): el is Extract<Element, { group: 'nodes' }> => el.group === 'nodes' && el.data.type === 'ACTOR' && el.classes.includes('actor'));
  if (enc.size !== 'degree' && enc.sizeValues) {
    const values = actors.map((el) => enc.sizeValues?.get(el.data.id) ?? null);
    const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
    const min = Math.min(0, ...finite);
    const max = Math.max(0, ...finite);
    actors.forEach((el, i) => {
      const v = values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      el.data.size = max > min ? Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((v - min) / (max - min))) : MIN_SIZE;
      el.data.metric = v;
    });
  }
  if (enc.color !== 'kind' && enc.colorValues) {
    const values = actors.map((el) => enc.colorValues?.get(el.data.id) ?? null);
    if (enc.color === 'community') {
      actors.forEach((el, i) => {
        const c = values[i];
        if (c === null || c === undefined) return;
        el.data.color = communityColor(c);
        el.data.community = c;
      });
    } else {
      const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
      const min = Math.min(...finite);
      const max = Math.max(...finite);
      actors.forEach((el, i) => {
        const v = values[i];
        if (v === null || v === undefined || !Number.isFinite(v)) return;
        el.data.color = scaleColor(max > min ? (v - min) / (max - min) : 0.5);
      });
    }
  }
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
