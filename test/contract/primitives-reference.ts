import { expect } from 'vitest';
/**
 * The graph primitives (GraphPrimitives in server/store/graph-store.ts) computed the plain way from a
 * whole batch (what `store.exportBatch()` returns), written from the doc comments there and nothing
 * else: the property test (primitives.property.ts) holds every store's answers against these.
 * Slow on purpose (lists and sets, no indexes); fine for the small graphs of the property test.
 */
import { NON_COOPERATING_ROLES, type GraphBatch, type NodeType } from '../../server/domain/model.ts';
import type { RegionPair } from '../../server/network/network.model.ts';
import { overlaps, type YearWindow } from '../../server/network/years.ts';
import type { ActorTie, Ids, ReachedNode, RegionTieCounts, TieFilter } from '../../server/store/graph-store.ts';

/** Code unit order (what "sorted" means in the doc comments). */
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export interface PrimitivesReference {
  neighbourhood(id: string, depth: number, limit: number): { nodes: ReachedNode[]; truncated: boolean; reach: string[] };
  actorNeighbours(ids: Ids): Map<string, string[]>;
  ties(filter: TieFilter): ActorTie[];
  regionTies(level: string, filter: TieFilter): RegionTieCounts;
}

export function primitivesReference(batch: GraphBatch): PrimitivesReference {
  const cooperating = (role: string) => !NON_COOPERATING_ROLES.has(role);

  // Cooperating members of each item (projects: roles other than funder; events: everyone).
  const projectMembers = new Map<string, Set<string>>(batch.projects.map((p) => [p.id, new Set<string>()]));
  for (const p of batch.participations) if (cooperating(p.role)) projectMembers.get(p.projectId)?.add(p.actorId);
  const eventMembers = new Map<string, Set<string>>(batch.events.map((e) => [e.id, new Set<string>()]));
  for (const p of batch.eventParticipations) eventMembers.get(p.eventId)?.add(p.actorId);

  // The logical graph: every stored relationship, undirected, plus derived actor–actor ties.
  const type = new Map<string, NodeType>();
  for (const a of batch.actors) type.set(a.id, 'ACTOR');
  for (const p of batch.projects) type.set(p.id, 'PROJECT');
  for (const e of batch.events) type.set(e.id, 'EVENT');
  for (const r of batch.regions) type.set(r.id, 'REGION');
  const adj = new Map<string, Set<string>>([...type.keys()].map((id) => [id, new Set<string>()]));
  const edge = (x: string | null, y: string | null) => {
    if (x === null || y === null || x === y) return;
    adj.get(x)?.add(y);
    adj.get(y)?.add(x);
  };
  const actorAdj = new Map<string, Set<string>>(batch.actors.map((a) => [a.id, new Set<string>()]));
  const actorEdge = (x: string, y: string) => {
    if (x === y) return;
    actorAdj.get(x)?.add(y);
    actorAdj.get(y)?.add(x);
    edge(x, y);
  };
  for (const p of batch.participations) edge(p.actorId, p.projectId);
  for (const p of batch.eventParticipations) edge(p.actorId, p.eventId);
  for (const c of batch.cooperations) actorEdge(c.actorId, c.partnerId);
  for (const a of batch.actors) edge(a.id, a.regionId);
  for (const e of batch.events) {
    edge(e.id, e.placeId);
    edge(e.id, e.projectId);
  }
  for (const t of batch.targets) edge(t.subjectId, t.regionId);
  for (const r of batch.regions) edge(r.id, r.parentId);
  for (const p of batch.projects) edge(p.id, p.predecessorId);
  for (const members of [...projectMembers.values(), ...eventMembers.values()]) {
    for (const x of members) for (const y of members) actorEdge(x, y);
  }

  const regionById = new Map(batch.regions.map((r) => [r.id, r]));
  /** The region itself when of kind `level`, else its nearest ancestor of that kind, else null. */
  const levelOf = (regionId: string | null, level: string): string | null => {
    const seen = new Set<string>();
    let cur = regionId === null ? undefined : regionById.get(regionId);
    while (cur && !seen.has(cur.id)) {
      if (cur.kind === level) return cur.id;
      seen.add(cur.id);
      cur = cur.parentId === null ? undefined : regionById.get(cur.parentId);
    }
    return null;
  };

  /** What counts under a filter: the rules of TieFilter's doc comment, one by one. */
  function selection(f: TieFilter) {
    const w: YearWindow = { from: f.fromYear, to: f.toYear };
    const open = f.fromYear === null && f.toYear === null;
    const chosen = f.projectIds === null ? null : new Set(f.projectIds);
    const inBase = (a: GraphBatch['actors'][number]) =>
      (f.regionIds === null || (a.regionId !== null && f.regionIds.includes(a.regionId))) &&
      (f.actorKinds === null || f.actorKinds.includes(a.kind)) &&
      (f.sectors === null || a.sectors.some((s) => f.sectors?.includes(s))) &&
      (chosen === null || batch.participations.some((p) => p.actorId === a.id && chosen.has(p.projectId)));
    const base = new Set(batch.actors.filter(inBase).map((a) => a.id));
    const countingProjects = new Set(
      batch.projects.filter((p) => overlaps(w, p.start, p.end) && (chosen === null || chosen.has(p.id))).map((p) => p.id),
    );
    const countingEvents = new Set(
      batch.events
        .filter((e) => overlaps(w, e.date, e.endDate ?? e.date) && (chosen === null || (e.projectId !== null && chosen.has(e.projectId))))
        .map((e) => e.id),
    );
    // "Both ends take part": in a closed window a counting cooperation is itself what makes its ends take part.
    const countingCoops = f.includeDirect
      ? batch.cooperations.filter((c) => base.has(c.actorId) && base.has(c.partnerId) && overlaps(w, c.since, c.until))
      : [];
    const active = new Set<string>();
    for (const p of batch.participations) if (countingProjects.has(p.projectId)) active.add(p.actorId);
    for (const p of batch.eventParticipations) if (countingEvents.has(p.eventId)) active.add(p.actorId);
    for (const c of countingCoops) active.add(c.actorId).add(c.partnerId);
    const takesPart = new Set([...base].filter((id) => open || active.has(id)));
    return { takesPart, countingProjects, countingEvents, countingCoops };
  }

  function ties(f: TieFilter): ActorTie[] {
    const { takesPart, countingProjects, countingEvents, countingCoops } = selection(f);
    const out = new Map<string, ActorTie>();
    const tie = (x: string, y: string): ActorTie => {
      const [a, b] = x < y ? [x, y] : [y, x];
      const key = `${a}\u0000${b}`;
      let t = out.get(key);
      if (!t) out.set(key, (t = { a, b, direct: 0, shared: 0, newman: 0 }));
      return t;
    };
    for (const c of countingCoops) if (takesPart.has(c.actorId) && takesPart.has(c.partnerId)) tie(c.actorId, c.partnerId).direct++;
    if (f.includeDerived) {
      const items = [
        ...[...projectMembers].filter(([id]) => countingProjects.has(id)),
        ...[...eventMembers].filter(([id]) => countingEvents.has(id)),
      ];
      for (const [, members] of items) {
        const n = members.size;
        const list = [...members].filter((id) => takesPart.has(id));
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const t = tie(list[i] as string, list[j] as string);
            t.shared++;
            t.newman += 1 / (n - 1);
          }
        }
      }
    }
    return [...out.values()].sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b));
  }

  return {
    neighbourhood(id, depth, limit) {
      if (!type.has(id)) return { nodes: [], truncated: false, reach: [] };
      const dist = new Map<string, number>([[id, 0]]);
      let frontier = [id];
      for (let d = 1; d <= depth; d++) {
        const next: string[] = [];
        for (const x of frontier) {
          for (const y of adj.get(x) ?? []) {
            if (dist.has(y)) continue;
            dist.set(y, d);
            next.push(y);
          }
        }
        frontier = next;
      }
      const all = [...dist]
        .map(([n, d]) => ({ id: n, type: type.get(n) as NodeType, depth: d }))
        .sort((x, y) => x.depth - y.depth || cmp(x.id, y.id));
      return { nodes: all.slice(0, limit), truncated: all.length > limit, reach: all.map((n) => n.id) };
    },

    actorNeighbours(ids) {
      return new Map(ids.map((id) => [id, [...(actorAdj.get(id) ?? [])].sort(cmp)]));
    },

    ties,

    regionTies(level, f) {
      const actorById = new Map(batch.actors.map((a) => [a.id, a]));
      const levelOfActor = (id: string) => levelOf(actorById.get(id)?.regionId ?? null, level);
      const regionIds = new Set<string>();
      for (const id of selection(f).takesPart) {
        const r = levelOfActor(id);
        if (r !== null) regionIds.add(r);
      }
      const cells = new Map<string, RegionPair>();
      for (const t of ties(f)) {
        const x = levelOfActor(t.a);
        const y = levelOfActor(t.b);
        if (x === null || y === null) continue;
        const [a, b] = x <= y ? [x, y] : [y, x];
        const key = `${a}\u0000${b}`;
        let c = cells.get(key);
        if (!c) cells.set(key, (c = { a, b, directTies: 0, derivedTies: 0, derivedWeight: 0, derivedNewman: 0 }));
        if (t.direct > 0) c.directTies++;
        if (t.shared > 0) {
          c.derivedTies++;
          c.derivedWeight += t.shared;
          c.derivedNewman += t.newman;
        }
      }
      return {
        regionIds: [...regionIds].sort(cmp),
        pairs: [...cells.values()].filter((c) => c.directTies + c.derivedTies > 0).sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b)),
      };
    },
  };
}

/** Region tie counts alike; Newman sums (floating point, summed in each store's order) to 1e-12. */
export function expectSameRegionTies(actual: RegionTieCounts, expected: RegionTieCounts, what: string): void {
  const strip = (c: RegionTieCounts) => ({ regionIds: c.regionIds, pairs: c.pairs.map(({ derivedNewman: _n, ...rest }) => rest) });
  expect(strip(actual), what).toEqual(strip(expected));
  actual.pairs.forEach((p, i) => {
    const e = (expected.pairs[i] as RegionPair).derivedNewman;
    if (Math.abs(p.derivedNewman - e) > 1e-12) expect(p.derivedNewman, `${what}: Newman weight of ${p.a}–${p.b}`).toBe(e);
  });
}
