/**
 * What if these actors left? Which actors and regions lose their connection, how the number of
 * components and the ties between regions change.
 */
import { toCsr } from './csr.ts';
import type { AnalysisContext } from './context.ts';
import { components } from './structure.ts';

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

function side(ctx: AnalysisContext, level: string, gone: ReadonlySet<string>) {
  const g = ctx.graph;
  const sub = gone.size === 0 ? g : g.copy();
  if (gone.size > 0) for (const id of gone) sub.dropNode(id);
  const csr = toCsr(sub);
  const comps = components(csr);
  const componentOf = new Map(csr.ids.map((id, i) => [id, comps.of[i] as number]));
  let interRegionalTies = 0;
  sub.forEachEdge((_e, _a, s, t) => {
    const a = ctx.regionAt(s, level);
    const b = ctx.regionAt(t, level);
    if (a !== null && b !== null && a !== b) interRegionalTies++;
  });
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
