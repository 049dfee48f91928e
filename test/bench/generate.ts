/**
 * A synthetic, deterministic regional cooperation network for benchmarks (and any test that needs
 * a large, realistic-looking batch).
 *
 * Structure: states (up to 16, with real names and rough centres) → planning regions → districts,
 * plus some cities inside districts, all with coordinates inside Germany. Actors sit in districts
 * and cities with a skewed distribution (a few big cities, many small districts), kinds drawn with
 * realistic weights, 1–3 sectors each and a skewed "activity" that makes some of them hubs.
 * Projects run 2010–2026 (10 % open-ended), have one lead and mostly 3–15 partners (a few up to 60),
 * drawn mostly from their home district and one neighbouring district, with a few partners from
 * anywhere (the bridges). About 10 % of projects have 1–3 events with attendees; each project
 * targets 1–2 districts; direct cooperations link actors, preferably within a region.
 *
 * The relationship budget (participations + event participations + cooperations + targets) adds up
 * to `relationships` exactly whenever the other sizes allow it: targets follow from the projects,
 * the rest is split ~62 % participations, ~8 % event participations, and cooperations fill up.
 *
 * Everything is drawn from one seeded PRNG (mulberry32), so a seed and the sizes fix the batch.
 */
import { seededRandom } from '../../server/analysis/random.ts';
import {
  ACTOR_KINDS,
  type Actor,
  type ActorKind,
  type Cooperation,
  type Event,
  type EventParticipation,
  type GraphBatch,
  type Participation,
  type ParticipationRole,
  type Project,
  type Region,
  type Source,
  type Target,
} from '../../server/domain/model.ts';

export interface GenerateOptions {
  regions: number;
  actors: number;
  projects: number;
  /** participations + event participations + cooperations + targets */
  relationships: number;
  seed: number;
}

export const DEFAULT_GENERATE_OPTIONS: Readonly<GenerateOptions> = {
  regions: 400,
  actors: 20_000,
  projects: 5_000,
  relationships: 100_000,
  seed: 1,
};

export const BENCH_SOURCE_ID = 's-bench';

