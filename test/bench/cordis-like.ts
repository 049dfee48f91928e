/**
 * A synthetic CORDIS export of real-scale shape, for `npm run bench -- --cordis-like`: the Horizon
 * 2020 projects with a German participant and all their partners (the measured network:
 * 24,981 organisations, 8,728 projects, 92,787 participations, 665,075 co-participation ties).
 *
 * Shape:
 * - Project sizes are heavy-tailed: 1 + a lognormal draw, capped at 120 partners (most consortia
 *   have 3–15 partners, a few over 60); `sigma` is calibrated so that the default sizes give about
 *   665,000 distinct co-participation ties.
 * - Organisations take part with Zipf-like activity (a few research organisations in hundreds of
 *   projects, most in one), so degree is heavy-tailed.
 * - 30 % of organisations are German; every project has at least one. German organisations sit in
 *   the 401 built-in districts (server/geo), drawn by population with a pull towards the cities (universities and
 *   research institutes), so regions are skewed as in the real data. Like CORDIS, most carry a
 *   NUTS-3 code, some only a geolocation, a few only a city and postcode, 0.5 % nothing at all.
 * - Written as `organization.csv` + `project.csv` in the CORDIS CSV layout (`;`, quoted, header).
 *
 * Everything is drawn from one seeded PRNG, so a seed and the sizes fix the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../server/analysis/random.ts';
import { germany, type GeoDistrict } from '../../server/geo/germany.ts';

export interface CordisLikeOptions {
  organisations: number;
  projects: number;
  participations: number;
  seed: number;
  /** Lognormal spread of the project sizes. */
  sigma: number;
}

export const CORDIS_LIKE_DEFAULTS: CordisLikeOptions = { organisations: 25_000, projects: 9_000, participations: 93_000, seed: 1, sigma: 0.772 };


export interface CordisLikeOrganisation {
  id: number;
  name: string;
  country: string;
  activityType: string;
  /** The district a German organisation lies in (the truth placement is checked against), else null. */
  ags: string | null;
  nutsCode: string;
  geolocation: string;
  city: string;
  postCode: string;
}

export interface CordisLikeProject {
  id: number;
  acronym: string;
  /** Organisation indexes, the first one the coordinator. */
  partners: number[];
  startDate: string;
  endDate: string;
}

export interface CordisLike {
  organisations: CordisLikeOrganisation[];
  projects: CordisLikeProject[];
  participations: number;
}

const FOREIGN = ['FR', 'IT', 'ES', 'NL', 'BE', 'UK', 'AT', 'CH', 'SE', 'PL', 'PT', 'DK', 'FI', 'GR', 'IE', 'CZ', 'NO', 'HU', 'IL', 'SI'];
const ACTIVITY = ['PRC', 'HES', 'REC', 'PUB', 'OTH'] as const;
const ACTIVITY_WEIGHT = [0.42, 0.2, 0.22, 0.1, 0.06];

/** Index into cumulative weights by binary search. */
function pick(cumulative: Float64Array, u: number): number {
  const target = u * (cumulative[cumulative.length - 1] as number);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cumulativeOf(weights: number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (c[i] = s += w));
  return c;
}

