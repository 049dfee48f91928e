/**
 * Placing actors in Germany's districts from what an import file says about where they are, in
 * this order of trust:
 *
 * 1. AGS: a 5-digit district key, or an 8- or 12-digit municipal key (its first five digits); a
 *    2-digit key names a state. Keys that lost their leading zero in a spreadsheet (4, 7, 11 digits)
 *    are padded.
 * 2. NUTS: a NUTS-3 code (2021, or the Destatis 2018 code) names a district; a NUTS-1 or NUTS-2
 *    code (or a NUTS-3 code we do not know) only its state, reported as such.
 * 3. Coordinates (WGS84): the district whose simplified boundary contains the point, else the
 *    nearest one within 5 km (the simplified coast and borders cut a little off). A district name,
 *    or a town that is itself a district, naming another district wins (simplified outlines of
 *    small cities are coarse; CORDIS geocodes are off by a district now and then).
 * 4. A district or town name, folded (umlauts, ß, case, punctuation) and without "Landkreis",
 *    "Kreis", "Stadt", "kreisfreie Stadt", "Landeshauptstadt", … around it. A district name that a
 *    city and a Landkreis share ("München") is ambiguous unless the text says which ("Landkreis
 *    München", "München, Stadt"). A *town* name (the `city` field) is the town: "München" is the
 *    kreisfreie Stadt (the Landkreis of that name does not contain the town); a town that is not
 *    itself a district is not placed (no municipality table is shipped).
 *
 * Postcodes alone place nothing: no postcode table is shipped. Actors whose country is not Germany
 * (or whose NUTS code or coordinates lie abroad) are foreign: counted apart, not as failures.
 */
import { germany, nameKey, type Germany } from './germany.ts';
import type { GeoDistrict, GeoState } from './germany-data.ts';
import { PointIndex } from './point-index.ts';

/** What a file says about where an actor is (any of it may be missing). */
export interface LocationHint {
  ags?: string | number | null;
  nuts?: string | null;
  lat?: number | string | null;
  lon?: number | string | null;
  /** A district (Kreis) name. */
  district?: string | null;
  /** A town name. */
  city?: string | null;
  postcode?: string | number | null;
  /** ISO code or name; absent: unknown. */
  country?: string | null;
}

export const PLACE_METHODS = ['ags', 'nuts3', 'nuts_state', 'coordinates', 'name'] as const;
export type PlaceMethod = (typeof PLACE_METHODS)[number];
export const UNPLACED_REASONS = ['no_location', 'postcode_only', 'unknown_ags', 'unknown_nuts', 'outside_germany', 'ambiguous_name', 'unknown_name'] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export type Placement =
  | { regionId: string; method: PlaceMethod; detail: string | null }
  | { regionId: null; foreign: true; detail: string }
  | { regionId: null; foreign: false; reason: UnplacedReason; detail: string };

/** Distance (km) within which a point outside every simplified boundary goes to the nearest district. */
export const NEAREST_KM = 5;

const GERMANY_NAMES = new Set(['de', 'd', 'deu', 'ger', 'germany', 'deutschland', 'bundesrepublik deutschland', 'allemagne', 'germania', 'alemania']);

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = text(v).replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/** Words around a name that say what kind of district it is ("kreisfreie Stadt München" → city). */
const CITY_WORDS = ['kreisfreie stadt', 'landeshauptstadt', 'hansestadt', 'universitatsstadt', 'wissenschaftsstadt', 'stadtkreis', 'stadt'];
const COUNTY_WORDS = ['landkreis', 'lkr', 'lk', 'kreis', 'region', 'regionalverband', 'stadteregion'];

/** English (and common foreign) names of German district towns, as foreign files write them. */
const EXONYMS: Record<string, string> = { cologne: 'koln', munich: 'munchen', nuremberg: 'nurnberg', hanover: 'hannover', brunswick: 'braunschweig' };

/**
 * The point CORDIS gives an organisation it could geocode only to "Germany" (seen in the CORDIS
 * sample for towns in Bavaria and Thuringia alike): not a location.
 */
const COUNTRY_PLACEHOLDERS: readonly [number, number][] = [[51.0834196, 10.4234469]];

interface NameQuery {
  key: string;
  /** 'city' / 'county' when the text says which; null when it does not. */
  kind: 'city' | 'county' | null;
}

