/**
 * "Who should meet": pairs of actors not yet tied, ranked by common partners (Adamic–Adar),
 * complementary kinds (a company and a research institute, …) and bridging a white spot between
 * regions. Every suggestion says why, in words.
 *
 * Adamic–Adar runs per actor over its two-step neighbourhood with reused typed arrays and keeps
 * only the best pairs (a bounded heap), so a graph with hubs does not hold millions of pairs.
 */
import type { AnalysisContext } from './context.ts';
import { DEFAULT_PROFILE } from './coverage.ts';
import { toCsr } from './csr.ts';
import type { WhiteSpot } from './gaps.ts';
import { say, type Text } from './words.ts';

export type SuggestionReasonCode = 'common_partners' | 'complementary' | 'white_spot';

export interface Suggestion {
  a: string;
  b: string;
  aLabel: string;
  bLabel: string;
  score: number;
  commonPartners: number;
  adamicAdar: number;
  reasons: { code: SuggestionReasonCode; text: Text }[];
}

/** Category pairs that complement each other in a regional innovation network. */
const COMPLEMENTARY: ReadonlySet<string> = new Set(
  [
    ['companies', 'research'],
    ['companies', 'education'],
    ['research', 'education'],
    ['chambers', 'education'],
    ['companies', 'administration'],
    ['administration', 'civil_society'],
  ].flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]),
);
const categoryOf = new Map(DEFAULT_PROFILE.flatMap((c) => c.kinds.map((k) => [k, c.key] as const)));

export const WEIGHTS = { complementary: 0.5, whiteSpot: 1 } as const;
/** Common partners with more ties than this do not make their partners "meet" (a hub introduces no one in particular). */
const MAX_HUB_DEGREE = 400;

/** A bounded min-heap of the best-scoring pairs. */
class TopPairs {
  private readonly items: { a: number; b: number; score: number }[] = [];
  constructor(private readonly size: number) {}
  get min(): number {
    return this.items.length < this.size ? -Infinity : (this.items[0]?.score ?? -Infinity);
  }
  push(a: number, b: number, score: number): void {
    const h = this.items;
    if (h.length < this.size) {
      h.push({ a, b, score });
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if ((h[p] as { score: number }).score <= (h[i] as { score: number }).score) break;
        [h[p], h[i]] = [h[i] as (typeof h)[number], h[p] as (typeof h)[number]];
        i = p;
      }
      return;
    }
    if (score <= this.min) return;
    h[0] = { a, b, score };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && (h[l] as { score: number }).score < (h[m] as { score: number }).score) m = l;
      if (r < h.length && (h[r] as { score: number }).score < (h[m] as { score: number }).score) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i] as (typeof h)[number], h[m] as (typeof h)[number]];
      i = m;
    }
  }
  all(): { a: number; b: number; score: number }[] {
    return [...this.items];
  }
}

export function suggestions(ctx: AnalysisContext, whiteSpots: readonly WhiteSpot[], level: string, limit: number): Suggestion[] {
  const g = ctx.graph;
  const csr = toCsr(g);
  const n = csr.ids.length;
  const deg = (i: number) => (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);
  const category = csr.ids.map((id) => categoryOf.get(g.getNodeAttribute(id, 'kind') ?? ''));
  const complementary = (a: number, b: number) => {
    const ca = category[a];
    const cb = category[b];
    return ca !== undefined && cb !== undefined && COMPLEMENTARY.has(`${ca}|${cb}`);
  };
  const inc = new Float64Array(n);
  for (let z = 0; z < n; z++) inc[z] = deg(z) >= 2 && deg(z) <= MAX_HUB_DEGREE ? 1 / Math.log(deg(z)) : 0;

  // Adamic–Adar per actor u over partners z and their partners v > u, not tied to u.
  const top = new TopPairs(Math.max(limit * 3, limit + 40));
  const score = new Float64Array(n);
  const tied = new Uint8Array(n);
  const touched: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let p = csr.offsets[u] as number; p < (csr.offsets[u + 1] as number); p++) tied[csr.targets[p] as number] = 1;
    for (let p = csr.offsets[u] as number; p < (csr.offsets[u + 1] as number); p++) {
      const z = csr.targets[p] as number;
      const w = inc[z] as number;
      if (w === 0) continue;
      for (let q = csr.offsets[z] as number; q < (csr.offsets[z + 1] as number); q++) {
        const v = csr.targets[q] as number;
        if (v <= u || tied[v]) continue;
        if (score[v] === 0) touched.push(v);
        score[v] = (score[v] as number) + w;
      }
    }
    for (const v of touched) {
      top.push(u, v, (score[v] as number) + (complementary(u, v) ? WEIGHTS.complementary : 0));
      score[v] = 0;
    }
    touched.length = 0;
    for (let p = csr.offsets[u] as number; p < (csr.offsets[u + 1] as number); p++) tied[csr.targets[p] as number] = 0;
  }

  const out = new Map<string, Suggestion>();
  const neighbours = (i: number) => csr.targets.subarray(csr.offsets[i] as number, csr.offsets[i + 1] as number);
  const pairOf = (x: number, y: number): Suggestion => {
    const [a, b] = (csr.ids[x] as string) < (csr.ids[y] as string) ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    let s = out.get(key);
    if (s) return s;
    const nb = new Set(neighbours(b));
    const common = [...neighbours(a)].filter((z) => nb.has(z) && (inc[z] as number) > 0);
    const adamicAdar = common.reduce((sum, z) => sum + (inc[z] as number), 0);
    const ida = csr.ids[a] as string;
    const idb = csr.ids[b] as string;
    s = { a: ida, b: idb, aLabel: ctx.label(ida), bLabel: ctx.label(idb), score: adamicAdar, commonPartners: common.length, adamicAdar, reasons: [] };
    if (common.length > 0) {
      const names = common
        .sort((x2, y2) => deg(y2) - deg(x2))
        .slice(0, 2)
        .map((z) => ctx.label(csr.ids[z] as string));
      s.reasons.push({ code: 'common_partners', text: say.commonPartners(common.length, names) });
    }
    out.set(key, s);
    return s;
  };
  for (const { a, b } of top.all()) pairOf(a, b);

  // Bridging white spots: the best-connected actor on each side.
  const leaders = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = ctx.regionAt(csr.ids[i] as string, level);
    if (r === null) continue;
    const cur = leaders.get(r);
    if (cur === undefined || deg(i) > deg(cur)) leaders.set(r, i);
  }
  for (const spot of whiteSpots.slice(0, 20)) {
    const a = leaders.get(spot.a);
    const b = leaders.get(spot.b);
    if (a === undefined || b === undefined || g.hasEdge(csr.ids[a] as string, csr.ids[b] as string)) continue;
    const s = pairOf(a, b);
    if (s.reasons.some((r) => r.code === 'white_spot')) continue;
    s.score += WEIGHTS.whiteSpot;
    s.reasons.push({ code: 'white_spot', text: say.bridgesGap(ctx.info(spot.a).name, ctx.info(spot.b).name) });
  }

  for (const s of out.values()) {
    const ca = categoryOf.get(g.getNodeAttribute(s.a, 'kind') ?? '');
    const cb = categoryOf.get(g.getNodeAttribute(s.b, 'kind') ?? '');
    if (ca !== undefined && cb !== undefined && COMPLEMENTARY.has(`${ca}|${cb}`)) {
      s.score += WEIGHTS.complementary;
      s.reasons.push({ code: 'complementary', text: say.complementary(ca, cb) });
    }
  }
  return [...out.values()]
    .filter((s) => s.reasons.length > 0)
    .sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .slice(0, limit);
}