/** Germany's built-in districts (server/geo) unless given. */
export function generateCordisLike(options: Partial<CordisLikeOptions> = {}, districts: readonly GeoDistrict[] = germany().districts): CordisLike {
  const o = { ...CORDIS_LIKE_DEFAULTS, ...options };
  const random = seededRandom(o.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  // Cities pull research: a kreisfreie Stadt weighs three times its population.
  const districtWeight = cumulativeOf(districts.map((d) => d.population * (d.bez === 'Kreis' || d.bez === 'Landkreis' ? 1 : 3)));
  const organisations: CordisLikeOrganisation[] = [];
  for (let i = 0; i < o.organisations; i++) {
    const activityType = ACTIVITY[pick(cumulativeOf(ACTIVITY_WEIGHT), random())] as string;
    const id = 900_000_000 + i * 7;
    if (random() < 0.3) {
      const d = districts[pick(districtWeight, random())] as GeoDistrict;
      const form = random();
      // A point a few hundred metres from the centroid: inside the district for all but slivers.
      const lat = d.lat + (random() - 0.5) * 0.006;
      const lon = d.lon + (random() - 0.5) * 0.009;
      organisations.push({
        id,
        name: `Organisation ${i} ${d.shortName}`,
        country: 'DE',
        activityType,
        ags: d.ags,
        nutsCode: form < 0.75 ? d.nuts3 : '',
        geolocation: form < 0.97 ? `${lat.toFixed(6)},${lon.toFixed(6)}` : '',
        city: d.shortName,
        postCode: form < 0.995 ? String(10_000 + Math.floor(random() * 89_999)) : '',
      });
      if (form >= 0.995) Object.assign(organisations[i] as CordisLikeOrganisation, { city: '', geolocation: '', nutsCode: '' });
    } else {
      const country = FOREIGN[Math.floor(random() * FOREIGN.length)] as string;
      organisations.push({
        id,
        name: `Organisation ${i} ${country}`,
        country,
        activityType,
        ags: null,
        nutsCode: random() < 0.7 ? `${country}${Math.floor(random() * 9) + 1}${Math.floor(random() * 9) + 1}` : '',
        geolocation: '',
        city: `City ${Math.floor(random() * 500)}`,
        postCode: String(Math.floor(random() * 99_999)),
      });
    }
  }
  const german = organisations.flatMap((org, i) => (org.country === 'DE' ? [i] : []));

  // Zipf-like activity: rank r (a random permutation) weighs 1 / (r + 20)^1.05.
  const rank = Array.from({ length: o.organisations }, (_, i) => i);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rank[i], rank[j]] = [rank[j] as number, rank[i] as number];
  }
  const activity = cumulativeOf(rank.map((r) => 1 / (r + 20) ** 1.05));
  const germanActivity = cumulativeOf(german.map((i) => 1 / ((rank[i] as number) + 20) ** 1.05));

  // Sizes: 1 + lognormal, scaled so they sum to the participations exactly (the largest absorb rounding).
  const raw = Array.from({ length: o.projects }, () => Math.exp(o.sigma * normal()));
  const scale = (o.participations - o.projects) / raw.reduce((s, x) => s + x, 0);
  const sizes = raw.map((x) => Math.min(120, Math.max(1, 1 + Math.round(x * scale))));
  let diff = o.participations - sizes.reduce((s, x) => s + x, 0);
  for (let p = 0; diff !== 0; p = (p + 1) % o.projects) {
    const s = sizes[p] as number;
    if (diff > 0 && s < 120) {
      sizes[p] = s + 1;
      diff--;
    } else if (diff < 0 && s > 1) {
      sizes[p] = s - 1;
      diff++;
    }
  }

  // Participation slots: every organisation once (each takes part somewhere, by definition of the
  // export), the rest by activity; then dealt out to the projects (a bipartite configuration model),
  // each project opening with a German slot.
  const slots: number[] = Array.from({ length: o.organisations }, (_, i) => i);
  for (let k = o.organisations; k < o.participations; k++) slots.push(pick(activity, random()));
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [slots[i], slots[j]] = [slots[j] as number, slots[i] as number];
  }
  const isGerman = (i: number) => (organisations[i] as CordisLikeOrganisation).country === 'DE';
  const firsts: number[] = [];
  const rest: number[] = [];
  for (const s of slots) (firsts.length < o.projects && isGerman(s) ? firsts : rest).push(s);
  while (firsts.length < o.projects) firsts.push(german[pick(germanActivity, random())] as number);
  const projects: CordisLikeProject[] = [];
  let participations = 0;
  let next = 0;
  for (let p = 0; p < o.projects; p++) {
    const size = Math.min(sizes[p] as number, o.organisations);
    const members = new Set<number>([firsts[p] as number]);
    // A slot already in the project goes back to a random later place in the deck.
    for (let tries = 0; members.size < size && next < rest.length && tries < 50 * size; tries++) {
      const s = rest[next] as number;
      if (members.has(s)) {
        const j = next + 1 + Math.floor(random() * Math.max(1, rest.length - next - 1));
        if (j < rest.length) [rest[next], rest[j]] = [rest[j] as number, rest[next] as number];
        continue;
      }
      members.add(s);
      next++;
    }
    const partners = [...members];
    const c = Math.floor(random() * partners.length);
    [partners[0], partners[c]] = [partners[c] as number, partners[0] as number];
    const year = 2014 + Math.floor(random() * 7);
    const month = 1 + Math.floor(random() * 12);
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = `${year + 2 + Math.floor(random() * 3)}-${String(month).padStart(2, '0')}-28`;
    projects.push({ id: 600_000 + p * 3, acronym: `PRJ${p}`, partners, startDate: start, endDate: end });
    participations += partners.length;
  }
  return { organisations, projects, participations };
}

