/**
 * Revealing a slide step by step, as pure functions of its network:
 *
 * - by region: the actors grouped by region (planning region where there is one, else district,
 *   else state; finer when that gives a single group), each step the group that brings the most
 *   (its actors with their projects and events not shown yet; of two alike, the one with more ties
 *   to what is shown); beyond MAX_STEPS the lightest go last together. Projects and events come with their first
 *   actor, events also with their project; ties appear when both ends are shown.
 * - by year: the slide's network as of each year of the data's year range up to the slide's own
 *   year (at most MAX_STEPS steps), the last step the slide itself. What exists by a year is the
 *   server's answer for that year (projects and events begun, ties since); an actor appears with
 *   its first tie.
 */
import type { Network, RegionSummary } from '../api/types.ts';
import type { Element } from '../graph/toElements.ts';

export const MAX_STEPS = 10;

export interface RegionStep {
  /** The region (group) this step adds; null: actors without a region, or the rest. */
  regionId: string | null;
  /** Nodes shown from this step on: everything up to and including this step. */
  visible: ReadonlySet<string>;
  /** How many nodes this step adds. */
  added: number;
}

/** Region kinds that make a group, coarse to fine: the first preference that splits the network in two or more groups wins. */
const PREFERENCES: readonly (readonly string[])[] = [
  ['planning_region', 'district', 'state'],
  ['district', 'state'],
  ['city', 'municipality', 'district', 'state'],
];

/** The region itself or its ancestor of the first kind in `kinds` found on its chain; null when none is. */
export function groupOf(regionId: string | null, regions: ReadonlyMap<string, RegionSummary>, kinds: readonly string[]): string | null {
  if (!regionId) return null;
  const chain: RegionSummary[] = [];
  let id: string | null = regionId;
  while (id && !chain.some((r) => r.id === id)) {
    const r = regions.get(id);
    if (!r) break;
    chain.push(r);
    id = r.parentId;
  }
  for (const kind of kinds) {
    const hit = chain.find((r) => r.kind === kind);
    if (hit) return hit.id;
  }
  return chain.length ? (chain[chain.length - 1] as RegionSummary).id : regionId;
}

