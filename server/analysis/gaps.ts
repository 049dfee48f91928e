/**
 * Region gaps at one level of the hierarchy: the region × region matrix of observed ties, the
 * ties a null model expects, their ratio, the E-I index per region, and the white spots: region
 * pairs with no or far fewer ties than expected, neighbouring regions and regions sharing a
 * programme first.
 *
 * Null model (configuration model, the one behind modularity): with D_A the number of tie ends of
 * region A's actors and m the ties between actors that have a region at this level, a tie lands
 * between A and B (A ≠ B) with expected count D_A·D_B / 2m, inside A with D_A² / 4m. So a region
 * with many actors and ties is expected to reach many partners; a region whose actors have no ties
 * at all expects none (it shows as `isolated` instead).
 */
import { distanceKm, type AnalysisContext } from './context.ts';

export interface RegionSummary {
  id: string;
  name: string;
  actors: number;
  /** Ties inside the region and to other regions (at this level). */
  internalTies: number;
  externalTies: number;
  /** Krackhardt–Stern E-I index: (E − I) / (E + I); null without ties. */
  eiIndex: number | null;
  /** Actors here without any tie. */
  isolatedActors: number;
}

export interface RegionCell {
  a: string;
  b: string;
  aName: string;
  bName: string;
  observed: number;
  expected: number;
  /** observed / expected; null when nothing is expected. */
  ratio: number | null;
}

export type WhiteSpotReason = 'neighbours' | 'programme';

export interface WhiteSpot extends RegionCell {
  /** Why the pair matters: neighbouring regions, a programme both share. */
  reasons: WhiteSpotReason[];
  /** The shared programmes' labels. */
  programmes: string[];
  distanceKm: number;
  /** Lower is more pressing: 0 = neighbours sharing a programme, 1 = one of the two, 2 = neither. */
  tier: number;
}

export interface RegionGaps {
  level: string;
  regions: RegionSummary[];
  /** Every pair (a ≤ b by id) of regions with actors. */
  cells: RegionCell[];
  whiteSpots: WhiteSpot[];
  /** Ties whose actors both have a region at this level. */
  ties: number;
  /** Actors without a region at this level (not in the matrix). */
  actorsWithoutRegion: number;
}

/** Regions this close (centre to centre) count as neighbours (adjacent districts' centres lie ~25–75 km apart). */
export const NEIGHBOUR_KM = 75;
/** A pair is a white spot when it has no ties or fewer than this share of the expected ones. */
export const WHITE_SPOT_RATIO = 0.5;

export function regionGaps(ctx: AnalysisContext, level: string, maxWhiteSpots = 50): RegionGaps {
  const g = ctx.graph;
  const regionOf = new Map<string, string>();
  const actorCount = new Map<string, number>();
  const isolated = new Map<string, number>();
  let withoutRegion = 0;
  g.forEachNode((id) => {
    const r = ctx.regionAt(id, level);
    if (r === null) {
      withoutRegion++;
      return;
    }
    regionOf.set(id, r);
    actorCount.set(r, (actorCount.get(r) ?? 0) + 1);
    if (g.degree(id) === 0) isolated.set(r, (isolated.get(r) ?? 0) + 1);
  });
  const ids = [...actorCount.keys()].sort();
  const observed = new Map<string, number>();
  const ends = new Map<string, number>();
  const key = (a: string, b: string) => (a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  let m = 0;
  g.forEachEdge((_e, _attr, s, t) => {
    const a = regionOf.get(s);
    const b = regionOf.get(t);
    if (a === undefined || b === undefined) return;
    m++;
    observed.set(key(a, b), (observed.get(key(a, b)) ?? 0) + 1);
    ends.set(a, (ends.get(a) ?? 0) + 1);
    ends.set(b, (ends.get(b) ?? 0) + 1);
  });

  const cells: RegionCell[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const da = ends.get(a) ?? 0;
      const db = ends.get(b) ?? 0;
      const expected = m === 0 ? 0 : a === b ? (da * da) / (4 * m) : (da * db) / (2 * m);
      const o = observed.get(key(a, b)) ?? 0;
      cells.push({ a, b, aName: ctx.info(a).name, bName: ctx.info(b).name, observed: o, expected, ratio: expected > 0 ? o / expected : null });
    }
  }

  const regions: RegionSummary[] = ids.map((id) => {
    const internal = observed.get(key(id, id)) ?? 0;
    const external = (ends.get(id) ?? 0) - 2 * internal;
    return {
      id,
      name: ctx.info(id).name,
      actors: actorCount.get(id) ?? 0,
      internalTies: internal,
      externalTies: external,
      eiIndex: internal + external > 0 ? (external - internal) / (external + internal) : null,
      isolatedActors: isolated.get(id) ?? 0,
    };
  });

  // Programmes per region at this level.
  const programmesOf = new Map<string, Set<string>>();
  for (const p of ctx.programmes) {
    for (const r of p.regionIds) {
      for (const at of ctx.regionsAtLevel(r, level)) {
        let set = programmesOf.get(at);
        if (!set) programmesOf.set(at, (set = new Set()));
        set.add(p.label);
      }
    }
  }
  const whiteSpots: WhiteSpot[] = [];
  for (const c of cells) {
    if (c.a === c.b) continue;
    // Only where ties were to be expected: a region whose actors have no ties at all expects none.
    if (c.expected <= 0 || !(c.observed === 0 || (c.ratio !== null && c.ratio < WHITE_SPOT_RATIO))) continue;
    const ia = ctx.info(c.a);
    const ib = ctx.info(c.b);
    const km = distanceKm(ia, ib);
    // Without boundary data, "neighbours" means close: centres at most NEIGHBOUR_KM apart.
    const neighbours = km <= NEIGHBOUR_KM;
    const pa = programmesOf.get(c.a);
    const shared = pa ? [...(programmesOf.get(c.b) ?? [])].filter((p) => pa.has(p)).sort() : [];
    const reasons: WhiteSpotReason[] = [];
    if (neighbours) reasons.push('neighbours');
    if (shared.length > 0) reasons.push('programme');
    whiteSpots.push({ ...c, reasons, programmes: shared, distanceKm: Math.round(km), tier: 2 - reasons.length });
  }
  whiteSpots.sort(
    (x, y) => x.tier - y.tier || y.expected - y.observed - (x.expected - x.observed) || x.distanceKm - y.distanceKm || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
  );
  return { level, regions, cells, whiteSpots: whiteSpots.slice(0, maxWhiteSpots), ties: m, actorsWithoutRegion: withoutRegion };
}
