/**
 * Turns selected rows into the network shape: nodes for actors, projects, events and regions,
 * structural edges between included nodes, direct cooperation edges, and actor–actor ties derived
 * from shared projects and events (weight = number shared). Pure; both stores use it.
 */
import {
  NON_COOPERATING_ROLES,
  type Actor,
  type Cooperation,
  type Event,
  type EventParticipation,
  type NodeType,
  type Participation,
  type Project,
  type Target,
} from '../domain/model.ts';
import type { Network, NetworkEdge, NetworkNode } from './network.model.ts';
import type { RegionIndex } from './region-index.ts';
import { yearOf } from './years.ts';

export interface Selection {
  regions: RegionIndex;
  actors: readonly Actor[];
  projects: readonly Project[];
  events: readonly Event[];
  /** Participations of the selected actors; those in unselected projects still count for derived ties. */
  participations: readonly Participation[];
  eventParticipations: readonly EventParticipation[];
  cooperations: readonly Cooperation[];
  targets: readonly Target[];
  /** Regions to show: null = the regions the selection refers to and their ancestors. */
  regionIds: ReadonlySet<string> | null;
  /** Limit ancestors to this set (the filtered sub-tree), null = no limit. */
  regionScope: ReadonlySet<string> | null;
  nodeTypes: ReadonlySet<NodeType>;
  includeDerived: boolean;
  /** Which shared projects/events count for derived ties: null = all in `participations`. */
  derivedVia: ReadonlySet<string> | null;
  limit: number;
  /** Maximum number of edges: beyond it the weakest derived ties are left out (counted in `hiddenTies`). */
  edgeLimit: number;
}

export function actorNode(a: Actor, regions: RegionIndex): NetworkNode {
  const r = a.regionId ? regions.get(a.regionId) : undefined;
  return {
    id: a.id,
    type: 'ACTOR',
    kind: a.kind,
    label: a.name,
    regionId: a.regionId,
    lat: r?.lat ?? null,
    lon: r?.lon ?? null,
    sectors: a.sectors,
    startYear: null,
    endYear: null,
  };
}

function projectNode(p: Project, regions: RegionIndex, firstTarget: string | undefined): NetworkNode {
  const r = firstTarget ? regions.get(firstTarget) : undefined;
  return {
    id: p.id,
    type: 'PROJECT',
    kind: p.status,
    label: p.name,
    regionId: r?.id ?? null,
    lat: r?.lat ?? null,
    lon: r?.lon ?? null,
    sectors: [],
    startYear: yearOf(p.start),
    endYear: yearOf(p.end),
  };
}

function eventNode(e: Event, regions: RegionIndex): NetworkNode {
  const r = e.placeId ? regions.get(e.placeId) : undefined;
  return {
    id: e.id,
    type: 'EVENT',
    kind: e.kind,
    label: e.name,
    regionId: e.placeId,
    lat: r?.lat ?? null,
    lon: r?.lon ?? null,
    sectors: [],
    startYear: yearOf(e.date),
    endYear: yearOf(e.endDate ?? e.date),
  };
}

/**
 * Actor pairs sharing projects/events (funders excluded). Pairs are keyed by number (`i * n + j`,
 * i < j, indexes into `actors`) and hold their weight; the shared items of a pair are worked out
 * only for the pairs that are returned (`via`).
 */
export class DerivedTies {
  /** The actors with a shared item, in id order (so pair keys order like the ids). */
  readonly actors: string[];
  /** Pair keys `i * n + j` (i < j, indexes into `actors`), ascending, each once. */
  readonly keys: Float64Array;
  /** Shared projects and events of the pair at the same position in `keys`. */
  readonly weights: Int32Array;
  private readonly itemsOf: Set<string>[];

