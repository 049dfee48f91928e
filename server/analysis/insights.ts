/**
 * Insight cards: short sentences (German and English) on what the analysis found — separate parts
 * of the network and who bridges inside each, white spots between regions, missing kinds of actor,
 * actors without ties, the strongest broker between regions.
 */
import type { AnalysisContext } from './context.ts';
import type { Coverage } from './coverage.ts';
import type { RegionGaps } from './gaps.ts';
import type { MetricsResult, NodeMetrics } from './metrics.ts';
import { whatIf } from './what-if.ts';
import { say, type Text } from './words.ts';

export type InsightKind = 'parts' | 'bridge' | 'hub' | 'white_spot' | 'few_ties' | 'no_actors' | 'missing' | 'unconnected' | 'isolates' | 'liaison';

export interface Insight {
  id: string;
  kind: InsightKind;
  text: Text;
  /** The actors the card is about (to highlight them). */
  nodeIds: string[];
  regionIds: string[];
}

export interface NetworkPart {
  component: number;
  /** The project most of its actors share, and/or the region holding most of them. */
  name: string;
  regionId: string | null;
  projectId: string | null;
  actors: string[];
  /** The actor whose removal cuts off the most of this part, or the top broker when none does. */
  broker: string | null;
  /** Actors cut off without the broker (0 when it is a hub but no articulation point). */
  brokerCutOff: number;
}

