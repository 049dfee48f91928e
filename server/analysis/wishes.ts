/**
 * Wished ties ("would like to cooperate", approved at live-capture workshops) beside the existing
 * ties: per region pair at one level, how many wishes there are, how many are still missing (no
 * cooperation, no shared project or event) and how many exist already; and sentences for the
 * insight cards. Pure: the wishes arrive with their regions and whether the pair is tied.
 */
import { list, type Text } from './words.ts';

export interface WishedPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  /** The regions of a and b at the level (null: none there). */
  aRegion: string | null;
  bRegion: string | null;
  /** A cooperation, shared project or event joins them already. */
  tied: boolean;
  /** The sessions it was named in. */
  sessions: string[];
}

export interface WishedRegionPair {
  a: string;
  b: string;
  aName: string;
  bName: string;
  wished: number;
  missing: number;
  existing: number;
}

export interface WishInsight {
  id: string;
  kind: 'wished';
  text: Text;
  nodeIds: string[];
  regionIds: string[];
}

/** Region pairs (a ≤ b by id) with their wishes, most missing first. */
export function wishedRegionPairs(pairs: readonly WishedPair[], regionName: (id: string) => string): WishedRegionPair[] {
  const cells = new Map<string, WishedRegionPair>();
  for (const p of pairs) {
    if (p.aRegion === null || p.bRegion === null) continue;
    const [a, b] = p.aRegion <= p.bRegion ? [p.aRegion, p.bRegion] : [p.bRegion, p.aRegion];
    const key = `${a}|${b}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { a, b, aName: regionName(a), bName: regionName(b), wished: 0, missing: 0, existing: 0 }));
    c.wished++;
    if (p.tied) c.existing++;
    else c.missing++;
  }
  return [...cells.values()].sort((x, y) => y.missing - x.missing || y.wished - x.wished || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** "im Landkreis Görlitz", "in Leipzig". */
const inDe = (name: string) => (/^(Landkreis|Kreis|Regionalverband) /.test(name) || /kreis$/.test(name) ? `im ${name}` : `in ${name}`);

const n = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);

/** The insight cards: one overall, then the region pairs with the most missing wished ties (at most `max`). */
export function wishInsights(pairs: readonly WishedPair[], regionPairs: readonly WishedRegionPair[], max = 3): WishInsight[] {
  if (pairs.length === 0) return [];
  const missing = pairs.filter((p) => !p.tied);
  const sessions = [...new Set(pairs.flatMap((p) => p.sessions))].sort();
  const out: WishInsight[] = [
    {
      id: 'wished-all',
      kind: 'wished',
      text: {
        de: `${n(pairs.length, 'Kooperationswunsch', 'Kooperationswünsche')} aus ${list(sessions, 'de')}: ${missing.length} noch ohne Verbindung, ${pairs.length - missing.length} bestehen schon.`,
        en: `${n(pairs.length, 'wished cooperation', 'wished cooperations')} from ${list(sessions, 'en')}: ${missing.length} not yet tied, ${pairs.length - missing.length} already exist.`,
      },
      nodeIds: [...new Set(missing.flatMap((p) => [p.a, p.b]))].sort(),
      regionIds: [],
    },
  ];
  for (const c of regionPairs.filter((r) => r.missing > 0).slice(0, max)) {
    const where = c.a === c.b ? { de: inDe(c.aName), en: `in ${c.aName}` } : { de: `zwischen ${c.aName} und ${c.bName}`, en: `between ${c.aName} and ${c.bName}` };
    const ids = missing.filter((p) => p.aRegion !== null && p.bRegion !== null && [p.aRegion, p.bRegion].sort().join('|') === `${c.a}|${c.b}`).flatMap((p) => [p.a, p.b]);
    out.push({
      id: `wished-${c.a}-${c.b}`,
      kind: 'wished',
      text: {
        de: `${where.de.charAt(0).toUpperCase()}${where.de.slice(1)} ${c.missing === 1 ? 'wünscht sich 1 Akteurspaar' : `wünschen sich ${c.missing} Akteurspaare`} eine Kooperation, die es noch nicht gibt.`,
        en: `${where.en.charAt(0).toUpperCase()}${where.en.slice(1)}, ${c.missing === 1 ? '1 pair of actors wishes' : `${c.missing} pairs of actors wish`} for a cooperation that does not exist yet.`,
      },
      nodeIds: [...new Set(ids)].sort(),
      regionIds: c.a === c.b ? [c.a] : [c.a, c.b],
    });
  }
  return out;
}