/** Distinct co-participation pairs (the actor–actor projection's ties). */
export function coParticipationTies(data: CordisLike): [number, number][] {
  const seen = new Set<number>();
  const ties: [number, number][] = [];
  const n = data.organisations.length;
  for (const p of data.projects) {
    const m = p.partners;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) {
        const a = Math.min(m[i] as number, m[j] as number);
        const b = Math.max(m[i] as number, m[j] as number);
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        ties.push([a, b]);
      }
  }
  return ties;
}

const quote = (v: string | number) => {
  const s = String(v);
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** organization.csv + project.csv in the CORDIS layout. */
export function writeCordisLike(data: CordisLike, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const orgColumns = ['projectID', 'projectAcronym', 'organisationID', 'vatNumber', 'name', 'shortName', 'SME', 'activityType', 'street', 'postCode', 'city', 'country', 'nutsCode', 'geolocation', 'organizationURL', 'contactForm', 'contentUpdateDate', 'rcn', 'order', 'role', 'ecContribution', 'netEcContribution', 'totalCost', 'endOfParticipation', 'active'];
  const orgLines = [orgColumns.join(';')];
  for (const p of data.projects) {
    p.partners.forEach((i, k) => {
      const org = data.organisations[i] as CordisLikeOrganisation;
      const row: Record<string, string | number> = {
        projectID: p.id,
        projectAcronym: p.acronym,
        organisationID: org.id,
        vatNumber: '',
        name: org.name,
        shortName: '',
        SME: 'false',
        activityType: org.activityType,
        street: '',
        postCode: org.postCode,
        city: org.city,
        country: org.country,
        nutsCode: org.nutsCode,
        geolocation: org.geolocation,
        organizationURL: '',
        contactForm: '',
        contentUpdateDate: '2022-01-01 00:00:00',
        rcn: 1_000_000 + i,
        order: k + 1,
        role: k === 0 ? 'coordinator' : 'participant',
        ecContribution: k % 5 === 4 ? 'NA' : (100_000 + ((i * 7919 + p.id) % 400_000)).toFixed(2),
        netEcContribution: '',
        totalCost: '',
        endOfParticipation: 'false',
        active: '',
      };
      orgLines.push(orgColumns.map((c) => quote(row[c] ?? '')).join(';'));
    });
  }
  writeFileSync(join(dir, 'organization.csv'), `${orgLines.join('\n')}\n`);
  const projectColumns = ['id', 'acronym', 'status', 'title', 'startDate', 'endDate', 'totalCost', 'ecMaxContribution', 'legalBasis', 'topics', 'ecSignatureDate', 'frameworkProgramme', 'masterCall', 'subCall', 'fundingScheme', 'nature', 'objective', 'contentUpdateDate', 'rcn', 'grantDoi'];
  const projectLines = [projectColumns.join(';')];
  for (const p of data.projects) {
    const row: Record<string, string | number> = {
      id: p.id,
      acronym: p.acronym,
      status: 'CLOSED',
      title: `Synthetic project ${p.acronym}`,
      startDate: p.startDate,
      endDate: p.endDate,
      frameworkProgramme: 'H2020',
      fundingScheme: 'RIA',
      objective: 'Generated for the benchmark.',
      contentUpdateDate: '2022-01-01 00:00:00',
    };
    projectLines.push(projectColumns.map((c) => quote(row[c] ?? '')).join(';'));
  }
  writeFileSync(join(dir, 'project.csv'), `${projectLines.join('\n')}\n`);
}
