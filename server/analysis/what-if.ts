/**
 * What if these actors left? Which actors and regions lose their connection, how the number of
 * components and the ties between regions change.
 */
import { toCsr, type Csr } from './csr.ts';
import type { AnalysisContext } from './context.ts';

export interface WhatIfSide {
  components: number;
  /** Actors in the largest component. */
  largestComponent: number;
  /** Ties between actors of different regions (at the level). */
  interRegionalTies: number;
  /** Pairs of regions that some chain of ties links. */
  connectedRegionPairs: number;
}

export interface WhatIf {
  removed: string[];
  /** Ids given that are no actor of the network. */
  unknown: string[];
  before: WhatIfSide;
  after: WhatIfSide;
  /** Actors cut off from the bigger part of their former component. */
  disconnectedActors: { id: string; label: string; regionId: string | null }[];
  /** Region pairs that were linked by some chain of ties and are not any more. */
  lostRegionPairs: { a: string; b: string; aName: string; bName: string }[];
  /** Regions that were linked to another region and are linked to none now. */
  isolatedRegions: { id: string; name: string }[];
}

export function whatIf(ctx: AnalysisContext, remove: readonly string[], level: string): WhatIf {
  const g = ctx.graph;
  const removed = [...new Set(remove)].filter((id) => g.hasNode(id));
  const unknown = [...new Set(remove)].filter((id) => !g.hasNode(id));
  const gone = new Set(removed);
  const before = side(ctx, level, new Set());
  const after = side(ctx, level, gone);

  // Per former component: the biggest remaining piece stays, the rest is cut off.
  const pieces = new Map<number, Map<number, string[]>>();
  for (const [id, c] of before.componentOf) {
    if (gone.has(id)) continue;
    const now = after.componentOf.get(id) as number;
    let byNew = pieces.get(c);
    if (!byNew) pieces.set(c, (byNew = new Map()));
    const list = byNew.get(now);
    if (list) list.push(id);
    else byNew.set(now, [id]);
  }
  const disconnectedActors: string[] = [];
  for (const byNew of pieces.values()) {
    if (byNew.size < 2) continue;
    const sorted = [...byNew.values()].sort((a, b) => b.length - a.length);
    for (const piece of sorted.slice(1)) disconnectedActors.push(...piece);
  }
  const lostRegionPairs = [...before.regionPairs].filter((p) => !after.regionPairs.has(p)).map((p) => {
    const [a, b] = p.split('\u0000') as [string, string];
    return { a, b, aName: ctx.info(a).name, bName: ctx.info(b).name };
  });
  const linked = (pairs: Set<string>) => new Set([...pairs].flatMap((p) => p.split('\u0000')));
  const linkedAfter = linked(after.regionPairs);
  const isolatedRegions = [...linked(before.regionPairs)].filter((r) => !linkedAfter.has(r)).sort();
  return {
    removed,
    unknown,
    before: before.summary,
    after: after.summary,
    disconnectedActors: disconnectedActors
      .map((id) => ({ id, label: ctx.label(id), regionId: ctx.regionAt(id, level) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'de')),
    lostRegionPairs,
    isolatedRegions: isolatedRegions.map((id) => ({ id, name: ctx.info(id).name })),
  };
}

/** The adjacency of a context's graph, built once (a what-if used to copy the whole graph: ~2 s at 665,000 ties). */
const adjacency = new WeakMap<AnalysisContext['graph'], Csr>();

function side(ctx: AnalysisContext, level: string, gone: ReadonlySet<string>) {
  const g = ctx.graph;
  let csr = adjacency.get(g);
  if (!csr) adjacency.set(g, (csr = toCsr(g)));
  const n = csr.ids.length;
  const removed = new Uint8Array(n);
  for (const id of gone) {
    const i = csr.index.get(id);
    if (i !== undefined) removed[i] = 1;
  }
  // Components of the remaining actors (breadth-first, skipping the removed ones).
  const of = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (removed[s] === 1 || of[s] !== -1) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    of[s] = c;
    while (head < tail) {
      const v = queue[head++] as number;
      for (let p = csr.offsets[v] as number, end = csr.offsets[v + 1] as number; p < end; p++) {
        const w = csr.targets[p] as number;
        if (removed[w] === 0 && of[w] === -1) {
          of[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  const componentOf = new Map<string, number>();
  for (let i = 0; i < n; i++) if (removed[i] === 0) componentOf.set(csr.ids[i] as string, of[i] as number);
  const regionOf = csr.ids.map((id) => ctx.regionAt(id, level));
  let interRegionalTies = 0;
  for (let v = 0; v < n; v++) {
    if (removed[v] === 1) continue;
    const a = regionOf[v];
    if (a === null || a === undefined) continue;
    for (let p = csr.offsets[v] as number, end = csr.offsets[v + 1] as number; p < end; p++) {
      const w = csr.targets[p] as number;
      if (w <= v || removed[w] === 1) continue;
      const b = regionOf[w];
      if (b !== null && b !== undefined && a !== b) interRegionalTies++;
    }
  }
  const comps = { sizes: [...sizes].sort((x, y) => y - x) };
  // Regions per component → linked region pairs.
  const regionsOfComponent = new Map<number, Set<string>>();
  for (const [id, c] of componentOf) {
    const r = ctx.regionAt(id, level);
    if (r === null) continue;
    let set = regionsOfComponent.get(c);
    if (!set) regionsOfComponent.set(c, (set = new Set()));
    set.add(r);
  }
  const regionPairs = new Set<string>();
  for (const set of regionsOfComponent.values()) {
    const list = [...set].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) regionPairs.add(`${list[i]}\u0000${list[j]}`);
  }
  const summary: WhatIfSide = {
    components: comps.sizes.length,
    largestComponent: comps.sizes[0] ?? 0,
    interRegionalTies,
    connectedRegionPairs: regionPairs.size,
  };
  return { summary, componentOf, regionPairs };
}
