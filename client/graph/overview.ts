/**
 * The overview's picture: regions as nodes sized by their actors (area ∝ actors), ties between
 * regions as edges whose width and opacity grow with the log of their tie count, weak ones left out
 * below a threshold, every region at its place on the map (geo.ts projection), nudged apart where
 * circles would overlap (graphology-layout-noverlap). Node sizes follow the spacing of the regions
 * (the median distance to the nearest neighbour), so districts are not drawn as big as states.
 * Pure and plain data.
 */
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import type { Overview, RegionTie } from '../api/types.ts';
import type { Position } from '../state/explorer.ts';
import { project } from './geo.ts';
import { REGION_COLOR } from './palette.ts';
import type { Element } from './toElements.ts';

export const OVERVIEW_NODE_MIN = 22;
export const OVERVIEW_NODE_MAX = 110;

/**
 * How a tie between two regions is weighed: `pairs` counts the actor pairs with a direct or a derived
 * tie; `newman` counts direct ties once and each shared project or event of n partners as 1/(n−1) per
 * pair (Newman's collaboration weight), so a 60-partner consortium adds about 60, not 1,770 pairs.
 */
export type TieWeighting = 'pairs' | 'newman';

/** Ties between two regions: actor pairs with a direct or a derived tie. */
export const tieCount = (t: RegionTie): number => t.directTies + t.derivedTies;

/** The strength of a tie between two regions under a weighting. */
export const tieStrength = (t: RegionTie, weighting: TieWeighting = 'pairs'): number =>
  weighting === 'pairs' ? tieCount(t) : t.directTies + t.derivedNewman;

/** A threshold that keeps the strongest ties, about three per region (at least 12): readable at once. */
export function defaultMinTies(o: Overview, weighting: TieWeighting = 'pairs'): number {
  const strengths = o.ties.map((t) => tieStrength(t, weighting)).filter((x) => x > 0).sort((a, b) => b - a);
  const keep = Math.max(12, 3 * o.regions.length);
  const floor = weighting === 'pairs' ? 1 : (strengths.at(-1) ?? 1);
  if (strengths.length <= keep) return floor;
  return Math.max(floor, strengths[keep - 1] ?? floor);
}

export interface OverviewPicture {
  elements: Element[];
  positions: Map<string, Position>;
  /** Ties left out below the threshold. */
  hiddenTies: number;
  maxTies: number;
  /** The weakest tie's strength (the slider's lower end). */
  minStrength: number;
}

export function overviewElements(o: Overview, opts: { minTies: number; weighting?: TieWeighting; format?: (n: number) => string }): OverviewPicture {
  const format = opts.format ?? String;
  const weighting = opts.weighting ?? 'pairs';
  const maxActors = Math.max(1, ...o.regions.map((r) => r.actors));
  const maxTies = Math.max(1, ...o.ties.map((t) => tieStrength(t, weighting)));
  const positions = new Map<string, Position>();
  const ids = new Set(o.regions.map((r) => r.id));
  const degree = new Map<string, number>();
  const elements: Element[] = [];
  let hiddenTies = 0;
  const edges: Element[] = [];
  for (const t of o.ties) {
    const w = tieStrength(t, weighting);
    if (!ids.has(t.a) || !ids.has(t.b) || w <= 0) continue;
    if (w < opts.minTies) {
      hiddenTies++;
      continue;
    }
    degree.set(t.a, (degree.get(t.a) ?? 0) + 1);
    degree.set(t.b, (degree.get(t.b) ?? 0) + 1);
    // Log scale: 1 tie → thin and faint, the strongest → thick and solid.
    const f = Math.log1p(w) / Math.log1p(maxTies);
    edges.push({
      group: 'edges',
      data: { id: `ov:${t.a}|${t.b}`, source: t.a, target: t.b, kind: 'aggregate', legend: 'aggregate', weight: w, width: Math.round((0.8 + 11 * f) * 10) / 10, derived: false, opacity: Math.round((0.15 + 0.7 * f) * 100) / 100 },
      classes: 'aggregate overview-tie',
    });
  }
  const projected = o.regions.map((r) => project(r.lat, r.lon));
  const spacing = medianNearest(projected);
  const max = Math.max(OVERVIEW_NODE_MIN * 1.5, Math.min(OVERVIEW_NODE_MAX, spacing * 1.1));
  const min = Math.min(OVERVIEW_NODE_MIN, max / 3);
  const sizes = new Map<string, number>();
  for (const r of o.regions) sizes.set(r.id, Math.round(min + (max - min) * Math.sqrt(r.actors / maxActors)));
  const placed = apart(o.regions.map((r, i) => ({ id: r.id, ...(projected[i] as Position), size: sizes.get(r.id) ?? min })));
  for (const r of o.regions) {
    positions.set(r.id, placed.get(r.id) ?? project(r.lat, r.lon));
    const size = sizes.get(r.id) ?? min;
    const label = `${r.name} (${format(r.actors)})`;
    elements.push({
      group: 'nodes',
      data: { id: r.id, label, fullLabel: label, type: 'REGION', kind: r.kind, legend: 'REGION', color: REGION_COLOR, shape: 'ellipse', size, degree: r.actors, members: r.actors },
      classes: `region overview-region${r.hasChildren ? ' drillable' : ''}`,
    });
  }
  // Heaviest ties drawn last (on top).
  edges.sort((a, b) => (a.data as { weight: number }).weight - (b.data as { weight: number }).weight);
  const strengths = o.ties.map((t) => tieStrength(t, weighting)).filter((x) => x > 0);
  const minStrength = strengths.length > 0 ? Math.min(...strengths) : 1;
  return { elements: [...elements, ...edges], positions, hiddenTies, maxTies, minStrength };
}

/** Median distance from a point to its nearest other point (n ≤ a few hundred regions: the quadratic scan is cheaper than an index). */
function medianNearest(ps: readonly Position[]): number {
  if (ps.length < 2) return OVERVIEW_NODE_MAX;
  const nearest = ps.map((p, i) => {
    let best = Infinity;
    ps.forEach((q, j) => {
      if (i !== j) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
    });
    return best;
  });
  nearest.sort((a, b) => a - b);
  return nearest[Math.floor(nearest.length / 2)] ?? OVERVIEW_NODE_MAX;
}

/** Moves overlapping circles apart (noverlap), keeping the map's shape. */
function apart(nodes: readonly { id: string; x: number; y: number; size: number }[]): Map<string, Position> {
  const g = new Graph();
  for (const n of nodes) g.addNode(n.id, { x: n.x, y: n.y, size: n.size / 2 });
  noverlap.assign(g, { maxIterations: 150, settings: { margin: 4, ratio: 1.1 } });
  const out = new Map<string, Position>();
  g.forEachNode((id, a) => out.set(id, { x: a.x as number, y: a.y as number }));
  return out;
}
