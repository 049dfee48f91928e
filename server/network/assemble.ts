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

/** Actor pairs sharing projects/events → derived ties (ids sorted: a < b). */
export function derivedTies(
  participations: readonly Participation[],
  eventParticipations: readonly EventParticipation[],
  include: (actorId: string) => boolean,
  via: ReadonlySet<string> | null,
): Map<string, { a: string; b: string; via: string[] }> {
  const members = new Map<string, string[]>();
  const add = (item: string, actor: string) => {
    if (!include(actor) || (via !== null && !via.has(item))) return;
    const list = members.get(item);
    if (list) list.push(actor);
    else members.set(item, [actor]);
  };
  for (const p of participations) if (!NON_COOPERATING_ROLES.has(p.role)) add(p.projectId, p.actorId);
  for (const p of eventParticipations) add(p.eventId, p.actorId);
  const ties = new Map<string, { a: string; b: string; via: string[] }>();
  for (const [item, list] of members) {
    const actors = [...new Set(list)].sort();
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        const a = actors[i] as string;
        const b = actors[j] as string;
        const key = `${a}\u0000${b}`;
        const t = ties.get(key);
        if (t) t.via.push(item);
        else ties.set(key, { a, b, via: [item] });
      }
    }
  }
  return ties;
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

  const edges: NetworkEdge[] = [];
  const edge = (e: Omit<NetworkEdge, 'derived' | 'via' | 'weight'> & Partial<NetworkEdge>) => {
    if (nodes.has(e.source) && nodes.has(e.target)) edges.push({ weight: 1, derived: false, via: [], ...e });
  };
  for (const p of sel.participations)
    edge({ id: `participation:${p.actorId}:${p.projectId}`, source: p.actorId, target: p.projectId, kind: 'participation', role: p.role });
  for (const p of sel.eventParticipations)
    edge({ id: `event_participation:${p.actorId}:${p.eventId}`, source: p.actorId, target: p.eventId, kind: 'event_participation', role: p.role });
  for (const c of sel.cooperations)
    edge({ id: `cooperation:${c.actorId}:${c.partnerId}:${c.kind}`, source: c.actorId, target: c.partnerId, kind: 'cooperation', role: c.kind });
  if (sel.includeDerived && want('ACTOR')) {
    for (const t of derivedTies(sel.participations, sel.eventParticipations, (id) => actorIds.has(id), sel.derivedVia).values()) {
      edge({ id: `derived:${t.a}:${t.b}`, source: t.a, target: t.b, kind: 'cooperation', role: null, weight: t.via.length, derived: true, via: t.via.sort() });
    }
  }
  for (const a of sel.actors) if (a.regionId) edge({ id: `located_in:${a.id}:${a.regionId}`, source: a.id, target: a.regionId, kind: 'located_in', role: null });
  for (const e of sel.events) {
    if (e.placeId) edge({ id: `held_in:${e.id}:${e.placeId}`, source: e.id, target: e.placeId, kind: 'held_in', role: null });
    if (e.projectId) edge({ id: `belongs_to:${e.id}:${e.projectId}`, source: e.id, target: e.projectId, kind: 'belongs_to', role: null });
  }
  for (const t of sel.targets)
    edge({ id: `targets:${t.subjectId}:${t.regionId}`, source: t.subjectId, target: t.regionId, kind: 'targets', role: t.role });
  for (const p of sel.projects)
    if (p.predecessorId) edge({ id: `continues:${p.id}:${p.predecessorId}`, source: p.id, target: p.predecessorId, kind: 'continues', role: null });
  if (want('REGION')) {
    for (const n of nodes.values()) {
      if (n.type === 'REGION' && n.regionId) edge({ id: `part_of:${n.id}:${n.regionId}`, source: n.id, target: n.regionId, kind: 'part_of', role: null });
    }
  }

  return limitNetwork({ nodes: [...nodes.values()], edges, truncated: false }, sel.limit);
}

/** Keeps the `limit` best-connected nodes (ties broken by id) and the edges among them. */
export function limitNetwork(net: Network, limit: number): Network {
  if (net.nodes.length <= limit) return net;
  const degree = new Map<string, number>();
  for (const e of net.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const kept = [...net.nodes]
    .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
  const keep = new Set(kept.map((n) => n.id));
  return {
    nodes: net.nodes.filter((n) => keep.has(n.id)),
    edges: net.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    truncated: true,
  };
}
