/**
 * The pure parts of the region heatmap: which regions make the rows and columns (those with actors,
 * by name), the symmetric cell lookup, how a cell is classified against the null model, and the
 * diverging colour scale over observed / expected (fewer ties than expected warm, more cool).
 */
import type { RegionCell, RegionGapSummary, RegionGaps } from '../api/analysis.ts';

/** Cell classes: nothing expected (and nothing there), a gap (no tie although some expected), below, near or above expectation. */
export type CellClass = 'none' | 'gap' | 'below' | 'near' | 'above';

/** Within this factor of the expectation (either way) a cell counts as "as expected". */
export const NEAR_FACTOR = 1.25;
/** Ratios at or beyond this factor (either way) get the full colour: log2(8) = 3 steps of doubling. */
export const FULL_FACTOR = 8;

type Rgb = readonly [number, number, number];
/** ColorBrewer RdBu ends and a near-white middle. */
export const WARM: Rgb = [178, 24, 43];
export const COOL: Rgb = [33, 102, 172];
export const MID: Rgb = [247, 247, 247];
/** A gap where at least this many ties are expected is drawn strongly (smaller expectations are noise in small networks). */
export const STRONG_GAP = 1;
/** Beyond this share of the scale the cell is dark enough for white text. */
const DARK_FROM = 0.6;

/** Rows and columns: the regions with actors, sorted by name (German collation), ties by id. */
export function orderRegions<T extends Pick<RegionGapSummary, 'id' | 'name' | 'actors'>>(regions: readonly T[]): T[] {
  return regions.filter((r) => r.actors > 0).sort((a, b) => a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Order-free key of a region pair (the server sends each pair once, a ≤ b by id). */
export const pairKey = (a: string, b: string): string => (a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function indexCells(cells: readonly RegionCell[]): Map<string, RegionCell> {
  return new Map(cells.map((c) => [pairKey(c.a, c.b), c]));
}

/** More regions than this make an unreadable (and slow) matrix: the busiest are shown. */
export const MAX_MATRIX_REGIONS = 60;

export interface Matrix {
  regions: RegionGapSummary[];
  /** Regions with actors left out (beyond MAX_MATRIX_REGIONS, the ones with the fewest ties). */
  hidden: number;
  /** rows[i][j]: the cell of regions[i] × regions[j] (the same object as rows[j][i]); null when the server sent none. */
  rows: (RegionCell | null)[][];
  /** Largest observed count off the diagonal and on it (for summaries). */
  maxObserved: number;
}

export function buildMatrix(gaps: Pick<RegionGaps, 'regions' | 'cells'>, max = MAX_MATRIX_REGIONS): Matrix {
  const all = orderRegions(gaps.regions);
  const ties = (r: RegionGapSummary) => r.internalTies + r.externalTies;
  const kept = all.length <= max ? null : new Set([...all].sort((a, b) => ties(b) - ties(a) || b.actors - a.actors || (a.id < b.id ? -1 : 1)).slice(0, max).map((r) => r.id));
  const regions = kept ? all.filter((r) => kept.has(r.id)) : all;
  const index = indexCells(gaps.cells);
  let maxObserved = 0;
  const rows = regions.map((r) =>
    regions.map((c) => {
      const cell = index.get(pairKey(r.id, c.id)) ?? null;
      if (cell && cell.observed > maxObserved) maxObserved = cell.observed;
      return cell;
    }),
  );
  return { regions, hidden: all.length - regions.length, rows, maxObserved };
}

export function classifyCell(c: Pick<RegionCell, 'observed' | 'expected'>): CellClass {
  if (!(c.expected > 0)) return 'none';
  if (c.observed === 0) return 'gap';
  const ratio = c.observed / c.expected;
  if (ratio < 1 / NEAR_FACTOR) return 'below';
  if (ratio > NEAR_FACTOR) return 'above';
  return 'near';
}

/**
 * Position on the diverging scale: −1 (far fewer ties than expected) … 0 (as expected) … +1 (far
 * more), logarithmic so that half and double lie equally far from the middle; null without a ratio.
 */
export function scalePosition(ratio: number | null): number | null {
  if (ratio === null || !(ratio >= 0) || Number.isNaN(ratio)) return null;
  if (ratio === 0) return -1;
  const t = Math.log2(ratio) / Math.log2(FULL_FACTOR);
  return Math.max(-1, Math.min(1, t));
}

/** Linear blend of two colours, rounded to whole channel values. */
export function mix(from: Rgb, to: Rgb, share: number): Rgb {
  const ch = (x: number, y: number) => Math.round(x + (y - x) * share);
  return [ch(from[0], to[0]), ch(from[1], to[1]), ch(from[2], to[2])];
}

export interface CellLook {
  cls: CellClass;
  /** CSS background (null: no colour, the class styles it). */
  background: string | null;
  /** True when the text on it should be light. */
  darkBackground: boolean;
  /** A gap where at least one tie is expected. */
  strong: boolean;
}

export function cellLook(c: Pick<RegionCell, 'observed' | 'expected' | 'ratio'>): CellLook {
  const cls = classifyCell(c);
  if (cls === 'none') return { cls, background: null, darkBackground: false, strong: false };
  const t = scalePosition(c.ratio ?? c.observed / c.expected) ?? 0;
  const [r, g, b] = mix(MID, t < 0 ? WARM : COOL, Math.abs(t));
  return { cls, background: `rgb(${r}, ${g}, ${b})`, darkBackground: Math.abs(t) >= DARK_FROM, strong: cls === 'gap' && c.expected >= STRONG_GAP };
}

/** A CSS gradient of the scale for the legend (warm → middle → cool). */
export function scaleGradient(): string {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => {
    const [r, g, b] = mix(MID, t < 0 ? WARM : COOL, Math.abs(t));
    return `rgb(${r}, ${g}, ${b}) ${((t + 1) / 2) * 100}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** A name cut to `max` characters (with an ellipsis) for narrow column headers. */
export function abbreviate(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  return `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** Prefixes and suffixes that say what kind of region it is (the row headers keep the full name). */
const KIND_PREFIX = /^(Landkreis|Kreis|Stadtkreis|Regionalkreis|Regionalverband|Planungsregion|Planungsverband|Regionale Planungsgemeinschaft|Region|Freistaat|Land)\s+/i;
const KIND_SUFFIX = /(,\s*(Stadt|Landkreis|Kreis|kreisfreie Stadt|Landeshauptstadt|Wissenschaftsstadt|Universitätsstadt))$/i;

/** A column header: the name without its kind word (Landkreis …, …, Stadt), cut to `max` characters. */
export function shortName(name: string, max: number): string {
  const bare = name.replace(KIND_PREFIX, '').replace(KIND_SUFFIX, '').trim();
  return abbreviate(bare || name, max);
}