  /**
   * Counted by sorting the pair keys of every shared item in a typed array (a Map update per pair
   * took 0.6 s for a real-scale hub's 4,400 neighbours and 300,000 pair increments).
   */
  constructor(
    participations: readonly Participation[],
    eventParticipations: readonly EventParticipation[],
    include: (actorId: string) => boolean,
    via: ReadonlySet<string> | null,
  ) {
    const itemsOfActor = new Map<string, Set<string>>();
    const add = (item: string, actor: string) => {
      if (!include(actor) || (via !== null && !via.has(item))) return;
      const items = itemsOfActor.get(actor);
      if (items) items.add(item);
      else itemsOfActor.set(actor, new Set([item]));
    };
    for (const p of participations) if (!NON_COOPERATING_ROLES.has(p.role)) add(p.projectId, p.actorId);
    for (const p of eventParticipations) add(p.eventId, p.actorId);
    this.actors = [...itemsOfActor.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.itemsOf = this.actors.map((a) => itemsOfActor.get(a) as Set<string>);
    const members = new Map<string, number[]>();
    this.itemsOf.forEach((items, i) => {
      for (const item of items) {
        const list = members.get(item);
        if (list) list.push(i);
        else members.set(item, [i]);
      }
    });
    const n = this.actors.length;
    let total = 0;
    for (const list of members.values()) total += (list.length * (list.length - 1)) / 2;
    const all = new Float64Array(total);
    let k = 0;
    // Member lists are ascending (actors are visited in index order), so x < y gives i < j.
    for (const list of members.values())
      for (let x = 0; x < list.length; x++) {
        const base = (list[x] as number) * n;
        for (let y = x + 1; y < list.length; y++) all[k++] = base + (list[y] as number);
      }
    all.sort();
    let unique = 0;
    for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) unique++;
    this.keys = new Float64Array(unique);
    this.weights = new Int32Array(unique);
    for (let i = 0, u = -1; i < total; i++) {
      if (i === 0 || all[i] !== all[i - 1]) this.keys[++u] = all[i] as number;
      this.weights[u] = (this.weights[u] as number) + 1;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The two actor indexes of a pair key (the first one's id sorts first). */
  indexes(key: number): [number, number] {
    const n = this.actors.length;
    const i = Math.floor(key / n);
    return [i, key - i * n];
  }

  /** The two actor ids of a pair key, sorted. */
  pair(key: number): [string, string] {
    const [i, j] = this.indexes(key);
    return [this.actors[i] as string, this.actors[j] as string];
  }

  /** The shared projects and events of the pair of a key, sorted. */
  viaOf(key: number): string[] {
    const [i, j] = this.indexes(key);
    return this.shared(this.itemsOf[i] as Set<string>, this.itemsOf[j] as Set<string>);
  }

  private shared(ia: Set<string>, ib: Set<string>): string[] {
    const [small, large] = ia.size <= ib.size ? [ia, ib] : [ib, ia];
    return [...small].filter((x) => large.has(x)).sort();
  }
}

export function assemble(sel: Selection): Network {
  const { regions } = sel;
  const nodes = new Map<string, NetworkNode>();
  const want = (t: NodeType) => sel.nodeTypes.has(t);
  const firstTarget = new Map<string, string>();
  for (const t of sel.targets) if (t.role === 'target' && !firstTarget.has(t.subjectId)) firstTarget.set(t.subjectId, t.regionId);

  const actorIds = new Set(sel.actors.map((a) => a.id));
  if (want('ACTOR')) for (const a of sel.actors) nodes.set(a.id, actorNode(a, regions));
  if (want('PROJECT')) for (const p of sel.projects) nodes.set(p.id, projectNode(p, regions, firstTarget.get(p.id)));
  if (want('EVENT')) for (const e of sel.events) nodes.set(e.id, eventNode(e, regions));
  if (want('REGION')) {
    let ids: Set<string>;
    if (sel.regionIds !== null) ids = new Set(sel.regionIds);
    else {
      ids = new Set<string>();
      const subjects = new Set([...sel.projects.map((p) => p.id), ...sel.events.map((e) => e.id)]);
      for (const a of sel.actors) if (a.regionId) ids.add(a.regionId);
      for (const e of sel.events) if (e.placeId) ids.add(e.placeId);
      for (const t of sel.targets) if (subjects.has(t.subjectId)) ids.add(t.regionId);
      for (const id of [...ids]) {
        for (const anc of regions.ancestors(id)) {
          if (sel.regionScope !== null && !sel.regionScope.has(anc.id)) break;
          ids.add(anc.id);
        }
      }
    }
    for (const id of ids) {
      const r = regions.get(id);
      if (!r) continue;
      nodes.set(r.id, {
        id: r.id,
        type: 'REGION',
        kind: r.kind,
        label: r.name,
        regionId: r.parentId,
        lat: r.lat,
        lon: r.lon,
        sectors: [],
        startYear: null,
        endYear: null,
      });
    }
  }

  // Every edge but the derived ones as objects (they are few); derived ties stay numeric for now.
  const edges: NetworkEdge[] = [];
  const NO_VIA = Object.freeze([]) as unknown as string[];
  const edge = (e: Omit<NetworkEdge, 'derived' | 'via' | 'weight'>) => {
    if (nodes.has(e.source) && nodes.has(e.target))
      edges.push({ id: e.id, source: e.source, target: e.target, kind: e.kind, role: e.role, weight: 1, derived: false, via: NO_VIA });
  };
  for (const p of sel.participations)
    edge({ id: `participation:${p.actorId}:${p.projectId}`, source: p.actorId, target: p.projectId, kind: 'participation', role: p.role });
  for (const p of sel.eventParticipations)
    edge({ id: `event_participation:${p.actorId}:${p.eventId}`, source: p.actorId, target: p.eventId, kind: 'event_participation', role: p.role });
  for (const c of sel.cooperations)
    edge({ id: `cooperation:${c.actorId}:${c.partnerId}:${c.kind}`, source: c.actorId, target: c.partnerId, kind: 'cooperation', role: c.kind });
  for (const a of sel.actors) if (a.regionId) edge({ id: `located_in:${a.id}:${a.regionId}`, source: a.id, target: a.regionId, kind: 'located_in', role: null });
  for (const e of sel.events) {
    if (e.placeId) edge({ id: `held_in:${e.id}:${e.placeId}`, source: e.id, target: e.placeId, kind: 'held_in', role: null });
    if (e.projectId) edge({ id: `belongs_to:${e.id}:${e.projectId}`, source: e.id, target: e.projectId, kind: 'belongs_to', role: null });
  }
  for (const t of sel.targets) edge({ id: `targets:${t.subjectId}:${t.regionId}`, source: t.subjectId, target: t.regionId, kind: 'targets', role: t.role });
  for (const p of sel.projects)
    if (p.predecessorId) edge({ id: `continues:${p.id}:${p.predecessorId}`, source: p.id, target: p.predecessorId, kind: 'continues', role: null });
  if (want('REGION')) {
    for (const n of nodes.values()) {
      if (n.type === 'REGION' && n.regionId) edge({ id: `part_of:${n.id}:${n.regionId}`, source: n.id, target: n.regionId, kind: 'part_of', role: null });
    }
  }
  const derived = sel.includeDerived && want('ACTOR') ? new DerivedTies(sel.participations, sel.eventParticipations, (id) => actorIds.has(id), sel.derivedVia) : null;

  // Over the limit: keep the best-connected nodes (ties broken by id), decided before derived edges are built.
  let keep: Set<string> | null = null;
  if (nodes.size > sel.limit) {
    const degree = new Map<string, number>();
    const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
    for (const e of edges) {
      bump(e.source);
      bump(e.target);
    }
    if (derived) {
      const count = new Array<number>(derived.actors.length).fill(0);
      for (const key of derived.keys) {
        const [i, j] = derived.indexes(key);
        count[i]! += 1;
        count[j]! += 1;
      }
      derived.actors.forEach((id, i) => degree.set(id, (degree.get(id) ?? 0) + (count[i] as number)));
    }
    const kept = [...nodes.keys()]
      .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1))
      .slice(0, sel.limit);
    keep = new Set(kept);
  }
  const kept = (id: string) => keep === null || keep.has(id);
  const outEdges = keep === null ? edges : edges.filter((e) => kept(e.source) && kept(e.target));
  let hiddenTies = 0;
  if (derived) {
    const keptIndex = derived.actors.map((id) => kept(id));
    // Positions in derived.keys of the pairs between kept actors, in (first id, second id) order.
    let chosen: number[] = [];
    for (let p = 0; p < derived.size; p++) {
      const [i, j] = derived.indexes(derived.keys[p] as number);
      if (keptIndex[i] && keptIndex[j]) chosen.push(p);
    }
    // Over the edge budget: the strongest derived ties stay, equal weights in pair order (so both
    // stores keep the same ones); direct, structural and participation edges always stay.
    const budget = Math.max(0, sel.edgeLimit - outEdges.length);
    if (chosen.length > budget) {
      hiddenTies = chosen.length - budget;
      const w = derived.weights;
      // A stable sort by weight keeps pair order among equals.
      chosen = chosen.sort((x, y) => (w[y] as number) - (w[x] as number) || x - y).slice(0, budget);
    }
    for (const p of chosen) {
      const key = derived.keys[p] as number;
      const [a, b] = derived.pair(key);
      const weight = derived.weights[p] as number;
      outEdges.push({ id: `derived:${a}:${b}`, source: a, target: b, kind: 'cooperation', role: null, weight, derived: true, via: derived.viaOf(key) });
    }
  }
  // In id order: the same network reads the same from either store, whatever order their rows came in.
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return {
    nodes: (keep === null ? [...nodes.values()] : [...nodes.values()].filter((n) => kept(n.id))).sort(byId),
    edges: outEdges.sort(byId),
    truncated: keep !== null,
    hiddenTies,
  };
}