/** A part's region: the deepest region holding at least 60 % of its actors that have a seat. */
function partRegion(ctx: AnalysisContext, actors: readonly string[]): string | null {
  const count = new Map<string, number>();
  let seated = 0;
  for (const id of actors) {
    const own = ctx.graph.getNodeAttribute(id, 'regionId');
    if (own === null) continue;
    seated++;
    for (const r of [own, ...ctx.regions.ancestors(own).map((a) => a.id)]) count.set(r, (count.get(r) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestDepth = -1;
  for (const [r, c] of count) {
    if (c < 0.6 * seated) continue;
    const depth = ctx.regions.ancestors(r).length;
    if (depth > bestDepth || (depth === bestDepth && c > (count.get(best as string) ?? 0))) {
      best = r;
      bestDepth = depth;
    }
  }
  return best;
}

/** A part's project: the one the most of its actors take part in (at least two of them). */
function partProject(ctx: AnalysisContext, actors: readonly string[]): { id: string; share: number } | null {
  const count = new Map<string, number>();
  for (const id of actors) for (const p of ctx.projectsOf.get(id) ?? []) count.set(p, (count.get(p) ?? 0) + 1);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && best[1] >= 2 ? { id: best[0], share: best[1] / actors.length } : null;
}

/** The region a project's programme aims at: its outermost target region (ties: by name). */
function targetOf(ctx: AnalysisContext, projectId: string): string | null {
  const programme = ctx.programmes.find((p) => p.projectIds.includes(projectId));
  const targets = (programme?.targetRegionIds ?? []).filter((r) => ctx.regions.get(r));
  targets.sort((a, b) => ctx.regions.ancestors(a).length - ctx.regions.ancestors(b).length || ctx.info(a).name.localeCompare(ctx.info(b).name, 'de'));
  return targets[0] ?? null;
}

/** The network's parts (components with at least two actors), largest first, with their brokers. */
export function networkParts(ctx: AnalysisContext, metrics: MetricsResult, level: string, maxParts = 8): NetworkPart[] {
  const byComponent = new Map<number, NodeMetrics[]>();
  for (const n of metrics.nodes) {
    const list = byComponent.get(n.component);
    if (list) list.push(n);
    else byComponent.set(n.component, [n]);
  }
  const parts: NetworkPart[] = [];
  for (const [component, nodes] of [...byComponent.entries()].sort((a, b) => a[0] - b[0])) {
    if (nodes.length < 2 || parts.length >= maxParts) continue;
    const actors = nodes.map((n) => n.id);
    const regionId = partRegion(ctx, actors);
    const top = [...nodes].sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.id.localeCompare(b.id));
    const cut = top.find((n) => n.articulationPoint);
    const broker = cut ?? (top[0] && top[0].betweenness > 0 ? top[0] : null);
    const brokerCutOff = cut ? whatIf(ctx, [cut.id], level).disconnectedActors.length : 0;
    // Named by the region its main project aims at (the project most of its actors share), else by
    // the region most of its actors sit in, else by that project, else by its best-connected actor.
    const shared = partProject(ctx, actors);
    const projectId = shared?.id ?? null;
    const project = shared ? (ctx.projectLabel.get(shared.id) ?? shared.id) : null;
    const aim = shared ? targetOf(ctx, shared.id) : null;
    const home = aim ?? regionId;
    const name = (home !== null ? ctx.info(home).name : null) ?? project ?? ctx.label(top[0]?.id ?? (actors[0] as string));
    parts.push({ component, name, regionId: home, projectId, actors, broker: broker?.id ?? null, brokerCutOff });
  }
  return parts;
}

export function insights(ctx: AnalysisContext, level: string, metrics: MetricsResult, gaps: RegionGaps, cov: Coverage, parts: readonly NetworkPart[]): Insight[] {
  const out: Insight[] = [];
  if (parts.length > 1) {
    const names = parts.slice(0, 6).map((p) => say.partName(p.name, p.actors.length));
    out.push({
      id: 'parts',
      kind: 'parts',
      text: { de: say.parts(parts.length, names.map((t) => t.de)).de, en: say.parts(parts.length, names.map((t) => t.en)).en },
      nodeIds: [],
      regionIds: parts.flatMap((p) => (p.regionId ? [p.regionId] : [])),
    });
  }
  for (const p of parts) {
    if (p.broker === null) continue;
    const label = ctx.label(p.broker);
    out.push({
      id: `bridge:${p.broker}`,
      kind: p.brokerCutOff > 0 ? 'bridge' : 'hub',
      text: p.brokerCutOff > 0 ? say.bridge(p.name, label, p.brokerCutOff) : say.hub(p.name, label),
      nodeIds: [p.broker],
      regionIds: p.regionId ? [p.regionId] : [],
    });
  }
  for (const w of gaps.whiteSpots.slice(0, 3)) {
    const a = ctx.info(w.a).name;
    const b = ctx.info(w.b).name;
    out.push({
      id: `gap:${w.a}:${w.b}`,
      kind: w.observed === 0 ? 'white_spot' : 'few_ties',
      text: w.observed === 0 ? say.noTie(a, b, say.because(w.reasons.includes('neighbours'), w.programmes)) : say.fewTies(a, b, w.observed, w.expected),
      nodeIds: [],
      regionIds: [w.a, w.b],
    });
  }
  // Coverage matters where projects aim: regions they target.
  const targeted = ctx.targetedRegions(level);
  for (const row of cov.rows) {
    if (row.actors > 0 || !targeted.has(row.regionId)) continue;
    const programmes = ctx.programmes.filter((p) => p.targetRegionIds.some((r) => ctx.regionsAtLevel(r, level).includes(row.regionId))).map((p) => p.label);
    out.push({ id: `no_actors:${row.regionId}`, kind: 'no_actors', text: say.noActors(row.name, programmes, ctx.filtered), nodeIds: [], regionIds: [row.regionId] });
  }
  const missingBy = new Map<string, string[]>();
  for (const m of cov.missing) missingBy.set(m.regionId, [...(missingBy.get(m.regionId) ?? []), m.category]);
  const withActors = new Set(cov.rows.filter((r) => r.actors > 0 && targeted.has(r.regionId)).map((r) => r.regionId));
  const worst = [...missingBy.entries()].filter(([r]) => withActors.has(r)).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [regionId, categories] of worst.slice(0, 3)) {
    out.push({ id: `missing:${regionId}`, kind: 'missing', text: say.missing(ctx.info(regionId).name, categories), nodeIds: [], regionIds: [regionId] });
  }
  const unconnectedBy = new Map<string, string[]>();
  for (const m of cov.unconnected) unconnectedBy.set(m.regionId, [...(unconnectedBy.get(m.regionId) ?? []), m.category]);
  for (const [regionId, categories] of [...unconnectedBy.entries()].filter(([r]) => targeted.has(r)).slice(0, 2)) {
    out.push({ id: `unconnected:${regionId}`, kind: 'unconnected', text: say.unconnected(ctx.info(regionId).name, categories), nodeIds: [], regionIds: [regionId] });
  }
  const isolates = metrics.nodes.filter((n) => n.degree === 0).map((n) => n.id);
  if (isolates.length > 0) {
    const examples = isolates.slice(0, 3).map((id) => ctx.label(id));
    out.push({ id: 'isolates', kind: 'isolates', text: say.isolates(isolates.length, examples), nodeIds: isolates, regionIds: [] });
  }
  const liaison = [...metrics.nodes].sort((a, b) => b.brokerage.liaison - a.brokerage.liaison || a.id.localeCompare(b.id))[0];
  if (liaison && liaison.brokerage.liaison > 0) {
    out.push({ id: `liaison:${liaison.id}`, kind: 'liaison', text: say.liaison(ctx.label(liaison.id), liaison.brokerage.liaison), nodeIds: [liaison.id], regionIds: [] });
  }
  return out;
}
