/** Region × region counts of cooperation ties at one level of the hierarchy. Pure. */
import type { Actor, Cooperation } from '../domain/model.ts';
import type { RegionPair } from './network.model.ts';
import type { DerivedTies } from './assemble.ts';
import type { RegionIndex } from './region-index.ts';

export function regionMatrix(
  actors: readonly Actor[],
  cooperations: readonly Cooperation[],
  derived: DerivedTies | null,
  regions: RegionIndex,
  level: string,
): RegionPair[] {
  // Actor → index of its region at the level (looked up once per region, not per actor).
  const levelOfRegion = new Map<string, string | null>();
  const regionOfActor = new Map<string, number>();
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const a of actors) {
    if (a.regionId === null) continue;
    let r = levelOfRegion.get(a.regionId);
    if (r === undefined) {
      r = regions.levelOf(a.regionId, level);
      levelOfRegion.set(a.regionId, r);
    }
    if (r === null) continue;
    let i = indexOf.get(r);
    if (i === undefined) {
      i = ids.length;
      ids.push(r);
      indexOf.set(r, i);
    }
    regionOfActor.set(a.id, i);
  }
  const k = ids.length;
  const direct = new Map<number, Set<string>>();
  const derivedCount = new Map<number, number>();
  const derivedWeight = new Map<number, number>();
  const cell = (x: number, y: number) => (x <= y ? x * k + y : y * k + x);

  for (const c of cooperations) {
    const x = regionOfActor.get(c.actorId);
    const y = regionOfActor.get(c.partnerId);
    if (x === undefined || y === undefined) continue;
    const key = cell(x, y);
    const pair = c.actorId < c.partnerId ? `${c.actorId}\u0000${c.partnerId}` : `${c.partnerId}\u0000${c.actorId}`;
    const set = direct.get(key);
    if (set) set.add(pair);
    else direct.set(key, new Set([pair]));
  }
  if (derived) {
    const n = derived.actors.length;
    const regionOfIndex = derived.actors.map((id) => regionOfActor.get(id));
    for (const [key, weight] of derived.weights) {
      const x = regionOfIndex[Math.floor(key / n)];
      const y = regionOfIndex[key % n];
      if (x === undefined || y === undefined) continue;
      const c = cell(x, y);
      derivedCount.set(c, (derivedCount.get(c) ?? 0) + 1);
      derivedWeight.set(c, (derivedWeight.get(c) ?? 0) + weight);
    }
  }

  const order = ids.map((id, i) => [id, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: RegionPair[] = [];
  for (let p = 0; p < order.length; p++) {
    for (let q = p; q < order.length; q++) {
      const [a, x] = order[p] as readonly [string, number];
      const [b, y] = order[q] as readonly [string, number];
      const c = cell(x, y);
      out.push({ a, b, directTies: direct.get(c)?.size ?? 0, derivedTies: derivedCount.get(c) ?? 0, derivedWeight: derivedWeight.get(c) ?? 0 });
    }
  }
  return out;
}
