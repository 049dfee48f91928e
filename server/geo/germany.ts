/**
 * Germany built in: the 16 states and 401 districts of `germany.json` (BKG VG5000 2021), loaded
 * once, with lookups by AGS, NUTS code and name, and as region rows for the stores.
 */
import { readFileSync } from 'node:fs';
import type { Region, Source } from '../domain/model.ts';
import { foldPlain } from '../search/fold.ts';
import type { GeoDistrict, GeoState, GermanyData } from './germany-data.ts';

export { districtId, stateId, type GeoDistrict, type GeoState } from './germany-data.ts';

/** Where the built-in regions come from (every built-in region cites it). */
export const BKG_SOURCE: Source = {
  id: 's-bkg-vg5000',
  title: 'Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021 – © GeoBasis-DE / BKG 2021 (Daten verändert)',
  url: null,
  date: '2021-01-01',
  publisher: 'Bundesamt für Kartographie und Geodäsie (BKG)',
};

/** The attribution BKG asks for (dl-de/by-2-0), as the app shows it. */
export const BKG_CREDIT = 'Verwaltungsgrenzen: © GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0';

/** A name as a lookup key: lower case, umlauts to their base vowel, ß to ss, punctuation to spaces. */
export const nameKey = (s: string): string => foldPlain(s.replace(/ae/gi, 'a').replace(/oe/gi, 'o').replace(/ue/gi, 'u'));

export class Germany {
  readonly states: readonly GeoState[];
  readonly districts: readonly GeoDistrict[];
  readonly version: string;
  private readonly byAgs = new Map<string, GeoDistrict>();
  private readonly stateByAgs = new Map<string, GeoState>();
  private readonly byNuts = new Map<string, GeoDistrict>();
  private readonly stateByNuts1 = new Map<string, GeoState>();
  private readonly byId = new Map<string, GeoDistrict | GeoState>();

  constructor(data: GermanyData) {
    this.version = data.version;
    this.states = data.states;
    this.districts = data.districts;
    for (const s of data.states) {
      this.stateByAgs.set(s.ags, s);
      this.stateByNuts1.set(s.nuts1, s);
      this.byId.set(s.id, s);
    }
    for (const d of data.districts) {
      this.byAgs.set(d.ags, d);
      this.byId.set(d.id, d);
      this.byNuts.set(d.nuts3, d);
      for (const a of d.nuts3Aliases) if (!this.byNuts.has(a)) this.byNuts.set(a, d);
    }
  }

  district(ags5: string): GeoDistrict | undefined {
    return this.byAgs.get(ags5);
  }

  state(ags2: string): GeoState | undefined {
    return this.stateByAgs.get(ags2);
  }

  /** A district by its NUTS-3 code (2021, or the 2018 alias); upper case expected. */
  districtByNuts(code: string): GeoDistrict | undefined {
    return this.byNuts.get(code);
  }

  /** The state a NUTS-1 or NUTS-2 code lies in (a German NUTS-1 region is one state). */
  stateByNuts(code: string): GeoState | undefined {
    return this.stateByNuts1.get(code.slice(0, 3));
  }

  /** Is this one of the built-in region ids? */
  isBuiltinId(id: string): boolean {
    return this.byId.has(id);
  }

  stateOf(d: GeoDistrict): GeoState {
    return this.stateByAgs.get(d.state) as GeoState;
  }

  /** The built-in regions as store rows: states first, then districts (parent: their state). */
  regions(): Region[] {
    const de = (n: number) => n.toLocaleString('de-DE');
    const states: Region[] = this.states.map((s) => ({
      id: s.id,
      name: s.name,
      kind: 'state',
      code: s.ags,
      lat: s.lat,
      lon: s.lon,
      parentId: null,
      description: `Land (AGS ${s.ags}, NUTS-1 ${s.nuts1}); ${de(s.population)} Einwohner (31.12.2018).`,
      tags: s.cityState ? ['bundesland', 'stadtstaat'] : ['bundesland'],
      sourceIds: [BKG_SOURCE.id],
    }));
    const districts: Region[] = this.districts.map((d) => ({
      id: d.id,
      name: d.name,
      kind: 'district',
      code: d.ags,
      lat: d.lat,
      lon: d.lon,
      parentId: this.stateOf(d).id,
      description: `${d.bez} in ${this.stateOf(d).name} (AGS ${d.ags}, NUTS-3 ${d.nuts3}); ${de(d.population)} Einwohner (31.12.2018).`,
      tags: [d.bez.toLowerCase().replace(/\s+/g, '-')],
      sourceIds: [BKG_SOURCE.id],
    }));
    return [...states, ...districts];
  }
}

let loaded: Germany | null = null;

/** The shipped data, read once. */
export function germany(): Germany {
  loaded ??= new Germany(JSON.parse(readFileSync(new URL('./germany.json', import.meta.url), 'utf8')) as GermanyData);
  return loaded;
}
