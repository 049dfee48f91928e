/**
 * Builds Germany's built-in regions from the reference data (../shared/data/geo: BKG VG5000, state
 * 01.01.2021, licence dl-de/by-2-0; population Destatis 31.12.2018, CC BY 4.0): the text of
 * `server/geo/germany.json` (states and districts with AGS, NUTS-3 2021 and the Destatis 2018 code as
 * an alias, NUTS-1 per state, name, Kreis type, population, centroid, area, simplified boundary) and
 * of `client/geo/de-districts.topo.json` (the simplified boundaries as TopoJSON with our ids, AGS,
 * name, kind and state, for the client to draw; decode with topojson-client's `feature`).
 * `npm run geo:generate` writes them; a test checks the committed files are what this gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { districtDisplayName, districtId, stateId, type GermanyData, type GeoDistrict, type GeoState } from './germany-data.ts';

interface CsvRow {
  ags: string;
  name: string;
  bez: string;
  state_code: string;
  state_name: string;
  nuts3_2021: string;
  nuts3_destatis_2018: string;
  centroid_lon: string;
  centroid_lat: string;
  area_km2_2018: string;
  population_2018: string;
  destatis_name_2018: string;
}

type Ring = [number, number][];
interface Feature {
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  properties: { AGS: string };
}

export interface GeneratedGermany {
  /** Text of server/geo/germany.json. */
  server: string;
  /** Text of client/geo/de-districts.topo.json. */
  client: string;
  states: number;
  districts: number;
}

/** The two files from the reference data in `dir`; throws naming every problem found. */
export function generateGermany(dir: string): GeneratedGermany {
  const rows = parse(readFileSync(join(dir, 'de_districts_2021.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];
  const geo = JSON.parse(readFileSync(join(dir, 'de_districts_2021_simplified.geojson'), 'utf8')) as { features: Feature[] };
  const topo = JSON.parse(readFileSync(join(dir, 'de_districts_2021_simplified.topojson'), 'utf8')) as {
    type: string;
    arcs: unknown;
    transform: unknown;
    objects: Record<string, { type: string; geometries: { type: string; arcs: unknown; properties: { AGS: string } }[] }>;
  };

  const problems: string[] = [];
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  const polygonsOf = new Map<string, Ring[][]>();
  for (const f of geo.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    polygonsOf.set(f.properties.AGS, polys.map((p) => p.map((ring) => ring.map(([x, y]) => [round(x, 4), round(y, 4)] as [number, number]))));
  }

  const districts: GeoDistrict[] = rows.map((r) => {
    const polygons = polygonsOf.get(r.ags);
    if (!polygons) problems.push(`${r.ags} ${r.name}: no boundary in the geojson`);
    const aliases = [r.nuts3_destatis_2018].filter((c) => c !== '' && c !== r.nuts3_2021);
    return {
      id: districtId(r.ags),
      ags: r.ags,
      name: districtDisplayName(r.name, r.bez),
      shortName: r.name,
      bez: r.bez,
      state: r.state_code,
      nuts3: r.nuts3_2021,
      nuts3Aliases: aliases,
      population: Number(r.population_2018),
      areaKm2: Number(r.area_km2_2018),
      lat: Number(r.centroid_lat),
      lon: Number(r.centroid_lon),
      polygons: polygons ?? [],
    };
  });

  const stateCodes = [...new Set(rows.map((r) => r.state_code))].sort();
  const states: GeoState[] = stateCodes.map((code) => {
    const mine = districts.filter((d) => d.state === code);
    const area = mine.reduce((s, d) => s + d.areaKm2, 0);
    const nuts1 = [...new Set(mine.map((d) => d.nuts3.slice(0, 3)))];
    if (nuts1.length !== 1) problems.push(`state ${code}: districts in ${nuts1.length} NUTS-1 regions (${nuts1.join(', ')})`);
    return {
      id: stateId(code),
      ags: code,
      name: rows.find((r) => r.state_code === code)?.state_name ?? code,
      nuts1: nuts1[0] ?? '',
      population: mine.reduce((s, d) => s + d.population, 0),
      areaKm2: round(area, 2),
      // The area-weighted mean of its districts' centroids.
      lat: round(mine.reduce((s, d) => s + d.lat * d.areaKm2, 0) / area, 5),
      lon: round(mine.reduce((s, d) => s + d.lon * d.areaKm2, 0) / area, 5),
      cityState: mine.length <= 2 && mine.every((d) => d.bez === 'Kreisfreie Stadt'),
    };
  });

  const unique = (label: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${label} ${v}`);
      seen.add(v);
    }
  };
  unique('AGS', districts.map((d) => d.ags));
  unique('NUTS-3', districts.map((d) => d.nuts3));
  unique('name', districts.map((d) => d.name));
  if (problems.length > 0) throw new Error(`geo:generate: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);

  const data: GermanyData = {
    version: 'VG5000 2021-01-01',
    credit: '© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0; Bevölkerung: Destatis 31.12.2018, CC BY 4.0',
    states,
    districts,
  };
  // One district per line: readable diffs when the data is regenerated.
  const server = `{"version":${JSON.stringify(data.version)},"credit":${JSON.stringify(data.credit)},\n"states":[\n${states.map((s) => JSON.stringify(s)).join(',\n')}\n],\n"districts":[\n${districts.map((d) => JSON.stringify(d)).join(',\n')}\n]}\n`;
  const byAgs = new Map(districts.map((d) => [d.ags, d]));
  const [objectName] = Object.keys(topo.objects);
  const collection = topo.objects[objectName as string];
  if (!collection) throw new Error('the topojson holds no object');
  const clientTopo = {
    type: topo.type,
    transform: topo.transform,
    arcs: topo.arcs,
    objects: {
      districts: {
        type: collection.type,
        geometries: collection.geometries.map((g) => {
          const d = byAgs.get(g.properties.AGS);
          if (!d) throw new Error(`topojson: unknown AGS ${g.properties.AGS}`);
          return { type: g.type, arcs: g.arcs, id: d.id, properties: { ags: d.ags, name: d.name, kind: d.bez, state: stateId(d.state), nuts3: d.nuts3, population: d.population } };
        }),
      },
    },
  };
  return { server, client: `${JSON.stringify(clientTopo)}\n`, states: states.length, districts: districts.length };
}
