/**
 * "Who should meet": pairs of actors not yet tied, ranked by common partners (Adamic–Adar),
 * complementary kinds (a company and a research institute, …) and bridging a white spot between
 * regions. Every suggestion says why, in words.
 */
import type { AnalysisContext } from './context.ts';
import { DEFAULT_PROFILE } from './coverage.ts';
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
/** Partners of hubs with more ties than this are not all paired up (Σ deg² would explode). */
const MAX_HUB_DEGREE = 400;

export function suggestions(ctx: AnalysisContext, whiteSpots: readonly WhiteSpot[], level: string, limit: number): Suggestion[] {
  const g = ctx.graph;
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const aa = new Map<string, { score: number; common: string[] }>();
  g.forEachNode((z) => {
    const deg = g.degree(z);
    if (deg < 2 || deg > MAX_HUB_DEGREE) return;
    const inc = 1 / Math.log(deg);
    const nb = g.neighbors(z);
    for (let i = 0; i < nb.length; i++) {
      for (let j = i + 1; j < nb.length; j++) {
        const u = nb[i] as string;
        const w = nb[j] as string;
        if (g.hasEdge(u, w)) continue;
        const k = key(u, w);
        const e = aa.get(k);
        if (e) {
          e.score += inc;
          e.common.push(z);
        } else aa.set(k, { score: inc, common: [z] });
      }
    }
  });

  const out = new Map<string, Suggestion>();
  const get = (a: string, b: string) => {
    const k = key(a, b);
    let s = out.get(k);
    if (!s) {
      const [x, y] = a < b ? [a, b] : [b, a];
      out.set(k, (s = { a: x, b: y, aLabel: ctx.label(x), bLabel: ctx.label(y), score: 0, commonPartners: 0, adamicAdar: 0, reasons: [] }));
    }
    return s;
  };
  for (const [k, { score, common }] of aa) {
    const [a, b] = k.split('\u0000') as [string, string];
    const s = get(a, b);
    s.adamicAdar = score;
    s.commonPartners = common.length;
    s.score += score;
    const names = common
      .sort((x, y) => g.degree(y) - g.degree(x))
      .slice(0, 2)
      .map((id) => ctx.label(id));
    s.reasons.push({ code: 'common_partners', text: say.commonPartners(common.length, names) });
  }

  // Bridging white spots: the best-connected actor on each side.
  const leaders = new Map<string, string>();
  g.forEachNode((id) => {
    const r = ctx.regionAt(id, level);
    if (r === null) return;
    const cur = leaders.get(r);
    if (cur === undefined || g.degree(id) > g.degree(cur) || (g.degree(id) === g.degree(cur) && id < cur)) leaders.set(r, id);
  });
  for (const spot of whiteSpots.slice(0, 20)) {
    const a = leaders.get(spot.a);
    const b = leaders.get(spot.b);
    if (a === undefined || b === undefined || g.hasEdge(a, b)) continue;
    const s = get(a, b);
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
    .sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .slice(0, limit);
}
