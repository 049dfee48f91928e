/**
 * The overview of a large network: the regions of one level (states, or the districts inside one
 * state) with how many actors each holds, and the ties between them. Two store calls, both linear in
 * the network: the region tie counts (the store's one regionTies statement) and the actors under the
 * filter without their ties (one network call, capped at MAX_NETWORK_LIMIT), counted per region here.
 */
import type { GraphStore } from '../store/graph-store.ts';
import { MAX_NETWORK_LIMIT, type NetworkFilter } from './network.model.ts';
import { RegionIndex } from './region-index.ts';
import type { RegionPair } from './network.type.ts';

export interface OverviewRegionData {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  parentId: string | null;
  /** Actors under the filter located in the region or below it. */
  actors: number;
  /** Actor pairs within the region with a tie (direct or derived). */
  internalTies: number;
  /** True when regions of the next level lie below it (a click drills into them). */
  hasChildren: boolean;
}

export interface OverviewData {
  level: string;
  parentId: string | null;
  regions: OverviewRegionData[];
  /** Ties between two different regions (a < b). */
  ties: RegionPair[];
  /** Actors under the filter (within the parent region when given). */
  actors: number;
  /** Of those, actors without a region at this level (not drawn). */
  unplaced: number;
  /** The actor count hit the cap (counts are then a lower bound). */
  truncated: boolean;
}

/** The level below a region kind in the overview's drill-down (states → districts). */
export const CHILD_LEVEL: Readonly<Record<string, string>> = { country: 'state', state: 'district', planning_region: 'district' };

export async function overview(store: GraphStore, level: string, parentId: string | null, filter: NetworkFilter): Promise<OverviewData> {
  const scoped: NetworkFilter = parentId ? { ...filter, regionIds: [parentId] } : filter;
  const [regionList, counts, actorNet] = await Promise.all([
    store.regions(),
    store.regionTies(level, scoped),
    store.network({ ...scoped, nodeTypes: ['ACTOR'], includeDirect: false, includeDerived: false, limit: MAX_NETWORK_LIMIT }),
  ]);
  const index = new RegionIndex(regionList);
  const perRegion = new Map<string, number>();
  const lifted = new Map<string, string | null>();
  let unplaced = 0;
  for (const n of actorNet.nodes) {
    if (n.regionId === null) {
      unplaced++;
      continue;
    }
    let at = lifted.get(n.regionId);
    if (at === undefined) lifted.set(n.regionId, (at = index.levelOf(n.regionId, level)));
    if (at === null) unplaced++;
    else perRegion.set(at, (perRegion.get(at) ?? 0) + 1);
  }
  const internal = new Map<string, number>();
  const ties: RegionPair[] = [];
  for (const p of counts.pairs) {
    if (p.a === p.b) internal.set(p.a, p.directTies + p.derivedTies);
    else ties.push(p);
  }
  const childLevel = CHILD_LEVEL[level];
  const hasChildKind = (id: string): boolean => {
    if (!childLevel) return false;
    const stack = index.childrenOf(id);
    while (stack.length) {
      const r = stack.pop();
      if (!r) break;
      if (r.kind === childLevel) return true;
      stack.push(...index.childrenOf(r.id));
    }
    return false;
  };
  const ids = new Set([...counts.regionIds, ...perRegion.keys()]);
  const regions: OverviewRegionData[] = [];
  for (const id of ids) {
    const r = index.get(id);
    if (!r) continue;
    regions.push({
      id,
      name: r.name,
      kind: r.kind,
      lat: r.lat,
      lon: r.lon,
      parentId: r.parentId,
      actors: perRegion.get(id) ?? 0,
      internalTies: internal.get(id) ?? 0,
      hasChildren: hasChildKind(id),
    });
  }
  regions.sort((x, y) => y.actors - x.actors || (x.id < y.id ? -1 : 1));
  return { level, parentId, regions, ties, actors: actorNet.nodes.length, unplaced, truncated: actorNet.truncated };
}
