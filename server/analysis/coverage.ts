/**
 * Coverage: which kinds of actor each region has, against a target profile (by default the six
 * groups a regional innovation network needs), and which are present but not tied to anyone.
 */
import type { AnalysisContext } from './context.ts';

export interface ProfileCategory {
  key: string;
  /** Actor kinds that count for this category. */
  kinds: string[];
  /** How many actors of the category the region should have (default 1). */
  minimum: number;
}

export const DEFAULT_PROFILE: readonly ProfileCategory[] = [
  { key: 'companies', kinds: ['company', 'startup'], minimum: 1 },
  { key: 'research', kinds: ['university', 'research_institute'], minimum: 1 },
  { key: 'education', kinds: ['school', 'education_provider'], minimum: 1 },
  { key: 'chambers', kinds: ['chamber', 'association'], minimum: 1 },
  { key: 'administration', kinds: ['municipality', 'district_administration', 'economic_development_agency'], minimum: 1 },
  { key: 'civil_society', kinds: ['civil_society'], minimum: 1 },
];

export type CoverageStatus = 'missing' | 'unconnected' | 'ok';

export interface CoverageCell {
  category: string;
  count: number;
  /** Actors of the category here with at least one tie. */
  connected: number;
  minimum: number;
  status: CoverageStatus;
}

export interface CoverageRow {
  regionId: string;
  name: string;
  actors: number;
  cells: CoverageCell[];
  /** Actor count per sector (sectors of this region's actors only). */
  sectors: { sector: string; count: number }[];
}

export interface Coverage {
  level: string;
  profile: ProfileCategory[];
  rows: CoverageRow[];
  /** Cells below the minimum, and cells present but with no tie, by region name. */
  missing: { regionId: string; category: string }[];
  unconnected: { regionId: string; category: string }[];
}

/**
 * Rows: every region of the level that has actors or that a programme targets (a targeted region
 * without actors is where coverage matters most).
 */
export function coverage(ctx: AnalysisContext, level: string, profile: readonly ProfileCategory[] = DEFAULT_PROFILE): Coverage {
  const g = ctx.graph;
  const categoryOfKind = new Map<string, string[]>();
  for (const c of profile) for (const k of c.kinds) categoryOfKind.set(k, [...(categoryOfKind.get(k) ?? []), c.key]);
  const rows = new Map<string, { actors: number; count: Map<string, number>; connected: Map<string, number>; sectors: Map<string, number> }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { actors: 0, count: new Map(), connected: new Map(), sectors: new Map() }));
    return r;
  };
  for (const at of ctx.targetedRegions(level)) row(at);
  g.forEachNode((id, attr) => {
    const region = ctx.regionAt(id, level);
    if (region === null) return;
    const r = row(region);
    r.actors++;
    for (const s of attr.sectors) r.sectors.set(s, (r.sectors.get(s) ?? 0) + 1);
    for (const c of categoryOfKind.get(attr.kind ?? '') ?? []) {
      r.count.set(c, (r.count.get(c) ?? 0) + 1);
      if (g.degree(id) > 0) r.connected.set(c, (r.connected.get(c) ?? 0) + 1);
    }
  });
  const out: CoverageRow[] = [...rows.entries()]
    .map(([regionId, r]) => ({
      regionId,
      name: ctx.info(regionId).name,
      actors: r.actors,
      cells: profile.map((c) => {
        const count = r.count.get(c.key) ?? 0;
        const connected = r.connected.get(c.key) ?? 0;
        const status: CoverageStatus = count < c.minimum ? 'missing' : connected === 0 ? 'unconnected' : 'ok';
        return { category: c.key, count, connected, minimum: c.minimum, status };
      }),
      sectors: [...r.sectors.entries()].map(([sector, count]) => ({ sector, count })).sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const list = (status: CoverageStatus) => out.flatMap((r) => r.cells.filter((c) => c.status === status).map((c) => ({ regionId: r.regionId, category: c.category })));
  return { level, profile: [...profile], rows: out, missing: list('missing'), unconnected: list('unconnected') };
}
