/** Region × region counts of cooperation ties at one level of the hierarchy. Pure. */
import type { Network, RegionPair } from './network.model.ts';
import type { RegionIndex } from './region-index.ts';

export function regionMatrix(net: Network, regions: RegionIndex, level: string): RegionPair[] {
  const regionOfActor = new Map<string, string>();
  for (const n of net.nodes) {
    if (n.type !== 'ACTOR' || n.regionId === null) continue;
    const r = regions.levelOf(n.regionId, level);
    if (r !== null) regionOfActor.set(n.id, r);
  }
  const ids = [...new Set(regionOfActor.values())].sort();
  const cells = new Map<string, { direct: Set<string>; derived: number; weight: number }>();
  const cell = (a: string, b: string) => {
    const key = a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let c = cells.get(key);
    if (!c) {
      c = { direct: new Set(), derived: 0, weight: 0 };
      cells.set(key, c);
    }
    return c;
  };
  for (const e of net.edges) {
    if (e.kind !== 'cooperation') continue;
    const ra = regionOfActor.get(e.source);
    const rb = regionOfActor.get(e.target);
    if (ra === undefined || rb === undefined) continue;
    const c = cell(ra, rb);
    if (e.derived) {
      c.derived += 1;
      c.weight += e.weight;
    } else {
      c.direct.add(e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`);
    }
  }
  const out: RegionPair[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const c = cells.get(`${a}\u0000${b}`);
      out.push({ a, b, directTies: c?.direct.size ?? 0, derivedTies: c?.derived ?? 0, derivedWeight: c?.weight ?? 0 });
    }
  }
  return out;
}
