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
  readonly actors: string[];
  /** key → number of shared projects and events */
  readonly weights = new Map<number, number>();
  /** key → the first shared item (enough for the many pairs of weight 1) */
  private readonly firstItem = new Map<number, string>();
  private readonly index = new Map<string, number>();
  private readonly itemsOf: Set<string>[] = [];

  constructor(
    participations: readonly Participation[],
    eventParticipations: readonly EventParticipation[],
    include: (actorId: string) => boolean,
    via: ReadonlySet<string> | null,
  ) {
    const members = new Map<string, number[]>();
    this.actors = [];
    const add = (item: string, actor: string) => {
      if (!include(actor) || (via !== null && !via.has(item))) return;
      let i = this.index.get(actor);
      if (i === undefined) {
        i = this.actors.length;
        this.actors.push(actor);
        this.index.set(actor, i);
        this.itemsOf.push(new Set());
      }
      const items = this.itemsOf[i] as Set<string>;
      if (items.has(item)) return;
      items.add(item);
      const list = members.get(item);
      if (list) list.push(i);
      else members.set(item, [i]);
    };
    for (const p of participations) if (!NON_COOPERATING_ROLES.has(p.role)) add(p.projectId, p.actorId);
    for (const p of eventParticipations) add(p.eventId, p.actorId);
    const n = this.actors.length;
    for (const [item, list] of members) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const a = list[x] as number;
          const b = list[y] as number;
          const key = a < b ? a * n + b : b * n + a;
          const w = this.weights.get(key);
          if (w === undefined) {
            this.weights.set(key, 1);
            this.firstItem.set(key, item);
          } else this.weights.set(key, w + 1);
        }
      }
    }
  }

  /** The two actor indexes of a pair key. */
  indexes(key: number): [number, number] {
    const n = this.actors.length;
    return [Math.floor(key / n), key % n];
  }

  /** The shared projects and events of a pair, sorted. */
  viaOf(key: number, weight: number): string[] {
    if (weight === 1) return [this.firstItem.get(key) as string];
    const [i, j] = this.indexes(key);
    return this.via(this.actors[i] as string, this.actors[j] as string);
  }

  /** The two actor ids of a pair key, sorted. */
  pair(key: number): [string, string] {
    const n = this.actors.length;
    const a = this.actors[Math.floor(key / n)] as string;
    const b = this.actors[key % n] as string;
    return a < b ? [a, b] : [b, a];
  }

  /** The shared projects and events of two actors, sorted. */
  via(a: string, b: string): string[] {
    const ia = this.itemsOf[this.index.get(a) ?? -1];
    const ib = this.itemsOf[this.index.get(b) ?? -1];
    if (!ia || !ib) return [];
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
      const n = derived.actors.length;
      const count = new Array<number>(n).fill(0);
      for (const key of derived.weights.keys()) {
        count[Math.floor(key / n)]! += 1;
        count[key % n]! += 1;
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
  if (derived) {
    const n = derived.actors.length;
    const keptIndex = derived.actors.map((id) => kept(id));
    for (const [key, weight] of derived.weights) {
      const i = Math.floor(key / n);
      const j = key - i * n;
      if (!keptIndex[i] || !keptIndex[j]) continue;
      const [a, b] = derived.pair(key);
      outEdges.push({ id: `derived:${a}:${b}`, source: a, target: b, kind: 'cooperation', role: null, weight, derived: true, via: derived.viaOf(key, weight) });
    }
  }
  // In id order: the same network reads the same from either store, whatever order their rows came in.
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return {
    nodes: (keep === null ? [...nodes.values()] : [...nodes.values()].filter((n) => kept(n.id))).sort(byId),
    edges: outEdges.sort(byId),
    truncated: keep !== null,
  };
}