/** Reveal steps by region; an empty list for an empty network. */
export function regionSteps(net: Network, regions: ReadonlyMap<string, RegionSummary>): RegionStep[] {
  const grouped = net.nodes.filter((n) => n.type === 'ACTOR' || n.type === 'REGION');
  if (net.nodes.length === 0) return [];
  const regionOfNode = (n: Network['nodes'][number]) => (n.type === 'REGION' ? n.id : n.regionId);
  // 1. Groups by the first preference that splits the network.
  let groups = new Map<string | null, string[]>();
  for (const kinds of PREFERENCES) {
    groups = new Map();
    for (const n of grouped) {
      const g = groupOf(regionOfNode(n), regions, kinds);
      const list = groups.get(g);
      if (list) list.push(n.id);
      else groups.set(g, [n.id]);
    }
    if ([...groups.keys()].filter((k) => k !== null).length >= 2) break;
  }
  // 2. Order: each time the group that brings the most, then the most ties to what is shown, then by name.
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a);
    if (set) set.add(b);
    else neighbours.set(a, new Set([b]));
  };
  for (const e of net.edges) {
    if (e.source === e.target) continue;
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const nameOf = (g: string | null) => (g === null ? '\uffff' : (regions.get(g)?.name ?? g));
  const pending = [...groups.entries()].map(([key, ids]) => ({ key, ids }));
  const typeOf = new Map(net.nodes.map((n) => [n.id, n.type]));
  const order: { key: string | null; ids: string[] }[] = [];
  const shown = new Set<string>();
  // Projects and events count as shown once one of their actors is, so ties through a shared project count.
  const within = (id: string) => shown.has(id);
  const reach = (ids: readonly string[]) => {
    let n = 0;
    for (const id of ids) for (const m of neighbours.get(id) ?? []) if (within(m)) n++;
    return n;
  };
  // A group's weight: its actors and the projects and events they bring in that are not shown yet.
  const weight = (ids: readonly string[]) => {
    const brought = new Set<string>();
    for (const id of ids) for (const m of neighbours.get(id) ?? []) if ((typeOf.get(m) === 'PROJECT' || typeOf.get(m) === 'EVENT') && !shown.has(m)) brought.add(m);
    return ids.length + brought.size;
  };
  // At most MAX_STEPS steps: the lightest groups go together into the last one.
  if (pending.length > MAX_STEPS) {
    pending.sort((a, b) => Number(a.key === null) - Number(b.key === null) || weight(b.ids) - weight(a.ids) || nameOf(a.key).localeCompare(nameOf(b.key), 'de'));
    const rest = pending.splice(MAX_STEPS - 1);
    pending.push({ key: null, ids: rest.flatMap((g) => g.ids) });
  }
  while (pending.length) {
    pending.sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) || weight(b.ids) - weight(a.ids) || reach(b.ids) - reach(a.ids) || nameOf(a.key).localeCompare(nameOf(b.key), 'de'),
    );
    const next = pending.shift() as { key: string | null; ids: string[] };
    order.push(next);
    for (const id of next.ids) {
      shown.add(id);
      for (const m of neighbours.get(id) ?? []) if (typeOf.get(m) === 'PROJECT' || typeOf.get(m) === 'EVENT') shown.add(m);
    }
  }
  // 3. Cumulative visible sets; projects and events with their first actor, events also with their project.
  const steps: RegionStep[] = [];
  const visible = new Set<string>();
  const attach = () => {
    let added = 0;
    for (const n of net.nodes) {
      if (visible.has(n.id) || (n.type !== 'PROJECT' && n.type !== 'EVENT')) continue;
      const near = [...(neighbours.get(n.id) ?? [])];
      if (near.some((m) => visible.has(m) && typeOf.get(m) === 'ACTOR')) {
        visible.add(n.id);
        added++;
      }
    }
    for (const n of net.nodes) {
      if (visible.has(n.id) || n.type !== 'EVENT') continue;
      if ([...(neighbours.get(n.id) ?? [])].some((m) => visible.has(m) && typeOf.get(m) === 'PROJECT')) {
        visible.add(n.id);
        added++;
      }
    }
    return added;
  };
  for (const g of order) {
    const before = visible.size;
    for (const id of g.ids) visible.add(id);
    attach();
    steps.push({ regionId: g.key, visible: new Set(visible), added: visible.size - before });
  }
  // What no actor brings in (a project without participants, say) comes with the last step.
  const last = steps[steps.length - 1];
  const rest = net.nodes.filter((n) => !visible.has(n.id));
  if (rest.length) {
    const all = new Set([...(last?.visible ?? []), ...rest.map((n) => n.id)]);
    if (last) steps[steps.length - 1] = { ...last, visible: all, added: last.added + rest.length };
    else steps.push({ regionId: null, visible: all, added: rest.length });
  }
  return steps;
}

/**
 * The years a slide grows through: the data's years up to the slide's own year (at most MAX_STEPS,
 * evenly spread, the first and last kept), then the slide itself (its own year, null = all years).
 */
export function yearSteps(minYear: number | null, maxYear: number | null, slideYear: number | null, max = MAX_STEPS): (number | null)[] {
  if (minYear === null || maxYear === null || minYear > maxYear) return [slideYear];
  const end = slideYear === null ? maxYear : Math.min(maxYear, slideYear);
  if (end < minYear) return [slideYear];
  const years: number[] = [];
  for (let y = minYear; y <= end; y++) years.push(y);
  // The slide itself is the last step; its year is not repeated before it.
  if (slideYear !== null && years[years.length - 1] === slideYear) years.pop();
  const room = Math.max(1, max - 1);
  let chosen = years;
  if (years.length > room) {
    chosen = [];
    for (let i = 0; i < room; i++) chosen.push(years[Math.round((i * (years.length - 1)) / Math.max(1, room - 1))] as number);
    chosen = [...new Set(chosen)];
  }
  return [...chosen, slideYear];
}

export interface Visible {
  nodes: ReadonlySet<string>;
  /** Ties that exist by then (null: every tie between shown nodes). */
  edges: ReadonlySet<string> | null;
}

/**
 * What of the slide's network shows as of a year: its nodes the year's network has; its ties the
 * year's network has between them; an actor only with one of those ties (unless it has none at all
 * on the slide).
 */