/** The generated batch: a `GraphBatch` (so also a `GraphBatchInput`) with every field filled. */
export type GeneratedNetwork = GraphBatch;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1) (the analysis's seeded generator). */
export const mulberry32 = seededRandom;

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** Pareto-distributed value ≥ 1 (heavy tail for small alpha), capped. */
  pareto(alpha: number, cap: number): number {
    return Math.min(cap, Math.pow(1 - this.next(), -1 / alpha));
  }
  jitter(x: number, r: number): number {
    return x + (this.next() * 2 - 1) * r;
  }
  /** Fisher–Yates on a copy. */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** Sampling with replacement by weight (cumulative sums + binary search). */
export class Weighted<T> {
  private readonly cum: Float64Array;
  readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: need one weight per item');
    this.cum = new Float64Array(items.length);
    let s = 0;
    weights.forEach((w, i) => {
      s += Math.max(0, w);
      this.cum[i] = s;
    });
    this.total = s;
  }
  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(
      pairs.map(([t]) => t),
      pairs.map(([, w]) => w),
    );
  }
  sample(rng: Rng): T {
    if (this.total <= 0) return rng.pick(this.items);
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cum[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The 16 states, larger ones first (a network with fewer states takes the first ones). */
const STATES: readonly { name: string; code: string; lat: number; lon: number; pop: number; spread: number }[] = [
  { name: 'Nordrhein-Westfalen', code: '05', lat: 51.45, lon: 7.6, pop: 17.9, spread: 0.8 },
  { name: 'Bayern', code: '09', lat: 48.9, lon: 11.4, pop: 13.2, spread: 1.2 },
  { name: 'Baden-Württemberg', code: '08', lat: 48.6, lon: 9.0, pop: 11.1, spread: 0.8 },
  { name: 'Niedersachsen', code: '03', lat: 52.7, lon: 9.2, pop: 8.0, spread: 1.1 },
  { name: 'Hessen', code: '06', lat: 50.6, lon: 9.0, pop: 6.3, spread: 0.6 },
  { name: 'Sachsen', code: '14', lat: 51.0, lon: 13.3, pop: 4.1, spread: 0.6 },
  { name: 'Rheinland-Pfalz', code: '07', lat: 49.9, lon: 7.4, pop: 4.1, spread: 0.6 },
  { name: 'Berlin', code: '11', lat: 52.52, lon: 13.4, pop: 3.7, spread: 0.1 },
  { name: 'Schleswig-Holstein', code: '01', lat: 54.2, lon: 9.7, pop: 2.9, spread: 0.5 },
  { name: 'Brandenburg', code: '12', lat: 52.4, lon: 13.0, pop: 2.5, spread: 0.9 },
  { name: 'Sachsen-Anhalt', code: '15', lat: 51.9, lon: 11.7, pop: 2.2, spread: 0.6 },
  { name: 'Thüringen', code: '16', lat: 50.9, lon: 11.0, pop: 2.1, spread: 0.5 },
  { name: 'Hamburg', code: '02', lat: 53.55, lon: 10.0, pop: 1.9, spread: 0.1 },
  { name: 'Mecklenburg-Vorpommern', code: '13', lat: 53.8, lon: 12.5, pop: 1.6, spread: 0.8 },
  { name: 'Saarland', code: '10', lat: 49.4, lon: 6.95, pop: 1.0, spread: 0.2 },
  { name: 'Bremen', code: '04', lat: 53.1, lon: 8.8, pop: 0.7, spread: 0.05 },
];

const NAME_PREFIX = ['', '', '', '', 'Ober', 'Unter', 'Nieder', 'Alt', 'Neu', 'Groß', 'Klein', 'Bad ', 'Hohen', 'West', 'Ost', 'Nord', 'Süd'];
const NAME_STEM = [
  'Linden', 'Eichen', 'Buchen', 'Wald', 'Stein', 'Rosen', 'Mühl', 'Kirch', 'Sonnen', 'Hirsch', 'Falken', 'Wolfs',
  'Elster', 'Saal', 'Mulde', 'Weißen', 'Schön', 'Frei', 'Marien', 'Königs', 'Burg', 'Hasel', 'Erlen', 'Wiesen',
];
const NAME_SUFFIX = ['berg', 'bach', 'feld', 'hausen', 'dorf', 'stadt', 'heim', 'burg', 'au', 'hagen', 'rode', 'born', 'furt', 'brück', 'tal', 'walde'];

/** Weights roughly like a regional actor database: mostly companies and associations. */
const KIND_WEIGHTS: Readonly<Record<ActorKind, number>> = {
  company: 40,
  startup: 7,
  university: 1.5,
  school: 5,
  research_institute: 2.5,
  chamber: 1.2,
  association: 12,
  municipality: 8,
  district_administration: 1,
  economic_development_agency: 1.8,
  funder: 0.6,
  education_provider: 5,
  civil_society: 9,
  media: 2,
  other: 3,
};

/** How often an actor of a kind takes part in projects, relative to a company. */
const KIND_ACTIVITY: Readonly<Record<ActorKind, number>> = {
  company: 1,
  startup: 1,
  university: 8,
  school: 0.6,
  research_institute: 5,
  chamber: 5,
  association: 2,
  municipality: 2.5,
  district_administration: 4,
  economic_development_agency: 6,
  funder: 0, // funders are added with role "funder", not drawn as partners
  education_provider: 1.5,
  civil_society: 1.2,
  media: 0.5,
  other: 0.8,
};

const SECTORS: readonly (readonly [string, number])[] = [
  ['digitalisierung', 10],
  ['maschinenbau', 7],
  ['energie', 7],
  ['bildung', 8],
  ['forschung', 6],
  ['gesundheit', 6],
  ['logistik', 5],
  ['automotive', 5],
  ['chemie', 3],
  ['handwerk', 6],
  ['tourismus', 4],
  ['landwirtschaft', 4],
  ['kultur', 4],
  ['wasserstoff', 2],
  ['bauwirtschaft', 4],
  ['beratung', 5],
  ['einzelhandel', 3],
  ['pflege', 3],
  ['umwelt', 4],
  ['wirtschaftsförderung', 3],
];

const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch',
  'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange',
];
const LEGAL = ['GmbH', 'GmbH', 'GmbH & Co. KG', 'AG', 'KG', 'e. K.'];
const STARTUP_A = ['Nexo', 'Quanto', 'Volta', 'Lumi', 'Agri', 'Hydro', 'Data', 'Robo', 'Medi', 'Eco', 'Bio', 'Cura'];
const STARTUP_B = ['lab', 'flow', 'tech', 'wise', 'works', 'hub', 'mind', 'sense', 'grid', 'loop'];
const FIELDS = ['Energietechnik', 'Werkstoffe', 'Produktion', 'Logistik', 'Gesundheit', 'Digitalisierung', 'Umwelt', 'Bildung'];
const PROGRAMMES = ['Strukturwandel', 'WIR! – Wandel durch Innovation', 'EFRE', 'ESF Plus', 'GRW', 'INTERREG', 'EXIST', 'Horizon Europe', 'Landesprogramm'];
const PROJECT_TOPICS = [
  'Fachkräfteallianz', 'Wasserstoffregion', 'Digitale Dörfer', 'Innovationsnetzwerk', 'Kreislaufwirtschaft', 'Pflege 4.0',
  'Gründungsoffensive', 'Smart Farming', 'Bildungskette', 'Mobilitätswende', 'Tourismus neu denken', 'Energiequartier',
  'Transferplattform', 'KI-Werkstatt', 'Bauen mit Holz', 'Regionale Wertschöpfung',
];
const EVENT_KIND_WEIGHTS: readonly (readonly [Event['kind'], number])[] = [
  ['kick_off', 3],
  ['workshop', 6],
  ['fair', 1],
  ['conference', 2],
  ['excursion', 1],
  ['presentation', 2],
  ['meeting', 4],
  ['other', 1],
];
const COOP_KIND_WEIGHTS: readonly (readonly [Cooperation['kind'], number])[] = [
  ['cooperation', 70],
  ['member_of', 12],
  ['part_of', 5],
  ['carrier_of', 3],
  ['service', 10],
];
const PARTNER_ROLE_WEIGHTS: readonly (readonly [ParticipationRole, number])[] = [
  ['partner', 75],
  ['associated', 12],
  ['advisory', 5],
  ['service_provider', 8],
];

// ---------------------------------------------------------------------------------------------
// Helpers

const pad = (n: number) => String(n).padStart(6, '0');
const SRC: string[] = [BENCH_SOURCE_ID];
const base = { description: null, tags: [] as string[], sourceIds: SRC };

/** Splits `total` into parts proportional to `weights`, each at least `min` (largest remainder). */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(min);
  let rest = total - min * n;
  if (rest <= 0) return out;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const floors = exact.map(Math.floor);
  floors.forEach((f, i) => (out[i] = (out[i] as number) + f));
  rest -= floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < rest; k++) {
    const i = (order[k % n] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

/** Scales integer sizes to sum to `target` within [lo, hi] each; returns the sizes (sum may miss if infeasible). */
function fitSizes(raw: readonly number[], target: number, lo: number, hi: number, rng: Rng): number[] {
  const n = raw.length;
  if (n === 0) return [];
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const out = raw.map((s) => Math.min(hi, Math.max(lo, Math.round((s * target) / sum))));
  let diff = target - out.reduce((a, b) => a + b, 0);
  // Nudge random entries by one until the sum fits (or nothing can move any more).
  let stuck = 0;
  while (diff !== 0 && stuck < n * 4 + 100) {
    const i = rng.int(0, n - 1);
    const v = out[i] as number;
    if (diff > 0 && v < hi) {
      out[i] = v + 1;
      diff--;
      stuck = 0;
    } else if (diff < 0 && v > lo) {
      out[i] = v - 1;
      diff++;
      stuck = 0;
    } else stuck++;
  }
  if (diff !== 0) {
    // Deterministic sweep for what random nudging could not place.
    for (let i = 0; i < n && diff !== 0; i++) {
      const v = out[i] as number;
      const step = diff > 0 ? Math.min(diff, hi - v) : -Math.min(-diff, v - lo);
      out[i] = v + step;
      diff -= step;
    }
  }
  return out;
}

function placeName(rng: Rng, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const prefix = rng.pick(NAME_PREFIX);
    let stem = rng.pick(NAME_STEM);
    if (prefix !== '' && !prefix.endsWith(' ')) stem = stem.toLowerCase();
    let name = `${prefix}${stem}${rng.pick(NAME_SUFFIX)}`;
    if (attempt > 20) name = `${name} ${attempt}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const dateOf = (rng: Rng, year: number, monthChance = 0.5): string =>
  rng.chance(monthChance) ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}` : String(year);

interface Place {
  region: Region;
  stateIdx: number;
  /** The district this place is (or lies in). */
  districtId: string;
  weight: number;
  actorIdx: number[];
  actorPick: Weighted<number> | null;
  near: number[];
}

// ---------------------------------------------------------------------------------------------

export function generateNetwork(options: Partial<GenerateOptions> = {}): GeneratedNetwork {
  const d = DEFAULT_GENERATE_OPTIONS;
  const opts: GenerateOptions = {
    regions: options.regions ?? d.regions,
    actors: options.actors ?? d.actors,
    projects: options.projects ?? d.projects,
    relationships: options.relationships ?? d.relationships,
    seed: options.seed ?? d.seed,
  };
  for (const [k, v] of Object.entries(opts)) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`generateNetwork: ${k} must be a non-negative integer (got ${v})`);
  }
  if (opts.regions < 3) throw new Error('generateNetwork: need at least 3 regions (state, planning region, district)');
  if (opts.actors < 2) throw new Error('generateNetwork: need at least 2 actors');
  const rng = new Rng(opts.seed);

  const sources: Source[] = [
    { id: BENCH_SOURCE_ID, title: 'Synthetischer Benchmark-Datensatz', url: null, date: '2025', publisher: 'Netzwerkatlas' },
  ];

  // ---- Regions: states → planning regions → districts (+ cities inside districts).
  const N = opts.regions;
  let S = Math.min(16, Math.max(N >= 8 ? 2 : 1, Math.round(N / 25)));
  while (3 * S > N && S > 1) S--;
  const P = Math.min(Math.max(Math.round(N * 0.2), S), Math.floor((N - S) / 2));
  const L = N - S - P;
  const states = STATES.slice(0, S);
  const regions: Region[] = [];
  const usedNames = new Set<string>();
  let regionNo = 0;
  const newRegionId = () => `r-${pad(++regionNo)}`;
  const clampLat = (x: number) => Math.min(55.0, Math.max(47.3, x));
  const clampLon = (x: number) => Math.min(15.0, Math.max(5.9, x));

  const stateRegions = states.map((s) => {
    const r: Region = { ...base, id: newRegionId(), name: s.name, kind: 'state', code: s.code, lat: s.lat, lon: s.lon, parentId: null };
    regions.push(r);
    return r;
  });
  const planningPerState = apportion(P, states.map((s) => s.pop), 1);
  const planning: { region: Region; stateIdx: number }[] = [];
  planningPerState.forEach((count, si) => {
    const s = states[si] as (typeof states)[number];
    for (let k = 0; k < count; k++) {
      const region: Region = {
        ...base,
        id: newRegionId(),
        name: `Region ${placeName(rng, usedNames)}`,
        kind: 'planning_region',
        code: null,
        lat: clampLat(rng.jitter(s.lat, s.spread * 0.8)),
        lon: clampLon(rng.jitter(s.lon, s.spread * 1.2)),
        parentId: (stateRegions[si] as Region).id,
      };
      regions.push(region);
      planning.push({ region, stateIdx: si });
    }
  });
  const leavesPerPlanning = apportion(
    L,
    planning.map((p) => (states[p.stateIdx] as (typeof states)[number]).pop / (planningPerState[p.stateIdx] as number) * (0.6 + rng.float() * 0.8)),
    1,
  );
  const places: Place[] = [];
  let districtNo = 0;
  planning.forEach((pl, pi) => {
    const n = leavesPerPlanning[pi] as number;
    const cities = n >= 2 ? Math.min(n - 1, Math.floor(n * 0.12 + rng.float())) : 0;
    const districts: Region[] = [];
    const st = states[pl.stateIdx] as (typeof states)[number];
    const r = Math.min(0.35, st.spread * 0.5 + 0.03);
    for (let k = 0; k < n - cities; k++) {
      const name = placeName(rng, usedNames);
      const region: Region = {
        ...base,
        id: newRegionId(),
        name: `Landkreis ${name}`,
        kind: 'district',
        code: `${st.code}${String(++districtNo % 1000).padStart(3, '0')}`,
        lat: clampLat(rng.jitter(pl.region.lat, r)),
        lon: clampLon(rng.jitter(pl.region.lon, r * 1.4)),
        parentId: pl.region.id,
      };
      regions.push(region);
      districts.push(region);
      places.push({ region, stateIdx: pl.stateIdx, districtId: region.id, weight: rng.pareto(1.3, 40), actorIdx: [], actorPick: null, near: [] });
    }
    for (let k = 0; k < cities; k++) {
      const d = rng.pick(districts);
      const region: Region = {
        ...base,
        id: newRegionId(),
        name: placeName(rng, usedNames),
        kind: 'city',
        code: null,
        lat: clampLat(rng.jitter(d.lat, 0.1)),
        lon: clampLon(rng.jitter(d.lon, 0.14)),
        parentId: d.id,
      };
      regions.push(region);
      places.push({ region, stateIdx: pl.stateIdx, districtId: d.id, weight: 4 * rng.pareto(1.3, 40), actorIdx: [], actorPick: null, near: [] });
    }
  });
  // City states are one big city each: give their places more weight.
  for (const p of places) if ((states[p.stateIdx] as (typeof states)[number]).spread <= 0.1) p.weight *= 4;

  // Nearest places (rough equirectangular distance) for "neighbouring region" draws.
  const K = Math.min(6, places.length - 1);
  for (const p of places) {
    const c = Math.cos((p.region.lat * Math.PI) / 180);
    p.near = places
      .map((q, j) => [((q.region.lat - p.region.lat) ** 2 + ((q.region.lon - p.region.lon) * c) ** 2), j] as const)
      .filter(([, j]) => places[j] !== p)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, K)
      .map(([, j]) => j);
  }
  const placeIdx = new Map(places.map((p, i) => [p.region.id, i]));

  // ---- Actors.
  const kindPick = Weighted.of(ACTOR_KINDS.map((k) => [k, KIND_WEIGHTS[k]] as const));
  const sectorPick = Weighted.of(SECTORS);
  const placePick = new Weighted(places.map((_, i) => i), places.map((p) => p.weight));
  const statePick = new Weighted(states.map((_, i) => i), states.map((s) => s.pop));
  const actors: Actor[] = [];
  const activity: number[] = [];
  const actorPlace: number[] = []; // -1: not in a district/city
  const funders: number[] = [];
  const shortName = (r: Region) => r.name.replace(/^Landkreis /, '');
  for (let i = 0; i < opts.actors; i++) {
    const kind = kindPick.sample(rng);
    let regionId: string | null;
    let pIdx = -1;
    if (kind === 'funder' && rng.chance(0.7)) regionId = (stateRegions[statePick.sample(rng)] as Region).id;
    else if (rng.chance(0.003)) regionId = null;
    else {
      pIdx = placePick.sample(rng);
      regionId = (places[pIdx] as Place).region.id;
    }
    const where = pIdx >= 0 ? shortName((places[pIdx] as Place).region) : regionId ? (regions.find((r) => r.id === regionId) as Region).name : 'Deutschland';
    const nSectors = rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3;
    const sectors: string[] = [];
    for (let k = 0; k < nSectors * 3 && sectors.length < nSectors; k++) {
      const s = sectorPick.sample(rng);
      if (!sectors.includes(s)) sectors.push(s);
    }
    const id = `a-${pad(i + 1)}`;
    actors.push({
      ...base,
      id,
      name: actorName(rng, kind, where, sectors[0] ?? 'beratung'),
      kind,
      sectors,
      regionId,
      website: rng.chance(0.3) ? `https://www.${id}.example.org` : null,
    });
    activity.push(KIND_ACTIVITY[kind] * rng.pareto(1.6, 30));
    actorPlace.push(pIdx);
    if (pIdx >= 0) (places[pIdx] as Place).actorIdx.push(i);
    if (kind === 'funder') funders.push(i);
  }
  for (const p of places) {
    if (p.actorIdx.length > 0) p.actorPick = new Weighted(p.actorIdx, p.actorIdx.map((i) => activity[i] as number));
  }
  const activePlaces = places.map((_, i) => i).filter((i) => (places[i] as Place).actorPick !== null);
  const globalPick = new Weighted(actors.map((_, i) => i), activity);
  const projectHomePick = new Weighted(activePlaces, activePlaces.map((i) => (places[i] as Place).actorPick?.total ?? 0));

  /** An actor from place `pi` (or its nearest place with actors; else anywhere), by activity. */
  const actorFrom = (pi: number): number => {
    const p = places[pi] as Place;
    if (p.actorPick) return p.actorPick.sample(rng);
    for (const j of p.near) {
      const q = (places[j] as Place).actorPick;
      if (q) return q.sample(rng);
    }
    return globalPick.sample(rng);
  };

  // ---- Projects: home, second region, dates, targets, events (counts first, rows later).
  const projects: Project[] = [];
  const targets: Target[] = [];
  const home: number[] = [];
  const second: number[] = []; // -1: single-region project
  const eventCounts: number[] = [];
  const byHome = new Map<number, number[]>();
  for (let j = 0; j < opts.projects; j++) {
    const h = activePlaces.length > 0 ? projectHomePick.sample(rng) : 0;
    const hp = places[h] as Place;
    const nearActive = hp.near.filter((k) => (places[k] as Place).actorPick !== null);
    const h2 = rng.chance(0.5) && nearActive.length > 0 ? rng.pick(nearActive.slice(0, 3)) : -1;
    home.push(h);
    second.push(h2);
    const startYear = rng.int(2010, 2026);
    const open = rng.chance(0.1);
    const endYear = open ? null : startYear + rng.int(0, 4);
    let start = dateOf(rng, startYear);
    let end = endYear === null ? null : dateOf(rng, endYear);
    if (end !== null && endYear === startYear && end < start) [start, end] = [end, start];
    const status: Project['status'] = rng.chance(0.03)
      ? 'unknown'
      : startYear > 2025
        ? 'planned'
        : endYear !== null && endYear < 2025
          ? 'completed'
          : 'running';
    const id = `p-${pad(j + 1)}`;
    let predecessorId: string | null = null;
    const earlier = byHome.get(h) ?? [];
    if (startYear >= 2013 && earlier.length > 0 && rng.chance(0.08)) {
      const cand = earlier.filter((k) => {
        const e = (projects[k] as Project).end;
        return e !== null && Number(e.slice(0, 4)) <= startYear;
      });
      if (cand.length > 0) predecessorId = (projects[rng.pick(cand)] as Project).id;
    }
    earlier.push(j);
    byHome.set(h, earlier);
    projects.push({
      ...base,
      id,
      name: `${rng.pick(PROJECT_TOPICS)} ${shortName(hp.region)}`,
      programme: rng.chance(0.8) ? rng.pick(PROGRAMMES) : null,
      start,
      end,
      status,
      goals: [],
      results: [],
      predecessorId,
    });
    const t1 = hp.districtId;
    targets.push({ subjectId: id, regionId: t1, role: 'target', description: null, sourceIds: SRC });
    if (h2 >= 0) {
      const t2 = (places[h2] as Place).districtId;
      if (t2 !== t1) targets.push({ subjectId: id, regionId: t2, role: rng.chance(0.3) ? 'partner' : 'target', description: null, sourceIds: SRC });
    }
    eventCounts.push(rng.chance(0.1) ? rng.int(1, 3) : 0);
  }

  // ---- Budgets.
  const rest = Math.max(0, opts.relationships - targets.length);
  const totalEvents = eventCounts.reduce((a, b) => a + b, 0);
  const maxPerProject = Math.min(61, opts.actors);
  const partBudget = Math.min(Math.round(rest * 0.62), opts.projects * maxPerProject);
  const maxPerEvent = Math.min(80, opts.actors);
  const eventBudget = Math.min(Math.round(rest * 0.08), totalEvents * maxPerEvent);

  // ---- Participations: one lead, skewed number of partners, mostly from home and second region.
  const rawSizes = projects.map(() => {
    const u = rng.float();
    return 1 + (u < 0.8 ? rng.int(3, 15) : u < 0.96 ? rng.int(16, 30) : rng.int(31, 60));
  });
  const sizes = fitSizes(rawSizes, partBudget, Math.min(2, maxPerProject), maxPerProject, rng);
  const participations: Participation[] = [];
  const members: number[][] = [];
  const part = (actorIdx: number, projectIdx: number, role: ParticipationRole): Participation => ({
    actorId: (actors[actorIdx] as Actor).id,
    projectId: (projects[projectIdx] as Project).id,
    role,
    contribution: null,
    description: null,
    sourceIds: SRC,
  });
  const rolePick = Weighted.of(PARTNER_ROLE_WEIGHTS);
  /** Draws a member not yet in `taken`: `draw` first, then any actor (deterministic scan). */
  const fresh = (taken: Set<number>, draw: () => number): number => {
    for (let k = 0; k < 30; k++) {
      const a = draw();
      if (!taken.has(a)) return a;
    }
    const startAt = rng.int(0, actors.length - 1);
    for (let k = 0; k < actors.length; k++) {
      const a = (startAt + k) % actors.length;
      if (!taken.has(a)) return a;
    }
    throw new Error('generateNetwork: ran out of actors');
  };
  projects.forEach((_, j) => {
    const size = sizes[j] as number;
    const h = home[j] as number;
    const h2 = second[j] as number;
    const hp = places[h] as Place;
    const taken = new Set<number>();
    const list: number[] = [];
    const add = (a: number, role: ParticipationRole) => {
      taken.add(a);
      list.push(a);
      participations.push(part(a, j, role));
    };
    const drawPartner = (): number => {
      const u = rng.float();
      if (h2 < 0) {
        if (u < 0.8) return actorFrom(h);
        if (u < 0.95 && hp.near.length > 0) return actorFrom(rng.pick(hp.near));
      } else {
        if (u < 0.45) return actorFrom(h);
        if (u < 0.85) return actorFrom(h2);
        if (u < 0.95 && hp.near.length > 0) return actorFrom(rng.pick(hp.near));
      }
      return globalPick.sample(rng); // a bridge to anywhere
    };
    add(fresh(taken, () => actorFrom(h)), 'lead');
    if (size >= 3 && funders.length > 0 && rng.chance(0.25)) add(fresh(taken, () => rng.pick(funders)), 'funder');
    while (list.length < size) add(fresh(taken, drawPartner), rolePick.sample(rng));
    members.push(list);
  });

  // ---- Events with attendees: the project's people plus local actors.
  const events: Event[] = [];
  const eventParticipations: EventParticipation[] = [];
  const eventProject: number[] = [];
  const eventKindPick = Weighted.of(EVENT_KIND_WEIGHTS);
  projects.forEach((p, j) => {
    for (let k = 0; k < (eventCounts[j] as number); k++) {
      const h = home[j] as number;
      const h2 = second[j] as number;
      const at = h2 >= 0 && rng.chance(0.3) ? h2 : h;
      const y0 = Number((p.start ?? '2018').slice(0, 4));
      const y1 = p.end === null ? Math.max(y0, 2026) : Number(p.end.slice(0, 4));
      const date = rng.chance(0.5) ? `${rng.int(y0, y1)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : dateOf(rng, rng.int(y0, y1), 1);
      const kind = eventKindPick.sample(rng);
      events.push({
        ...base,
        id: `e-${pad(events.length + 1)}`,
        name: `${kind === 'kick_off' ? 'Kick-off' : kind === 'workshop' ? 'Werkstatt' : kind === 'conference' ? 'Konferenz' : 'Treffen'} ${p.name}`,
        kind,
        date,
        endDate: null,
        placeId: (places[at] as Place).region.id,
        venue: rng.chance(0.3) ? `Rathaus ${shortName((places[at] as Place).region)}` : null,
        projectId: p.id,
      });
      eventProject.push(j);
    }
  });
  const rawAttendees = events.map(() => (rng.chance(0.85) ? rng.int(3, 12) : rng.int(13, 40)));
  const attendees = fitSizes(rawAttendees, eventBudget, Math.min(2, maxPerEvent), maxPerEvent, rng);
  events.forEach((e, k) => {
    const j = eventProject[k] as number;
    const team = members[j] as number[];
    const at = placeIdx.get(e.placeId as string) as number;
    const taken = new Set<number>();
    const add = (a: number, role: EventParticipation['role']) => {
      taken.add(a);
      eventParticipations.push({ actorId: (actors[a] as Actor).id, eventId: e.id, role, description: null, sourceIds: SRC });
    };
    const n = attendees[k] as number;
    add(team[0] as number, 'organiser');
    while (taken.size < n) {
      const fromTeam = rng.chance(0.6);
      const a = fresh(taken, () => (fromTeam ? rng.pick(team) : actorFrom(at)));
      add(a, rng.chance(0.1) ? 'presenter' : 'attendee');
    }
  });

  // ---- Direct cooperations fill the budget: mostly within a place, some to neighbours, a few anywhere.
  const coopBudget = Math.max(0, opts.relationships - targets.length - participations.length - eventParticipations.length);
  const cooperations: Cooperation[] = [];
  const coopKeys = new Set<string>();
  const coopKindPick = Weighted.of(COOP_KIND_WEIGHTS);
  let attempts = 0;
  while (cooperations.length < coopBudget && attempts < coopBudget * 50 + 1000) {
    attempts++;
    const a = globalPick.sample(rng);
    const pa = actorPlace[a] as number;
    const u = rng.float();
    let b: number;
    if (pa >= 0 && u < 0.65) b = actorFrom(pa);
    else if (pa >= 0 && u < 0.9 && (places[pa] as Place).near.length > 0) b = actorFrom(rng.pick((places[pa] as Place).near));
    else b = globalPick.sample(rng);
    if (a === b) continue;
    const kind = coopKindPick.sample(rng);
    const ka = (actors[a] as Actor).id;
    const kb = (actors[b] as Actor).id;
    if (coopKeys.has(`${ka}|${kb}|${kind}`) || coopKeys.has(`${kb}|${ka}|${kind}`)) continue;
    coopKeys.add(`${ka}|${kb}|${kind}`);
    const since = rng.chance(0.6) ? rng.int(2005, 2025) : null;
    const until = since !== null && rng.chance(0.2) ? since + rng.int(0, 6) : null;
    cooperations.push({
      actorId: ka,
      partnerId: kb,
      kind,
      since: since === null ? null : String(since),
      until: until === null ? null : String(until),
      description: null,
      sourceIds: SRC,
    });
  }

  return { sources, regions, actors, projects, events, stories: [], participations, eventParticipations, cooperations, targets };
}

function actorName(rng: Rng, kind: ActorKind, where: string, sector: string): string {
  const Sector = sector.charAt(0).toUpperCase() + sector.slice(1);
  switch (kind) {
    case 'company':
      return `${rng.pick(SURNAMES)} ${Sector} ${rng.pick(LEGAL)}`;
    case 'startup':
      return `${rng.pick(STARTUP_A)}${rng.pick(STARTUP_B)} GmbH`;
    case 'university':
      return `${rng.pick(['Hochschule', 'Universität', 'Technische Hochschule'])} ${where}`;
    case 'school':
      return `${rng.pick(['Berufsschulzentrum', 'Gymnasium', 'Oberschule'])} ${where}`;
    case 'research_institute':
      return `Institut für ${rng.pick(FIELDS)} ${where}`;
    case 'chamber':
      return `${rng.pick(['IHK', 'Handwerkskammer'])} ${where}`;
    case 'association':
      return `${rng.pick(['Netzwerk', 'Verein', 'Cluster'])} ${Sector} ${where} e. V.`;
    case 'municipality':
      return `${rng.pick(['Stadt', 'Gemeinde'])} ${where}`;
    case 'district_administration':
      return `Landratsamt ${where}`;
    case 'economic_development_agency':
      return `Wirtschaftsförderung ${where}`;
    case 'funder':
      return `${rng.pick(['Ministerium für Wirtschaft', 'Förderbank', 'Stiftung'])} ${where}`;
    case 'education_provider':
      return `Bildungswerk ${where}`;
    case 'civil_society':
      return `${rng.pick(['Bürgerstiftung', 'Initiative', 'Forum'])} ${where}`;
    case 'media':
      return `${where}er ${rng.pick(['Zeitung', 'Anzeiger', 'Rundschau'])}`;
    case 'other':
      return `Verbund ${Sector} ${where}`;
  }
}

/** participations + event participations + cooperations + targets */
export function relationshipCount(b: GraphBatch): number {
  return b.participations.length + b.eventParticipations.length + b.cooperations.length + b.targets.length;
}