/** A name without the words naming its kind, and that kind: "Leipzig, Landkreis" → leipzig (county). */
export function parseDistrictName(raw: string): NameQuery {
  let key = nameKey(raw);
  let kind: NameQuery['kind'] = null;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [words, k] of [
      [CITY_WORDS, 'city'],
      [COUNTY_WORDS, 'county'],
    ] as const) {
      for (const w of words) {
        if (key.startsWith(`${w} `)) key = key.slice(w.length + 1);
        else if (key.endsWith(` ${w}`)) key = key.slice(0, -w.length - 1);
        else continue;
        kind ??= k;
        changed = true;
      }
    }
  }
  return { key: key.trim(), kind };
}

const isCity = (d: GeoDistrict) => d.bez === 'Kreisfreie Stadt' || d.bez === 'Stadtkreis';

/** The keys a district is found by: its short name, without a bracket ("Halle"), without "am Main" words. */
function keysOf(d: GeoDistrict): string[] {
  const short = nameKey(d.shortName);
  const noBracket = nameKey(d.shortName.replace(/\(.*?\)/g, ' '));
  const noFiller = short.replace(/\b(am|an|der|im|in|ob|vor|d|i|a)\b/g, ' ').replace(/\s+/g, ' ').trim();
  const head = nameKey(d.shortName.split(/\s(?:am|an der|an|im|in der|ob der|vor der)\s|\(|,|\//)[0] ?? d.shortName);
  const own = parseDistrictName(d.name).key; // "Rhein-Sieg-Kreis" stays, "Landkreis Leipzig" → leipzig
  return [...new Set([short, noBracket, noFiller, head, own, nameKey(d.name)].filter((k) => k !== ''))];
}

export class Placer {
  readonly geo: Germany;
  private readonly points: PointIndex;
  private readonly byName = new Map<string, GeoDistrict[]>();

  constructor(geo: Germany = germany()) {
    this.geo = geo;
    this.points = new PointIndex(geo.districts.map((d) => d.polygons));
    for (const d of geo.districts)
      for (const k of keysOf(d)) {
        const list = this.byName.get(k);
        if (!list) this.byName.set(k, [d]);
        else if (!list.includes(d)) list.push(d);
      }
  }

  /** Districts a name may mean (after folding and without its kind words), and the kind it names. */
  candidates(raw: string): { districts: GeoDistrict[]; kind: NameQuery['kind'] } {
    const q = parseDistrictName(raw);
    q.key = EXONYMS[q.key] ?? q.key;
    let list = this.byName.get(q.key) ?? [];
    if (list.length === 0) {
      const whole = this.byName.get(nameKey(raw));
      if (whole) list = whole;
    }
    return { districts: list, kind: q.kind };
  }

  /** The district a point lies in (or within NEAREST_KM of), or null. */
  districtAt(lat: number, lon: number): { district: GeoDistrict; km: number } | null {
    const hit = this.points.locate(lon, lat, NEAREST_KM);
    return hit === null ? null : { district: this.geo.districts[hit.index] as GeoDistrict, km: hit.km };
  }

  place(h: LocationHint): Placement {
    const country = text(h.country).toLowerCase();
    if (country !== '' && !GERMANY_NAMES.has(country)) return { regionId: null, foreign: true, detail: `country ${text(h.country)}` };
    const failures: { reason: UnplacedReason; detail: string }[] = [];

    // 1. AGS
    const agsText = text(h.ags).replace(/\s/g, '');
    if (agsText !== '') {
      if (/^\d+$/.test(agsText)) {
        const padded = [4, 7, 11, 1].includes(agsText.length) ? `0${agsText}` : agsText;
        if (padded.length === 2) {
          const s = this.geo.state(padded);
          if (s) return { regionId: s.id, method: 'ags', detail: `state key ${padded}` };
        } else if ([5, 8, 12].includes(padded.length)) {
          const d = this.geo.district(padded.slice(0, 5));
          if (d) return { regionId: d.id, method: 'ags', detail: padded.length > 5 ? `municipal key ${padded}` : null };
        }
      }
      failures.push({ reason: 'unknown_ags', detail: `AGS "${agsText}" is no district key (2021)` });
    }

    // 2. NUTS
    const nuts = text(h.nuts).replace(/\s/g, '').toUpperCase();
    if (nuts !== '' && nuts !== 'DE' && /^[A-Z]{2}[0-9A-Z]{1,3}$/.test(nuts)) {
      if (!nuts.startsWith('DE') && country === '') return { regionId: null, foreign: true, detail: `NUTS ${nuts}` };
      if (nuts.startsWith('DE')) {
        const d = nuts.length === 5 ? this.geo.districtByNuts(nuts) : undefined;
        if (d) return { regionId: d.id, method: 'nuts3', detail: d.nuts3 === nuts ? null : `NUTS-3 ${nuts} (older code of ${d.nuts3})` };
        const s = this.geo.stateByNuts(nuts);
        if (s && nuts.length < 5) {
          // Only the state: tried below whether coordinates or a name say more.
          failures.push({ reason: 'unknown_nuts', detail: `NUTS-${nuts.length - 2} ${nuts} names only ${s.name}` });
          const finer = this.finer(h, country, failures);
          return finer ?? { regionId: s.id, method: 'nuts_state', detail: `NUTS-${nuts.length - 2} ${nuts}: only the state` };
        }
        if (s) {
          failures.push({ reason: 'unknown_nuts', detail: `unknown NUTS-3 code ${nuts}` });
          const finer = this.finer(h, country, failures);
          return finer ?? { regionId: s.id, method: 'nuts_state', detail: `unknown NUTS-3 code ${nuts}: only the state` };
        }
      }
      failures.push({ reason: 'unknown_nuts', detail: `unknown NUTS code ${nuts}` });
    } else if (nuts !== '' && nuts !== 'DE') failures.push({ reason: 'unknown_nuts', detail: `"${nuts}" is no NUTS code` });

    const finer = this.finer(h, country, failures);
    if (finer) return finer;
    if (failures.length > 0) {
      // The most telling failure: a name that is ambiguous, else the first thing that did not fit.
      const f = failures.find((x) => x.reason === 'ambiguous_name') ?? (failures[0] as { reason: UnplacedReason; detail: string });
      return { regionId: null, foreign: false, ...f };
    }
    const postcode = text(h.postcode);
    if (postcode !== '') return { regionId: null, foreign: false, reason: 'postcode_only', detail: `postcode ${postcode} only: no postcode table shipped` };
    return { regionId: null, foreign: false, reason: 'no_location', detail: 'no AGS, NUTS code, coordinates or place name' };
  }

  /**
   * Steps 3 and 4: coordinates, then names. A district name, or a town that is itself a district,
   * wins over coordinates pointing into another district: simplified boundaries cut corners of cities, and CORDIS geocodes
   * are off by a district now and then. Failures are noted.
   */
  private finer(h: LocationHint, country: string, failures: { reason: UnplacedReason; detail: string }[]): Placement | null {
    const named = this.byNames(h, failures);
    let lat = num(h.lat);
    let lon = num(h.lon);
    if (lat !== null && lon !== null && COUNTRY_PLACEHOLDERS.some(([a, b]) => Math.abs(a - (lat as number)) < 1e-4 && Math.abs(b - (lon as number)) < 1e-4)) {
      failures.push({ reason: 'no_location', detail: `coordinates ${lat},${lon} are CORDIS's placeholder for "Germany"` });
      lat = lon = null;
    }
    if (lat !== null && lon !== null && (lat !== 0 || lon !== 0)) {
      const hit = this.districtAt(lat, lon);
      if (hit) {
        if (named && named.regionId !== hit.district.id)
          return { regionId: named.regionId, method: 'name', detail: `${named.detail}; the coordinates point into ${hit.district.name}` };
        return { regionId: hit.district.id, method: 'coordinates', detail: hit.km > 0 ? `${hit.km.toFixed(1)} km outside the simplified boundary` : null };
      }
      // Outside Germany: abroad, unless the file says Germany (then the names may still tell).
      if (country === '') return { regionId: null, foreign: true, detail: `coordinates ${lat},${lon} outside Germany` };
      failures.push({ reason: 'outside_germany', detail: `coordinates ${lat},${lon} outside Germany` });
    }
    return named === null ? null : { regionId: named.regionId, method: 'name', detail: named.detail };
  }

  /** Step 4: the district a district name or a town name names, when exactly one. */
  private byNames(h: LocationHint, failures: { reason: UnplacedReason; detail: string }[]): { regionId: string; field: 'district' | 'city'; detail: string } | null {
    for (const [field, value] of [
      ['district', text(h.district)],
      ['city', text(h.city)],
    ] as const) {
      if (value === '') continue;
      const { districts, kind } = this.candidates(value);
      let pick = districts;
      if (districts.length > 1 && kind !== null) pick = districts.filter((d) => (kind === 'city') === isCity(d));
      // A town name is the town: of a city and a Landkreis sharing the name, the city.
      if (pick.length > 1 && field === 'city' && kind === null) pick = pick.filter(isCity);
      if (pick.length === 1) return { regionId: (pick[0] as GeoDistrict).id, field, detail: `${field} "${value}"` };
      if (pick.length > 1)
        failures.push({ reason: 'ambiguous_name', detail: `${field} "${value}" may be ${pick.map((d) => `${d.name} (${d.ags})`).join(' or ')}` });
      else failures.push({ reason: 'unknown_name', detail: `${field} "${value}" is no district name${field === 'city' ? ' (no municipality table shipped)' : ''}` });
    }
    return null;
  }
}

let shared: Placer | null = null;
export const placer = (): Placer => (shared ??= new Placer());

// ---------------------------------------------------------------------------------------------
// The report of an import
// ---------------------------------------------------------------------------------------------

export interface PlacementExample {
  file: string;
  line: number | null;
  name: string;
  detail: string;
}

/** What the placement of an import did: per method and per reason, with the first examples. */
export interface PlacementReport {
  /** Actor rows of the file. */
  actors: number;
  /** Actors the file gave a region (not placed by us). */
  given: number;
  placed: number;
  byMethod: { method: PlaceMethod; count: number; examples: PlacementExample[] }[];
  /** Actors abroad: not German, not a failure. */
  foreign: number;
  notPlaced: number;
  byReason: { reason: UnplacedReason; count: number; examples: PlacementExample[] }[];
  /** Built-in regions the import adds because placed actors or the file's rows need them and the store lacks them. */
  regionsAdded: number;
}

export const MAX_PLACEMENT_EXAMPLES = 5;

export class PlacementTally {
  private readonly report: PlacementReport = { actors: 0, given: 0, placed: 0, byMethod: [], foreign: 0, notPlaced: 0, byReason: [], regionsAdded: 0 };

  given(): void {
    this.report.actors++;
    this.report.given++;
  }

  add(p: Placement, example: Omit<PlacementExample, 'detail'>): void {
    this.report.actors++;
    if (p.regionId !== null) {
      this.report.placed++;
      let m = this.report.byMethod.find((x) => x.method === p.method);
      if (!m) this.report.byMethod.push((m = { method: p.method, count: 0, examples: [] }));
      m.count++;
      if (p.detail !== null && m.examples.length < MAX_PLACEMENT_EXAMPLES) m.examples.push({ ...example, detail: p.detail });
    } else if (p.foreign) this.report.foreign++;
    else {
      this.report.notPlaced++;
      let r = this.report.byReason.find((x) => x.reason === p.reason);
      if (!r) this.report.byReason.push((r = { reason: p.reason, count: 0, examples: [] }));
      r.count++;
      if (r.examples.length < MAX_PLACEMENT_EXAMPLES) r.examples.push({ ...example, detail: p.detail });
    }
  }

  regionsAdded(n: number): void {
    this.report.regionsAdded = n;
  }

  /** Methods and reasons in their fixed order. */
  result(): PlacementReport {
    return {
      ...this.report,
      byMethod: [...this.report.byMethod].sort((a, b) => PLACE_METHODS.indexOf(a.method) - PLACE_METHODS.indexOf(b.method)),
      byReason: [...this.report.byReason].sort((a, b) => UNPLACED_REASONS.indexOf(a.reason) - UNPLACED_REASONS.indexOf(b.reason)),
    };
  }
}

/** The report for a terminal: placed per method, foreign, not placed per reason with examples. */
export function formatPlacement(p: PlacementReport, maxExamples = 3): string {
  if (p.actors === p.given) return '';
  const lines = [
    `Placement in Germany's districts: ${p.placed} placed, ${p.notPlaced} not placed, ${p.foreign} abroad${p.given > 0 ? `, ${p.given} with a region from the file` : ''}${p.regionsAdded > 0 ? ` (${p.regionsAdded} built-in regions added)` : ''}`,
  ];
  for (const m of p.byMethod) lines.push(`  placed by ${m.method.replace('_', ' ')}: ${m.count}`);
  for (const r of p.byReason) {
    lines.push(`  not placed, ${r.reason.replace('_', ' ')}: ${r.count}`);
    for (const e of r.examples.slice(0, maxExamples)) lines.push(`    ${e.file}${e.line !== null ? ` line ${e.line}` : ''}: ${e.name}: ${e.detail}`);
  }
  return lines.join('\n');
}

export type { GeoDistrict, GeoState };