export function yearVisible(slide: Network, year: Network): Visible {
  const there = new Set(year.nodes.map((n) => n.id));
  const tieIds = new Set(year.edges.map((e) => e.id));
  const candidates = new Set(slide.nodes.filter((n) => there.has(n.id)).map((n) => n.id));
  const edges = new Set(slide.edges.filter((e) => tieIds.has(e.id) && candidates.has(e.source) && candidates.has(e.target)).map((e) => e.id));
  const tied = new Set<string>();
  const anyTie = new Set<string>();
  for (const e of slide.edges) {
    anyTie.add(e.source);
    anyTie.add(e.target);
    if (edges.has(e.id)) {
      tied.add(e.source);
      tied.add(e.target);
    }
  }
  const nodes = new Set(slide.nodes.filter((n) => candidates.has(n.id) && (n.type !== 'ACTOR' || tied.has(n.id) || !anyTie.has(n.id))).map((n) => n.id));
  return { nodes, edges: new Set(slide.edges.filter((e) => edges.has(e.id) && nodes.has(e.source) && nodes.has(e.target)).map((e) => e.id)) };
}

export interface YearStep {
  /** The year the step shows the network as of (null: all years, the slide itself). */
  year: number | null;
  /** What it shows (null: the whole slide). */
  visible: Visible | null;
}

/** Node and tie ids a step shows, ties only between shown nodes (null: the whole slide). */
function shownOf(slide: Network, v: Visible | null): { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } {
  const nodes = v ? v.nodes : new Set(slide.nodes.map((n) => n.id));
  const ties = v?.edges ?? null;
  return { nodes, edges: new Set(slide.edges.filter((e) => nodes.has(e.source) && nodes.has(e.target) && (!ties || ties.has(e.id))).map((e) => e.id)) };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * The steps of a reveal by year (`plan`: yearSteps) that each show something new: a year that
 * shows the same as the step before it (the first: nothing) is left out; the last step (the slide
 * itself) stays and takes the place of a step before it that already showed as much. Null while a
 * year's network (`nets`) is missing.
 */
export function yearReveal(slide: Network, plan: readonly (number | null)[], nets: ReadonlyMap<number, Network>): YearStep[] | null {
  const all: YearStep[] = [];
  for (const year of plan) {
    if (year === null) {
      all.push({ year, visible: null });
      continue;
    }
    const net = nets.get(year);
    if (!net) return null;
    all.push({ year, visible: yearVisible(slide, net) });
  }
  const steps: { step: YearStep; shown: ReturnType<typeof shownOf> }[] = [];
  let before: ReturnType<typeof shownOf> = { nodes: new Set(), edges: new Set() };
  all.forEach((step, i) => {
    const shown = shownOf(slide, step.visible);
    const same = sameSet(shown.nodes, before.nodes) && sameSet(shown.edges, before.edges);
    if (i === all.length - 1) {
      if (same && steps.length) steps.pop();
      steps.push({ step, shown });
    } else if (!same) {
      steps.push({ step, shown });
      before = shown;
    }
  });
  return steps.map((s) => s.step);
}

/**
 * The elements of a reveal step: nodes in `visible` (with their region groups around them and the
 * background landmarks), ties whose both ends are shown (and, when given, that exist by then). Null: everything.
 */
export function revealElements(elements: readonly Element[], visible: ReadonlySet<string> | Visible | null): Element[] {
  if (!visible) return [...elements];
  const ties = visible instanceof Set ? null : (visible as Visible).edges;
  const shown = visible instanceof Set ? visible : (visible as Visible).nodes;
  const parentOf = new Map<string, string | undefined>();
  for (const el of elements) if (el.group === 'nodes') parentOf.set(el.data.id, el.data.parent);
  const keep = new Set<string>();
  for (const el of elements) {
    if (el.group !== 'nodes') continue;
    if (el.classes.includes('landmark')) keep.add(el.data.id);
    else if (!el.classes.includes('group') && shown.has(el.data.id)) {
      // The node and the groups around it.
      let id: string | undefined = el.data.id;
      while (id && !keep.has(id)) {
        keep.add(id);
        id = parentOf.get(id);
      }
    }
  }
  return elements.filter((el) => (el.group === 'nodes' ? keep.has(el.data.id) : keep.has(el.data.source) && keep.has(el.data.target) && (!ties || ties.has(el.data.id))));
}
