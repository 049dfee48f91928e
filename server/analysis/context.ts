/**
 * What every analysis needs besides the graph: the region hierarchy (to lift actors to a level:
 * district, planning region, state) and the programmes (a project's funding programme, or the
 * project itself) with the regions they target or involve.
 */
import type { Region } from '../domain/model.ts';
import type { Network } from '../network/network.model.ts';
import { RegionIndex } from '../network/region-index.ts';
import type { ActorTie, ProgrammeRegions } from '../store/graph-store.ts';
import { actorGraph, type ActorGraph } from './graph.ts';

export type Programme = ProgrammeRegions;

/** Plain data (it crosses into the analysis worker). */
export interface AnalysisInput {
  /** Actors and their cooperation ties (direct and derived), projects and participations. */
  network: Network;
  /**
   * The actor–actor projection (the store's `ties`): when given, the graph's ties come from here and
   * the network's cooperation edges are not read (it then holds actors, projects, participations).
   */
  ties?: ActorTie[];
  regions: Region[];
  programmes: Programme[];
  /** The filter leaves actors out (so "no actor here" means "none in this selection"). */
  filtered?: boolean;
  /** The filter's regions (with their sub-regions), if it names any. */
  scope?: string[] | null;
}

export interface RegionInfo {
  id: string;
  name: string;
  lat: number;
  lon: number;
  parentId: string | null;
}

export class AnalysisContext {
  readonly graph: ActorGraph;
  readonly regions: RegionIndex;
  readonly programmes: Programme[];
  readonly filtered: boolean;
  /** Regions inside the filter's regions (null: no region filter). */
  readonly scope: ReadonlySet<string> | null;
  /** Project ids per actor, and project labels. */
  readonly projectsOf = new Map<string, string[]>();
  readonly projectLabel = new Map<string, string>();
  private readonly levelCache = new Map<string, Map<string, string | null>>();

  constructor(input: AnalysisInput) {
    this.graph = actorGraph(input.network, input.ties);
    this.regions = new RegionIndex(input.regions);
    this.programmes = input.programmes;
    this.filtered = input.filtered ?? false;
    this.scope = input.scope ? this.regions.subtree(input.scope) : null;
    for (const n of input.network.nodes) if (n.type === 'PROJECT') this.projectLabel.set(n.id, n.label);
    for (const e of input.network.edges) {
      if (e.kind !== 'participation' || !this.projectLabel.has(e.target)) continue;
      const list = this.projectsOf.get(e.source);
      if (list) list.push(e.target);
      else this.projectsOf.set(e.source, [e.target]);
    }
  }

  /** Regions (at the level) some programme targets, inside the filter's regions if it names any. */
  targetedRegions(level: string): Set<string> {
    const all = this.programmes.flatMap((p) => p.targetRegionIds.flatMap((r) => this.regionsAtLevel(r, level)));
    return new Set(this.scope ? all.filter((r) => this.scope?.has(r)) : all);
  }

  /** The actor's region lifted to the level (a region kind), or null when it has none there. */
  regionAt(actorId: string, level: string): string | null {
    const own = this.graph.getNodeAttribute(actorId, 'regionId');
    return own === null ? null : this.liftRegion(own, level);
  }

  liftRegion(regionId: string, level: string): string | null {
    let cache = this.levelCache.get(level);
    if (!cache) this.levelCache.set(level, (cache = new Map()));
    let r = cache.get(regionId);
    if (r === undefined) {
      r = this.regions.levelOf(regionId, level);
      cache.set(regionId, r);
    }
    return r;
  }

  /** The regions of the level a region stands for: itself lifted, or all of the level below it. */
  regionsAtLevel(regionId: string, level: string): string[] {
    const up = this.liftRegion(regionId, level);
    if (up !== null) return [up];
    return [...this.regions.subtree([regionId])].filter((id) => this.regions.get(id)?.kind === level);
  }

  info(regionId: string): RegionInfo {
    const r = this.regions.get(regionId);
    return { id: regionId, name: r?.name ?? regionId, lat: r?.lat ?? 0, lon: r?.lon ?? 0, parentId: r?.parentId ?? null };
  }

  label(actorId: string): string {
    return this.graph.getNodeAttribute(actorId, 'label');
  }
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
